/**
 * Stap 3 — groepsduiding en concept plan van aanpak (form D): the open duiding questions at
 * group level, the minimal person level per pseudonym code, and the OM's criminal-law summary.
 * Duiding is not meant to build a full picture of each young person's care trajectory, so lokaal
 * team and ZVH only say whether they are involved.
 */
import type { PartnerKind, Question } from '../types';
import { CASE_WORK_KINDS, YES_NO } from './shared';
import { STEP3_DUIDING } from './step3duiding';

/** Kinds that know the group from the street or from their own cases. */
const CORE: readonly PartnerKind[] = ['politie', 'om', 'jongerenwerk', 'boa', 'gemeente', 'leerplicht'];

const STEP3_OPEN: readonly Question[] = [
  {
    // [B] S3: wat veroorzaakt het gedrag (form D1).
    id: '3.oorzaken',
    step: '3',
    kinds: 'all',
    level: 'groep',
    theme: 'duiding',
    type: 'checkboxes',
    title: 'Wat zijn volgens u de belangrijkste oorzaken van het gedrag?',
    help: 'Kruis aan wat u in deze groep herkent; het gaat om de groep, niet om één jongere.',
    choices: [
      'Verveling, weinig te doen',
      'Groepsdruk',
      'Status en aanzien',
      'Geld verdienen',
      'Conflict met een andere groep',
      'Problemen thuis',
      'Problemen op school of geen werk',
      'Alcohol- of drugsgebruik',
      'Invloed van oudere jongeren of criminele netwerken',
      'Weet ik niet',
    ],
    source: 'B',
  },
  {
    // [B] S3: oorzaken — toelichting (form D1).
    id: '3.oorzaken.toelichting',
    step: '3',
    kinds: 'all',
    level: 'groep',
    theme: 'duiding',
    type: 'paragraph',
    title: 'Kunt u de oorzaken toelichten?',
    source: 'B',
  },
  {
    // [B] S3: is er hiërarchie, wie bepaalt de richting (form D2).
    id: '3.hierarchie',
    step: '3',
    kinds: CORE,
    level: 'groep',
    theme: 'dynamiek',
    type: 'choice',
    title: 'Is er sprake van hiërarchie in de groep?',
    help: 'Het gaat om de rol, niet om de persoon.',
    choices: [
      'Ja, er is een duidelijke leider of kern die de toon zet',
      'Enigszins: enkele jongeren hebben meer invloed',
      'Nee, de jongeren zijn ongeveer gelijkwaardig',
      'Weet ik niet',
    ],
    source: 'B',
  },
  {
    // [B] S3: rollen in de groep (form D3).
    id: '3.rollen',
    step: '3',
    kinds: CORE,
    level: 'groep',
    theme: 'dynamiek',
    type: 'checkboxes',
    title: 'Welke rollen ziet u in de groep?',
    help: 'Beschrijf rollen; wie welke rol heeft komt bij de vragen per code.',
    choices: [
      'Leider of aanstichter',
      'Uitvoerders',
      'Meelopers',
      'Aanhang die af en toe aansluit',
      'Jongeren die onder druk staan of slachtoffer worden',
      'Jongeren die anderen juist tegenhouden',
      'Weet ik niet',
    ],
    source: 'B',
  },
  {
    // [B] S3, S16: type problematiek in de groep (form D4).
    id: '3.problematiek',
    step: '3',
    kinds: [...CORE, 'woningcorporatie', 'overig'],
    level: 'groep',
    theme: 'aard_ernst',
    type: 'checkboxes',
    title: 'Welke soorten problematiek spelen er in de groep?',
    help: 'Kruis aan wat in deze groep speelt, ook als het maar een deel van de leden betreft.',
    choices: [
      'Overlast',
      'Vernieling',
      'Geweld',
      'Wapens',
      'Drugsgebruik',
      'Drugshandel',
      'Vermogenscriminaliteit',
      'Online delicten',
      'Uitbuiting of ronselen',
      'Weet ik niet',
    ],
    source: 'B',
  },
  {
    // [B] S3: groepscontext (form D5).
    id: '3.context',
    step: '3',
    kinds: 'all',
    level: 'domein',
    theme: 'context_impact',
    type: 'paragraph',
    title: 'In welke omgeving beweegt de groep zich?',
    help:
      'Denk aan de wijk en de voorzieningen daar, andere groepen, familiebanden tussen leden en de plekken ' +
      'waar ze samenkomen.',
    source: 'B',
  },
  {
    // [B] S16, S17: impact op de omgeving (form D6).
    id: '3.impact',
    step: '3',
    kinds: [...CORE, 'woningcorporatie', 'overig'],
    level: 'domein',
    theme: 'context_impact',
    type: 'paragraph',
    title: 'Wat merkt de omgeving van het gedrag?',
    help: 'Bijvoorbeeld onveiligheidsgevoelens, meldingen van bewoners, gevolgen voor ondernemers en media-aandacht.',
    source: 'B',
  },
  {
    // [B] S1, S6, S16: risico's — afglijden, doorgroei, aanwas van broertjes en zusjes (form D7).
    id: '3.risicos',
    step: '3',
    kinds: 'all',
    level: 'groep',
    theme: 'risico_kansen',
    type: 'paragraph',
    title: 'Welke risico’s ziet u als er niets verandert?',
    help:
      'Bijvoorbeeld afglijden naar zwaardere criminaliteit, contact met criminele netwerken of jongere ' +
      'broertjes en zusjes die aansluiten.',
    source: 'B',
  },
  {
    // [B] S3, S15: kansen en beschermende factoren (form D8).
    id: '3.kansen',
    step: '3',
    kinds: 'all',
    level: 'groep',
    theme: 'risico_kansen',
    type: 'paragraph',
    title: 'Welke kansen en beschermende factoren ziet u?',
    help: 'Bijvoorbeeld school of werk, sport, jongeren met een positieve invloed, betrokken ouders.',
    source: 'B',
  },
  {
    // [B] S3: handelingsperspectieven om het gedrag te stoppen of te verminderen.
    id: '3.aanknopingspunten',
    step: '3',
    kinds: 'all',
    level: 'groep',
    theme: 'duiding',
    type: 'paragraph',
    title: 'Welke aanknopingspunten ziet u om het gedrag te stoppen of te verminderen?',
    help: 'Bijvoorbeeld een jongere met positieve invloed, een plek waar de jongeren wel welkom zijn, of een gedeelde interesse zoals sport.',
    source: 'B',
  },
  {
    id: '3.inzet',
    step: '3',
    kinds: 'all',
    level: 'groep',
    theme: 'inzet',
    type: 'paragraph',
    title: 'Wat doet uw organisatie op dit moment al richting deze groep of plek?',
    help: 'Kort: wat, sinds wanneer en hoe vaak.',
    source: 'I',
  },
  {
    // [B] S3: bouwstenen voor het concept plan van aanpak (procesregisseur met politie en OM).
    id: '3.pva.bijdrage',
    step: '3',
    kinds: 'all',
    level: 'groep',
    theme: 'pva',
    type: 'paragraph',
    title: 'Wat kan uw organisatie bijdragen aan het concept plan van aanpak?',
    help: 'Denk aan de sporen groep, persoon, plek, online en netwerk of gezin.',
    source: 'B',
  },
  {
    id: '3.om.mogelijkheden',
    step: '3',
    kinds: ['om'],
    level: 'groep',
    theme: 'pva',
    type: 'paragraph',
    title: 'Welke strafrechtelijke mogelijkheden ziet het OM voor de aanpak van deze groep?',
    help: 'Bijvoorbeeld snelle afdoening van feiten in groepsverband of bijzondere voorwaarden.',
    source: 'I',
  },
];

const STEP3_PERSON: readonly Question[] = [
  {
    // [B] S3: typering van leden (zorgjongere, risicojongere, meeloper, kern) (form D9).
    id: '3.p.typering',
    step: '3',
    kinds: ['politie', 'om', 'jongerenwerk', 'boa', 'gemeente'],
    level: 'persoon',
    theme: 'persoon',
    type: 'checkboxes',
    repeat: 'per_person',
    title: 'Hoe typeert u deze jongere?',
    choices: [
      'Kern van de groep',
      'Meeloper',
      'Risicojongere: kans op afglijden naar criminaliteit',
      'Zorgjongere: heeft vooral hulp nodig',
      'Mogelijk slachtoffer, bijvoorbeeld van uitbuiting',
      'Weet ik niet',
    ],
    source: 'B',
  },
  {
    // [B] S43: Plus/Min/Mee-positie (form D10).
    id: '3.p.pmm',
    step: '3',
    kinds: ['politie', 'jongerenwerk', 'boa'],
    level: 'persoon',
    theme: 'persoon',
    type: 'choice',
    repeat: 'per_person',
    title: 'Welke positie heeft deze jongere volgens de Plus/Min/Mee-indeling?',
    choices: [
      'Plus: heeft een positieve invloed op de groep',
      'Min: heeft een negatieve invloed en trekt anderen mee',
      'Mee: volgt wie de toon zet',
      'Weet ik niet',
    ],
    source: 'B',
  },
  {
    // [B] S3: geen volledig beeld van het sociaal domein — alleen of de organisatie betrokken is (form D11).
    id: '3.p.betrokken',
    step: '3',
    kinds: CASE_WORK_KINDS,
    level: 'persoon',
    theme: 'persoon',
    type: 'choice',
    repeat: 'per_person',
    title: 'Is uw organisatie op dit moment betrokken bij deze jongere?',
    help:
      'Alleen ja of nee, zonder inhoud van hulp of dossier. Voor het Zorg- en Veiligheidshuis: zit de jongere ' +
      `in de PGA of een casusoverleg?`,
    choices: YES_NO,
    source: 'B',
  },
  {
    id: '3.p.voorstel',
    step: '3',
    kinds: CORE,
    level: 'persoon',
    theme: 'persoon',
    type: 'paragraph',
    repeat: 'per_person',
    title: 'Welke interventie stelt u voor deze jongere voor?',
    help:
      'Bijvoorbeeld individuele begeleiding, toeleiding naar PGA, lokaal team of Zorg- en Veiligheidshuis, ' +
      `een gesprek met ouders, Halt, of geen aparte inzet.`,
    source: 'I',
  },
  {
    // [B] S11: OM vult aan op persoonsniveau met strafrechtelijke informatie.
    id: '3.p.strafrecht',
    step: '3',
    kinds: ['om'],
    level: 'persoon',
    theme: 'persoon',
    type: 'paragraph',
    repeat: 'per_person',
    title: 'Welke strafrechtelijke informatie over deze jongere is van belang voor de aanpak?',
    help:
      'Een korte samenvatting: lopende zaken, afdoeningen en (bijzondere) voorwaarden zoals een gebieds- of ' +
      `contactverbod. Geen processen-verbaal of andere dossierstukken.`,
    source: 'B',
  },
  {
    id: '3.p.school',
    step: '3',
    kinds: ['leerplicht'],
    level: 'persoon',
    theme: 'persoon',
    type: 'choice',
    repeat: 'per_person',
    title: 'Staat deze jongere ingeschreven op een school of opleiding?',
    help: `Alleen als het convenant leerplicht daarvoor ruimte geeft.`,
    choices: ['Ja', 'Nee', 'Niet bekend bij leerplicht'],
    source: 'I',
  },
  {
    id: '3.p.verzuim',
    step: '3',
    kinds: ['leerplicht'],
    level: 'persoon',
    theme: 'persoon',
    type: 'choice',
    repeat: 'per_person',
    title: 'Is er sprake van schoolverzuim?',
    help: `Alleen ja of nee, zonder details.`,
    choices: ['Ja', 'Nee', 'Niet bekend bij leerplicht'],
    source: 'I',
  },
];

export const STEP3: readonly Question[] = [...STEP3_DUIDING, ...STEP3_OPEN, ...STEP3_PERSON];
