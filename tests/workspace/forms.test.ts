/**
 * What workspace/forms.ts makes on the in-memory Apps Script: every question type as the spec
 * says, the options, a template's name, copies whose item ids change, reading a form that cannot
 * be read, and the Drive listing of the forms in a folder.
 */
import { describe, expect, it } from 'vitest';
import { snapshotForm } from '../../src/local/apps-script/forms';
import { installAppsScript } from '../../src/local/apps-script/install';
import { Runtime } from '../../src/local/apps-script/runtime';
import type { FormItemSpec, FormSectionSpec, FormSpec } from '../../src/render/formSpec';
import {
  buildTemplate,
  canRespond,
  copyTemplate,
  createForm,
  destinationOf,
  driveService,
  type FormTemplate,
  formsInFolderNamed,
  readResponses,
} from '../../src/workspace/forms';
import { smallPages } from './drivePages';
import { onFreshAppsScript } from './helpers';

let rt: Runtime;
onFreshAppsScript((fresh) => {
  rt = fresh;
});

const item = (key: string, type: FormItemSpec['type'], more: Partial<FormItemSpec> = {}): FormItemSpec => ({
  key,
  questionId: key,
  type,
  title: `Vraag ${key}`,
  help: '',
  required: false,
  ...more,
});

const specOf = (sections: FormSectionSpec[]): FormSpec => ({
  title: 'JGA-2026-001 stap 2B',
  description: 'Graag voor maandag.',
  confirmation: 'Dank u wel.',
  sections,
});

const newFolder = (name = 'Casus') => rt.uncounted(() => DriveApp.createFolder(name).getId());
const calls = (suffix: string) =>
  [...rt.counts].filter(([k]) => k.endsWith(suffix)).reduce((n, [, v]) => n + v, 0);

describe('createForm: every question type as the spec says', () => {
  it('scales and grids get their bounds, labels, rows and columns; the form is published', () => {
    const spec = specOf([
      {
        title: '',
        description: '',
        items: [
          item('s1', 'scale'),
          item('s0', 'scale', { scale: { min: 0, max: 5, minLabel: '', maxLabel: '' } }),
          item('s10', 'scale', { scale: { min: 1, max: 10, minLabel: 'slecht', maxLabel: 'goed' } }),
          item('g', 'grid', { rows: ['P001', 'P002'], choices: ['ja', 'nee'] }),
          item('cg', 'checkbox_grid', { rows: ['P001'], choices: ['school', 'werk'] }),
        ],
      },
    ]);
    rt.resetCounts();
    const made = createForm(spec, { folderId: newFolder(), allowEdits: false });
    expect(rt.counts.get('ScaleItem.setLabels')).toBe(1);
    const snap = snapshotForm(rt, made.formId);
    expect(snap.accepting).toBe(true);
    expect(
      snap.items.map((i) => ({
        type: i.type,
        bounds: i.bounds,
        labels: i.labels,
        rows: i.rows,
        columns: i.columns,
      })),
    ).toEqual([
      { type: 'SCALE', bounds: [1, 5], labels: ['', ''], rows: [], columns: [] },
      { type: 'SCALE', bounds: [0, 5], labels: ['', ''], rows: [], columns: [] },
      { type: 'SCALE', bounds: [1, 10], labels: ['slecht', 'goed'], rows: [], columns: [] },
      { type: 'GRID', bounds: null, labels: null, rows: ['P001', 'P002'], columns: ['ja', 'nee'] },
      { type: 'CHECKBOX_GRID', bounds: null, labels: null, rows: ['P001'], columns: ['school', 'werk'] },
    ]);
    const keys = ['s1', 's0', 's10', 'g', 'cg'];
    expect(made.itemMap).toEqual(Object.fromEntries(snap.items.map((i, k) => [String(i.id), keys[k]])));
  });

  it('invents no rows or columns: a grid without them is refused by Forms', () => {
    const folderId = newFolder();
    const one = (it: FormItemSpec) => specOf([{ title: '', description: '', items: [it] }]);
    expect(() =>
      createForm(one(item('g', 'grid', { choices: ['ja'] })), { folderId, allowEdits: false }),
    ).toThrow('Invalid argument: rows');
    expect(() =>
      createForm(one(item('g', 'checkbox_grid', { choices: ['ja'] })), { folderId, allowEdits: false }),
    ).toThrow('Invalid argument: rows');
    expect(() =>
      createForm(one(item('g', 'grid', { rows: ['P001'] })), { folderId, allowEdits: false }),
    ).toThrow('Invalid argument: columns');
  });

  it('a page break shows the section description only where there is one', () => {
    const spec = specOf([
      { title: '', description: '', items: [item('a', 'text')] },
      { title: 'Deel 1', description: 'Over de school.', items: [item('b', 'text')] },
      { title: 'Deel 2', description: '', items: [item('c', 'text', { help: 'Kort antwoord.' })] },
    ]);
    rt.resetCounts();
    const made = createForm(spec, { folderId: newFolder(), allowEdits: true });
    expect(rt.counts.get('PageBreakItem.setHelpText')).toBe(1);
    expect(snapshotForm(rt, made.formId).items.at(-1)!.help).toBe('Kort antwoord.');
    const breaks = snapshotForm(rt, made.formId).items.filter((i) => i.type === 'PAGE_BREAK');
    expect(breaks.map((b) => [b.title, b.help])).toEqual([
      ['Deel 1', 'Over de school.'],
      ['Deel 2', ''],
    ]);
  });

  it('asks for the folder once per run, however many forms go into it', () => {
    const folderId = newFolder();
    const spec = specOf([{ title: '', description: '', items: [item('a', 'text')] }]);
    rt.resetCounts();
    const a = createForm(spec, { folderId, allowEdits: false });
    const b = createForm(spec, { folderId, allowEdits: false });
    expect(rt.counts.get('DriveApp.getFolderById')).toBe(1);
    rt.uncounted(() => {
      for (const f of [a, b])
        expect(DriveApp.getFileById(f.formId).getParents().next().getId()).toBe(folderId);
    });
  });

  it('a new Apps Script (a new run) does not reuse a folder handle of the last one', () => {
    const spec = specOf([{ title: '', description: '', items: [item('a', 'text')] }]);
    const folderId = newFolder('Zelfde');
    createForm(spec, { folderId, allowEdits: false });
    // A second runtime with the same seed: the same folder id, another DriveApp.
    const other = new Runtime({ latency: false });
    const { uninstall } = installAppsScript(other);
    try {
      const otherFolder = other.uncounted(() => DriveApp.createFolder('Zelfde').getId());
      other.resetCounts();
      const made = createForm(spec, { folderId: otherFolder, allowEdits: false });
      expect(other.counts.get('DriveApp.getFolderById')).toBe(1);
      expect(other.uncounted(() => DriveApp.getFileById(made.formId).getParents().next().getId())).toBe(
        otherFolder,
      );
    } finally {
      uninstall();
    }
  });
});

describe('buildTemplate', () => {
  it('names the template after the first 12 characters of its key, no personal data', () => {
    const t = buildTemplate(specOf([{ title: '', description: '', items: [item('a', 'text')] }]), {
      key: '0123456789abcdefXYZ',
      folderId: newFolder('Sjablonen'),
      allowEdits: false,
    });
    expect(rt.uncounted(() => DriveApp.getFileById(t.formId).getName())).toBe(
      'Sjabloon 0123456789ab (niet invullen)',
    );
  });
});

describe('copyTemplate: item ids of the copy', () => {
  /** A template that opens and ends with a page break: '', a, b, ''. */
  function template(items: FormItemSpec[]): { t: FormTemplate; spec: FormSpec } {
    const spec = specOf([
      { title: '', description: '', items: [] },
      { title: 'Deel 1', description: '', items },
      { title: 'Slot', description: '', items: [] },
    ]);
    const t = rt.uncounted(() =>
      buildTemplate(spec, { key: 'k', folderId: newFolder('Sjablonen'), allowEdits: false }),
    );
    return { t, spec };
  }

  /** Drive.Files.copy, after which the copy's items at `positions` get new ids; records the arguments. */
  function copyRenumbering(positions: number[]): unknown[][] {
    const g = globalThis as { Drive?: GoogleAppsScript.Drive };
    const real = g.Drive!;
    const seen: unknown[][] = [];
    g.Drive = {
      Files: {
        copy: (...a: unknown[]) => {
          seen.push(a);
          const made = (real.Files.copy as (...x: unknown[]) => { id: string })(...a);
          const items = (rt.getEntry(made.id).data as { items: { id: number }[] }).items;
          for (const p of positions) items[p]!.id += 1_000_000;
          return made;
        },
      },
    } as unknown as GoogleAppsScript.Drive;
    return seen;
  }

  const questionIds = (formId: string) =>
    snapshotForm(rt, formId)
      .items.filter((i) => i.type !== 'PAGE_BREAK')
      .map((i) => String(i.id));

  it('compares only the first and the last question, never a page break, and asks Drive for the id only', () => {
    const { t, spec } = template([item('a', 'text'), item('b', 'paragraph')]);
    expect(t.itemIds.map((id) => id === '')).toEqual([true, false, false, true]);
    const seen = copyRenumbering([]);
    rt.resetCounts();
    const copy = copyTemplate(t, spec, { folderId: newFolder() })!;
    expect(calls('.getId')).toBe(2);
    expect(seen[0]![2]).toEqual({ fields: 'id' });
    expect(Object.keys(copy.itemMap)).toEqual(questionIds(copy.formId));
  });

  for (const [what, positions] of [
    ['the last', [2]],
    ['the first', [1]],
  ] as const) {
    it(`reads every id again when ${what} question has a new id in the copy`, () => {
      const { t, spec } = template(
        [item('a', 'text'), item('m', 'text'), item('b', 'paragraph')].slice(0, 2),
      );
      copyRenumbering([...positions]);
      const copy = copyTemplate(t, spec, { folderId: newFolder() })!;
      const ids = questionIds(copy.formId);
      expect(copy.itemMap).toEqual({ [ids[0]!]: 'a', [ids[1]!]: 'm' });
    });
  }

  it('a template with one question costs one id call', () => {
    const { t, spec } = template([item('a', 'text')]);
    copyRenumbering([]);
    rt.resetCounts();
    const copy = copyTemplate(t, spec, { folderId: newFolder() })!;
    expect(calls('.getId')).toBe(1);
    expect(Object.values(copy.itemMap)).toEqual(['a']);
  });

  it('a template without questions (a form with only its own sections) is copied without comparing ids', () => {
    const spec = specOf([{ title: '', description: '', items: [] }]);
    const t = rt.uncounted(() =>
      buildTemplate(spec, { key: 'leeg', folderId: newFolder('Sjablonen'), allowEdits: false }),
    );
    const own = [{ title: 'Actie A1', description: '', own: true, items: [item('6.stand|A1', 'text')] }];
    const copy = copyTemplate(t, spec, { folderId: newFolder(), own })!;
    const snap = snapshotForm(rt, copy.formId);
    expect(snap.items.map((i) => i.type)).toEqual(['PAGE_BREAK', 'TEXT']);
    expect(copy.itemMap).toEqual({ [String(snap.items[1]!.id)]: '6.stand|A1' });
  });

  it('a template edited by hand gives no form, and its copy goes to the trash', () => {
    const { t, spec } = template([item('a', 'text')]);
    rt.uncounted(() => FormApp.openById(t.formId).addTextItem().setTitle('Erbij gezet'));
    const folderId = newFolder();
    expect(copyTemplate(t, spec, { folderId })).toBeNull();
    expect(formsInFolderNamed(folderId)).toEqual([]);
  });
});

describe('reading a form that is not there', () => {
  it('readResponses says why, destinationOf says none, canRespond concludes nothing', () => {
    const read = readResponses('bestaat-niet');
    expect(read.ok).toBe(false);
    expect(read).toEqual({ ok: false, reason: expect.stringMatching(/\S/) });
    const formId = rt.uncounted(() => FormApp.create('Zonder bestemming').getId());
    expect(destinationOf(formId)).toBeNull();
    expect(canRespond('bestaat-niet')).toBeNull();
  });
});

describe('driveService', () => {
  const message = /De geavanceerde Drive-service \(Drive API v3\) staat niet aan/;
  it('says in Dutch how to switch the Drive service on when it is missing or off', () => {
    const g = globalThis as { Drive?: unknown };
    const saved = Object.getOwnPropertyDescriptor(g, 'Drive')!;
    try {
      delete g.Drive;
      expect(() => driveService()).toThrow(message);
      g.Drive = null;
      expect(() => driveService()).toThrow(message);
      g.Drive = undefined;
      expect(() => driveService()).toThrow(message);
    } finally {
      Object.defineProperty(g, 'Drive', saved);
    }
    expect(driveService()).toBe(g.Drive);
  });
});

describe('formsInFolderNamed', () => {
  it('reads every page and only the forms not in the trash', () => {
    const folderId = newFolder();
    const ids = rt.uncounted(() => {
      const folder = DriveApp.getFolderById(folderId);
      const out: string[] = [];
      for (let i = 0; i < 4; i++) {
        const id = FormApp.create(`Formulier ${i}`).getId();
        DriveApp.getFileById(id).moveTo(folder);
        out.push(id);
      }
      const doc = DocumentApp.create('Geen formulier').getId();
      DriveApp.getFileById(doc).moveTo(folder);
      DriveApp.getFileById(out[3]!).setTrashed(true);
      return out;
    });
    const pages = smallPages(2);
    expect(formsInFolderNamed(folderId)).toEqual(
      ids.slice(0, 3).map((id, i) => ({ id, name: `Formulier ${i}` })),
    );
    expect(pages()).toBe(2);
  });

  it('a quote in a folder id is part of the id, not of the query', () => {
    const folderId = newFolder();
    rt.uncounted(() =>
      DriveApp.getFileById(FormApp.create('Formulier').getId()).moveTo(DriveApp.getFolderById(folderId)),
    );
    expect(formsInFolderNamed(`${folderId}'`)).toEqual([]);
    expect(formsInFolderNamed(folderId)).toHaveLength(1);
  });
});
