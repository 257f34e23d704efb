/**
 * Random cases played end to end: ten partners, fifteen persons, random answers (some late,
 * some twice, some never), all seven steps with two monitoring rounds. Whatever happens, the
 * invariants hold: every form registered once, no formula anywhere, no name outside the
 * namenlijst, no partner mailed twice with the same mail, and the views rebuilt from the
 * forms alone are identical.
 */

import { describe, expect, it } from 'vitest';
import { snapshotDocument } from '../../src/local/apps-script/document';
import { snapshotForm, submitAsRespondent } from '../../src/local/apps-script/forms';
import { snapshotSpreadsheet } from '../../src/local/apps-script/spreadsheet';
import { fictionalCaseInput } from '../../src/local/demo/caseInput';
import { startLocalAppsScript } from '../../src/local/harness';
import { replay } from '../../src/model/caseMachine';
import { isoDate } from '../../src/model/time';
import type { Partner, PartnerKind, StepId } from '../../src/model/types';
import { PARTNER_KINDS } from '../../src/model/types';
import { writeAdviceTab } from '../../src/workflow/advice';
import { readDecisions } from '../../src/workflow/assemble';
import { openCase, openRegister } from '../../src/workflow/context';
import { recordDecision } from '../../src/workflow/decide';
import { dispatchAll } from '../../src/workflow/dispatcher';
import { knownLettersFolder } from '../../src/workflow/letters';
import { openNewCase } from '../../src/workflow/newCase';
import { addPersons } from '../../src/workflow/persons';
import { writePlanTab } from '../../src/workflow/planTab';
import { rebuildViews } from '../../src/workflow/publish';
import { reconcileCase } from '../../src/workflow/reconcile';
import { ANSWERS, FORMS, OUTBOX } from '../../src/workflow/records';
import { setupRegister } from '../../src/workflow/registerTabs';
import { startIncomplete, startStep } from '../../src/workflow/startStep';
import { readTable, replaceTable } from '../../src/workspace/tables';
import { ADVICE, rng } from './helpers';

const KINDS: readonly PartnerKind[] = PARTNER_KINDS;
const ALL_STEPS: StepId[] = ['1', '2A', '2B', '3', '4', '5', '6', '7'];
const NAMES = Array.from({ length: 15 }, (_, i) => `Testnaam${String.fromCharCode(65 + i)}x Fictief`);

const TRICKY = [
  '=SUM(1;2)',
  '+31 6 12345678',
  '0612345678',
  '@iemand',
  '1/2',
  '<b>vet</b>',
  '{{naam}}',
  'gewoon',
];

function answerForm(rt: ReturnType<typeof startLocalAppsScript>['rt'], formId: string, r: () => number) {
  const snap = snapshotForm(rt, formId);
  const answers: Record<number, string | string[]> = {};
  for (const it of snap.items) {
    if (!it.required && r() < 0.4) continue;
    const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
    if (it.type === 'MULTIPLE_CHOICE' || it.type === 'LIST') answers[it.id] = pick(it.choices);
    else if (it.type === 'CHECKBOX') answers[it.id] = [pick(it.choices)];
    else if (it.type === 'SCALE')
      answers[it.id] = String(it.bounds![0] + Math.floor(r() * (it.bounds![1] - it.bounds![0] + 1)));
    else if (it.type === 'DATE') answers[it.id] = '2026-02-03';
    else if (it.type === 'GRID') answers[it.id] = it.rows.map(() => pick(it.columns));
    else if (it.type === 'TEXT' || it.type === 'PARAGRAPH_TEXT')
      answers[it.id] = `${pick(TRICKY)} ${Math.floor(r() * 1000)}`;
  }
  return submitAsRespondent(rt, formId, answers);
}

function play(seed: number) {
  const r = rng(seed);
  const local = startLocalAppsScript({ now: Date.UTC(2026, 0, 12, 8, 0), seed });
  const rt = local.rt;
  try {
    const partners: Partner[] = KINDS.map((kind, i) => ({
      id: `${kind.replace('_', '-')}-${i}`,
      organisation: `Organisatie ${i} (${kind})`,
      kind,
      contactName: `Contact ${i}`,
      email: `contact${i}@partner${i}.example`,
      steps: ALL_STEPS.filter((s) => s === '6' || r() < 0.8),
      levels: ['groep', 'persoon', 'domein', 'online'],
      active: true,
      convenantSigned: '2025-09-01',
    }));
    const reg = SpreadsheetApp.create('Register');
    rt.boundContainerId = reg.getId();
    setupRegister(reg, {
      settings: {
        gemeente: 'Willekeurig',
        coordinatorEmail: 'regie@willekeurig.example',
        driehoekEmails: 'burgemeester@willekeurig.example',
        retentionMonths: 12,
        allowResponseEdits: true,
      },
      partners,
    });
    const code = openNewCase(openRegister(), fictionalCaseInput()).row.code;
    const h = () => openCase(openRegister(), code);
    const path: [StepId, string][] = [
      ['1', 'verder_verkennen'],
      ['2A', 'problematisch'],
      ['2B', 'bevestigd'],
      ['3', 'gereed'],
      ['4', 'geprioriteerd'],
      ['5', 'vastgesteld'],
      ['6', 'doorgaan'],
      ['6', 'afschalen'],
      ['7', 'afgerond'],
    ];
    for (const [step, outcome] of path) {
      if (step === '2B')
        addPersons(
          h(),
          NAMES.map((naam) => ({ naam })),
        );
      if (step === '4')
        writeAdviceTab(h(), { ...ADVICE, capaciteit: { [partners[0]!.id]: 'Een avond per week.' } });
      startStep(h());
      while (startIncomplete(h())) {
        rt.advance(15 * 60_000);
        dispatchAll(openRegister());
      }
      const state = replay(code, readDecisions(h().ss));
      for (const f of readTable(h().ss, FORMS).filter(
        (x) => x.step === step && Number(x.round) === state.round,
      )) {
        const roll = r();
        if (roll < 0.15) continue; // never answers
        rt.advance(Math.floor(r() * 5) * 24 * 3600_000);
        answerForm(rt, String(f.formId), r);
        if (roll > 0.9) answerForm(rt, String(f.formId), r); // twice
      }
      rt.advance(3 * 24 * 3600_000);
      dispatchAll(openRegister());
      if (step === '5') {
        const persons = readTable(h().ss, { name: '_personen', columns: ['code'] }).map((p) =>
          String(p.code),
        );
        const owners = partners.filter((p) => p.steps.includes('6'));
        writePlanTab(h(), {
          criteria: [{ id: 'C1', text: 'Geen overlast meer' }],
          evaluationDate: '2026-12-31',
          goals: [
            {
              id: 'D1',
              text: 'Minder overlast',
              indicator: 'Meldingen per maand',
              baseline: 10,
              target: 5,
              measureDate: '2026-12-31',
            },
          ],
          actions: owners.slice(0, 5).map((o, i) => ({
            id: `A${i + 1}`,
            spoor: i % 2 ? ('persoon' as const) : ('groep' as const),
            text: `Actie ${i + 1}`,
            goalId: 'D1',
            owner: o.id,
            start: '2026-01-05',
            frequency: 'wekelijks',
            deadline: '2026-12-31',
            ...(i % 2 ? { subject: persons[i]! } : {}),
          })),
        });
      }
      recordDecision(
        h(),
        {
          step,
          round: state.round,
          outcome,
          motivation: 'Besproken in het overleg.',
          decidedBy: 'overleg',
          date: isoDate(rt.now(), 'Europe/Amsterdam'),
        },
        'regie@willekeurig.example',
      );
    }
    return { local, code, h };
  } catch (e) {
    local.dispose();
    throw e;
  }
}

describe('willekeurige casussen', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    it(`seed ${seed}: alle invarianten gelden`, () => {
      const { local, code, h } = play(seed);
      try {
        const rt = local.rt;
        expect(h().row.status).toBe('gesloten');
        const forms = readTable(h().ss, FORMS);
        expect(new Set(forms.map((f) => f.formKey)).size).toBe(forms.length);
        const outbox = readTable(h().ss, OUTBOX);
        expect(new Set(outbox.map((o) => o.key)).size).toBe(outbox.length);
        expect(outbox.filter((o) => o.status === 'verstuurd')).toHaveLength(rt.mailbox.length);
        // No formula anywhere, no name outside the namenlijst and the closing letters beside it.
        const texts: string[] = [];
        const letters = knownLettersFolder(code);
        for (const e of rt.drive.values()) {
          if (letters && e.parentIds.includes(letters)) {
            texts.push(e.name);
            continue;
          }
          if (e.mimeType === 'application/vnd.google-apps.spreadsheet') {
            const snap = snapshotSpreadsheet(rt, e.id);
            // One assertion over every cell (an expect per cell costs more than the case itself).
            const formulas = snap.sheets.flatMap((s) =>
              s.formulas.flatMap((row, i) =>
                row.flatMap((f, j) => (f ? [`${s.name}!${i + 1}:${j + 1} ${f}`] : [])),
              ),
            );
            expect(formulas).toEqual([]);
            if (e.id !== h().row.namesId) texts.push(JSON.stringify(snap));
          }
          if (e.mimeType === 'application/vnd.google-apps.document')
            texts.push(JSON.stringify(snapshotDocument(rt, e.id)));
          if (e.mimeType === 'application/vnd.google-apps.form')
            texts.push(JSON.stringify(snapshotForm(rt, e.id)));
          texts.push(e.name);
        }
        for (const m of rt.mailbox) texts.push(m.subject, m.body);
        const all = texts.join('\n');
        for (const n of NAMES) expect(all).not.toContain(n.split(' ')[0]!);
        // Rebuilt from the forms alone, the visible tabs are the same.
        const visible = () =>
          Object.fromEntries(
            snapshotSpreadsheet(rt, h().row.spreadsheetId)
              .sheets.filter((s) => !s.hidden && s.name !== 'Logboek')
              .map((s) => [
                s.name,
                s.name === 'Overzicht' ? s.values.filter((v) => v[0] !== 'Stand van') : s.values,
              ]),
          );
        rebuildViews(h());
        const before = visible();
        replaceTable(h().ss, ANSWERS, []);
        reconcileCase(h(), { includeClosed: true });
        rebuildViews(h());
        expect(visible()).toEqual(before);
        expect(code).toMatch(/^JGA-2026-\d{3}$/);
      } finally {
        local.dispose();
      }
    });
  }
});
