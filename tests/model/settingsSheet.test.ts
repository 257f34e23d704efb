import { describe, expect, it } from 'vitest';
import {
  findSetting,
  parseSettingsRows,
  SETTING_ROWS,
  SettingsSchema,
  settingsToRows,
  unfilledSettings,
} from '../../src/model/schemas';
import type { Settings } from '../../src/model/types';

const base = SettingsSchema.parse({
  gemeente: 'Voorbeeldstad',
  coordinatorEmail: 'regie@voorbeeldstad.test',
  retentionMonths: 24,
});

function rowsWith(changes: Record<string, unknown>): unknown[][] {
  return settingsToRows(base).map((row) =>
    String(row[0]) in changes ? [row[0], changes[String(row[0])], row[2]] : [...row],
  );
}

describe('Instellingen-tabblad', () => {
  it('heen en terug geeft dezelfde instellingen (standaard)', () => {
    expect(parseSettingsRows(settingsToRows(base))).toEqual({ ok: true, value: base });
  });

  it('heen en terug met alle velden gevuld', () => {
    const full: Settings = {
      ...base,
      casePrefix: 'VBS',
      naming: '2016',
      coordinatorName: 'P. Regisseur',
      deadlineWorkdays: { default: 8, '2B': 20 },
      reminderWorkdaysBefore: 3,
      retentionMonths: 60,
      bevrijdingsdagEveryYear: true,
      mailSenderName: 'Groepsaanpak Voorbeeldstad',
      allowResponseEdits: false,
      driehoekEmails: 'burgemeester@voorbeeldstad.test, oov@voorbeeldstad.test',
      mailTexts: {
        inviteSubject: 'Uitvraag {casus} – {stap}',
        reminderBody: 'Beste {organisatie},\nde termijn is {deadline}.\n{link}',
      },
    };
    const rows = settingsToRows(full);
    expect(rows[0]).toEqual(['Instelling', 'Waarde', 'Toelichting']);
    expect(rows).toHaveLength(SETTING_ROWS.length + 1);
    expect(parseSettingsRows(rows)).toEqual({ ok: true, value: full });
  });

  it('leest waarden zoals Sheets ze geeft: getallen als tekst, vinkjes, 2016 als getal', () => {
    const r = parseSettingsRows(
      rowsWith({
        'Bewaartermijn (maanden)': '36',
        'Bevrijdingsdag elk jaar vrij (ja/nee)': true,
        'Stapnamen (2023/2016)': 2016,
      }),
    );
    expect(r.ok && [r.value.retentionMonths, r.value.bevrijdingsdagEveryYear, r.value.naming]).toEqual([
      36,
      true,
      '2016',
    ]);
  });

  it('fouten wijzen naar de cel in kolom B, met de ingevulde waarde', () => {
    const r = parseSettingsRows(
      rowsWith({
        Casusprefix: 'j1',
        'E-mail procesregisseur': 'regie@',
        'Termijn stap 2B (werkdagen)': '3,5',
        'Bewaartermijn (maanden)': 0,
        'Bevrijdingsdag elk jaar vrij (ja/nee)': 'soms',
        'Uitnodiging: onderwerp': 'Hallo {naam}',
      }),
    );
    expect(r).toEqual({
      ok: false,
      errors: [
        'Instellingen!B3: ongeldige casusprefix "j1"; gebruik 2 tot 6 hoofdletters, bijv. JGA',
        'Instellingen!B6: ongeldig e-mailadres van de procesregisseur "regie@"',
        'Instellingen!B10: ongeldige termijn stap 2B "3,5"; kies een heel getal van 1 tot en met 60 werkdagen',
        'Instellingen!B17: ongeldige bewaartermijn "0"; kies een heel getal van 1 tot en met 120 maanden',
        'Instellingen!B18: ongeldige waarde voor Bevrijdingsdag elk jaar "soms"; kies ja of nee',
        'Instellingen!B21: onbekende invulplek {naam} in onderwerp uitnodiging "Hallo {naam}"; gebruik {casus}, {stap}, {deadline}, {link}, {organisatie}, {gemeente}',
      ],
    });
  });

  it('een lege verplichte waarde en een ontbrekende rij worden gemeld', () => {
    expect(parseSettingsRows(rowsWith({ 'Bewaartermijn (maanden)': '' }))).toEqual({
      ok: false,
      errors: ['Instellingen!B17: bewaartermijn ontbreekt'],
    });
    const withoutGemeente = settingsToRows(base).filter((r) => r[0] !== 'Gemeente');
    expect(parseSettingsRows(withoutGemeente)).toEqual({
      ok: false,
      errors: ['Instellingen: naam van de gemeente ontbreekt; voeg de rij "Gemeente" toe'],
    });
  });

  it('onbekende en dubbele instellingen worden gemeld; hoofdletters en toelichting tussen haakjes doen er niet toe', () => {
    const rows = settingsToRows(base).map((r) => [...r]);
    rows[1]![0] = ' gemeente ';
    rows[17]![0] = 'Bevrijdingsdag elk jaar vrij';
    expect(parseSettingsRows(rows).ok).toBe(true);
    const next = rows.length + 1;
    rows.push(['Kleur', 'blauw'], ['Gemeente', 'Anders']);
    expect(parseSettingsRows(rows)).toEqual({
      ok: false,
      errors: [
        `Instellingen!A${next}: onbekende instelling "Kleur"`,
        `Instellingen!A${next + 1}: instelling "Gemeente" staat dubbel; staat ook in rij 2`,
      ],
    });
  });

  it('de e-mailadressen van de driehoek worden per adres gecontroleerd, met de cel erbij', () => {
    const row = SETTING_ROWS.findIndex((r) => r.label === 'E-mail lokale driehoek') + 2;
    const result = parseSettingsRows(
      rowsWith({ 'E-mail lokale driehoek': 'burgemeester@x.test, geen-adres' }),
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.join('\n')).toContain(`Instellingen!B${row}`);
    expect(!result.ok && result.errors.join('\n')).toContain('geen-adres');
  });
});

describe('Instellingen-tabblad: lezen tot in de randen', () => {
  it('een sjabloonwaarde die nog ingevuld moet worden noemt de cel en de naam', () => {
    expect(
      unfilledSettings([
        ['Instelling', 'Waarde'],
        ['Gemeente', 'VUL IN: de naam'],
        ['E-mail procesregisseur', 'vul-in@voorbeeld.invalid'],
        ['Afzendernaam e-mail', 'Wij VUL IN: later'],
        ['Procesregisseur', 'vul-in@voorbeeld.invalid.nl'],
        [null, null],
        ['Leeg'],
      ]),
    ).toEqual(['Instellingen!B2: vul "Gemeente" in', 'Instellingen!B3: vul "E-mail procesregisseur" in']);
    expect(unfilledSettings([[undefined, 'VUL IN:']])).toEqual(['Instellingen!B1: vul "" in']);
  });

  it('een naam wordt gevonden ongeacht hoofdletters en spaties; een toelichting tussen haakjes alleen aan het eind', () => {
    expect(findSetting('  BEWAARTERMIJN   (maanden) ')?.path).toEqual(['retentionMonths']);
    expect(findSetting('Bewaartermijn')?.path).toEqual(['retentionMonths']);
    expect(findSetting('Bewaartermijn (jaren)')?.path).toEqual(['retentionMonths']);
    expect(findSetting('Termijn  stap 2B')?.path).toEqual(['deadlineWorkdays', '2B']);
    expect(findSetting('Bewaar termijn')).toBeUndefined();
    expect(findSetting('(maanden) Bewaartermijn')).toBeUndefined();
    expect(findSetting('Bewaartermijn (maanden) extra')).toBeUndefined();
  });

  it('de kopregel mag ook lager staan of anders geschreven zijn; een naam die een getal is wordt gemeld', () => {
    const rows = settingsToRows(base).map((r) => [...r]);
    rows[0]![0] = ' INSTELLING ';
    rows.push([42, 'x']);
    expect(parseSettingsRows(rows)).toEqual({
      ok: false,
      errors: [`Instellingen!A${rows.length}: onbekende instelling "42"`],
    });
  });

  it('een ontbrekende rij van een termijn per stap noemt die rij, en een fout in een stap de cel', () => {
    const rows = settingsToRows(base).filter((r) => r[0] !== 'Bewaartermijn (maanden)');
    expect(parseSettingsRows(rows)).toEqual({
      ok: false,
      errors: ['Instellingen: bewaartermijn ontbreekt; voeg de rij "Bewaartermijn (maanden)" toe'],
    });
    const row = SETTING_ROWS.findIndex((r) => r.label === 'Termijn stap 3 (werkdagen)') + 2;
    const r = parseSettingsRows(rowsWith({ 'Termijn stap 3 (werkdagen)': 'veel' }));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors).toHaveLength(1);
    expect(!r.ok && r.errors[0]).toMatch(new RegExp(`^Instellingen!B${row}: .*"veel"`));
  });

  it('onbekende namen en foute waarden worden samen gemeld', () => {
    const rows = rowsWith({ 'Bewaartermijn (maanden)': 'nooit' });
    rows.push(['Kleur', 'blauw']);
    const r = parseSettingsRows(rows);
    expect(!r.ok && r.errors.map((e) => e.split(':')[0])).toEqual([
      `Instellingen!A${rows.length}`,
      'Instellingen!B17',
    ]);
  });

  it('ja/nee-instellingen komen als ja of nee in de tab; een lege optionele waarde als lege cel', () => {
    const rows = settingsToRows({ ...base, allowResponseEdits: false, bevrijdingsdagEveryYear: true });
    const cell = (label: string) => rows.find((r) => r[0] === label)?.[1];
    expect(cell('Partners mogen antwoorden wijzigen (ja/nee)')).toBe('nee');
    expect(cell('Bevrijdingsdag elk jaar vrij (ja/nee)')).toBe('ja');
    expect(cell('E-mail lokale driehoek')).toBe('');
    expect(cell('Bewaartermijn (maanden)')).toBe(24);
  });
});
