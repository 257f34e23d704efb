/**
 * The werkproces as data: names (2023 and 2016), goals, roles, products, default deadlines,
 * privacy level per step and the gate (decision) that closes every step.
 * Pure: no Apps Script, no clock.
 */
import { CASE_KINDS, CASE_WORK_KINDS } from './catalog/shared';
import type { Level, LightRoute, PartnerKind, Settings, StepId, StepNaming } from './types';
import { LIGHT_ROUTES, PARTNER_KINDS, STEP_IDS } from './types';

/** Where an outcome leads: a step, closing the case, or a new round of the same step. */
export type GateNext = StepId | 'gesloten' | 'zelfde';

export interface GateOutcome {
  /** Stable key stored in the decision, e.g. `problematisch`. */
  key: string;
  /** Dutch label shown to the coordinator. */
  label: string;
  next: GateNext;
  /** Closing needs a (light) route: where the signals go instead. */
  requiresRoute?: boolean;
  /** A route may be given but is not required (e.g. overdracht when a case ends in step 7). */
  allowsRoute?: boolean;
  /** Routes accepted for this outcome when a route is required or allowed (default: all). */
  routes?: readonly LightRoute[];
  /** A reason for the urgency must be recorded (step 1 `acuut`: 2B starts together with 2A). */
  requiresAcuteReason?: boolean;
  /** A vastgesteld plan van aanpak must exist. */
  requiresPlan?: boolean;
  /** The plan van aanpak may be adjusted (new version) with this decision. */
  allowsPlanChange?: boolean;
  /** Dutch explanation of what the outcome means. */
  description: string;
}

export interface Gate {
  /** Who normally takes the decision (Dutch), e.g. `lokale driehoek`. */
  decidedByDefault: string;
  outcomes: GateOutcome[];
}

export interface StepDefinition {
  id: StepId;
  name2023: string;
  name2016: string;
  /** Goal of the step (Dutch). */
  doel: string;
  /** Lead role (Dutch). */
  lead: string;
  /**
   * Partner kinds asked for input by default (a new partner's steps). Narrower than the kinds
   * that can take part (`STEP_KINDS` in the catalog); a test keeps it a subset.
   */
  partnerKinds: readonly PartnerKind[];
  /** Products of the step (Dutch). */
  products: readonly string[];
  /** Default working days partners get to answer. */
  deadlineWorkdays: number;
  /** Whether person-level data (namenlijst, per-person questions) may be processed. */
  personDataAllowed: boolean;
  /** Information levels that may be asked in this step. */
  levels: readonly Level[];
  gate: Gate;
}

export const ROUTE_LABELS: Record<LightRoute, string> = {
  lichte_interventie: 'Lichte interventie (bijv. extra aandacht van boa’s of jongerenwerk)',
  zorgmelding: 'Zorgmelding door de betrokken partner',
  pga_aanmelding: 'Aanmelding persoonsgerichte aanpak (PGA) / Zorg- en Veiligheidshuis',
  reguliere_inzet: 'Reguliere inzet van de partners',
  monitoren: 'Blijven volgen (monitoren), later eventueel opnieuw beoordelen',
};

const GROUP_LEVELS: readonly Level[] = ['groep', 'domein', 'online'];
const ALL_LEVELS: readonly Level[] = ['groep', 'persoon', 'domein', 'online'];
const EARLY_ROUTES: readonly LightRoute[] = ['lichte_interventie', 'zorgmelding', 'pga_aanmelding'];
/** Kinds asked by default in the group-level steps 1 and 2A (no OM yet, no care partners). */
const SIGNAL_KINDS: readonly PartnerKind[] = PARTNER_KINDS.filter(
  (k) => !['om', 'lokaal_team', 'zvh', ...CASE_KINDS].includes(k),
);
/** Kinds asked by default when the plan is carried out (everyone but "overig"). */
const EXECUTION_KINDS: readonly PartnerKind[] = PARTNER_KINDS.filter((k) => k !== 'overig');

const step1: StepDefinition = {
  id: '1',
  name2023: 'Signalen delen',
  name2016: 'Signalen over groepsgedrag delen',
  doel: 'Partners brengen signalen over (mogelijk) problematisch groepsgedrag bij elkaar en besluiten samen of de groep verder verkend wordt.',
  lead: 'procesregisseur',
  partnerKinds: SIGNAL_KINDS,
  products: ['Signaalregistratie op groepsniveau', 'Besluit over verder verkennen'],
  deadlineWorkdays: 10,
  personDataAllowed: false,
  levels: GROUP_LEVELS,
  gate: {
    decidedByDefault: 'partneroverleg',
    outcomes: [
      {
        key: 'verder_verkennen',
        label: 'Verder verkennen',
        next: '2A',
        description:
          'De signalen wijzen op groepsproblematiek; de partners verzamelen meer informatie (stap 2A).',
      },
      {
        key: 'acuut',
        label: 'Acuut: 2A en 2B tegelijk',
        next: '2A',
        requiresAcuteReason: true,
        description:
          'De situatie is acuut: stap 2A begint en tegelijk mogen de namenlijst en de groepsscan van stap 2B beginnen. De procesregisseur legt vast waarom.',
      },
      {
        key: 'niet_verder',
        label: 'Niet verder verkennen',
        next: 'gesloten',
        requiresRoute: true,
        description:
          'De signalen wijzen niet op groepsproblematiek; de casus sluit en de signalen gaan via een andere route.',
      },
    ],
  },
};

const step2A: StepDefinition = {
  id: '2A',
  name2023: 'Beoordelen groepsgedrag (2A: groepsniveau)',
  name2016: 'Informatie verzamelen en verbinden (2A: groepsniveau)',
  doel: 'Partners delen informatie over de groep (kenmerken, gedrag, ernst) zonder namen, om te beoordelen of het groepsgedrag problematisch is.',
  lead: 'procesregisseur',
  partnerKinds: SIGNAL_KINDS,
  products: ['Groepsbeeld op groepsniveau (zonder namen)', 'Besluit of het groepsgedrag problematisch is'],
  deadlineWorkdays: 10,
  personDataAllowed: false,
  levels: GROUP_LEVELS,
  gate: {
    decidedByDefault: 'partneroverleg',
    outcomes: [
      {
        key: 'problematisch',
        label: 'Problematisch groepsgedrag',
        next: '2B',
        description:
          'Het groepsgedrag is problematisch; er komt een namenlijst en de politie maakt een groepsscan (stap 2B). Vanaf nu mogen persoonsgegevens worden verwerkt.',
      },
      {
        key: 'niet_problematisch',
        label: 'Niet problematisch',
        next: 'gesloten',
        requiresRoute: true,
        routes: EARLY_ROUTES,
        description:
          'Het groepsgedrag is niet ernstig genoeg voor de groepsaanpak. Geen namenlijst en geen groepsscan; zorgen over personen lopen via een zorgmelding of PGA-aanmelding.',
      },
      {
        key: 'geen_actie',
        label: 'Geen actie, reguliere inzet',
        next: 'gesloten',
        description:
          'Er is geen aanpak nodig; de partners doen hun gewone werk. De casus sluit zonder namenlijst en zonder groepsscan.',
      },
      {
        key: 'meer_informatie',
        label: 'Meer informatie nodig',
        next: 'zelfde',
        description:
          'Er is nog te weinig informatie om te beoordelen; er volgt een nieuwe ronde van stap 2A.',
      },
    ],
  },
};

const step2B: StepDefinition = {
  id: '2B',
  name2023: 'Beoordelen groepsgedrag (2B: namenlijst en groepsscan)',
  name2016: 'Informatie verzamelen en verbinden (2B: namenlijst)',
  doel: 'De procesregisseur stelt een namenlijst op en de politie maakt een groepsscan, om vast te stellen wie tot de groep behoort en of de problematiek bevestigd wordt.',
  lead: 'procesregisseur (namenlijst) en politie (groepsscan)',
  partnerKinds: ['politie', 'om', 'jongerenwerk', 'boa', 'gemeente'],
  products: [
    'Namenlijst (met pseudoniemen)',
    'Groepsscan van de politie',
    'Brief en advies van de politie aan gemeente en OM',
  ],
  deadlineWorkdays: 15,
  personDataAllowed: true,
  levels: ALL_LEVELS,
  gate: {
    decidedByDefault: 'procesregisseur',
    outcomes: [
      {
        key: 'bevestigd',
        label: 'Problematische groep bevestigd',
        next: '3',
        description:
          'De groepsscan en de namenlijst bevestigen de problematiek; door naar groepsduiding (stap 3).',
      },
      {
        key: 'niet_bevestigd',
        label: 'Niet bevestigd',
        next: 'gesloten',
        requiresRoute: true,
        description:
          'De problematiek wordt niet bevestigd; de casus sluit en gaat via een andere route verder.',
      },
    ],
  },
};

const step3: StepDefinition = {
  id: '3',
  name2023: 'Groepsduiding en concept plan van aanpak',
  name2016: 'Maken integraal beeld en concept plan van aanpak',
  doel: 'De groep duiden (dynamiek, rollen, soorten problemen, context, kansen) en een concept plan van aanpak schrijven, zodat de lokale driehoek goed geïnformeerd kan prioriteren.',
  lead: 'procesregisseur, samen met politie en OM',
  partnerKinds: CASE_WORK_KINDS,
  products: ['Groepsduiding (integraal beeld)', 'Concept plan van aanpak'],
  deadlineWorkdays: 15,
  personDataAllowed: true,
  levels: ALL_LEVELS,
  gate: {
    decidedByDefault: 'procesregisseur',
    outcomes: [
      {
        key: 'gereed',
        label: 'Duiding en concept plan van aanpak gereed',
        next: '4',
        description:
          'De groepsduiding en het concept plan van aanpak zijn klaar voor advies en prioritering (stap 4).',
      },
      {
        key: 'meer_informatie',
        label: 'Meer informatie nodig',
        next: 'zelfde',
        description: 'De duiding is nog niet compleet; er volgt een nieuwe ronde van stap 3.',
      },
    ],
  },
};

const step4: StepDefinition = {
  id: '4',
  name2023: 'Beleidsadvies en prioritering',
  name2016: 'Adviseren en prioriteren',
  doel: 'Een korte probleemdefinitie met advies voorleggen aan de lokale driehoek, die besluit over prioriteit en aanwijzingen geeft voor de aanpak.',
  lead: 'procesregisseur (voorbereiding); lokale driehoek (besluit)',
  partnerKinds: ['politie', 'om', 'gemeente'],
  products: ['Probleemdefinitie', 'Beleidsadvies', 'Besluit van de lokale driehoek met aanwijzingen'],
  deadlineWorkdays: 10,
  personDataAllowed: true,
  levels: ALL_LEVELS,
  gate: {
    decidedByDefault: 'lokale driehoek',
    outcomes: [
      {
        key: 'geprioriteerd',
        label: 'Geprioriteerd',
        next: '5',
        description:
          'De driehoek geeft de groep prioriteit; het integrale plan van aanpak wordt gemaakt (stap 5).',
      },
      {
        key: 'niet_geprioriteerd',
        label: 'Niet geprioriteerd',
        next: 'gesloten',
        requiresRoute: true,
        description:
          'De driehoek geeft geen prioriteit; de casus sluit en de partners volgen een andere route.',
      },
      {
        key: 'aangehouden',
        label: 'Aangehouden',
        next: 'zelfde',
        description: 'De driehoek stelt het besluit uit; stap 4 komt opnieuw aan bod (nieuwe ronde).',
      },
      {
        key: 'terug_naar_3',
        label: 'Terug naar de duiding (stap 3)',
        next: '3',
        description:
          'De driehoek vindt de duiding of het concept plan nog niet voldoende; stap 3 krijgt een nieuwe ronde.',
      },
    ],
  },
};

const step5: StepDefinition = {
  id: '5',
  name2023: 'Integraal plan van aanpak',
  name2016: 'Maken integraal plan van aanpak',
  doel: 'Met alle betrokken partners een integraal plan van aanpak opstellen met doelen, acties per spoor en een eigenaar per actie.',
  lead: 'procesregisseur',
  partnerKinds: CASE_WORK_KINDS,
  products: ['Vastgesteld integraal plan van aanpak'],
  deadlineWorkdays: 15,
  personDataAllowed: true,
  levels: ALL_LEVELS,
  gate: {
    decidedByDefault: 'partneroverleg',
    outcomes: [
      {
        key: 'vastgesteld',
        label: 'Plan van aanpak vastgesteld',
        next: '6',
        requiresPlan: true,
        description:
          'Het integrale plan van aanpak is vastgesteld; de uitvoering en monitoring beginnen (stap 6).',
      },
      {
        key: 'terug_naar_4',
        label: 'Terug naar de driehoek (stap 4)',
        next: '4',
        description:
          'Bij het uitwerken blijkt een nieuw besluit of nieuwe aanwijzingen van de driehoek nodig; stap 4 krijgt een nieuwe ronde.',
      },
    ],
  },
};

const step6: StepDefinition = {
  id: '6',
  name2023: 'Uitvoeren en monitoren',
  name2016: 'Uitvoeren en monitoren plan van aanpak',
  doel: 'Partners voeren hun acties uit en melden de voortgang; de monitoring is de basis om bij te sturen of het plan bij te stellen.',
  lead: 'procesregisseur',
  partnerKinds: EXECUTION_KINDS,
  products: ['Monitoringrapportage per ronde', 'Bijgesteld plan van aanpak (als dat nodig is)'],
  deadlineWorkdays: 10,
  personDataAllowed: true,
  levels: ALL_LEVELS,
  gate: {
    decidedByDefault: 'procesregisseur',
    outcomes: [
      {
        key: 'doorgaan',
        label: 'Doorgaan volgens plan',
        next: 'zelfde',
        description: 'De aanpak loopt; er volgt een nieuwe monitoringronde.',
      },
      {
        key: 'bijstellen',
        label: 'Plan van aanpak bijstellen',
        next: 'zelfde',
        allowsPlanChange: true,
        description:
          'Het plan van aanpak wordt aangepast (nieuwe versie) en de monitoring gaat door in een nieuwe ronde.',
      },
      {
        key: 'nieuwe_duiding',
        label: 'Nieuwe duiding nodig',
        next: '3',
        description: 'De groep is zo veranderd dat een nieuwe groepsduiding nodig is (terug naar stap 3).',
      },
      {
        key: 'afschalen',
        label: 'Afschalen',
        next: '7',
        description: 'De aanpak kan worden afgeschaald; afronden en evalueren (stap 7).',
      },
    ],
  },
};

const step7: StepDefinition = {
  id: '7',
  name2023: 'Afschalen, afronden en evalueren',
  name2016: 'Afronden en evalueren',
  doel: 'Besluiten of de aanpak kan stoppen, de aanpak evalueren en resterende acties en begeleiding overdragen.',
  lead: 'procesregisseur',
  partnerKinds: EXECUTION_KINDS,
  products: ['Evaluatie van de aanpak', 'Overdracht van restacties en begeleiding'],
  deadlineWorkdays: 15,
  personDataAllowed: true,
  levels: ALL_LEVELS,
  gate: {
    decidedByDefault: 'lokale driehoek',
    outcomes: [
      {
        key: 'afgerond',
        label: 'Afgerond',
        next: 'gesloten',
        allowsRoute: true,
        description:
          'De aanpak stopt en de casus sluit. Eventuele overdracht (bijv. naar PGA of lokaal team) kan als route worden vastgelegd.',
      },
      {
        key: 'doorgaan',
        label: 'Toch doorgaan',
        next: '6',
        description: 'Afschalen is nog niet verantwoord; terug naar uitvoeren en monitoren (stap 6).',
      },
    ],
  },
};

export const STEPS: Readonly<Record<StepId, StepDefinition>> = {
  '1': step1,
  '2A': step2A,
  '2B': step2B,
  '3': step3,
  '4': step4,
  '5': step5,
  '6': step6,
  '7': step7,
};

/** Gate on a closed case: it can only be reopened when new signals appear. */
export const REOPEN_GATE: Gate = {
  decidedByDefault: 'procesregisseur',
  outcomes: [
    {
      key: 'heropenen',
      label: 'Heropenen bij nieuwe signalen (stap 1)',
      next: '1',
      description: 'Er zijn nieuwe signalen; de casus gaat opnieuw open in stap 1 (nieuwe ronde).',
    },
    {
      key: 'heropenen_2a',
      label: 'Heropenen bij nieuwe signalen (stap 2A)',
      next: '2A',
      description:
        'Er zijn nieuwe signalen en verder verkennen is al duidelijk; de casus gaat opnieuw open in stap 2A (nieuwe ronde).',
    },
  ],
};

/** Name of a step in the chosen naming (2023 is the default). */
export function stepName(step: StepId, naming: StepNaming = '2023'): string {
  const def = STEPS[step];
  return naming === '2016' ? def.name2016 : def.name2023;
}

/** `Stap 2A: Beoordelen groepsgedrag (2A: groepsniveau)`. */
export function stepLabel(step: StepId, naming: StepNaming = '2023'): string {
  return `Stap ${step}: ${stepName(step, naming)}`;
}

/** 0-based position in the werkproces (1 → 0, 2A → 1, 2B → 2, ... 7 → 7). */
export function stepOrder(step: StepId): number {
  return STEP_IDS.indexOf(step);
}

/** The gate of a step, or of the closed state (`gesloten` → reopen gate). */
export function gateFor(step: StepId | 'gesloten'): Gate {
  return step === 'gesloten' ? REOPEN_GATE : STEPS[step].gate;
}

/**
 * The Dutch label of a gate outcome (`niet_geprioriteerd` → `Niet geprioriteerd`), also for an
 * outcome of the reopen gate; an unknown key (from an older werkproces) is made readable instead
 * of failing. The one rule for every view, document and dialog.
 */
export function outcomeLabel(step: StepId, outcome: string): string {
  const known = [...gateFor(step).outcomes, ...REOPEN_GATE.outcomes].find((o) => o.key === outcome);
  if (known) return known.label;
  const words = outcome.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Routes accepted by an outcome (empty when the outcome takes no route). */
export function routesFor(outcome: GateOutcome): readonly LightRoute[] {
  if (!outcome.requiresRoute && !outcome.allowsRoute) return [];
  return outcome.routes ?? LIGHT_ROUTES;
}

/** Working days partners get in a step: the gemeente's setting, else its general default. */
export function deadlineWorkdaysFor(settings: Pick<Settings, 'deadlineWorkdays'>, step: StepId): number {
  return settings.deadlineWorkdays[step] ?? settings.deadlineWorkdays.default;
}
