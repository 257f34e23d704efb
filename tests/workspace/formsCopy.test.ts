/**
 * Building a form against copying it from a template, for the largest form of a case (the
 * police in step 2B with 60 persons), counted per call on the in-memory Apps Script.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { snapshotForm } from '../../src/local/apps-script/forms';
import type { LocalAppsScript } from '../../src/local/harness';
import { startLocalAppsScript } from '../../src/local/harness';
import { CATALOG } from '../../src/model/catalog';
import { partnerQuestions } from '../../src/model/partnerQuestions';
import { levelsFor } from '../../src/model/partners';
import type { Partner } from '../../src/model/types';
import { buildFormSpec, type FormSpec } from '../../src/render/formSpec';
import { showsProgressBar, splitOwn, templateKey } from '../../src/render/formTemplate';
import { buildTemplate, copyTemplate, createForm } from '../../src/workspace/forms';
import { PARTNERS } from '../workflow/helpers';

let local: LocalAppsScript;
beforeEach(() => {
  local = startLocalAppsScript({ now: Date.UTC(2026, 0, 12, 8, 0) });
});
afterEach(() => local.dispose());

const persons = Array.from({ length: 60 }, (_, i) => `P${String(i + 1).padStart(3, '0')}`);

function policeSpec(organisation: string): FormSpec {
  const partner = { ...PARTNERS[0]!, organisation } as Partner;
  return buildFormSpec(
    {
      caseCode: 'JGA-2026-001',
      step: '2B',
      round: 1,
      stepLabel: '2B',
      partner,
      deadlineText: 'maandag 26 januari 2026',
      persons,
      plan: null,
      levels: levelsFor(partner, '2B'),
    },
    partnerQuestions(CATALOG, partner, '2B', true),
  );
}

function counted<T>(fn: () => T): { value: T; calls: number; byMethod: Record<string, number> } {
  local.rt.resetCounts();
  const value = fn();
  return { value, calls: local.rt.totalCalls(), byMethod: Object.fromEntries(local.rt.counts) };
}

describe('een groot formulier bouwen of kopiëren', () => {
  it('de kopie kost een vast aantal aanroepen, het bouwen één of meer per vraag', () => {
    const folderId = DriveApp.createFolder('Casus').getId();
    const templatesId = DriveApp.createFolder('Sjablonen').getId();
    const a = policeSpec('Politie Basisteam Noord');
    const b = policeSpec('Politie Basisteam Zuid');
    const key = templateKey(a, { allowEdits: true });
    // Same questions, other partner: the same template.
    expect(templateKey(b, { allowEdits: true })).toBe(key);
    expect(templateKey(b, { allowEdits: false })).not.toBe(key);

    const direct = counted(() => createForm(a, { folderId, allowEdits: true }));
    const template = counted(() => buildTemplate(a, { key, folderId: templatesId, allowEdits: true }));
    const copy = counted(() => copyTemplate(template.value, b, { folderId }));
    const items = snapshotForm(local.rt, direct.value.formId).items.length;

    expect(copy.byMethod['Drive.Files.copy']).toBe(1);
    expect(copy.calls).toBeLessThanOrEqual(11);
    expect(direct.calls).toBeGreaterThan(items * 2);
    expect(template.calls).toBeLessThan(direct.calls);
    // The copy answers the same way: its item map has the same keys, on the copy's own items.
    expect(Object.values(copy.value!.itemMap).sort()).toEqual(Object.values(direct.value.itemMap).sort());
    const copyIds = snapshotForm(local.rt, copy.value!.formId).items.map((i) => String(i.id));
    for (const id of Object.keys(copy.value!.itemMap)) expect(copyIds).toContain(id);
    const snap = snapshotForm(local.rt, copy.value!.formId);
    expect(snap.title).toBe(b.title);
    expect(snap.description).toBe(b.description);
    expect(snap.accepting).toBe(true);
  });

  it('roept geen setter aan die de standaardwaarde zet en vraagt de id van een pagina-einde niet op', () => {
    const templatesId = DriveApp.createFolder('Sjablonen').getId();
    const folderId = DriveApp.createFolder('Casus').getId();
    const scale = { min: 1 as const, max: 5, minLabel: '', maxLabel: '' };
    const spec: FormSpec = {
      title: 'T',
      description: 'D',
      confirmation: 'Dank u wel.',
      sections: [
        // No questions before the first page break (a form with only person questions).
        { title: '', description: '', items: [] },
        {
          title: 'Deel 1',
          description: 'Uitleg bij deel 1.',
          items: [
            { key: 'a', questionId: 'a', type: 'scale', title: 'Schaal', help: '', required: false, scale },
            { key: 'b', questionId: 'b', type: 'paragraph', title: 'Toelichting', help: '', required: false },
          ],
        },
        {
          title: 'Deel 2',
          description: '',
          items: [{ key: 'c', questionId: 'c', type: 'text', title: 'Kort', help: 'Hulp', required: true }],
        },
      ],
    };
    const built = counted(() => buildTemplate(spec, { key: 'k', folderId: templatesId, allowEdits: false }));
    for (const m of [
      'Form.setCollectEmail',
      'Form.setPublishingSummary',
      'Form.setAllowResponseEdits',
      'ScaleItem.setBounds',
      'ScaleItem.setLabels',
      'ScaleItem.setHelpText',
      'ScaleItem.setRequired',
      'PageBreakItem.getId',
    ]) {
      expect(built.byMethod[m] ?? 0, m).toBe(0);
    }
    // What was not set is the default of a new form (reference/forms/form).
    const t = snapshotForm(local.rt, built.value.formId);
    expect(t.items.map((i) => i.type)).toEqual([
      'PAGE_BREAK',
      'SCALE',
      'PARAGRAPH_TEXT',
      'PAGE_BREAK',
      'TEXT',
    ]);
    expect(built.value.itemIds.filter((id) => id === '')).toHaveLength(2);
    const model = local.rt.getEntry(built.value.formId).data as Record<string, unknown>;
    expect([model.collectEmail, model.allowResponseEdits, model.publishingSummary]).toEqual([
      false,
      false,
      false,
    ]);
    // Set where the form differs from the default: three sections show a progress bar.
    expect([model.showLinkToRespondAgain, model.progressBar]).toEqual([false, true]);
    // A copy maps every question, also when the form opens with a page break.
    const copy = copyTemplate(built.value, { ...spec, title: 'Kopie' }, { folderId })!;
    expect(Object.values(copy.itemMap).sort()).toEqual(['a', 'b', 'c']);
    const ids = snapshotForm(local.rt, copy.formId).items.filter((i) => i.type !== 'PAGE_BREAK');
    expect(Object.keys(copy.itemMap).sort()).toEqual(ids.map((i) => String(i.id)).sort());
  });

  it('partners met dezelfde vragen delen het sjabloon; hun eigen acties komen op de kopie erbij', () => {
    const templatesId = DriveApp.createFolder('Sjablonen').getId();
    const folderId = DriveApp.createFolder('Casus').getId();
    const own = (id: string): FormSpec['sections'][number] => ({
      title: `Actie ${id}`,
      description: `Over actie ${id}.`,
      own: true,
      items: [
        {
          key: `6.stand|${id}`,
          questionId: '6.stand',
          type: 'choice',
          title: 'Stand',
          help: '',
          required: true,
          choices: ['Loopt', 'Klaar'],
        },
        {
          key: `6.toelichting|${id}`,
          questionId: '6.toelichting',
          type: 'paragraph',
          title: 'Toelichting',
          help: '',
          required: false,
        },
      ],
    });
    const shared: FormSpec['sections'][number] = {
      title: '',
      description: '',
      items: [
        {
          key: '6.algemeen',
          questionId: '6.algemeen',
          type: 'paragraph',
          title: 'Algemeen',
          help: '',
          required: false,
        },
      ],
    };
    const spec = (title: string, actions: string[]): FormSpec => ({
      title,
      description: title,
      confirmation: 'Dank u wel.',
      sections: [shared, ...actions.map(own)],
    });
    const a = spec('Partner A', ['A1', 'A2']);
    const b = spec('Partner B', ['B1']);
    const sa = splitOwn(a);
    const sb = splitOwn(b);
    expect(sa.own.map((x) => x.title)).toEqual(['Actie A1', 'Actie A2']);
    expect(templateKey(sa.shared, { allowEdits: false })).toBe(templateKey(sb.shared, { allowEdits: false }));
    const t = buildTemplate(sa.shared, { key: 'k', folderId: templatesId, allowEdits: false });
    const made = [a, b].map((full) => {
      const { shared: sh, own: o } = splitOwn(full);
      return counted(() =>
        copyTemplate(t, full, {
          folderId,
          own: o,
          progressBar: showsProgressBar(full) && !showsProgressBar(sh),
        }),
      );
    });
    expect(made.map((m) => m.byMethod['FormApp.create'] ?? 0)).toEqual([0, 0]);
    const [fa, fb] = made.map((m) => m.value!);
    const snapA = snapshotForm(local.rt, fa!.formId);
    expect(snapA.items.map((i) => i.title)).toEqual([
      'Algemeen',
      'Actie A1',
      'Stand',
      'Toelichting',
      'Actie A2',
      'Stand',
      'Toelichting',
    ]);
    expect(snapshotForm(local.rt, fb!.formId).items.map((i) => i.title)).toEqual([
      'Algemeen',
      'Actie B1',
      'Stand',
      'Toelichting',
    ]);
    // Every question of the copy is in its item map, under its own key.
    expect(Object.values(fa!.itemMap).sort()).toEqual(
      ['6.algemeen', '6.stand|A1', '6.stand|A2', '6.toelichting|A1', '6.toelichting|A2'].sort(),
    );
    for (const [id, key] of Object.entries(fa!.itemMap)) {
      expect(snapA.items.find((i) => String(i.id) === id)?.title).toBe(
        key.startsWith('6.stand') ? 'Stand' : key === '6.algemeen' ? 'Algemeen' : 'Toelichting',
      );
    }
    // Three pages: a progress bar, on A only.
    const model = (id: string) => local.rt.getEntry(id).data as { progressBar: boolean };
    expect([model(fa!.formId).progressBar, model(fb!.formId).progressBar]).toEqual([true, false]);
  });
});
