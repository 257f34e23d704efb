/**
 * Starting a step (workflow/startStep.ts) line by line: which partners get a form, what is
 * registered in `_formulieren`, what the coordinator is told (result, warnings, Logboek), the
 * time budget of one start, and when a start counts as unfinished. The clock stands still on
 * calls (latency off) unless a test moves it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fictionalCaseInput } from '../../src/local/demo/caseInput';
import type { LocalAppsScript } from '../../src/local/harness';
import { convenantWarning } from '../../src/model/partnerQuestions';
import type { StepId } from '../../src/model/types';
import type { CaseHandle } from '../../src/workflow/context';
import { openCase, openRegister } from '../../src/workflow/context';
import { recordDecision } from '../../src/workflow/decide';
import { itemMapOf } from '../../src/workflow/formKey';
import { openNewCase } from '../../src/workflow/newCase';
import { addPersons } from '../../src/workflow/persons';
import { DECISIONS, FORMS, OUTBOX } from '../../src/workflow/records';
import { askAboutNewPersons, progressText, startIncomplete, startStep } from '../../src/workflow/startStep';
import { appendRows, readTable, replaceTable } from '../../src/workspace/tables';
import { decideGate, freshRegister, logged, PARTNERS, refusal, withPartnerSteps } from './helpers';

let local: LocalAppsScript;
afterEach(() => local.dispose());

/** A partner in step 1 whose only level is "persoon": step 1 asks nothing at that level. */
const SCHOOL = {
  id: 'school',
  organisation: 'Basisschool De Test',
  kind: 'leerplicht',
  contactName: 'Leerplicht Test',
  email: 'leerplicht@testdorp.example',
  steps: ['1'],
  levels: ['persoon'],
  active: true,
};

/** A second partner without questions in step 1. */
const SCHOOL2 = {
  ...SCHOOL,
  id: 'school2',
  organisation: 'Basisschool Twee',
  email: 'twee@testdorp.example',
};

/** A new case in a register with these partners. */
function newCase(partners: unknown = PARTNERS): CaseHandle {
  const r = freshRegister(partners, { latency: false });
  local = r.local;
  return openNewCase(openRegister(), fictionalCaseInput());
}

const again = (h: CaseHandle) => openCase(openRegister(), h.row.code);

describe('een stap starten', () => {
  it('maakt één formulier per partner met vragen, registreert het volledig en zegt het in het Logboek; wie geen vragen heeft, wordt bij naam genoemd', () => {
    const h = newCase([...PARTNERS, SCHOOL, SCHOOL2]);
    const now = local.rt.now();
    const progress: string[] = [];
    const { value: r, lines } = logged(h, () =>
      startStep(h, { onProgress: (made, total) => progress.push(`${made}/${total}`) }),
    );
    expect(r.step).toBe('1');
    expect(r.round).toBe(1);
    expect(r.created).toEqual(['politie', 'jongerenwerk', 'boa']);
    expect(r.skipped).toEqual(['school', 'school2']);
    expect(r.remaining).toEqual([]);
    expect([r.made, r.total]).toEqual([3, 3]);
    expect(progress).toEqual(['1/3', '2/3', '3/3']);
    // The Advies tab belongs to step 3 on.
    expect(h.ss.getSheetByName('Advies')).toBeNull();
    expect(r.warnings).toEqual([
      'Geen formulier voor Basisschool De Test, Basisschool Twee: in deze stap staan voor hen geen vragen open (verborgen in de tab Vragen, of buiten de niveaus die zij mogen aanleveren).',
    ]);
    expect(r.deadline).toMatch(/^2026-01-\d\d$/);
    expect(r.deadline > '2026-01-12').toBe(true);
    const forms = readTable(h.ss, FORMS);
    expect(forms.map((f) => [f.formKey, f.step, f.round, f.partnerId])).toEqual([
      ['1#1#politie', '1', 1, 'politie'],
      ['1#1#jongerenwerk', '1', 1, 'jongerenwerk'],
      ['1#1#boa', '1', 1, 'boa'],
    ]);
    for (const f of forms) {
      const form = FormApp.openById(f.formId);
      expect(f.publishedUrl).toBe(form.getPublishedUrl());
      expect(f.editUrl).toBe(form.getEditUrl());
      expect(Object.keys(itemMapOf(f)).length).toBeGreaterThan(0);
      expect({
        ...f,
        formKey: '',
        partnerId: '',
        formId: '',
        publishedUrl: '',
        editUrl: '',
        itemMap: '',
      }).toEqual({
        formKey: '',
        step: '1',
        round: 1,
        partnerId: '',
        formId: '',
        publishedUrl: '',
        editUrl: '',
        deadline: r.deadline,
        createdAt: now,
        status: 'open',
        itemMap: '',
        closedAt: 0,
        planVersion: 0,
        readUpTo: 0,
        sheetBook: '',
        sheetTab: '',
        sheetPrint: '',
      });
    }
    expect(lines).toEqual([
      ...forms.map((f): [string, string] => [
        'formulier gemaakt',
        `${f.formKey} (${Object.keys(itemMapOf(f)).length} vragen)`,
      ]),
      ['stap gestart', `stap 1, ronde 1: 3 van 3 formulieren gemaakt; deadline ${r.deadline}`],
      ['mail verstuurd', '3 mail(s)'],
    ]);
    // One invitation per form, to the partner, with the link of its own form.
    expect(r.mail).toEqual({ sent: 3, waiting: 0, failed: 0, uncertain: 0 });
    expect(readTable(h.ss, OUTBOX).map((o) => [o.key, o.formKey, o.to])).toEqual(
      forms.map((f, i) => [`uitnodiging:${f.formKey}`, f.formKey, PARTNERS[i]!.email]),
    );
    expect(local.rt.mailbox.map((m) => m.to[0])).toEqual(PARTNERS.map((p) => p.email));
    forms.forEach((f, i) => {
      expect(local.rt.mailbox[i]!.body).toContain(f.publishedUrl);
    });
  });

  it('een tweede start maakt en mailt niets opnieuw en zegt hoe ver het is', () => {
    const h = newCase([...PARTNERS, SCHOOL]);
    const first = startStep(h);
    const { value: r, lines } = logged(h, () => startStep(again(h)));
    expect(r.created).toEqual([]);
    expect(r.skipped).toEqual(['school']);
    expect([r.made, r.total]).toEqual([3, 3]);
    expect(r.mail).toEqual({ sent: 0, waiting: 0, failed: 0, uncertain: 0 });
    expect(lines).toEqual([
      ['stap gestart', `stap 1, ronde 1: 3 van 3 formulieren gemaakt; deadline ${first.deadline}`],
    ]);
    expect(readTable(h.ss, FORMS)).toHaveLength(3);
    expect(readTable(h.ss, OUTBOX)).toHaveLength(3);
    expect(local.rt.mailbox).toHaveLength(3);
    // The partner without questions has no form, and the start is complete all the same.
    expect(startIncomplete(again(h))).toBe(false);
  });

  it('een uitnodiging die na het maken van het formulier verloren ging, gaat bij de volgende start naar de juiste partner', () => {
    const h = newCase();
    startStep(h);
    // As if the run stopped after the form of the jongerenwerk was made, before its invitation.
    replaceTable(
      h.ss,
      OUTBOX,
      readTable(h.ss, OUTBOX).filter((o) => o.formKey !== '1#1#jongerenwerk'),
    );
    const r = startStep(again(h));
    expect(r.created).toEqual([]);
    expect(r.mail.sent).toBe(1);
    const form = readTable(h.ss, FORMS).find((f) => f.formKey === '1#1#jongerenwerk')!;
    const mail = local.rt.mailbox.at(-1)!;
    expect(mail.to).toEqual(['team@jongerenwerk.example']);
    expect(mail.body).toContain(form.publishedUrl);
  });

  it('weigert een gesloten casus, en maakt dan niets', () => {
    const h = newCase();
    recordDecision(
      h,
      {
        step: '1',
        round: 1,
        outcome: 'niet_verder',
        routes: ['lichte_interventie'],
        motivation: 'Besproken.',
        decidedBy: 'overleg',
        date: '2026-01-12',
      },
      'regie@testdorp.example',
    );
    const closed = again(h);
    expect(refusal(() => startStep(closed))).toBe(
      `Casus ${h.row.code} is gesloten. Heropen de casus eerst met een besluit "heropenen".`,
    );
    expect(readTable(h.ss, FORMS)).toEqual([]);
    expect(startIncomplete(closed)).toBe(false);
  });
});

describe('een start met vragen per persoon (2B)', () => {
  const { convenantSigned: _signed, ...unsignedPolice } = PARTNERS[0]!;
  const TEAMS = [
    PARTNERS[0]!,
    { ...PARTNERS[0]!, id: 'politie-noord', email: 'noord@politie.example' },
    { ...unsignedPolice, id: 'politie-zonder', email: 'zonder@politie.example' },
  ];

  it('zonder namenlijst één waarschuwing voor alle partners samen; zonder convenant een waarschuwing en een regel in het Logboek, één keer', () => {
    const h = newCase(TEAMS);
    decideGate(local, h, '1', 'verder_verkennen');
    decideGate(local, h, '2A', 'problematisch');
    const noNames =
      'De namenlijst heeft nog geen personen: de vragen per persoon ontbreken in deze formulieren. Vul eerst de namenlijst (menu "Namenlijst bijwerken").';
    const unsigned = openRegister().partners.find((p) => p.id === 'politie-zonder')!;
    const { value: r, lines } = logged(h, () => startStep(again(h)));
    expect(r.step).toBe('2B');
    expect(r.created).toEqual(['politie', 'politie-noord', 'politie-zonder']);
    expect(r.warnings).toEqual([noNames, convenantWarning(unsigned)]);
    expect(lines.map((l) => l[0])).toEqual([
      'formulier gemaakt',
      'formulier gemaakt',
      'geen convenant',
      'formulier gemaakt',
      'stap gestart',
      'mail verstuurd',
    ]);
    expect(lines[2]![1]).toBe(convenantWarning(unsigned));
    // Started again: the form without person questions exists, so the convenant is not repeated.
    const { value: second, lines: secondLines } = logged(h, () => startStep(again(h)));
    expect(second.warnings).toEqual([noNames]);
    expect(secondLines.map((l) => l[0])).toEqual(['stap gestart']);
  });
});

describe('aanvullende formulieren (askAboutNewPersons)', () => {
  const { convenantSigned: _signed, ...unsignedPolice } = PARTNERS[0]!;
  const TEAMS = [
    PARTNERS[0]!,
    { ...PARTNERS[0]!, id: 'politie-noord', email: 'noord@politie.example' },
    { ...unsignedPolice, id: 'politie-zonder', email: 'zonder@politie.example' },
  ];
  const NONE = { created: [], mail: { sent: 0, waiting: 0, failed: 0, uncertain: 0 } };

  it('vraagt niets zolang er geen persoonsgegevens mogen zijn', () => {
    const h = newCase();
    startStep(h);
    expect(askAboutNewPersons(again(h))).toEqual(NONE);
    expect(readTable(h.ss, FORMS)).toHaveLength(3);
  });

  it('vraagt elke partner met vragen per persoon naar de nieuwe codes, zegt het in het Logboek en nodigt uit, ook na een onderbreking', () => {
    const h = newCase(TEAMS);
    decideGate(local, h, '1', 'verder_verkennen');
    decideGate(local, h, '2A', 'problematisch');
    // Before the step's forms exist there is nothing to supplement.
    addPersons(again(h), [{ naam: 'Fictief Een' }]);
    expect(askAboutNewPersons(again(h))).toEqual(NONE);
    // With persons in the namenlijst there is no warning about it (only about the convenant).
    const unsigned = openRegister().partners.find((p) => p.id === 'politie-zonder')!;
    expect(startStep(again(h)).warnings).toEqual([convenantWarning(unsigned)]);
    expect(askAboutNewPersons(again(h))).toEqual(NONE);
    addPersons(again(h), [{ naam: 'Fictief Twee' }]);
    const mails = local.rt.mailbox.length;
    const { value: r, lines } = logged(h, () => askAboutNewPersons(again(h)));
    // The partner without a convenant has no person questions: no supplement.
    expect(r.created).toEqual(['2B#1#politie#2', '2B#1#politie-noord#2']);
    expect(r.mail).toEqual({ sent: 2, waiting: 0, failed: 0, uncertain: 0 });
    expect(lines).toEqual([
      [
        'aanvullende formulieren',
        '2 formulier(en) voor nieuwe persoonscodes: 2B#1#politie#2, 2B#1#politie-noord#2',
      ],
      ['mail verstuurd', '2 mail(s)'],
    ]);
    expect(local.rt.mailbox.slice(mails).map((m) => m.to[0])).toEqual([
      'wijkagent@politie.example',
      'noord@politie.example',
    ]);
    // The supplement asks at person level (with codes only), like the form of the step.
    const supplement = readTable(h.ss, FORMS).find((f) => f.formKey === '2B#1#politie#2')!;
    expect(FormApp.openById(supplement.formId).getDescription()).toContain(
      'informatie op groepsniveau; persoonsniveau, alleen met persoonscodes',
    );
    // A run that stopped after making the forms but before queueing their invitations: the
    // next one queues them, and makes no form again. (The invitation of the step's own form is
    // the start's, not queued here.)
    replaceTable(
      h.ss,
      OUTBOX,
      readTable(h.ss, OUTBOX).filter((o) => o.formKey !== '2B#1#politie#2' && o.formKey !== '2B#1#politie'),
    );
    const resumed = logged(h, () => askAboutNewPersons(again(h)));
    expect(resumed.value).toEqual({ created: [], mail: { sent: 1, waiting: 0, failed: 0, uncertain: 0 } });
    expect(resumed.lines).toEqual([['mail verstuurd', '1 mail(s)']]);
    expect(local.rt.mailbox.at(-1)!.to[0]).toBe('wijkagent@politie.example');
    expect(readTable(h.ss, FORMS)).toHaveLength(5);
    // A partner with a closed form of this step (here the first; the supplement is open) is not
    // asked again.
    replaceTable(
      h.ss,
      FORMS,
      readTable(h.ss, FORMS).map((f) =>
        f.formKey === '2B#1#politie' ? { ...f, status: 'gesloten' as const } : f,
      ),
    );
    addPersons(again(h), [{ naam: 'Fictief Drie' }]);
    expect(askAboutNewPersons(again(h)).created).toEqual(['2B#1#politie-noord#3']);
  });

  it('een partner zonder formulier in deze stap krijgt geen aanvulling: dat formulier is het werk van de start', () => {
    const late = { ...TEAMS[1]!, steps: ['1', '2A'] };
    const h = newCase([TEAMS[0]!, late]);
    decideGate(local, h, '1', 'verder_verkennen');
    decideGate(local, h, '2A', 'problematisch');
    startStep(again(h));
    addPersons(again(h), [{ naam: 'Fictief Een' }]);
    // politie-noord takes part in 2B from now on, without a form yet.
    const r = withPartnerSteps('politie-noord', '1,2A,2B', () => askAboutNewPersons(again(h)));
    expect(r.created).toEqual(['2B#1#politie#2']);
    expect(readTable(h.ss, FORMS).map((f) => f.formKey)).toEqual(['2B#1#politie', '2B#1#politie#2']);
  });

  it('een casus die sloot terwijl de formulieren van de stap nog open stonden, krijgt geen aanvulling', () => {
    const h = newCase(TEAMS);
    decideGate(local, h, '1', 'verder_verkennen');
    decideGate(local, h, '2A', 'problematisch');
    startStep(again(h));
    addPersons(again(h), [{ naam: 'Fictief Een' }]);
    // The closing decision is recorded; the gate stopped before it closed the forms.
    appendRows(h.ss, DECISIONS, [
      {
        step: '2B',
        round: 1,
        outcome: 'niet_bevestigd',
        motivation: 'Besproken.',
        decidedBy: 'overleg',
        date: '2026-01-12',
        route: 'lichte_interventie',
        directions: '',
        recordedAt: local.rt.now(),
        recordedBy: 'regie@testdorp.example',
        acuteReason: '',
      },
    ]);
    expect(readTable(h.ss, FORMS).every((f) => f.status === 'open')).toBe(true);
    expect(askAboutNewPersons(again(h))).toEqual(NONE);
    expect(readTable(h.ss, FORMS)).toHaveLength(3);
  });
});

describe('een start binnen het tijdsbudget', () => {
  it('begint het volgende formulier alleen als de uitnodigingen van alle gemaakte formulieren er nog bij passen', () => {
    // The clock stands still: only the reserve per invitation counts (3 s per form made).
    const fits = startStep(newCase(), { budgetMs: 6000 });
    expect(fits.created).toEqual(['politie', 'jongerenwerk']);
    expect(fits.remaining).toEqual(['boa']);
    local.dispose();
    const h = newCase();
    const { value: tight, lines } = logged(h, () => startStep(h, { budgetMs: 5999 }));
    expect(tight.created).toEqual(['politie']);
    expect(tight.remaining).toEqual(['jongerenwerk', 'boa']);
    expect([tight.made, tight.total]).toEqual([1, 3]);
    expect(lines.at(-2)).toEqual([
      'stap gestart',
      `stap 1, ronde 1: 1 van 3 formulieren gemaakt; de andere 2 volgen bij de volgende automatische bijwerking; deadline ${tight.deadline}`,
    ]);
    // Only the forms made are invited.
    expect(local.rt.mailbox.map((m) => m.to[0])).toEqual([PARTNERS[0]!.email]);
    // Unfinished, also with the rows passed in; the next start makes the rest.
    expect(startIncomplete(again(h))).toBe(true);
    expect(startIncomplete(again(h), readTable(h.ss, FORMS))).toBe(true);
    const rest = startStep(again(h));
    expect(rest.created).toEqual(['jongerenwerk', 'boa']);
    expect([rest.made, rest.total]).toEqual([3, 3]);
    expect(startIncomplete(again(h))).toBe(false);
  });

  it('een onvolledige start telt niet meer als de casus gesloten is of de stap voorbij', () => {
    const h = newCase();
    startStep(h, { budgetMs: 0 });
    expect(startIncomplete(again(h))).toBe(true);
    // Step 1 decided: the forms of step 1 say nothing about step 2A, which has not started.
    decideGate(local, h, '1', 'verder_verkennen');
    expect(startIncomplete(again(h))).toBe(false);
    local.dispose();
    const closed = newCase();
    startStep(closed, { budgetMs: 0 });
    // Closed by a decision recorded while the start was unfinished.
    appendRows(closed.ss, DECISIONS, [
      {
        step: '1',
        round: 1,
        outcome: 'niet_verder',
        motivation: 'Besproken.',
        decidedBy: 'overleg',
        date: '2026-01-12',
        route: 'lichte_interventie',
        directions: '',
        recordedAt: local.rt.now(),
        recordedBy: 'regie@testdorp.example',
        acuteReason: '',
      },
    ]);
    expect(startIncomplete(again(closed))).toBe(false);
  });

  it('maakt altijd minstens één formulier per run', () => {
    const h = newCase();
    expect(startIncomplete(h)).toBe(false); // nothing started yet
    const r = startStep(h, { budgetMs: 0 });
    expect(r.created).toEqual(['politie']);
    expect(r.remaining).toEqual(['jongerenwerk', 'boa']);
  });

  it('de tijd die formulieren kosten telt mee: het langste formulier tot nu toe moet nog passen', () => {
    const h = newCase();
    // Every form takes a minute here (a form is a copy of its kind's template; the copy is slow).
    const slow = () =>
      local.rt.injectFault({
        method: 'Drive.Files.copy',
        nth: 1,
        times: 10,
        effect: (rt) => rt.advance(60_000),
      });
    slow();
    // After one form: one minute spent, the longest form (one minute), two invitations: 126 s.
    expect(startStep(h, { budgetMs: 126_000 }).created).toEqual(['politie', 'jongerenwerk']);
    local.dispose();
    const h2 = newCase();
    slow();
    expect(startStep(h2, { budgetMs: 125_999 }).created).toEqual(['politie']);
  });
});

describe('progressText', () => {
  it('zegt hoeveel van hoeveel formulieren er zijn', () => {
    expect(progressText(12, 25)).toBe('12 van 25 formulieren gemaakt');
  });
});

describe('een start zonder wat de stap nodig heeft', () => {
  /** The decisions as they stand in _besluiten, without the plan rows (_pva emptied by hand). */
  function decided(h: CaseHandle, outcomes: [string, string][]): void {
    appendRows(
      h.ss,
      DECISIONS,
      outcomes.map(([step, outcome]) => ({
        step: step as StepId,
        round: 1,
        outcome,
        motivation: 'Besproken.',
        decidedBy: 'overleg',
        date: '2026-01-12',
        route: '',
        directions: '',
        recordedAt: local.rt.now(),
        recordedBy: 'regie@testdorp.example',
        acuteReason: '',
      })),
    );
  }
  const TO_6: [string, string][] = [
    ['1', 'verder_verkennen'],
    ['2A', 'problematisch'],
    ['2B', 'bevestigd'],
    ['3', 'gereed'],
    ['4', 'geprioriteerd'],
    ['5', 'vastgesteld'],
  ];

  it('stap 6 of 7 zonder vastgesteld plan van aanpak wordt geweigerd en maakt niets', () => {
    const h = newCase();
    decided(h, TO_6);
    expect(refusal(() => startStep(again(h)))).toBe(
      `Stap 6 vraagt om een vastgesteld plan van aanpak; dat ontbreekt voor casus ${h.row.code}.`,
    );
    decided(h, [['6', 'afschalen']]);
    expect(refusal(() => startStep(again(h)))).toBe(
      `Stap 7 vraagt om een vastgesteld plan van aanpak; dat ontbreekt voor casus ${h.row.code}.`,
    );
    expect(readTable(h.ss, FORMS)).toEqual([]);
  });
});
