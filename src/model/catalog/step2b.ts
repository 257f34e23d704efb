/**
 * Stap 2B — namenlijst en groepsscan (form C). Person-level questions are asked per pseudonym
 * code of the namenlijst; the name itself lives only in the namenlijst the procesregisseur keeps,
 * so no question here ever asks for a name or a date of birth.
 */
import type { PartnerKind, Question } from '../types';
import { OPEN_SOURCES_HELP, PLATFORMS, YES_NO_DOUBT, YES_NO_UNKNOWN } from './shared';

/** Partners that help complete the namenlijst (politie, jongerenwerk, boa, gemeente). */
const LIST_KINDS: readonly PartnerKind[] = ['politie', 'jongerenwerk', 'boa', 'gemeente'];

export const STEP2B: readonly Question[] = [
  // --- Groepsniveau ---
  {
    // [B] S2: "wie zitten erin" — volledigheid van de namenlijst, zonder namen in het formulier.
    id: '2B.namenlijst',
    step: '2B',
    kinds: LIST_KINDS,
    level: 'groep',
    theme: 'persoon',
    type: 'choice',
    title: 'Klopt de concept-namenlijst volgens u?',
    help:
      'Noem in dit formulier geen namen. Aanvullingen of correcties geeft u via het afgesproken beveiligde ' +
      'kanaal door aan de procesregisseur.',
    choices: [
      'Ja, de lijst is volledig',
      'Er ontbreken jongeren',
      'Er staan jongeren op die er niet bij horen',
      'Weet ik niet',
    ],
    source: 'B',
  },
  {
    // [B] S2: komt het online netwerk overeen met het offline netwerk.
    id: '2B.online.overlap',
    step: '2B',
    kinds: LIST_KINDS,
    level: 'online',
    theme: 'online',
    type: 'choice',
    title: 'In hoeverre komt het online netwerk overeen met de groep op straat?',
    help: 'Zijn het online dezelfde jongeren als op straat, of komen er online anderen bij?',
    choices: [
      'Grotendeels dezelfde jongeren',
      'Deels: online doen ook anderen mee',
      'Nauwelijks: online is het een ander netwerk',
      'Weet ik niet',
    ],
    source: 'B',
  },
  {
    // [B] S2, S41: welke leden hebben online contact — kanalen (open bronnen, niet stelselmatig).
    id: '2B.online.kanalen',
    step: '2B',
    kinds: ['politie', 'jongerenwerk'],
    level: 'online',
    theme: 'online',
    type: 'checkboxes',
    title: 'Via welke kanalen hebben de groepsleden online contact?',
    help: OPEN_SOURCES_HELP,
    choices: PLATFORMS,
    source: 'B',
  },
  {
    // [B] S2, S41: online gedrag van de groep.
    id: '2B.online.toelichting',
    step: '2B',
    kinds: LIST_KINDS,
    level: 'online',
    theme: 'online',
    type: 'paragraph',
    title: 'Wat valt op aan het online gedrag van de groep?',
    help: OPEN_SOURCES_HELP,
    source: 'B',
  },
  {
    // [B] S29: groepsscan — wijkagentkennis en systeeminformatie, veranderende onderlinge relaties.
    id: '2B.groepsscan',
    step: '2B',
    kinds: ['politie'],
    level: 'groep',
    theme: 'dynamiek',
    type: 'paragraph',
    title: 'Wat laat de groepsscan zien over de groep als geheel?',
    help:
      'Een samenvatting op groepsniveau, bijvoorbeeld de omvang van de kern en hoe de onderlinge relaties ' +
      'veranderen. Gegevens per jongere vult u hieronder per code in.',
    source: 'B',
  },
  {
    // [B] S2: brief en advies van de politie aan gemeente en OM.
    id: '2B.politie.advies',
    step: '2B',
    kinds: ['politie'],
    level: 'groep',
    theme: 'advies',
    type: 'paragraph',
    title: 'Wat is het advies van de politie aan gemeente en OM?',
    help: 'De kern van de brief met advies die de politie in deze stap aan gemeente en OM stuurt.',
    required: true,
    source: 'B',
  },
  {
    // [B] S9: aanvullende, niet-geregistreerde ("zachte") informatie van het jongerenwerk.
    id: '2B.jongerenwerk.aanvulling',
    step: '2B',
    kinds: ['jongerenwerk'],
    level: 'groep',
    theme: 'groepsbeschrijving',
    type: 'paragraph',
    title: 'Wat weet het jongerenwerk over de groep dat niet in systemen staat?',
    help:
      'Bijvoorbeeld de sfeer, de onderlinge verhoudingen en wat er speelt. U bepaalt zelf wat u deelt; ' +
      'de vertrouwensrelatie met de jongeren gaat voor.',
    source: 'B',
  },
  {
    id: '2B.boa.controles',
    step: '2B',
    kinds: ['boa'],
    level: 'groep',
    theme: 'aard_ernst',
    type: 'paragraph',
    title: 'Wat heeft handhaving bij controles van de groep vastgesteld?',
    help: 'Bijvoorbeeld het aantal APV-overtredingen en bekeuringen in de afgelopen maanden. Alleen aantallen.',
    source: 'I',
  },
  {
    // [B] S2: samen feiten plegen — strafrechtelijk beeld van de groep (OM).
    id: '2B.om.groepsfeiten',
    step: '2B',
    kinds: ['om'],
    level: 'groep',
    theme: 'aard_ernst',
    type: 'paragraph',
    title: 'Welke feiten die in groepsverband zijn gepleegd, zijn bij het OM bekend?',
    help: 'Soort en aantal, zonder parketnummers of andere zaakgegevens.',
    source: 'B',
  },
  {
    // [B] S11: bevestiging problematische groep (besluit 2B → stap 3).
    id: '2B.bevestigd',
    step: '2B',
    kinds: 'all',
    level: 'groep',
    theme: 'duiding',
    type: 'choice',
    title: 'Is er volgens u sprake van een problematische groep?',
    help: 'Bevestigt het beeld na de namenlijst en de groepsscan dat het om een problematische groep gaat?',
    choices: YES_NO_DOUBT,
    required: true,
    source: 'B',
  },
  {
    // [B] S11: onderbouwing van de bevestiging.
    id: '2B.bevestigd.waarom',
    step: '2B',
    kinds: 'all',
    level: 'groep',
    theme: 'duiding',
    type: 'paragraph',
    title: 'Waarop baseert u dat?',
    help: 'Noem de feiten en waarnemingen waarop u uw oordeel baseert.',
    source: 'B',
  },
  // --- Per code van de namenlijst ---
  {
    // [B] S2: bron van de koppeling aan de groep (form C2).
    id: '2B.p.bron',
    step: '2B',
    kinds: LIST_KINDS,
    level: 'persoon',
    theme: 'persoon',
    type: 'checkboxes',
    repeat: 'per_person',
    title: 'Hoe is deze jongere aan de groep gekoppeld?',
    choices: [
      'Zelf gezien op de plek, samen met de groep',
      'Eigen contact met de jongere',
      'Registratie in politiesystemen',
      'Online waargenomen (openbare bronnen)',
      'Via een andere partner',
      'Niet bekend bij mijn organisatie',
    ],
    source: 'B',
  },
  {
    // [B] S32, S33: zekerheid lidmaatschap — kern, regelmatig of incidenteel (form C3).
    id: '2B.p.lidmaatschap',
    step: '2B',
    kinds: LIST_KINDS,
    level: 'persoon',
    theme: 'persoon',
    type: 'choice',
    repeat: 'per_person',
    title: 'In hoeverre hoort deze jongere bij de groep?',
    choices: [
      'Kern: is er bijna altijd bij',
      'Regelmatig: is er vaak bij',
      'Incidenteel: is er soms bij',
      'Hoort er volgens mij niet bij',
      'Weet ik niet',
    ],
    source: 'B',
  },
  {
    // [B] S2: online contact met andere groepsleden (form C4).
    id: '2B.p.online',
    step: '2B',
    kinds: ['politie', 'jongerenwerk'],
    level: 'persoon',
    theme: 'persoon',
    type: 'choice',
    repeat: 'per_person',
    title: 'Heeft deze jongere online contact met andere groepsleden?',
    choices: YES_NO_UNKNOWN,
    source: 'B',
  },
  {
    // [B] S2: samen feiten plegen met andere groepsleden — alleen politie en OM (form C5).
    id: '2B.p.samen_feiten',
    step: '2B',
    kinds: ['politie', 'om'],
    level: 'persoon',
    theme: 'persoon',
    type: 'choice',
    repeat: 'per_person',
    title: 'Komt deze jongere samen met andere groepsleden voor als verdachte van strafbare feiten?',
    help: `Alleen voor politie en OM.`,
    choices: YES_NO_UNKNOWN,
    source: 'B',
  },
  {
    // [B] S9, S29: groepsscan per lid — registraties als verdachte (veldindeling is eigen voorstel, form C6).
    id: '2B.p.registraties',
    step: '2B',
    kinds: ['politie'],
    level: 'persoon',
    theme: 'persoon',
    type: 'text',
    repeat: 'per_person',
    title: 'Hoe vaak is deze jongere de afgelopen 12 maanden als verdachte geregistreerd?',
    help: `Een aantal; de soort feiten volgt in de volgende vraag.`,
    source: 'B',
  },
  {
    // [B] S9, S29: groepsscan per lid — soort feiten (form C6).
    id: '2B.p.feiten',
    step: '2B',
    kinds: ['politie'],
    level: 'persoon',
    theme: 'persoon',
    type: 'checkboxes',
    repeat: 'per_person',
    title: 'Om welke soort feiten ging het?',
    choices: [
      'Overlast of APV-overtreding',
      'Vernieling',
      'Geweld of bedreiging',
      'Wapenbezit',
      'Drugs',
      'Diefstal of heling',
      'Woninginbraak, overval of straatroof',
      'Online delicten',
      'Geen registraties',
      'Anders',
    ],
    source: 'B',
  },
  {
    // [B] S9: groepsscan per lid — aantal zorgmeldingen en overige meldingen (form C7).
    id: '2B.p.zorgmeldingen',
    step: '2B',
    kinds: ['politie'],
    level: 'persoon',
    theme: 'persoon',
    type: 'text',
    repeat: 'per_person',
    title: 'Hoeveel zorgmeldingen en overige meldingen zijn er de afgelopen 12 maanden over deze jongere?',
    help: `Alleen aantallen, bijvoorbeeld "2 zorgmeldingen, 5 overige meldingen".`,
    source: 'B',
  },
  {
    // [B] S9: groepsscan per lid — waarnemingen bij controles (form C7).
    id: '2B.p.controles',
    step: '2B',
    kinds: ['politie'],
    level: 'persoon',
    theme: 'persoon',
    type: 'paragraph',
    repeat: 'per_person',
    title: 'Wat is bij controles van deze jongere waargenomen?',
    help: `Kort en feitelijk, bijvoorbeeld alcohol- of drugsgebruik of het bij zich hebben van een wapen.`,
    source: 'B',
  },
  {
    // [B] S29: groepsscan per lid — relaties met andere groepsleden en netwerken (form C8).
    id: '2B.p.relaties',
    step: '2B',
    kinds: ['politie'],
    level: 'persoon',
    theme: 'persoon',
    type: 'paragraph',
    repeat: 'per_person',
    title: 'Met welke andere groepsleden of netwerken heeft deze jongere banden?',
    help: `Verwijs naar andere groepsleden met hun code. Beschrijf netwerken buiten de groep in algemene termen.`,
    source: 'B',
  },
  {
    // [B] S10, S25: informeren van jongere en ouders over plaatsing op de namenlijst.
    id: '2B.p.geinformeerd',
    step: '2B',
    kinds: ['gemeente'],
    level: 'persoon',
    theme: 'persoon',
    type: 'choice',
    repeat: 'per_person',
    title:
      'Zijn de jongere en (bij een minderjarige) de ouders geïnformeerd over de plaatsing op de namenlijst?',
    help: `Is het informeren uitgesteld, leg de reden dan vast in het dossier.`,
    choices: ['Ja', 'Nog niet', 'Uitgesteld'],
    source: 'B',
  },
  {
    // [B] S10, S25: datum van de informatiebrief.
    id: '2B.p.informatiebrief',
    step: '2B',
    kinds: ['gemeente'],
    level: 'persoon',
    theme: 'persoon',
    type: 'date',
    repeat: 'per_person',
    title: 'Op welke datum is de informatiebrief verstuurd?',
    source: 'B',
  },
];
