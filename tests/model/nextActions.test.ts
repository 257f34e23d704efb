import { describe, expect, it } from 'vitest';
import { newCase } from '../../src/model/caseMachine';
import {
  type ActionFacts,
  answeredText,
  decisionDue,
  nextActions,
  type PartnerFact,
} from '../../src/model/nextActions';
import type { CaseState } from '../../src/model/types';
import { CODE, caseAt, closedVia, decide } from './helpers';

const TODAY = '2026-02-10';

function facts(state: CaseState, extra: Partial<ActionFacts> = {}): ActionFacts {
  return {
    state,
    today: TODAY,
    started: true,
    expected: 3,
    partners: [],
    namesList: false,
    persons: 0,
    failedMails: 0,
    overviewStale: false,
    ...extra,
  };
}

function partner(id: string, extra: Partial<PartnerFact> = {}): PartnerFact {
  return { partnerId: id, answered: false, closed: false, deadline: '2026-02-20', ...extra };
}

const kinds = (f: ActionFacts) => nextActions(f).map((a) => a.kind);

describe('volgende acties', () => {
  it('een nieuwe casus: stap 1 starten', () => {
    const actions = nextActions(facts(newCase(CODE), { started: false, partners: [] }));
    expect(actions).toEqual([
      {
        kind: 'startStep',
        label: 'Stap 1 starten',
        reason: 'De casus is geopend; stap 1 is nog niet gestart.',
      },
    ]);
  });

  it('een stap die loopt, binnen de deadline: niets te doen', () => {
    const f = facts(newCase(CODE), {
      partners: [partner('a', { answered: true }), partner('b'), partner('c')],
    });
    expect(nextActions(f)).toEqual([]);
    expect(decisionDue(f)).toBe(false);
  });

  it('een stap met te late partners: herinneren, en besluiten zodra niemand meer binnen de deadline zit', () => {
    const running = facts(newCase(CODE), {
      partners: [partner('a', { answered: true }), partner('b', { deadline: '2026-02-09' }), partner('c')],
    });
    const actions = nextActions(running);
    expect(actions.map((a) => a.kind)).toEqual(['remind']);
    expect(actions[0]!.label).toBe('Herinnering sturen (1 te laat)');
    expect(actions[0]!.reason).toBe('1 partner is over de deadline zonder antwoord.');

    const allLate = facts(newCase(CODE), {
      partners: [
        partner('a', { answered: true }),
        partner('b', { deadline: '2026-02-09' }),
        partner('c', { deadline: '2026-02-09' }),
      ],
    });
    const due = nextActions(allLate);
    expect(due.map((a) => a.kind)).toEqual(['recordDecision', 'remind']);
    expect(due[0]!.label).toBe('Besluit stap 1 vastleggen');
    expect(due[0]!.reason).toBe('De deadline is voorbij; 1 van 3 partners heeft geantwoord.');
    expect(due[1]!.label).toBe('Herinnering sturen (2 te laat)');
  });

  it('op de dag van de deadline is een partner nog niet te laat', () => {
    const f = facts(newCase(CODE), {
      partners: [partner('a', { answered: true }), partner('b', { deadline: TODAY })],
      expected: 2,
    });
    expect(kinds(f)).toEqual([]);
  });

  it('iedereen heeft geantwoord (of kan niet meer antwoorden): besluit vastleggen', () => {
    const f = facts(caseAt('2A'), {
      partners: [
        partner('a', { answered: true }),
        partner('b', { answered: true }),
        partner('c', { closed: true }),
      ],
    });
    const actions = nextActions(f);
    expect(actions.map((a) => a.kind)).toEqual(['recordDecision']);
    expect(actions[0]!.label).toBe('Besluit stap 2A vastleggen');
    expect(actions[0]!.reason).toBe('Alle antwoorden zijn binnen (2 van 3 partners hebben geantwoord).');
  });

  it('een start die halverwege stopte: eerst afmaken, nog geen besluit', () => {
    const f = facts(newCase(CODE), { partners: [partner('a', { answered: true })], expected: 3 });
    const actions = nextActions(f);
    expect(actions.map((a) => a.kind)).toEqual(['startStep']);
    expect(actions[0]!.label).toBe('Stap 1 afmaken');
    expect(actions[0]!.reason).toContain('1 van 3 formulieren');
  });

  it('na een besluit: de volgende stap starten', () => {
    const s = caseAt('2A');
    const actions = nextActions(facts(s, { started: false }));
    expect(actions.map((a) => a.kind)).toEqual(['startStep']);
    expect(actions[0]!.label).toBe('Stap 2A starten');
    expect(actions[0]!.reason).toBe(
      'Het vorige besluit is vastgelegd; stap 2A (ronde 1) is nog niet gestart.',
    );
  });

  it('2B na "problematisch" zonder namenlijst: eerst de namenlijst, dan starten', () => {
    const s = caseAt('2B');
    expect(s.personDataAllowed).toBe(true);
    const none = nextActions(facts(s, { started: false }));
    expect(none.map((a) => [a.kind, a.label])).toEqual([
      ['namesList', 'Namenlijst aanmaken'],
      ['startStep', 'Stap 2B starten'],
    ]);
    // A namenlijst without codes yet: bijwerken.
    expect(nextActions(facts(s, { started: false, namesList: true }))[0]!.label).toBe('Namenlijst bijwerken');
    // With codes: only the start.
    expect(kinds(facts(s, { started: false, namesList: true, persons: 4 }))).toEqual(['startStep']);
  });

  it('acuut: de namenlijst mag al in 2A', () => {
    const s = decide(newCase(CODE), 'acuut', { acuteReason: 'Ernstig incident bij de school.' });
    expect(s.step).toBe('2A');
    expect(kinds(facts(s, { started: false }))).toEqual(['namesList', 'startStep']);
    // Without acuut, 2A is group level only: no namenlijst.
    expect(kinds(facts(caseAt('2A'), { started: false }))).toEqual(['startStep']);
  });

  it('mislukte mails: opnieuw versturen', () => {
    const f = facts(newCase(CODE), { partners: [partner('a'), partner('b'), partner('c')], failedMails: 2 });
    const actions = nextActions(f);
    expect(actions.map((a) => a.kind)).toEqual(['resendMail']);
    expect(actions[0]!.label).toBe('Mislukte mails opnieuw versturen (2)');
    expect(actions[0]!.reason).toBe('2 mails zijn niet (zeker) aangekomen.');
  });

  it('antwoorden na het laatste integraal beeld: bijwerken', () => {
    const f = facts(newCase(CODE), {
      partners: [partner('a'), partner('b'), partner('c')],
      overviewStale: true,
    });
    expect(kinds(f)).toEqual(['publish']);
    expect(nextActions(f)[0]!.label).toBe('Integraal beeld bijwerken');
  });

  it('een stap zonder formulieren (geen partner doet mee): na de start het besluit', () => {
    const s = caseAt('4');
    const names = { namesList: true, persons: 3 };
    expect(kinds(facts(s, { ...names, started: false, expected: 0 }))).toEqual(['startStep']);
    const started = nextActions(facts(s, { ...names, started: true, expected: 0 }));
    expect(started.map((a) => a.kind)).toEqual(['recordDecision']);
    expect(started[0]!.reason).toBe(
      'In stap 4 vult geen partner een formulier in; het besluit kan worden vastgelegd.',
    );
  });

  it('alles tegelijk, in vaste volgorde', () => {
    const s = caseAt('2B');
    const f = facts(s, {
      namesList: true,
      persons: 0,
      partners: [partner('a', { deadline: '2026-02-01' }), partner('b', { answered: true })],
      expected: 2,
      failedMails: 1,
      overviewStale: true,
    });
    expect(kinds(f)).toEqual(['namesList', 'recordDecision', 'remind', 'resendMail', 'publish']);
  });

  it('een gesloten casus: geen acties, ook niet bij mislukte mails of oude stukken', () => {
    const closed = closedVia('1', 'niet_verder', 'zorgmelding');
    expect(closed.status).toBe('gesloten');
    expect(
      nextActions(
        facts(closed, {
          partners: [partner('a', { deadline: '2026-01-01' })],
          failedMails: 3,
          overviewStale: true,
          namesList: false,
        }),
      ),
    ).toEqual([]);
    expect(decisionDue(facts(closed))).toBe(false);
  });

  it('telt antwoorden in gewone taal', () => {
    expect(answeredText({ partners: [partner('a', { answered: true })], expected: 1 })).toBe(
      '1 van 1 partner heeft geantwoord',
    );
    expect(answeredText({ partners: [partner('a'), partner('b', { answered: true })], expected: 5 })).toBe(
      '1 van 5 partners heeft geantwoord',
    );
    expect(
      answeredText({
        partners: [partner('a', { answered: true }), partner('b', { answered: true })],
        expected: 2,
      }),
    ).toBe('2 van 2 partners hebben geantwoord');
  });

  it('niet gestart: nog geen besluit, ook niet in een stap zonder formulieren', () => {
    const s = caseAt('4');
    expect(decisionDue(facts(s, { started: false, expected: 0 }))).toBe(false);
  });

  it('een partner met een formulier in een stap waar niemand verwacht werd: het besluit telt zijn antwoord', () => {
    const f = facts(caseAt('4'), {
      namesList: true,
      persons: 3,
      expected: 0,
      partners: [partner('a', { answered: true })],
    });
    expect(nextActions(f)).toEqual([
      {
        kind: 'recordDecision',
        label: 'Besluit stap 4 vastleggen',
        reason: 'Alle antwoorden zijn binnen (1 van 1 partner heeft geantwoord).',
      },
    ]);
  });

  it('de namenlijst: waarom aanmaken of bijwerken', () => {
    const s = caseAt('2B');
    expect(nextActions(facts(s, { started: true, expected: 0 }))[0]).toEqual({
      kind: 'namesList',
      label: 'Namenlijst aanmaken',
      reason:
        'Na het besluit mogen personen worden besproken; maak eerst de namenlijst (alleen voor u toegankelijk).',
    });
    expect(nextActions(facts(s, { started: true, expected: 0, namesList: true }))[0]).toEqual({
      kind: 'namesList',
      label: 'Namenlijst bijwerken',
      reason: 'De namenlijst heeft nog geen persoonscodes; de vragen per persoon hebben die nodig.',
    });
  });

  it('informatiebrieven: één persoon of meer', () => {
    const s = caseAt('2B');
    const base = { namesList: true, persons: 2, partners: [partner('a'), partner('b'), partner('c')] };
    expect(nextActions(facts(s, { ...base, letters: { toMake: 1, waiting: 0 } }))).toEqual([
      {
        kind: 'letters',
        label: 'Informatiebrieven maken (1)',
        reason:
          '1 persoon/personen op de namenlijst heeft nog geen informatiebrief en het informeren is niet vastgelegd (AVG art. 14).',
      },
    ]);
    expect(nextActions(facts(s, { ...base, letters: { toMake: 2, waiting: 0 } }))[0]!.reason).toBe(
      '2 persoon/personen op de namenlijst hebben nog geen informatiebrief en het informeren is niet vastgelegd (AVG art. 14).',
    );
  });

  it('met de hand verwijderde formulieren: opnieuw maken, in enkelvoud of meervoud', () => {
    const base = { partners: [partner('a'), partner('b'), partner('c')] };
    expect(nextActions(facts(newCase(CODE), { ...base, missingForms: 1 }))).toEqual([
      {
        kind: 'replaceForms',
        label: 'Ontbrekend formulier opnieuw maken (1)',
        reason:
          '1 formulier van deze stap is met de hand verwijderd; de partner krijgt een nieuw formulier met dezelfde vragen en de nieuwe link.',
      },
    ]);
    expect(nextActions(facts(newCase(CODE), { ...base, missingForms: 2 }))[0]!.reason).toBe(
      '2 formulieren van deze stap zijn met de hand verwijderd; de partner krijgt een nieuw formulier met dezelfde vragen en de nieuwe link.',
    );
  });

  it('herinneringen en mislukte mails in enkelvoud en meervoud', () => {
    const late = facts(newCase(CODE), {
      partners: [
        partner('a', { deadline: '2026-02-01' }),
        partner('b', { deadline: '2026-02-01' }),
        partner('c'),
      ],
      failedMails: 1,
    });
    expect(nextActions(late).map((a) => a.reason)).toEqual([
      '2 partners zijn over de deadline zonder antwoord.',
      '1 mail is niet (zeker) aangekomen.',
    ]);
  });

  it('een gesloten casus: alleen nog de afsluitbrieven, eerst maken en dan laten wachten op verzending', () => {
    const closed = closedVia('1', 'niet_verder', 'zorgmelding');
    const letters = (toMake: number, waiting: number) =>
      nextActions(facts(closed, { letters: { toMake, waiting } }));
    expect(letters(0, 0)).toEqual([]);
    expect(letters(1, 1)).toEqual([
      {
        kind: 'letters',
        label: 'Afsluitbrieven maken (1)',
        reason:
          'De registratie is beëindigd; 1 persoon/personen op de namenlijst heeft nog geen afsluitbrief.',
      },
    ]);
    expect(letters(3, 0)[0]!.reason).toBe(
      'De registratie is beëindigd; 3 persoon/personen op de namenlijst hebben nog geen afsluitbrief.',
    );
    expect(letters(0, 1)).toEqual([
      {
        kind: 'letters',
        label: 'Afsluitbrieven klaar (1)',
        reason:
          '1 afsluitbrief wacht in de beperkte map op verzending; de map wordt vernietigd als de bewaartermijn verstrijkt.',
      },
    ]);
    expect(letters(0, 2)[0]!.reason).toBe(
      '2 afsluitbrieven wachten in de beperkte map op verzending; de map wordt vernietigd als de bewaartermijn verstrijkt.',
    );
  });
});
