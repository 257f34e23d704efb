/**
 * Stap 5 — integraal plan van aanpak. Every partner proposes its own actions per spoor (groep,
 * persoon, domein, online, netwerk en gezin) and says what capacity it can give. Persons are only
 * referred to by their code of the namenlijst.
 */
import type { Question } from '../types';
import { allBut } from './shared';

const ACTION_HELP = 'Per actie graag: wat, wanneer en wie bij uw organisatie eigenaar is.';

export const STEP5: readonly Question[] = [
  {
    // [B] S36, S23: groepsgerichte aanpak (groepsgesprek, groepsbrief, jongerenwerk).
    id: '5.spoor.groep',
    step: '5',
    kinds: 'all',
    level: 'groep',
    theme: 'pva',
    type: 'paragraph',
    title: 'Welke acties stelt uw organisatie voor in het groepsgerichte spoor?',
    help: `Bijvoorbeeld een groepsgesprek, een groepsbrief, groepswerk of het doorbreken van negatieve invloed. ${ACTION_HELP}`,
    source: 'B',
  },
  {
    // [B] S36, S20: persoonsgerichte aanpak; toeleiding naar PGA, ZVH of lokaal team.
    id: '5.spoor.persoon',
    step: '5',
    kinds: ['politie', 'om', 'jongerenwerk', 'boa', 'gemeente', 'leerplicht'],
    level: 'persoon',
    theme: 'pva',
    type: 'paragraph',
    title: 'Welke acties stelt uw organisatie voor in het persoonsgerichte spoor?',
    help:
      'Bijvoorbeeld begeleiding, toeleiding naar PGA, lokaal team of Zorg- en Veiligheidshuis, of een ' +
      `strafrechtelijke afdoening. Noem jongeren alleen bij hun code. ${ACTION_HELP}`,
    source: 'B',
  },
  {
    // [B] S36, S23: domein- en locatiegerichte aanpak (toezicht, inrichting, verboden).
    id: '5.spoor.domein',
    step: '5',
    kinds: 'all',
    level: 'domein',
    theme: 'pva',
    type: 'paragraph',
    title: 'Welke acties stelt uw organisatie voor in het spoor gericht op de plek?',
    help: `Bijvoorbeeld toezicht, camera’s, verlichting, een andere inrichting of een alternatieve plek. ${ACTION_HELP}`,
    source: 'B',
  },
  {
    // [B] S3, S41: online aanpak als onderdeel van het plan.
    id: '5.spoor.online',
    step: '5',
    kinds: allBut('5', 'om', 'zvh', 'woningcorporatie'),
    level: 'online',
    theme: 'pva',
    type: 'paragraph',
    title: 'Welke acties stelt uw organisatie voor in het online spoor?',
    help: `Bijvoorbeeld online jongerenwerk of een wijkagent die online aanspreekbaar is. ${ACTION_HELP}`,
    source: 'B',
  },
  {
    // [B] S6: ouders en netwerk betrekken, ook jongere broertjes en zusjes.
    id: '5.spoor.netwerk',
    step: '5',
    kinds: ['politie', 'jongerenwerk', 'gemeente', 'leerplicht', 'lokaal_team', 'zvh'],
    level: 'groep',
    theme: 'pva',
    type: 'paragraph',
    title: 'Welke acties stelt uw organisatie voor richting ouders en netwerk?',
    help:
      'Bijvoorbeeld een ouderavond of ouders actief informeren, met aandacht voor jongere broertjes en zusjes. ' +
      'Beschrijf het in algemene zin; acties voor één gezin horen bij het persoonsgerichte spoor.',
    source: 'B',
  },
  {
    // [B] S9: eigen inzet politie (toezicht, opsporing).
    id: '5.politie.inzet',
    step: '5',
    kinds: ['politie'],
    level: 'domein',
    theme: 'pva',
    type: 'checkboxes',
    title: 'Welke inzet van de politie stelt u voor?',
    help: 'De details per actie beschrijft u bij de sporen hierboven.',
    choices: [
      'Gericht toezicht op de vaste plekken',
      'De groep aanspreken en controleren',
      'Opsporing van feiten in groepsverband',
      'Huisbezoeken samen met een partner',
      'Online aanwezigheid van de wijkagent',
      'Anders',
    ],
    source: 'B',
  },
  {
    // [B] S2, S43: eigen inzet boa (toezicht, handhaving APV).
    id: '5.boa.inzet',
    step: '5',
    kinds: ['boa'],
    level: 'domein',
    theme: 'pva',
    type: 'checkboxes',
    title: 'Welke inzet van handhaving stelt u voor?',
    help: 'De details per actie beschrijft u bij de sporen hierboven.',
    choices: [
      'Extra rondes op de vaste plekken',
      'Handhaven op de APV',
      'Jongeren aanspreken',
      'Signalen doorgeven aan het jongerenwerk',
      'Anders',
    ],
    source: 'B',
  },
  {
    // [B] S23: bestuurlijke maatregelen (brieven, samenscholings-, locatie- of contactverbod).
    id: '5.gemeente.maatregelen',
    step: '5',
    kinds: ['gemeente'],
    level: 'groep',
    theme: 'pva',
    type: 'checkboxes',
    title: 'Welke bestuurlijke maatregelen overweegt de gemeente?',
    help: 'Een eerste inventarisatie; voor elke maatregel van de burgemeester is een eigen besluit nodig.',
    choices: [
      'Brief van de burgemeester aan jongeren en ouders',
      'Samenscholingsverbod',
      'Locatie- of gebiedsverbod',
      'Contactverbod',
      'Cameratoezicht',
      'Aanpassing van de openbare ruimte',
      'Een andere plek of voorziening voor de jongeren',
      'Geen',
    ],
    source: 'B',
  },
  {
    id: '5.om.interventies',
    step: '5',
    kinds: ['om'],
    level: 'groep',
    theme: 'pva',
    type: 'checkboxes',
    title: 'Welke strafrechtelijke interventies overweegt het OM?',
    help: 'Een eerste inventarisatie; beslissingen in afzonderlijke zaken blijven bij het OM.',
    choices: [
      'Halt-afdoening',
      'Snelle afdoening van feiten in groepsverband',
      'Bijzondere voorwaarden, zoals een gebieds- of contactverbod',
      'Voorrang voor zaken tegen groepsleden',
      'Geen',
      'Anders',
    ],
    source: 'I',
  },
  {
    // [B] S20, S40: toeleiding naar PGA, Zorg- en Veiligheidshuis of lokaal team.
    id: '5.toeleiding',
    step: '5',
    kinds: ['lokaal_team', 'zvh'],
    level: 'groep',
    theme: 'pva',
    type: 'choice',
    title: 'Kan uw organisatie aanmeldingen van jongeren uit deze groep oppakken?',
    help: 'Toeleiding betekent dat een partner een jongere bij u aanmeldt voor hulp of begeleiding.',
    choices: ['Ja, direct', 'Ja, met een wachttijd', 'Alleen na overleg', 'Nee'],
    source: 'B',
  },
  {
    id: '5.capaciteit',
    step: '5',
    kinds: 'all',
    level: 'groep',
    theme: 'pva',
    type: 'text',
    title: 'Hoeveel capaciteit kan uw organisatie hiervoor vrijmaken?',
    help: 'Bijvoorbeeld uren per week of diensten per maand, en voor welke periode.',
    source: 'I',
  },
  {
    id: '5.start',
    step: '5',
    kinds: 'all',
    level: 'groep',
    theme: 'pva',
    type: 'date',
    title: 'Vanaf wanneer kan uw organisatie starten?',
    help: 'De datum waarop uw eerste actie kan beginnen.',
    source: 'I',
  },
  {
    id: '5.nodig',
    step: '5',
    kinds: 'all',
    level: 'groep',
    theme: 'pva',
    type: 'paragraph',
    title: 'Wat heeft u van andere partners nodig om uw acties uit te voeren?',
    help: 'Bijvoorbeeld informatie, een gezamenlijk huisbezoek of een besluit van de gemeente.',
    source: 'I',
  },
  {
    id: '5.communicatie',
    step: '5',
    kinds: ['politie', 'jongerenwerk', 'gemeente'],
    level: 'groep',
    theme: 'pva',
    type: 'paragraph',
    title: 'Hoe en door wie moeten bewoners, ouders en jongeren worden geïnformeerd?',
    source: 'I',
  },
];
