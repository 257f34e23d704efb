import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../src/model/catalog';
import { questionsToRows } from '../../src/model/questionsSheet';
import { PLACEHOLDER, partnersToRows, SettingsSchema, settingsToRows } from '../../src/model/schemas';
import { checkRegisterRows, planProblems, problemFromLine, problemText } from '../../src/model/settingsCheck';
import { settingsCheckText } from '../../src/render/settingsCheck';
import { POLITIE } from './helpers';

const settings = SettingsSchema.parse({
  gemeente: 'Voorbeeldstad',
  coordinatorEmail: 'regie@voorbeeldstad.test',
  retentionMonths: 24,
});
const partner = POLITIE;

const good = () => ({
  settings: settingsToRows(settings) as unknown[][],
  partners: partnersToRows([
    partner,
    { ...partner, id: 'boa', kind: 'boa', email: 'boa@gemeente.test' },
  ]) as unknown[][],
  questions: questionsToRows(CATALOG) as unknown[][],
});

describe('problemFromLine', () => {
  it('haalt tabblad en cel uit een melding', () => {
    expect(problemFromLine('Partners!E3: ongeldig e-mailadres "x@"', 'Partners')).toEqual({
      tab: 'Partners',
      cell: 'E3',
      message: 'ongeldig e-mailadres "x@"',
    });
    expect(problemFromLine('Partners rij 1: kolom "Soort" ontbreekt in de kopregel', 'Partners')).toEqual({
      tab: 'Partners',
      cell: 'rij 1',
      message: 'kolom "Soort" ontbreekt in de kopregel',
    });
    expect(problemFromLine('Plan van aanpak: het plan heeft nog geen doel (D1, ...)', 'x')).toEqual({
      tab: 'Plan van aanpak',
      cell: '',
      message: 'het plan heeft nog geen doel (D1, ...)',
    });
    expect(problemFromLine('Iets zonder plaats', 'Vragen')).toEqual({
      tab: 'Vragen',
      cell: '',
      message: 'Iets zonder plaats',
    });
  });

  it('schrijft een probleem terug als regel met de cel voorop', () => {
    expect(problemText({ tab: 'Partners', cell: 'E3', message: 'fout' })).toBe('Partners!E3: fout');
    expect(problemText({ tab: 'Partners', cell: 'rij 1', message: 'fout' })).toBe('Partners rij 1: fout');
    expect(
      problemText({ tab: 'Plan van aanpak', cell: 'H5', message: 'fout', caseCode: 'JGA-2026-001' }),
    ).toBe('Plan van aanpak (JGA-2026-001)!H5: fout');
  });
});

describe('checkRegisterRows', () => {
  it('vindt niets in een goed register', () => {
    expect(checkRegisterRows(good())).toEqual([]);
  });

  it('geeft elk probleem van elk tabblad, niet alleen het eerste', () => {
    const tabs = good();
    const gemeente = tabs.settings.findIndex((r) => r[0] === 'Gemeente');
    tabs.settings[gemeente]![1] = `${PLACEHOLDER} naam van de gemeente`;
    const bewaar = tabs.settings.findIndex((r) => r[0] === 'Bewaartermijn (maanden)');
    tabs.settings[bewaar]![1] = 500;
    tabs.settings.push(['Onbekende instelling', 'x', '']);
    tabs.partners[1]![4] = 'wijkagent@';
    tabs.partners[2]![5] = '1.3';
    tabs.questions.push([...tabs.questions[1]!]);
    const problems = checkRegisterRows(tabs);
    const lines = problems.map(problemText);
    expect(lines).toContain(`Instellingen!B${gemeente + 1}: vul "Gemeente" in`);
    expect(lines.some((l) => l.startsWith(`Instellingen!B${bewaar + 1}: `))).toBe(true);
    expect(lines).toContain(
      `Instellingen!A${tabs.settings.length}: onbekende instelling "Onbekende instelling"`,
    );
    expect(lines.some((l) => l.startsWith('Partners!E2: '))).toBe(true);
    expect(lines.some((l) => l.startsWith('Partners!F3: '))).toBe(true);
    expect(lines.some((l) => l.startsWith(`Vragen!A${tabs.questions.length}: `))).toBe(true);
    // The template value is reported once (fill in), not again as invalid.
    expect(lines.filter((l) => l.startsWith(`Instellingen!B${gemeente + 1}:`))).toHaveLength(1);
  });

  it('meldt ontbrekende tabbladen en een lijst zonder actieve partner', () => {
    expect(checkRegisterRows({ settings: null, partners: null, questions: null }).map(problemText)).toEqual([
      'Instellingen: het tabblad ontbreekt; kies "Register inrichten" in het menu',
      'Partners: het tabblad ontbreekt; kies "Register inrichten" in het menu',
    ]);
    const tabs = good();
    tabs.partners = partnersToRows([{ ...partner, active: false }]);
    expect(checkRegisterRows(tabs).map(problemText)).toEqual([
      'Partners: er staat nog geen actieve partner in de lijst',
    ]);
  });

  it('noemt bij een plan van aanpak de casus', () => {
    const p = planProblems('JGA-2026-004', ['Plan van aanpak!E7: onbekende eigenaar "x"']);
    expect(p).toEqual([
      { tab: 'Plan van aanpak', cell: 'E7', message: 'onbekende eigenaar "x"', caseCode: 'JGA-2026-004' },
    ]);
  });
});

describe('settingsCheckText', () => {
  it('vat samen, somt op en zegt wat niet gecontroleerd kon worden', () => {
    const text = settingsCheckText({
      problems: [{ tab: 'Partners', cell: 'E2', message: 'ongeldig e-mailadres' }],
      notes: ['De plannen van aanpak worden later gecontroleerd.'],
      plansChecked: [],
    });
    expect(text.split('\n')).toEqual([
      '1 probleem gevonden.',
      'Partners!E2: ongeldig e-mailadres',
      'De plannen van aanpak worden later gecontroleerd.',
    ]);
    expect(settingsCheckText({ problems: [], notes: [], plansChecked: ['JGA-2026-001'] })).toBe(
      'Geen problemen gevonden in de instellingen.\nPlan van aanpak gecontroleerd bij: JGA-2026-001.',
    );
  });

  it('noemt er niet meer dan 40 en telt de rest', () => {
    const problems = Array.from({ length: 45 }, (_, i) => ({
      tab: 'Vragen',
      cell: `A${i + 2}`,
      message: 'dubbel',
    }));
    const lines = settingsCheckText({ problems, notes: [], plansChecked: [] }).split('\n');
    expect(lines[0]).toBe('45 problemen gevonden.');
    expect(lines).toHaveLength(42);
    expect(lines[41]).toMatch(/^… en nog 5\./);
  });
});

describe('register controleren: randen', () => {
  it('cellen met twee letters en meercijferige rijen; een onbekend tabblad of geen plaats gaat naar het tabblad van de lezer', () => {
    expect(problemFromLine('Partners!AB12: te lang', 'Vragen')).toEqual({
      tab: 'Partners',
      cell: 'AB12',
      message: 'te lang',
    });
    expect(problemFromLine('Partners rij 12: kolom ontbreekt', 'Vragen')).toEqual({
      tab: 'Partners',
      cell: 'rij 12',
      message: 'kolom ontbreekt',
    });
    expect(problemFromLine('Vragen: regel een\nregel twee', 'Partners')).toEqual({
      tab: 'Vragen',
      cell: '',
      message: 'regel een\nregel twee',
    });
    expect(problemFromLine('Kleuren!A1: blauw', 'Instellingen')).toEqual({
      tab: 'Instellingen',
      cell: '',
      message: 'Kleuren!A1: blauw',
    });
    expect(problemFromLine('geen plaats genoemd', 'Partners')).toEqual({
      tab: 'Partners',
      cell: '',
      message: 'geen plaats genoemd',
    });
  });

  it('een sjabloonadres wordt één keer gemeld, als "vul in", niet ook als ongeldig adres', () => {
    const tabs = good();
    const row = tabs.settings.findIndex((r) => r[0] === 'E-mail procesregisseur');
    tabs.settings[row] = ['E-mail procesregisseur', 'vul-in@voorbeeld.invalid', ''];
    const found = checkRegisterRows(tabs);
    expect(found).toEqual([
      { tab: 'Instellingen', cell: `B${row + 1}`, message: 'vul "E-mail procesregisseur" in' },
    ]);
  });

  it('één actieve partner naast inactieve is genoeg', () => {
    const tabs = good();
    tabs.partners = partnersToRows([
      partner,
      { ...partner, id: 'boa', kind: 'boa', email: 'boa@gemeente.test', active: false },
    ]) as unknown[][];
    expect(checkRegisterRows(tabs)).toEqual([]);
  });

  it('een tab Vragen met één vraag onder de kopregel wordt ook gecontroleerd', () => {
    const tabs = good();
    tabs.questions = [tabs.questions[0]!, ['9.x', '9', 'alle', 'groep', 'alinea', 'T', '', '', '', '']];
    expect(checkRegisterRows(tabs)).toEqual([{ tab: 'Vragen', cell: 'B2', message: 'onbekende stap "9"' }]);
    tabs.questions = [tabs.questions[0]!];
    expect(checkRegisterRows(tabs)).toEqual([]);
  });
});
