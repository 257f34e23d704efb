import { describe, expect, it } from 'vitest';
import type { Advice } from '../../src/model/adviceSheet';
import { sectionByTitle } from '../../src/model/audiences';
import { adviceMail, buildAdvice } from '../../src/render/advice';
import type { DocTree } from '../../src/render/docTree';
import { estimateLength } from '../../src/render/pages';
import { fixtureView } from './overview.fixture';

const sentence = (n: number) => 'De groep zoekt steeds vaker de confrontatie met winkelpersoneel. '.repeat(n);

/** An advice as long as a procesregisseur would reasonably write it. */
const ADVICE: Advice = {
  probleemdefinitie: `${sentence(6)}\n\nVooral J-01 zet de toon.`,
  prioriteit: 'prioriteren',
  onderbouwing: sentence(6),
  sporen: {
    groep: sentence(2),
    persoon: sentence(2),
    domein: sentence(2),
    online: sentence(1),
    netwerk: sentence(1),
  },
  capaciteit: {
    politie: 'Acht uur per week.',
    jw: 'Een avond extra.',
    gem: 'Procesregie.',
    boa: 'Avondrondes.',
  },
  besluiten: 'Prioriteit voor zes maanden.',
};

function text(tree: DocTree): string {
  return tree.nodes
    .flatMap((n) => {
      if (n.type === 'heading') return [n.text];
      if (n.type === 'paragraph') return [n.runs.map((r) => r.text).join('')];
      if (n.type === 'list') return n.items.map((i) => i.map((r) => r.text).join(''));
      if (n.type === 'table') return [...n.header, ...n.rows.flat()];
      return [];
    })
    .join('\n');
}

describe('advies aan de driehoek', () => {
  const tree = buildAdvice(fixtureView(), ADVICE);

  it('heeft de vijf onderdelen, elk volgens de tabel voor de driehoek', () => {
    const h1 = tree.nodes.flatMap((n) => (n.type === 'heading' && n.level === 1 ? [n.text] : []));
    expect(h1).toEqual([
      'Probleemdefinitie',
      'Duiding in het kort',
      'Advies over prioriteit',
      'Concept plan van aanpak per spoor',
      'Gevraagde capaciteit per partner',
    ]);
    for (const t of h1) expect(sectionByTitle(t)?.audiences).toEqual(['driehoek']);
    expect(tree.header).toBe('Vertrouwelijk — Lokale driehoek — JGA-2026-001');
  });

  it('geeft de duiding in het kort: scores per dimensie, waar partners het eens zijn en waar niet', () => {
    const all = text(tree);
    expect(all).toContain('Aard en ernst van het groepsgedrag');
    expect(all).toContain('Vernieling (Aard en ernst van het groepsgedrag): gemiddeld 1,0, 2 partners');
    expect(all).toContain(
      'Overlast openbare ruimte (Aard en ernst van het groepsgedrag): Politie 3, Jongerenwerk 1',
    );
    expect(tree.nodes.some((n) => n.type === 'chart')).toBe(true);
  });

  it('zet het plan per spoor en de capaciteit per partner in tabellen', () => {
    const tables = tree.nodes.flatMap((n) => (n.type === 'table' ? [n] : []));
    const plan = tables.find((t) => t.header[0] === 'Spoor');
    expect(plan?.rows.map((r) => r[0])).toEqual([
      'Groepsgericht',
      'Persoonsgericht',
      'Domein- en locatiegericht',
      'Online',
      'Netwerk en gezin',
    ]);
    const capacity = tables.find((t) => t.header[0] === 'Partner');
    expect(capacity?.rows).toEqual([
      ['Politie Basisteam Noord', 'Acht uur per week.'],
      ['Stichting Jongerenwerk Oost', 'Een avond extra.'],
      ['Gemeente Voorbeeld OOV', 'Procesregie.'],
      ['Handhaving Voorbeeld', 'Avondrondes.'],
    ]);
  });

  it('bevat geen persoonscode, ook niet uit de eigen tekst van de procesregisseur', () => {
    expect(text(tree)).not.toMatch(/J-0\d/);
    expect(text(tree)).toContain('Vooral [jongere] zet de toon.');
  });

  it('past op drie A4-pagina’s (geschat volgens render/pages)', () => {
    expect(estimateLength(tree).pages).toBeLessThanOrEqual(3);
    // The rule can fail: a probleemdefinitie of two pages does not fit.
    const long = buildAdvice(fixtureView(), { ...ADVICE, probleemdefinitie: sentence(150) });
    expect(estimateLength(long).pages).toBeGreaterThan(3);
  });

  it('mailt alleen de link, nooit de inhoud', () => {
    const mail = adviceMail('JGA-2026-001', 'Voorbeeld', 'https://docs.google.com/document/d/abc/edit');
    expect(mail.body).toContain('https://docs.google.com/document/d/abc/edit');
    expect(mail.subject).toBe('Advies aan de lokale driehoek — casus JGA-2026-001');
    expect(mail.body).not.toContain('confrontatie');
  });
});
