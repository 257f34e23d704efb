/**
 * docs/handleiding.md is the coordinator's manual: it must show the tabs the coordinator fills in
 * and the documents the product makes, as the product has them now.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADVICE_SHEET, adviceFields } from '../../src/model/adviceSheet';
import { AUDIENCE_INFO } from '../../src/model/audiences';
import { EVALUATION_LABEL, PLAN_HEADERS, PLAN_SHEET } from '../../src/model/planSheet';

const manual = readFileSync(join(import.meta.dirname, '../../docs/handleiding.md'), 'utf8');

/** The lines of the first markdown table after a heading. */
function tableAfter(heading: string): string[] {
  const at = manual.indexOf(heading);
  expect(at, heading).toBeGreaterThanOrEqual(0);
  const lines = manual.slice(at).split('\n');
  const start = lines.findIndex((l) => l.startsWith('|'));
  const end = lines.findIndex((l, i) => i > start && !l.startsWith('|'));
  return lines.slice(start, end);
}

describe('docs/handleiding.md', () => {
  it('shows the Plan van aanpak tab: every SMART column with its letter, in order, and the row kinds', () => {
    const rows = tableAfter('### Het plan van aanpak').slice(2);
    const columns = rows.map((r) => /^\| ([A-Z]) \*\*(.+?)\*\* \|/.exec(r)?.slice(1, 3));
    expect(columns).toEqual(PLAN_HEADERS.map((h, i) => [String.fromCharCode(65 + i), h]));
    const header = tableAfter('### Het plan van aanpak')[0]!;
    for (const kind of [
      'Doel (`D1`',
      'Actie (`A1`',
      'Afschaalcriterium (`C1`',
      `Rij \`${EVALUATION_LABEL}\``,
    ])
      expect(header).toContain(kind);
    expect(manual).toContain(`tab **${PLAN_SHEET}**`);
  });

  it('shows every document per reader, and the Advies tab with each of its fields', () => {
    const docs = tableAfter('## 7. Het integraal beeld en de documenten per lezer').join('\n');
    for (const name of [
      '**Integraal beeld (beperkt)**',
      '**Integraal beeld — lokale driehoek**',
      '**Integraal beeld — *partner***',
      '**Advies aan de lokale driehoek**',
    ])
      expect(docs).toContain(name);
    expect(docs).toContain(AUDIENCE_INFO.beperkt.readers.replace('de procesregisseur', 'u'));
    expect(manual).toContain(`tab **${ADVICE_SHEET}**`);
    const section = manual
      .slice(manual.indexOf('### Het advies aan de lokale driehoek'))
      .toLowerCase()
      .replace(/\s+/g, ' ');
    for (const f of adviceFields([])) {
      if (f.required || f.key === 'besluiten')
        expect(section, f.label).toContain(f.label.toLowerCase().split(' van ')[0]!);
    }
    expect(section).toContain('concept plan per spoor');
    expect(section).toContain('gevraagde capaciteit per partner');
    expect(section).toContain('alleen de link');
  });

  it('tells how step 7 weighs the afschaalcriteria and that the documents carry charts', () => {
    expect(manual).toMatch(/per \*\*afschaalcriterium\*\*/);
    expect(manual).toContain('**lijngrafiek**');
    expect(manual).toContain('grafieken staan er als afbeelding in');
  });

  it('walks a case with the screenshots the browser test makes, each one in docs/img', () => {
    const images = [...manual.matchAll(/\]\(img\/([\w-]+\.png)\)/g)].map((m) => m[1]!);
    const browserTest = readFileSync(join(import.meta.dirname, '../browser/case.test.ts'), 'utf8');
    const made = [...browserTest.matchAll(/shot\('([\w-]+\.png)'\)/g)].map((m) => m[1]!);
    expect(made.length).toBeGreaterThanOrEqual(7);
    expect(images).toEqual(made);
    for (const img of images)
      expect(existsSync(join(import.meta.dirname, '../../docs/img', img)), img).toBe(true);
  });
});
