import { describe, expect, it } from 'vitest';
import {
  defaultLevelsFor,
  defaultStepsFor,
  levelsFor,
  PARTNER_KIND_INFO,
  partnerDefaults,
  partnerKindFromText,
  partnersForStep,
} from '../../src/model/partners';
import type { Partner } from '../../src/model/types';
import { PARTNER_KINDS } from '../../src/model/types';

function partner(over: Partial<Partner>): Partner {
  return {
    id: 'politie-basisteam',
    organisation: 'Politie basisteam Voorbeeld',
    kind: 'politie',
    contactName: 'Wijkagent Test',
    email: 'wijkagent@voorbeeld.test',
    steps: ['1', '2A', '2B', '3'],
    levels: ['groep', 'persoon', 'domein', 'online'],
    active: true,
    ...over,
  };
}

describe('partnersoorten', () => {
  it('elke soort heeft een Nederlandse naam en omschrijving', () => {
    for (const kind of PARTNER_KINDS) {
      expect(PARTNER_KIND_INFO[kind].kind).toBe(kind);
      expect(PARTNER_KIND_INFO[kind].label).not.toBe('');
      expect(PARTNER_KIND_INFO[kind].description).not.toBe('');
    }
  });

  it('OM doet mee vanaf stap 2B (ontvangt namenlijst en advies), politie in alle stappen', () => {
    expect(defaultStepsFor('om')).toEqual(['2B', '3', '4', '5', '6', '7']);
    expect(defaultStepsFor('politie')).toEqual(['1', '2A', '2B', '3', '4', '5', '6', '7']);
    expect(defaultLevelsFor('om', '2A')).toEqual([]);
    expect(defaultLevelsFor('om', '3')).toEqual(['groep', 'persoon']);
  });

  it('politie levert alle niveaus, maar persoon pas vanaf 2B', () => {
    expect(defaultLevelsFor('politie', '2A')).toEqual(['groep', 'domein', 'online']);
    expect(defaultLevelsFor('politie', '2B')).toEqual(['groep', 'persoon', 'domein', 'online']);
  });

  it('woningcorporatie alleen groep en domein; jongerenwerk en lokaal team beperkt op persoon', () => {
    expect(partnerDefaults('woningcorporatie').levels).toEqual(['groep', 'domein']);
    expect(PARTNER_KIND_INFO.woningcorporatie.personMode).toBe('geen');
    expect(PARTNER_KIND_INFO.jongerenwerk.personMode).toBe('beperkt');
    expect(PARTNER_KIND_INFO.lokaal_team.personMode).toBe('alleen_betrokken');
    expect(PARTNER_KIND_INFO.lokaal_team.personNote).toContain('ja/nee');
  });

  it('soort herkennen aan sleutel of Nederlandse naam', () => {
    expect(partnerKindFromText(' Politie ')).toBe('politie');
    expect(partnerKindFromText('lokaal team')).toBe('lokaal_team');
    expect(partnerKindFromText('Openbaar Ministerie')).toBe('om');
    expect(partnerKindFromText('brandweer')).toBeUndefined();
  });
});

describe('partners per stap', () => {
  it('levelsFor: eigen niveaus gedeeld door wat de stap toestaat (geen persoon vóór 2B)', () => {
    const p = partner({});
    expect(levelsFor(p, '2A')).toEqual(['groep', 'domein', 'online']);
    expect(levelsFor(p, '3')).toEqual(['groep', 'persoon', 'domein', 'online']);
    expect(levelsFor(partner({ levels: ['domein', 'groep'] }), '3')).toEqual(['groep', 'domein']);
  });

  it('partnersForStep: alleen actieve partners die in die stap meedoen', () => {
    const list = [
      partner({ id: 'a' }),
      partner({ id: 'b', active: false }),
      partner({ id: 'c', steps: ['3'] }),
    ];
    expect(partnersForStep(list, '2A').map((p) => p.id)).toEqual(['a']);
    expect(partnersForStep(list, '3').map((p) => p.id)).toEqual(['a', 'c']);
    expect(partnersForStep(list, '7')).toEqual([]);
  });
});
