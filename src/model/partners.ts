/**
 * Partner kinds: Dutch labels, what they do, in which steps they join by default and which
 * information levels they may supply. Pure.
 */
import { STEPS } from './steps';
import type { Level, Partner, PartnerKind, Question, StepId } from './types';
import { LEVELS, PARTNER_KINDS, STEP_IDS } from './types';

/**
 * How far a kind may go at person level (from 2B on):
 * - `volledig`: person-level information within the convenant;
 * - `beperkt`: only what the partner's own professional judgement allows (jongerenwerk, leerplicht);
 * - `alleen_betrokken`: only "betrokken ja/nee" (plus contact), no content;
 * - `geen`: never person level.
 */
export type PersonMode = 'volledig' | 'beperkt' | 'alleen_betrokken' | 'geen';

export interface PartnerKindInfo {
  kind: PartnerKind;
  label: string;
  description: string;
  /** Levels this kind may supply at most (the step may allow fewer). */
  levels: readonly Level[];
  personMode: PersonMode;
  /** Dutch note on the person-level restriction, shown next to person-level questions. */
  personNote?: string;
}

export const PARTNER_KIND_INFO: Readonly<Record<PartnerKind, PartnerKindInfo>> = {
  politie: {
    kind: 'politie',
    label: 'Politie',
    description:
      'Wijkagent, jeugdagent en informatieorganisatie; signaleert, maakt de groepsscan en adviseert.',
    levels: ['groep', 'persoon', 'domein', 'online'],
    personMode: 'volledig',
  },
  om: {
    kind: 'om',
    label: 'Openbaar Ministerie',
    description: 'Jeugdofficier of parket; sluit aan vanaf de groepsduiding met strafrechtelijke informatie.',
    levels: ['groep', 'persoon'],
    personMode: 'volledig',
    personNote: 'Alleen een samenvatting van lopende zaken en afdoeningen die voor de aanpak nodig is.',
  },
  jongerenwerk: {
    kind: 'jongerenwerk',
    label: 'Jongerenwerk',
    description: 'Heeft contact met de groep; deelt wat past bij de vertrouwensrelatie met de jongeren.',
    levels: ['groep', 'persoon', 'domein', 'online'],
    personMode: 'beperkt',
    personNote:
      'Het jongerenwerk deelt persoonsinformatie alleen op eigen professionele afweging; zorgen over een jongere lopen bij voorkeur via een zorgmelding of PGA.',
  },
  boa: {
    kind: 'boa',
    label: '(Jeugd)boa / handhaving',
    description: 'Toezicht en handhaving in de openbare ruimte; waarnemingen per ronde.',
    levels: ['groep', 'persoon', 'domein'],
    personMode: 'volledig',
  },
  gemeente: {
    kind: 'gemeente',
    label: 'Gemeente (OOV / procesregisseur)',
    description:
      'Openbare orde en veiligheid: meldingen openbare ruimte, bewonersklachten en bestuurlijke maatregelen.',
    levels: ['groep', 'persoon', 'domein', 'online'],
    personMode: 'volledig',
  },
  leerplicht: {
    kind: 'leerplicht',
    label: 'Leerplicht / RMC',
    description: 'Leerplicht en voortijdig schoolverlaten; relatie met scholen.',
    levels: ['groep', 'persoon', 'domein'],
    personMode: 'beperkt',
    personNote: 'Alleen ingeschreven ja/nee en verzuim ja/nee, zonder details.',
  },
  lokaal_team: {
    kind: 'lokaal_team',
    label: 'Lokaal team / wijkteam',
    description: 'Hulp en ondersteuning; neemt jongeren over na toeleiding.',
    levels: ['groep', 'persoon'],
    personMode: 'alleen_betrokken',
    personNote: 'Alleen of het team al betrokken is (ja/nee) en bij wie; geen inhoud over hulpverlening.',
  },
  zvh: {
    kind: 'zvh',
    label: 'Zorg- en Veiligheidshuis / PGA',
    description: 'Persoonsgerichte aanpak; neemt aanmeldingen van individuele jongeren aan.',
    levels: ['groep', 'persoon'],
    personMode: 'alleen_betrokken',
    personNote: 'Alleen of de jongere al in de PGA of een casusoverleg zit (ja/nee).',
  },
  woningcorporatie: {
    kind: 'woningcorporatie',
    label: 'Woningcorporatie',
    description: 'Signaleert overlast in en rond complexen; levert alleen groeps- en locatie-informatie.',
    levels: ['groep', 'domein'],
    personMode: 'geen',
  },
  veilig_thuis: {
    kind: 'veilig_thuis',
    label: 'Veilig Thuis',
    description:
      'Advies- en meldpunt huiselijk geweld en kindermishandeling; werkt binnen een eigen wettelijk kader en sluit per casus aan.',
    levels: ['groep', 'persoon'],
    personMode: 'alleen_betrokken',
    personNote:
      'Alleen of Veilig Thuis bij de jongere of het gezin betrokken is (ja/nee); geen inhoud van meldingen.',
  },
  raad_kinderbescherming: {
    kind: 'raad_kinderbescherming',
    label: 'Raad voor de Kinderbescherming',
    description:
      'Onderzoekt en adviseert bij bescherming en strafzaken van minderjarigen; sluit per casus aan.',
    levels: ['groep', 'persoon'],
    personMode: 'alleen_betrokken',
    personNote:
      'Alleen of de Raad bij de jongere betrokken is (ja/nee); geen inhoud van onderzoek of advies.',
  },
  jeugdreclassering: {
    kind: 'jeugdreclassering',
    label: 'Jeugdreclassering / jeugdbescherming',
    description:
      'Gecertificeerde instelling voor jeugdreclassering en jeugdbescherming; begeleidt jongeren met een maatregel.',
    levels: ['groep', 'persoon'],
    personMode: 'alleen_betrokken',
    personNote: 'Alleen of er begeleiding of een maatregel loopt (ja/nee); geen inhoud van de begeleiding.',
  },
  halt: {
    kind: 'halt',
    label: 'Halt',
    description:
      'Voert Halt-straffen en preventie uit voor jongeren; sluit aan bij de uitvoering van het plan.',
    levels: ['groep', 'persoon'],
    personMode: 'alleen_betrokken',
    personNote: 'Alleen of de jongere een Halt-traject heeft of had (ja/nee); geen details.',
  },
  onderwijs: {
    kind: 'onderwijs',
    label: 'Onderwijs (school)',
    description:
      'School of opleiding; signaleert overlast rond schooltijden en de school, en levert alleen groeps- en locatie-informatie.',
    levels: ['groep', 'domein'],
    personMode: 'geen',
  },
  overig: {
    kind: 'overig',
    label: 'Overige partner',
    description: 'Andere organisatie die signalen deelt (bijv. ondernemers); geen namen.',
    levels: ['groep', 'domein'],
    personMode: 'geen',
  },
};

/**
 * Whether a kind may answer this question about a person (the kind's person mode, enforced in
 * its forms): `geen` never; `alleen_betrokken` only a single choice such as "betrokken ja/nee",
 * never free text, check boxes or dates. Questions above person level are always allowed here.
 */
export function mayAskAtPersonLevel(kind: PartnerKind, q: Pick<Question, 'level' | 'type'>): boolean {
  if (q.level !== 'persoon') return true;
  const mode = PARTNER_KIND_INFO[kind].personMode;
  if (mode === 'geen') return false;
  if (mode === 'alleen_betrokken') return q.type === 'choice';
  return true;
}

/** Dutch: what a kind may answer at person level (for messages to the coordinator). */
export function personModeText(kind: PartnerKind): string {
  const mode = PARTNER_KIND_INFO[kind].personMode;
  if (mode === 'geen') return 'geen vragen over personen';
  if (mode === 'alleen_betrokken') return 'over personen alleen een keuzevraag zoals "betrokken ja/nee"';
  return 'vragen over personen';
}

/** Whether the partner signed the convenant (a date in the Partners tab): needed for person-level forms. */
export function hasConvenant(partner: Pick<Partner, 'convenantSigned'>): boolean {
  return Boolean(partner.convenantSigned && partner.convenantSigned.trim() !== '');
}

export function partnerKindLabel(kind: PartnerKind): string {
  return PARTNER_KIND_INFO[kind].label;
}

/** Steps in which a kind is asked for input by default (from the werkproces). */
export function defaultStepsFor(kind: PartnerKind): StepId[] {
  return STEP_IDS.filter((step) => STEPS[step].partnerKinds.includes(kind));
}

/** Levels the step allows (no person level before 2B). */
export function stepLevels(step: StepId): Level[] {
  return LEVELS.filter((level) => STEPS[step].levels.includes(level));
}

/** Levels a kind supplies in a step by default: none outside its default steps. */
export function defaultLevelsFor(kind: PartnerKind, step: StepId): Level[] {
  if (!defaultStepsFor(kind).includes(step)) return [];
  const kindLevels = PARTNER_KIND_INFO[kind].levels;
  return stepLevels(step).filter((level) => kindLevels.includes(level));
}

/** Default `steps` and `levels` for a new partner row of this kind. */
export function partnerDefaults(kind: PartnerKind): { steps: StepId[]; levels: Level[] } {
  const kindLevels = PARTNER_KIND_INFO[kind].levels;
  return { steps: defaultStepsFor(kind), levels: LEVELS.filter((l) => kindLevels.includes(l)) };
}

/** Levels this partner may supply in this step: its own levels ∩ what the step allows. */
export function levelsFor(partner: Pick<Partner, 'levels'>, step: StepId): Level[] {
  return stepLevels(step).filter((level) => partner.levels.includes(level));
}

/** Active partners asked for input in this step. */
export function partnersForStep<P extends Pick<Partner, 'active' | 'steps'>>(
  partners: readonly P[],
  step: StepId,
): P[] {
  return partners.filter((p) => p.active && p.steps.includes(step));
}

/** Accepts a kind key or its Dutch label (case-insensitive); undefined when unknown. */
export function partnerKindFromText(text: string): PartnerKind | undefined {
  const t = text.trim().toLowerCase();
  const byKey = PARTNER_KINDS.find((k) => k === t || k.replace(/_/g, ' ') === t);
  if (byKey) return byKey;
  return PARTNER_KINDS.find((k) => PARTNER_KIND_INFO[k].label.toLowerCase() === t);
}
