/**
 * The name guard over a whole case: random fictional names in the namenlijst, some of them typed
 * by partners into their answers (before and after the namenlijst exists), played through steps
 * 1 to 4 of the demo. Afterwards every file, form, mail, log line and property the in-memory
 * Apps Script recorded is searched for the names: they may be only in the namenlijst and in the
 * restricted store of what partners typed (the case spreadsheet's `_antwoorden` ledger and the
 * forms' own responses, which the scan does not read).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotDocument } from '../../src/local/apps-script/document';
import { snapshotForm } from '../../src/local/apps-script/forms';
import { MIME } from '../../src/local/apps-script/runtime';
import { snapshotSpreadsheet } from '../../src/local/apps-script/spreadsheet';
import { unzip } from '../../src/local/apps-script/unzip';
import { demoScenarioPath, loadScenario } from '../../src/local/demo/loadScenario';
import type { Scenario } from '../../src/local/demo/scenarioSchema';
import { CATALOG } from '../../src/model/catalog';
import { verifyChain } from '../../src/model/logChain';
import { nameMatcher } from '../../src/model/names';
import { openCase, openRegister } from '../../src/workflow/context';
import { type LettersResult, makeLetters } from '../../src/workflow/letters';
import { ANSWERS, FORMS, LOG } from '../../src/workflow/records';
import { readTable } from '../../src/workspace/tables';
import type { Played } from './helpers';
import { play, rng } from './helpers';

const SYLLABLES = ['ka', 'ro', 'mi', 'zu', 'fe', 'lo', 'qui', 'dax', 'vor', 'tel', 'bri', 'nuk', 'sel', 'xa'];

/** A fictional name no Dutch text holds by chance: three syllables and a rare ending. */
function fictionalName(next: () => number): string {
  const word = (n: number, end: string) => {
    let w = '';
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(next() * SYLLABLES.length)];
    return w.charAt(0).toUpperCase() + w.slice(1) + end;
  };
  return `${word(2, 'ix')} ${word(3, 'quorn')}`;
}

/** Questions where a partner types free text. */
const FREE_TEXT = new Map(
  CATALOG.filter((q) => q.type === 'paragraph' || q.type === 'text').map((q) => [q.id, q.type] as const),
);

const SEED = 20261204 + Math.floor(Math.random() * 1000);
let scenario: Scenario;
let names: string[];
let p: Played;
let letters: LettersResult;

beforeAll(() => {
  const loaded = loadScenario(demoScenarioPath());
  if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
  const next = rng(SEED);
  const base = loaded.scenario;
  names = base.persons.map(() => fictionalName(next));
  const persons = base.persons.map((x, i) => ({ ...x, naam: names[i]! }));
  // Steps 1 to 4: the namenlijst, person-level forms, every document and the advice exist.
  const steps = base.steps.slice(0, 5).map((s, k) => ({
    ...s,
    submissions: Object.fromEntries(
      Object.entries(s.submissions).map(([partner, sub], j) => {
        // Every free-text answer of every other partner mentions a person, in another spelling.
        if ((j + k) % 2 === 1) return [partner, sub];
        const answers = Object.fromEntries(
          Object.entries(sub.answers).map(([q, v]) => {
            const type = FREE_TEXT.get(q.split('|')[0]!);
            if (typeof v !== 'string' || !type) return [q, v];
            const who = names[Math.floor(next() * names.length)]!;
            const spelled = next() < 0.5 ? who.toUpperCase() : who.replace(' ', '\u200B ');
            return [q, `${v} Gezien met ${spelled}.`];
          }),
        );
        return [partner, { ...sub, answers }];
      }),
    ),
  }));
  scenario = { ...base, persons, steps };
  p = play(scenario);
  // The information letters: the only documents besides the namenlijst that hold the names.
  letters = makeLetters(openCase(openRegister(), p.result.caseHandle.row.code), 'informatiebrief');
});
afterAll(() => p?.local.dispose());

/** All text a reader outside the namenlijst could see, by where it is. */
function everything(): { where: string; text: string }[] {
  const rt = p.local.rt;
  const h = openCase(openRegister(), p.result.caseHandle.row.code);
  const out: { where: string; text: string }[] = [];
  const decoder = new TextDecoder('utf-8', { fatal: false });
  // The response spreadsheet holds a copy of the forms' responses: the restricted store too.
  const books = new Set(readTable(h.ss, FORMS).map((f) => f.sheetBook));
  for (const e of rt.drive.values()) {
    out.push({ where: `bestandsnaam ${e.id}`, text: e.name });
    if (e.id === h.row.namesId || books.has(e.id) || e.parentIds.includes(letters.folderId)) continue;
    if (e.mimeType === MIME.spreadsheet) {
      const snap = snapshotSpreadsheet(rt, e.id);
      for (const s of snap.sheets) {
        if (e.id === h.row.spreadsheetId && s.name === ANSWERS.name) continue;
        out.push({ where: `${e.name} / ${s.name}`, text: JSON.stringify([s.values, s.notes]) });
      }
    } else if (e.mimeType === MIME.document) {
      out.push({ where: e.name, text: JSON.stringify(snapshotDocument(rt, e.id)) });
    } else if (e.mimeType === MIME.form) {
      // What the form shows; its responses are the restricted store.
      const { responses: _kept, ...shown } = snapshotForm(rt, e.id);
      out.push({ where: e.name, text: JSON.stringify(shown) });
    } else if (e.bytes) {
      const files = e.bytes[0] === 0x50 && e.bytes[1] === 0x4b ? [...unzip(e.bytes).values()] : [e.bytes];
      for (const f of files) out.push({ where: e.name, text: decoder.decode(f) });
    }
  }
  for (const m of rt.mailbox) out.push({ where: `mail ${m.subject}`, text: `${m.subject}\n${m.body}` });
  for (const l of rt.logs) out.push({ where: 'log', text: l.message });
  out.push({
    where: 'eigenschappen',
    text: JSON.stringify([
      PropertiesService.getScriptProperties().getProperties(),
      PropertiesService.getUserProperties().getProperties(),
    ]),
  });
  return out;
}

describe('de naamwacht over een hele casus met willekeurige namen', () => {
  it(`laat geen naam uit de namenlijst buiten de namenlijst en de beperkte opslag (seed ${SEED})`, () => {
    const m = nameMatcher(names);
    const surnames = nameMatcher(names.map((n) => n.split(' ')[1]!));
    const leaks = everything()
      .filter((x) => m.test(x.text) || surnames.test(x.text))
      .map((x) => x.where);
    expect(leaks).toEqual([]);
  });

  it('de informatiebrieven met de namen staan alleen in de beperkte map naast de namenlijst', () => {
    const h = openCase(openRegister(), p.result.caseHandle.row.code);
    const rt = p.local.rt;
    const m = nameMatcher(names);
    const docs = [...rt.drive.values()].filter((e) => e.mimeType === MIME.document);
    const withNames = docs.filter((e) => m.test(JSON.stringify(snapshotDocument(rt, e.id))));
    expect(withNames).toHaveLength(names.length);
    expect(withNames.every((e) => e.parentIds.length === 1 && e.parentIds[0] === letters.folderId)).toBe(
      true,
    );
    const namesFolder = rt.drive.get(h.row.namesId)!.parentIds[0];
    expect(rt.drive.get(letters.folderId)!.parentIds).toEqual([namesFolder]);
    expect(namesFolder).not.toBe(h.row.folderId);
    expect(
      withNames.every((e) => !m.test(e.name) && e.name.startsWith(`Informatiebrief ${h.row.code} P-`)),
    ).toBe(true);
  });

  it('bewaart wat partners typten ongewijzigd in de beperkte opslag, en het Logboek zegt waar zonder de naam', () => {
    const h = openCase(openRegister(), p.result.caseHandle.row.code);
    const m = nameMatcher(names);
    const ledger = readTable(h.ss, ANSWERS);
    expect(ledger.filter((r) => m.test(r.value)).length).toBeGreaterThan(5);
    const replaced = readTable(h.ss, LOG).filter((l) => l.event === 'naam vervangen');
    expect(replaced.length).toBeGreaterThan(5);
    for (const l of replaced) expect(m.test(l.detail)).toBe(false);
    expect(replaced[0]!.detail).toMatch(/^formulier \S+, inzending \S+ versie \d+, vraag \S+/);
  });

  it('geen regel van het Logboek van de hele casus bevat antwoordtekst, en de keten van het Logboek klopt', () => {
    const h = openCase(openRegister(), p.result.caseHandle.row.code);
    // Every answer a partner typed or chose that is long enough to be content, not a yes or a number.
    const answers = [...new Set(readTable(h.ss, ANSWERS).map((r) => r.value.trim()))].filter(
      (v) => v.length >= 12,
    );
    expect(answers.length).toBeGreaterThan(20);
    const log = readTable(h.ss, LOG);
    expect(log.length).toBeGreaterThan(20);
    const leaks = log.flatMap((l) =>
      answers
        .filter((a) => l.detail.includes(a) || l.event.includes(a))
        .map((a) => `${l.event}: ${a.slice(0, 30)}`),
    );
    expect(leaks).toEqual([]);
    // The visible Logboek tab too (what the views show of it).
    const tab = h.ss.getSheetByName('Logboek');
    const shown = tab ? JSON.stringify(tab.getDataRange().getValues()) : '';
    expect(answers.filter((a) => shown.includes(a))).toEqual([]);
    expect(verifyChain(log, null).changed).toEqual([]);
  });
});
