/**
 * Building blocks shared by the step files of the question catalog: who takes part in which
 * step, the duiding scales and the answer lists that return in several steps. Pure data.
 */
import type { PartnerKind, StepId } from '../types';
import { PARTNER_KINDS } from '../types';

/** Every kind except the ones named, in the order of PARTNER_KINDS. */
const every = (...left: PartnerKind[]): readonly PartnerKind[] =>
  PARTNER_KINDS.filter((k) => !left.includes(k));

/**
 * Kinds that join a case through their own legal framework (domain §3.5): Veilig Thuis, de Raad
 * voor de Kinderbescherming, jeugdreclassering/jeugdbescherming and Halt. They give no group
 * picture in the early steps or the duiding; in step 3 they only say whether they are involved
 * with a person (3.p.betrokken), and they report on their own actions from step 5 on.
 */
export const CASE_KINDS: readonly PartnerKind[] = [
  'veilig_thuis',
  'raad_kinderbescherming',
  'jeugdreclassering',
  'halt',
];

/**
 * The core partners and the case-level partners, not the woningcorporatie, school or "overig":
 * asked by default when the integraal beeld and the plan are written (steps 3 and 5, steps.ts),
 * and the kinds that say at person level whether they are involved (3.p.betrokken).
 */
export const CASE_WORK_KINDS: readonly PartnerKind[] = [
  'politie',
  'om',
  'jongerenwerk',
  'boa',
  'gemeente',
  'leerplicht',
  'lokaal_team',
  'zvh',
  ...CASE_KINDS,
];

/**
 * Partner kinds that CAN take part in a step (domain §2.4 and §3.3): the catalog has questions
 * for them there. A question with `kinds: 'all'` goes to exactly these kinds (the CASE_KINDS
 * take part in step 3 only through the questions that name them). Which kinds a new
 * partner is asked in BY DEFAULT is a narrower choice: `STEPS[step].partnerKinds` (steps.ts);
 * a gemeente can widen it per partner in the Partners tab, and then these questions apply.
 * OM joins from 2B; the woningcorporatie and the school never get person-level questions; lokaal
 * team, ZVH and the CASE_KINDS only say "betrokken ja/nee" at person level (partners.ts).
 */
export const STEP_KINDS: Readonly<Record<StepId, readonly PartnerKind[]>> = {
  '1': every('om', 'zvh', ...CASE_KINDS),
  '2A': every('om', 'zvh', ...CASE_KINDS),
  '2B': ['politie', 'om', 'jongerenwerk', 'boa', 'gemeente'],
  '3': every(...CASE_KINDS),
  '4': ['politie', 'om', 'jongerenwerk', 'boa', 'gemeente'],
  '5': every(),
  '6': every(),
  '7': every(),
};

/** The kinds of a step except the ones named. */
export function allBut(step: StepId, ...left: PartnerKind[]): PartnerKind[] {
  return STEP_KINDS[step].filter((k) => !left.includes(k));
}

/** Columns of every duiding grid (domain §4.2): a leading score, `?` for unknown. */
export const DUIDING_SCALE = ['0 niet', '1 beperkt', '2 duidelijk', '3 ernstig', '? onbekend'] as const;

/** The same scale for the kansen dimension, where a high score is good news. */
export const KANSEN_SCALE = ['0 afwezig', '1 beperkt', '2 duidelijk', '3 sterk', '? onbekend'] as const;

/** The score of a duiding column label (`2 duidelijk` → 2); null for `? onbekend` or anything else. */
export function duidingScore(label: string): number | null {
  const m = /^\s*([0-3])\b/.exec(label);
  return m ? Number(m[1]) : null;
}

export const DUIDING_HELP =
  'Geef per onderdeel aan wat u ziet: 0 = niet, 1 = beperkt, 2 = duidelijk, 3 = ernstig. ' +
  'Weet u het niet, kies dan "? onbekend": een gok maakt de duiding minder betrouwbaar.';

/**
 * Said once in the header of a form's questions about persons (render/formSpec.ts): it holds for
 * every code, so it is never repeated per question.
 */
export const PER_PERSON_HELP =
  'De procesregisseur laat u via een beveiligd kanaal weten welke jongere bij welke code hoort. ' +
  'Gebruik alleen de codes, geen namen. Weet u iets niet of mag u het niet delen, laat het dan leeg.';

export const GROUP_SIZES = ['Minder dan 5', '5 tot 10', '10 tot 20', '20 of meer', 'Weet ik niet'] as const;

export const AGE_RANGES = [
  'Jonger dan 12 jaar',
  '12 tot en met 14 jaar',
  '15 tot en met 17 jaar',
  '18 tot en met 23 jaar',
  'Ouder dan 23 jaar',
  'Weet ik niet',
] as const;

export const MOMENTS = [
  'Ochtend',
  'Middag',
  'Avond',
  'Nacht',
  'Onder schooltijd',
  'Vooral doordeweeks',
  'Vooral in het weekend',
  'Weet ik niet',
] as const;

/** "Wat doen ze?" (domain §3.4 A5). */
export const BEHAVIOURS = [
  'Rondhangen en lawaai maken',
  'Afval achterlaten, vervuiling',
  'Vernielingen',
  'Intimideren, uitschelden of lastigvallen van voorbijgangers',
  'Alcohol- of drugsgebruik',
  'Handel in drugs',
  'Vechtpartijen of ander geweld',
  'Wapens tonen of bij zich hebben',
  'Diefstal, inbraak of beroving',
  'Overlast met scooters, brommers of auto’s',
  'Online: filmen, bedreigen of uitdagen',
  'Iets anders (graag toelichten)',
] as const;

export const AFFECTED = [
  'Omwonenden',
  'Ondernemers en winkelpersoneel',
  'Scholen',
  'Voorbijgangers en bezoekers',
  'Andere jongeren',
  'Medewerkers van mijn organisatie',
  'Weet ik niet',
] as const;

export const TRENDS = [
  'Het neemt toe',
  'Het blijft ongeveer gelijk',
  'Het neemt af',
  'Het wisselt sterk',
  'Weet ik niet',
] as const;

export const PLATFORMS = [
  'Snapchat',
  'Instagram',
  'TikTok',
  'WhatsApp',
  'Telegram',
  'YouTube',
  'Discord of chat in games',
  'Een ander platform',
  'Weet ik niet',
] as const;

export const OPEN_SOURCES_HELP =
  'Alleen wat u in openbare bronnen zag of wat u werd getoond, en niet stelselmatig gevolgd: ' +
  'wat u offline in uw rol niet mag, mag u online ook niet. Geen schermafbeeldingen of ' +
  'gebruikersprofielen in dit formulier.';

export const YES_NO = ['Ja', 'Nee'] as const;
export const YES_NO_UNKNOWN = ['Ja', 'Nee', 'Onbekend'] as const;
export const YES_NO_DOUBT = ['Ja', 'Nee', 'Twijfel'] as const;
