import { describe, expect, it } from 'vitest';
import { parseSettingsRows, SETTING_ROWS, SettingsSchema, settingsToRows } from '../../src/model/schemas';
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
