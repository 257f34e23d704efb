/** A start that needs more than one execution: it stops in time and the coordinator sees how far it is. */

import { afterEach, describe, expect, it } from 'vitest';
import { snapshotSpreadsheet } from '../../src/local/apps-script/spreadsheet';
import { fictionalCaseInput } from '../../src/local/demo/caseInput';
import type { LocalAppsScript } from '../../src/local/harness';
import { openCase, openRegister } from '../../src/workflow/context';
import { dispatchAll, refreshCase } from '../../src/workflow/dispatcher';
import { tryWithLock } from '../../src/workflow/lock';
import { openNewCase } from '../../src/workflow/newCase';
import { rebuildViews } from '../../src/workflow/publish';
import { FORMS, LOG } from '../../src/workflow/records';
import { INVITE_RESERVE_MS, startStep } from '../../src/workflow/startStep';
import { readTable } from '../../src/workspace/tables';
import { fillRequired, freshLocalCase } from './helpers';

let local: LocalAppsScript;
afterEach(() => local.dispose());

const overview = (id: string) =>
  JSON.stringify(snapshotSpreadsheet(local.rt, id).sheets.find((s) => s.name === 'Overzicht')!.values);

describe('een start in delen', () => {
  it('begint geen formulier meer als het langste tot nu toe niet meer in het budget past', () => {
    const f = freshLocalCase();
    local = f.local;
    startStep(f.h); // the templates exist from here on: every later case copies them
    // How long the first two forms of a case take (emulated time since the start began).
    const twin = openNewCase(openRegister(), fictionalCaseInput());
    const t0 = local.rt.now();
    const at: number[] = [];
    startStep(twin, { onProgress: () => at.push(local.rt.now() - t0) });
    const [first, second] = at as [number, number];
    // Room for the first form and half of another: the second is not begun.
    const h = openNewCase(openRegister(), fictionalCaseInput());
    const r = startStep(h, { budgetMs: first + (second - first) / 2 });
    expect(r.created).toHaveLength(1);
    expect(r.remaining).toHaveLength(2);
    expect([r.made, r.total]).toEqual([1, 3]);
    // Room for a second form as long as the longest, but not for the invitations of both: the
    // end of the run (one invitation per form made) is reserved too.
    const longest = Math.max(first, second - first);
    const h2 = openNewCase(openRegister(), fictionalCaseInput());
    const tight = startStep(h2, { budgetMs: first + longest + INVITE_RESERVE_MS });
    expect(tight.created).toHaveLength(1);
    const h3 = openNewCase(openRegister(), fictionalCaseInput());
    const roomy = startStep(h3, { budgetMs: first + longest + 2 * INVITE_RESERVE_MS + 1 });
    expect(roomy.created.length).toBeGreaterThanOrEqual(2);
  });

  it('laat in het logboek, het resultaat en het Overzicht zien hoe ver het is; de dispatcher maakt het af', () => {
    const f = freshLocalCase();
    local = f.local;
    const progress: string[] = [];
    const r = startStep(f.h, { budgetMs: 1, onProgress: (made, total) => progress.push(`${made}/${total}`) });
    expect(progress).toEqual(['1/3']);
    expect(readTable(f.h.ss, LOG).map((l) => String(l.detail))).toContainEqual(
      expect.stringContaining(
        '1 van 3 formulieren gemaakt; de andere 2 volgen bij de volgende automatische bijwerking',
      ),
    );
    expect(r.remaining).toHaveLength(2);
    rebuildViews(f.h);
    expect(overview(f.h.row.spreadsheetId)).toContain('1 van 3 formulieren gemaakt');
    local.rt.advance(60 * 60 * 1000);
    dispatchAll(openRegister());
    // Done: the Overzicht no longer says anything is missing.
    expect(overview(f.h.row.spreadsheetId)).not.toContain('formulieren gemaakt');
  });

  it('een run die de start voortzet, leest de formulieren die nog gemaakt worden niet; een latere run leest alles', () => {
    const f = freshLocalCase();
    local = f.local;
    const code = f.h.row.code;
    startStep(f.h, { budgetMs: 1 });
    const first = readTable(f.h.ss, FORMS)[0]!;
    fillRequired(local.rt, first.formId);
    const run = (budgetMs?: number) => {
      local.rt.advance(15 * 60 * 1000);
      local.rt.resetCounts();
      const r = tryWithLock(() =>
        refreshCase(openCase(openRegister(), code), budgetMs === undefined ? {} : { budgetMs }),
      );
      if (!r.ok) throw new Error('geen slot');
      return { r: r.value, reads: local.rt.counts.get('Form.getResponses') ?? 0 };
    };
    // The start goes on (one more form) and is not done: its forms wait, the answer too.
    const a = run(1);
    expect(readTable(f.h.ss, FORMS)).toHaveLength(2);
    expect([a.reads, a.r.reconcile.newResponses]).toEqual([0, 0]);
    // The start is done in this run: the forms made before are read, the one made now is not.
    const b = run();
    expect(readTable(f.h.ss, FORMS)).toHaveLength(3);
    expect([b.reads, b.r.reconcile.newResponses]).toEqual([2, 1]);
    expect(local.rt.counts.get('Form.setDestination') ?? 0).toBe(0);
    // Nothing is lost: the next run links every form to the response spreadsheet (the runs that
    // continued the start left that) and reads them all.
    const c = run();
    expect(c.reads).toBe(3);
    expect(local.rt.counts.get('Form.setDestination')).toBe(3);
    expect(readTable(f.h.ss, FORMS).every((r) => r.sheetBook !== '' && /^\d+$/.test(r.sheetTab))).toBe(true);
    // From then on a run without news opens none of them.
    expect(run().reads).toBe(0);
  });
});
