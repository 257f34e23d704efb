/**
 * The product in a Dutch spreadsheet: a whole case (register, case spreadsheet, forms, decisions)
 * played in spreadsheets with locale nl_NL (the default, as a Dutch account makes them) and once
 * in en_US. What is stored and shown must not depend on how Sheets would read typed text
 * (`1,5`, `31-1-2026`): both runs end with the same values in every tab.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { MIME } from '../../src/local/apps-script/runtime';
import { snapshotSpreadsheet } from '../../src/local/apps-script/spreadsheet';
import { modelOf } from '../../src/local/apps-script/spreadsheet-model';
import { type Played, play, shortScenario } from './helpers';

interface Outcome {
  locales: string[];
  zones: string[];
  tabs: Record<string, unknown>;
}

function outcome(p: Played): Outcome {
  const { rt } = p.local;
  const out: Outcome = { locales: [], zones: [], tabs: {} };
  for (const e of rt.entriesOf(MIME.spreadsheet)) {
    const snap = snapshotSpreadsheet(rt, e.id);
    out.locales.push(modelOf(e).locale);
    out.zones.push(modelOf(e).timeZone);
    for (const s of snap.sheets) {
      // `sheetPrint` is a fingerprint of a response tab's shown values (workspace/responseBook),
      // compared only with itself in the same spreadsheet: it follows the locale by design.
      const values = JSON.parse(JSON.stringify(s.values)) as unknown[][];
      const skip = (values[0] ?? []).indexOf('sheetPrint');
      out.tabs[`${e.name}/${s.name}`] = skip < 0 ? values : values.map((r) => r.filter((_, i) => i !== skip));
    }
  }
  return out;
}

let nl: Outcome;
let en: Outcome;
beforeAll(() => {
  const a = play(shortScenario());
  nl = outcome(a);
  a.local.dispose();
  const b = play(shortScenario(), { locale: 'en_US' });
  en = outcome(b);
  b.local.dispose();
});

describe('een hele casus in een Nederlandse spreadsheet (nl_NL) en in en_US', () => {
  it('alle spreadsheets van de casus zijn nl_NL in Europe/Amsterdam, tenzij anders gevraagd', () => {
    expect(nl.locales.length).toBeGreaterThanOrEqual(2);
    expect(new Set(nl.locales)).toEqual(new Set(['nl_NL']));
    expect(new Set(nl.zones)).toEqual(new Set(['Europe/Amsterdam']));
    expect(new Set(en.locales)).toEqual(new Set(['en_US']));
  });

  it('elk tabblad heeft dezelfde waarden, welke landinstelling de spreadsheet ook heeft', () => {
    expect(Object.keys(nl.tabs).sort()).toEqual(Object.keys(en.tabs).sort());
    for (const key of Object.keys(nl.tabs)) expect(nl.tabs[key], key).toEqual(en.tabs[key]);
    // The answers came in: the run is not trivially equal.
    const answers = Object.entries(nl.tabs).find(([k]) => k.endsWith('/_antwoorden'));
    expect(((answers?.[1] ?? []) as unknown[]).length).toBeGreaterThan(3);
  });
});
