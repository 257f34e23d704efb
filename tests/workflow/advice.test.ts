/**
 * The advice to the lokale driehoek (workflow/advice.ts) on a fresh case: what starting step 4
 * refuses and why (each reason on its own line), that the coordinator's text in the Advies tab
 * is never overwritten, and what a ready advice leaves behind: the document, one link mail per
 * driehoek member and the log. The whole step 4 on a played case is in adviceAndSharing.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ADVICE_SHEET, type Advice } from '../../src/model/adviceSheet';
import { ADVICE_MAX_PAGES, buildAdvice } from '../../src/render/advice';
import { estimateLength } from '../../src/render/pages';
import {
  ensureAdviceTab,
  prepareAdvice,
  readAdviceTab,
  requireAdvice,
  writeAdviceTab,
} from '../../src/workflow/advice';
import { assembleView } from '../../src/workflow/assemble';
import type { CaseHandle } from '../../src/workflow/context';
import { LOG, NAMES, OUTBOX } from '../../src/workflow/records';
import { appendRows, ensureTable, readTable } from '../../src/workspace/tables';
import { ADVICE, freshLocalCase, refusal } from './helpers';

const DRIEHOEK = 'burgemeester@testdorp.example, teamchef@politie.example';
const READY = 'Stap 4 start pas als het advies aan de lokale driehoek klaar is.';
const NO_DRIEHOEK =
  'Instellingen (register), "E-mail lokale driehoek" is leeg: vul de adressen van burgemeester, politie en OM in';
const NO_TAB = `De tab ${ADVICE_SHEET} ontbreekt in de casusspreadsheet.`;

let dispose: (() => void) | null = null;
afterEach(() => {
  dispose?.();
  dispose = null;
});

/** A fresh case whose register names the driehoek (unless `driehoek` is ''). */
function setup(driehoek = DRIEHOEK) {
  const { local, h } = freshLocalCase();
  dispose = () => local.dispose();
  h.reg.settings.driehoekEmails = driehoek;
  const tab = () => h.ss.getSheetByName(ADVICE_SHEET);
  return { local, h, tab };
}

/** A namenlijst with one person, as step 2B makes it. */
function withNamenlijst(h: CaseHandle): void {
  const names = SpreadsheetApp.create('JGA namenlijst');
  ensureTable(names, NAMES);
  appendRows(names, NAMES, [{ Code: 'P1', Naam: 'Testpersoon Aardbei', Geboortejaar: 2010 }]);
  h.row.namesId = names.getId();
}

describe('advies: de tab Advies', () => {
  it('een ontbrekende tab wordt leeg gemaakt; een ingevulde blijft zoals de procesregisseur hem schreef', () => {
    const { h, tab } = setup();
    expect(readAdviceTab(h)).toEqual({ ok: false, errors: [NO_TAB] });
    ensureAdviceTab(h);
    expect(tab()!.getRange('A2').getValue()).toBe('Probleemdefinitie');
    expect(tab()!.getRange('B2').getValue()).toBe('');
    writeAdviceTab(h, ADVICE);
    ensureAdviceTab(h);
    expect(readAdviceTab(h)).toMatchObject({
      ok: true,
      value: { probleemdefinitie: ADVICE.probleemdefinitie },
    });
  });
});

describe('advies: stap 4 geweigerd', () => {
  it('zonder tab: die reden, en de lege tab staat klaar om in te vullen (ook met een namenlijst)', () => {
    const { h, tab } = setup();
    withNamenlijst(h);
    expect(refusal(() => requireAdvice(h))).toBe(`${READY} Nog te doen:\n- ${NO_TAB}`);
    expect(tab()!.getRange('A2').getValue()).toBe('Probleemdefinitie');
    const again = refusal(() => requireAdvice(h));
    expect(again).toContain(`${ADVICE_SHEET}!B2: Probleemdefinitie is leeg`);
    expect(again).not.toContain(NO_TAB);
  });

  it('een half ingevuld advies: alleen wat ontbreekt, en de tekst die er staat blijft staan', () => {
    const { h, tab } = setup();
    writeAdviceTab(h, ADVICE);
    tab()!.getRange('B4').setValue('');
    const message = refusal(() => requireAdvice(h));
    expect(message).toContain(`${ADVICE_SHEET}!B4: Onderbouwing van het advies is leeg`);
    expect(message).not.toContain('B2');
    expect(tab()!.getRange('B2').getValue()).toBe(ADVICE.probleemdefinitie);
    expect(tab()!.getRange('B5').getValue()).toBe(ADVICE.sporen.groep);
  });

  it('zonder adressen van de driehoek, ook als het advies zelf klaar is; elke reden op een eigen regel', () => {
    const { h } = setup('');
    writeAdviceTab(h, ADVICE);
    expect(refusal(() => requireAdvice(h))).toBe(`${READY} Nog te doen:\n- ${NO_DRIEHOEK}`);
    h.ss.deleteSheet(h.ss.getSheetByName(ADVICE_SHEET)!);
    expect(refusal(() => requireAdvice(h))).toBe(`${READY} Nog te doen:\n- ${NO_DRIEHOEK}\n- ${NO_TAB}`);
    expect(refusal(() => prepareAdvice(h, 1))).toContain(NO_DRIEHOEK);
    expect(readTable(h.ss, OUTBOX)).toEqual([]);
  });

  it('een naam uit de namenlijst in het advies, met de cel', () => {
    const { h, tab } = setup();
    writeAdviceTab(h, ADVICE);
    withNamenlijst(h);
    tab()!.getRange('B5').setValue('Gesprek met Testpersoon Aardbei en zijn ouders.');
    const message = refusal(() => requireAdvice(h));
    expect(message.startsWith(`${READY} Nog te doen:\n- ${ADVICE_SHEET}!B5: `)).toBe(true);
    expect(message).not.toContain('Aardbei');
  });
});

describe('advies: hooguit drie A4-pagina’s', () => {
  const sentence = 'De groep hangt elke avond rond bij het winkelcentrum en intimideert het personeel. ';
  const pagesOf = (h: CaseHandle, advice: Advice) =>
    estimateLength(buildAdvice(assembleView(h), advice)).pages;

  it('precies drie pagina’s mag', () => {
    const { h } = setup();
    // The longest probleemdefinitie that still fits (pages grow with the text).
    let lo = 1;
    let hi = 200;
    const at = (n: number): Advice => ({ ...ADVICE, probleemdefinitie: sentence.repeat(n).trim() });
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (pagesOf(h, at(mid)) <= ADVICE_MAX_PAGES) lo = mid;
      else hi = mid - 1;
    }
    expect(pagesOf(h, at(lo))).toBe(ADVICE_MAX_PAGES);
    writeAdviceTab(h, at(lo));
    expect(prepareAdvice(h, 1)).toBeTruthy();
  });

  it('te lang: de drie langste velden met hun cel, elk op een eigen regel', () => {
    const { h } = setup();
    writeAdviceTab(h, {
      ...ADVICE,
      probleemdefinitie: sentence.repeat(60).trim(),
      onderbouwing: sentence.repeat(50).trim(),
      sporen: { groep: sentence.repeat(40).trim() },
      capaciteit: { politie: sentence.repeat(30).trim() },
    });
    const message = refusal(() => prepareAdvice(h, 1));
    const [head, ...fields] = message.split('\n- ');
    expect(head).toMatch(
      new RegExp(
        `^${READY} Het advies wordt ongeveer \\d+ A4-pagina's; het mag er hooguit ${ADVICE_MAX_PAGES} zijn\\. Maak de langste velden korter:$`,
      ),
    );
    const len = (n: number) => sentence.repeat(n).trim().length;
    expect(fields).toEqual([
      `${ADVICE_SHEET}!B2: Probleemdefinitie (${len(60)} tekens)`,
      `${ADVICE_SHEET}!B4: Onderbouwing van het advies (${len(50)} tekens)`,
      `${ADVICE_SHEET}!B5: Concept plan: groepsgericht (${len(40)} tekens)`,
    ]);
    expect(readTable(h.ss, OUTBOX)).toEqual([]);
  });
});

describe('advies: klaar', () => {
  it('een document met de casuscode in de naam, één linkmail per lid van de driehoek, en het logboek', () => {
    const { h } = setup();
    writeAdviceTab(h, ADVICE);
    const logged = readTable(h.ss, LOG).length;
    const id = prepareAdvice(h, 2);
    expect(DriveApp.getFileById(id).getName()).toBe(`${h.row.code} advies driehoek`);
    const mails = readTable(h.ss, OUTBOX);
    expect(mails.map((m) => [m.to, m.key, m.formKey, m.kind])).toEqual([
      ['burgemeester@testdorp.example', 'advies#2#burgemeester@testdorp.example', '4#2#driehoek', 'advies'],
      ['teamchef@politie.example', 'advies#2#teamchef@politie.example', '4#2#driehoek', 'advies'],
    ]);
    expect(
      readTable(h.ss, LOG)
        .slice(logged)
        .map((e) => [e.event, e.detail]),
    ).toEqual([
      ['gedeeld', `${h.row.code} advies driehoek: 3 lezer(s) toegevoegd, 0 verwijderd`],
      [
        'advies',
        `Advies aan de lokale driehoek ${h.row.code} klaargezet; link naar 2 lid/leden van de driehoek`,
      ],
    ]);
    // Again in the same round: the same document, nobody mailed twice.
    expect(prepareAdvice(h, 2)).toBe(id);
    expect(readTable(h.ss, OUTBOX)).toHaveLength(2);
    expect(readTable(h.ss, LOG).at(-1)!.detail).toContain('link naar 0 lid/leden');
  });
});
