/**
 * Who reads what: the addresses a document is shared with, the sections a reader may see, and
 * the uniqueness of partner keys and addresses as the Partners tab is read.
 */
import { describe, expect, it } from 'vitest';
import { allows, emailList, readersOf, SECTIONS, sectionById } from '../../src/model/audiences';
import { formatIssues, PartnerListSchema, PartnerSchema, SettingsSchema } from '../../src/model/schemas';
import type { Partner } from '../../src/model/types';

const partner = (id: string, kind: Partner['kind'], email: string, active = true): Partner => ({
  id,
  organisation: id,
  kind,
  contactName: 'Contact',
  email,
  steps: ['1'],
  levels: ['groep'],
  active,
});

describe('readersOf', () => {
  const partners = [
    partner('politie', 'politie', ' Agent@Politie.TEST '),
    partner('om', 'om', 'officier@om.test', false),
    partner('jw', 'jongerenwerk', 'JW@Stichting.test'),
  ];
  const settings = {
    coordinatorEmail: 'Regie@Gemeente.TEST',
    driehoekEmails: 'burgemeester@gemeente.test; ; oov@gemeente.test',
  };

  it('adressen in kleine letters, zonder spaties, zonder dubbele, op volgorde', () => {
    expect(readersOf('beperkt', settings, partners)).toEqual(['agent@politie.test', 'regie@gemeente.test']);
    expect(readersOf('driehoek', settings, partners)).toEqual([
      'burgemeester@gemeente.test',
      'oov@gemeente.test',
      'regie@gemeente.test',
    ]);
    expect(readersOf('partner', settings, partners, 'jw')).toEqual([
      'jw@stichting.test',
      'regie@gemeente.test',
    ]);
    expect(readersOf('partner', { ...settings, coordinatorEmail: ' ' }, partners, 'jw')).toEqual([
      'jw@stichting.test',
    ]);
    expect(readersOf('beperkt', { ...settings, coordinatorEmail: 'AGENT@politie.test' }, partners)).toEqual([
      'agent@politie.test',
    ]);
  });

  it('een partnerdocument voor een onbekende partner is een fout, geen document voor niemand', () => {
    expect(() => readersOf('partner', settings, partners, 'boa')).toThrow(
      'Onbekende partner voor een partnerdocument: boa',
    );
  });

  it('emailList splitst op komma, puntkomma en witruimte', () => {
    expect(emailList(' A@x.test,b@x.test;\nc@x.test  a@X.test ')).toEqual([
      'a@x.test',
      'b@x.test',
      'c@x.test',
    ]);
    expect(emailList(undefined)).toEqual([]);
  });
});

describe('secties', () => {
  it('elke sectie wordt op haar eigen id gevonden; een onbekende id is een fout', () => {
    for (const s of SECTIONS) expect(sectionById(s.id)).toBe(s);
    expect(() => sectionById('bestaat_niet')).toThrow('Onbekende sectie: bestaat_niet');
    expect(() => allows('driehoek', 'bestaat_niet')).toThrow('Onbekende sectie');
    for (const s of SECTIONS) for (const a of s.audiences) expect(allows(a, s.id)).toBe(true);
  });
});

describe('PartnerListSchema: uniek', () => {
  it('sleutels en adressen zijn uniek ongeacht hoofdletters en spaties; lege waarden tellen niet', () => {
    const rows = [
      partner('politie', 'politie', 'agent@politie.test'),
      partner(' POLITIE ', 'boa', ' Agent@Politie.test '),
      { ...partner('jw', 'jongerenwerk', ''), email: undefined },
      { ...partner('', 'om', 'x@om.test') },
      { ...partner('   ', 'halt', 'y@halt.test') },
    ];
    const r = PartnerListSchema.safeParse(rows);
    const lines = formatIssues(r.error!);
    expect(lines.filter((l) => l.includes('dubbel'))).toEqual([
      '[1].id: dubbele sleutel; staat ook in [0]',
      '[1].email: dubbel e-mailadres; staat ook in [0]',
    ]);
  });

  it('een rij die geen partner is laat de controle op dubbele niet struikelen', () => {
    const r = PartnerListSchema.safeParse([null, partner('politie', 'politie', 'a@p.test'), 7]);
    expect(r.success).toBe(false);
    expect(formatIssues(r.error!).some((l) => l.includes('dubbel'))).toBe(false);
  });
  it('geen lijst krijgt één melding in woorden, geen programmafout', () => {
    for (const input of ['x', 7, null, { politie: true }]) {
      const r = PartnerListSchema.safeParse(input);
      expect(r.success).toBe(false);
      expect(r.error!.issues.map((i) => i.code)).toEqual(['invalid_type']);
    }
  });
});

describe('PartnerSchema en de instellingen: meldingen per veld', () => {
  const good = partner('politie', 'politie', 'agent@politie.test');
  const issues = (p: object) => {
    const r = PartnerSchema.safeParse(p);
    return r.success ? [] : formatIssues(r.error);
  };

  it('geen lijst is iets anders dan een lege lijst', () => {
    expect(issues({ ...good, steps: null })).toEqual([
      'steps: geen stappen ingevuld; kies minstens één stap',
    ]);
    expect(issues({ ...good, steps: undefined })).toEqual([
      'steps: geen stappen ingevuld; kies minstens één stap',
    ]);
    expect(issues({ ...good, steps: [] })).toEqual(['steps: geen stappen ingevuld; kies minstens één stap']);
    expect(issues({ ...good, steps: '1' })).toEqual(['steps: stappen moet een lijst zijn']);
  });

  it('elk ongeldig adres van de driehoek wordt apart genoemd; een onbekende invulplek in een mailtekst ook', () => {
    const base = {
      gemeente: 'Voorbeeldstad',
      coordinatorEmail: 'regie@voorbeeldstad.test',
      retentionMonths: 24,
    };
    const r = SettingsSchema.safeParse({
      ...base,
      driehoekEmails: 'a@x.test, geen, ook-geen',
      mailTexts: { inviteSubject: '{casus} {naam} {}' },
    });
    const lines = formatIssues(r.error!);
    expect(lines).toHaveLength(4);
    expect(lines.filter((l) => l.startsWith('driehoekEmails: ')).map((l) => l.split(': ').at(-1))).toEqual([
      'geen',
      'ook-geen',
    ]);
    expect(
      lines.filter((l) => l.includes('onbekende invulplek')).map((l) => l.match(/\{[^}]*\}/)![0]),
    ).toEqual(['{naam}', '{}']);
  });
});
