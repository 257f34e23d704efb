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
import { templateKey } from '../../src/render/formTemplate';
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
});
