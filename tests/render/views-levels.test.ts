import { describe, expect, it } from 'vitest';
import { COLORS, cellText } from '../../src/render/sheetTable';
import { buildViews } from '../../src/render/views';
import { caseView, PARTNERS } from './views.fixture';

describe('stap-tabbladen volgen de niveaus van een partner', () => {
  it('een partner die alleen op groepsniveau levert, krijgt grijze cellen bij vragen per persoon', () => {
    const partners = PARTNERS.map((p) => (p.id === 'jw' ? { ...p, levels: ['groep'] as const } : p));
    const view = caseView({ partners: partners.map((p) => ({ ...p, levels: [...p.levels] })) });
    const tab = buildViews(view).find((t) => t.name === 'Stap 2B')!;
    const header = tab.rows[1]!.map((c) => cellText(c));
    const jw = header.indexOf('=Jongerenwerk "Oost"');
    const politie = header.indexOf('Politie Basisteam Noord');
    const i = tab.rows.findIndex((r) => cellText(r[0]!) === '2B.rol' && cellText(r[2]!) === 'P-4XZ8');
    expect(i).toBeGreaterThan(0);
    expect(tab.backgrounds![i]![jw]).toBe(COLORS.grey);
    expect(tab.backgrounds![i]![politie]).toBeNull();
  });
});
