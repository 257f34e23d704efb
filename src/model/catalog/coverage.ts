/**
 * Which catalog questions operationalise the sourced ([B]) questions of the domain document
 * (§3.1, §3.3, §3.4, §3.5). Every question with `source: 'B'` appears here at least once, and every
 * id listed here exists in the catalog (both checked in tests).
 */

export interface SourcedTopic {
  /** What the source asks, in short (Dutch, as in the domain document). */
  topic: string;
  /** Source ids of the domain document, e.g. `S2, S31`. */
  source: string;
  questionIds: string[];
}

export const SOURCED_COVERAGE: SourcedTopic[] = [
  // §3.1 — sourced informatievragen
  {
    topic: '2A: kenmerken van de groep (omvang, leeftijd, samenstelling, vaste kern)',
    source: 'S2, S29, S31',
    questionIds: ['1.omvang', '1.leeftijd', '2A.omvang', '2A.leeftijd', '2A.samenstelling', '2A.kern'],
  },
  { topic: '2A: wat doen ze', source: 'S2, S34', questionIds: ['1.gedrag', '2A.gedrag', '2A.frequentie'] },
  {
    topic: '2A: hoe erg is het',
    source: 'S2',
    questionIds: ['1.ernst', '1.ernst.toelichting', '2A.ernst', '2A.incidenten'],
  },
  {
    topic: '2B: wie zitten erin (zonder namen in het formulier; bron en zekerheid per code)',
    source: 'S2',
    questionIds: ['2B.namenlijst', '2B.p.bron', '2B.p.lidmaatschap'],
  },
  {
    topic: '2B: online contacten en overlap tussen online en offline netwerk',
    source: 'S2, S41',
    questionIds: ['2B.p.online', '2B.online.overlap', '2B.online.kanalen', '2B.online.toelichting'],
  },
  {
    topic: '2B: samen feiten plegen (per persoon alleen het OM; de politie deelt geen registraties)',
    source: 'S2',
    questionIds: ['2B.p.samen_feiten', '2B.om.groepsfeiten'],
  },
  {
    topic: 'Stap 3: oorzaken van het gedrag',
    source: 'S3',
    questionIds: ['3.oorzaken', '3.oorzaken.toelichting'],
  },
  {
    topic: 'Stap 3: hiërarchie in de groep',
    source: 'S3',
    questionIds: ['3.hierarchie', '3.duiding.dynamiek'],
  },
  { topic: 'Stap 3: typering van leden', source: 'S3', questionIds: ['3.p.typering'] },
  {
    topic: 'Stap 3: mogelijkheden en kansen van de leden',
    source: 'S3, S15',
    questionIds: ['3.kansen', '3.duiding.kansen', '2A.jongerenwerk.behoeften'],
  },
  {
    topic: 'Stap 3: groepsdynamiek, rollen, soorten problematiek en groepscontext',
    source: 'S3',
    questionIds: ['3.rollen', '3.problematiek', '3.context', '3.duiding.dynamiek'],
  },
  {
    topic: 'Stap 3: handelingsperspectieven en concept plan van aanpak',
    source: 'S3',
    questionIds: ['3.aanknopingspunten', '3.pva.bijdrage'],
  },
  {
    topic:
      'Groepsscan: kennis wijkagent gekoppeld aan systeeminformatie; de scan blijft van de politie, het formulier legt de overdracht vast en vraagt per code alleen rol, betrokkenheid en risico',
    source: 'S29',
    questionIds: [
      '2B.groepsscan',
      '2B.groepsscan.datum',
      '2B.p.in_groepsscan',
      '2B.p.rol',
      '2B.p.lidmaatschap',
    ],
  },
  {
    topic: 'Groepsscan: zorgmeldingen en meldingen, als aantallen op groepsniveau',
    source: 'S9',
    questionIds: ['2A.politie.meldingen', '1.politie.meldingen'],
  },
  {
    topic: 'Shortlist: locaties waar de groep zich gewoonlijk ophoudt',
    source: 'S31',
    questionIds: ['1.locaties', '2A.locaties', '2A.verplaatsing'],
  },
  { topic: 'Shortlist: dagelijkse activiteiten en tijden', source: 'S31', questionIds: ['2A.tijden'] },
  {
    topic: 'Shortlist: structuur, risicovolle gewoonten en recent delictgedrag',
    source: 'S33, S50',
    questionIds: ['2A.structuur', '2A.incidenten', '3.duiding.aard'],
  },
  {
    topic: 'Duiding: niveau van het probleemgedrag (overlast tot criminaliteit)',
    source: 'S16, S17',
    questionIds: ['3.duiding.aard', '3.problematiek'],
  },
  {
    topic: 'Duiding: relatie met de omgeving (impact op de buurt, samenhang met andere problemen)',
    source: 'S16, S17',
    questionIds: ['3.duiding.omgeving', '3.impact', '1.last', '2A.last'],
  },
  {
    topic: 'Duiding: gedrag binnen de groep (dynamiek, risico op afglijden en recidive)',
    source: 'S16, S1',
    questionIds: ['3.duiding.dynamiek', '3.duiding.risico', '3.risicos'],
  },
  {
    topic: 'Duiding: ontwikkeling van het gedrag',
    source: 'S17',
    questionIds: ['1.sinds', '1.trend', '2A.trend', '3.duiding.ontwikkeling'],
  },
  {
    topic: 'Online informatie in elke stap (open bronnen, niet stelselmatig)',
    source: 'S2, S41',
    questionIds: ['1.online', '1.online.toelichting', '2A.online', '2A.online.platforms', '3.duiding.online'],
  },
  // §3.3 — matrix stap × partner
  {
    topic: 'Stap 1 politie: meldingen en waarnemingen op de plek',
    source: 'S9',
    questionIds: ['1.politie.meldingen'],
  },
  { topic: 'Stap 1 jongerenwerk: sfeer in de groep', source: 'S9', questionIds: ['1.jongerenwerk.sfeer'] },
  { topic: 'Stap 1 (jeugd)boa: signalen uit de rondes', source: 'S1', questionIds: ['1.boa.rondes'] },
  { topic: 'Stap 2A jongerenwerk: contact met de groep', source: 'S2, S30', questionIds: ['2A.contact'] },
  {
    topic: 'Stap 2A (jeugd)boa: waarnemingen, tijden en plekken',
    source: 'S1, S2',
    questionIds: ['2A.boa.waarnemingen', '2A.tijden'],
  },
  {
    topic: 'Stap 2A gemeente: eigen informatie over de plek en klachten',
    source: 'S30',
    questionIds: ['2A.gemeente.meldingen', '2A.gemeente.maatregelen'],
  },
  {
    topic: 'Besluit 2A: problematisch of niet; anders lichte interventie, zorgmelding of PGA-aanmelding',
    source: 'S2',
    questionIds: ['2A.oordeel', '2A.oordeel.waarom', '2A.advies', '2A.zorgen_individueel'],
  },
  {
    topic: 'Stap 2B politie: brief en advies aan gemeente en OM',
    source: 'S2',
    questionIds: ['2B.politie.advies'],
  },
  {
    topic: 'Stap 2B jongerenwerk: aanvullende zachte informatie',
    source: 'S9',
    questionIds: ['2B.jongerenwerk.aanvulling'],
  },
  {
    topic: 'Besluit 2B: problematische groep bevestigd',
    source: 'S11',
    questionIds: ['2B.bevestigd', '2B.bevestigd.waarom'],
  },
  { topic: 'Stap 3 (jeugd)boa: Plus/Min/Mee', source: 'S43', questionIds: ['3.p.pmm'] },
  {
    topic: 'Stap 3 OM: strafrechtelijke informatie op persoonsniveau',
    source: 'S11',
    questionIds: ['3.p.strafrecht'],
  },
  {
    topic: 'Stap 3 zorgpartners: geen volledig beeld van het sociaal domein, alleen betrokken ja/nee',
    source: 'S3',
    questionIds: ['3.p.betrokken'],
  },
  {
    topic: 'Stap 4: korte probleemdefinitie en advies over prioritering en aanpak',
    source: 'S3, S11',
    questionIds: ['4.herkenning', '4.aanvulling', '4.prioriteit', '4.prioriteit.waarom', '4.sporen'],
  },
  {
    topic: 'Stap 5: groepsgerichte, persoonsgerichte en domeingerichte aanpak',
    source: 'S36, S23',
    questionIds: ['5.spoor.groep', '5.spoor.persoon', '5.spoor.domein'],
  },
  {
    topic: 'Stap 5: online aanpak als deel van het plan',
    source: 'S3, S41',
    questionIds: ['5.spoor.online'],
  },
  {
    topic: 'Stap 5: ouders en netwerk, jongere broertjes en zusjes',
    source: 'S6',
    questionIds: ['5.spoor.netwerk', '3.risicos'],
  },
  {
    topic: 'Stap 5 politie: eigen inzet (toezicht, opsporing)',
    source: 'S9',
    questionIds: ['5.politie.inzet'],
  },
  { topic: 'Stap 5 (jeugd)boa: toezicht en handhaving APV', source: 'S2, S43', questionIds: ['5.boa.inzet'] },
  {
    topic: 'Stap 5 gemeente: bestuurlijke maatregelen (brieven, samenscholings-, locatie- of contactverbod)',
    source: 'S23',
    questionIds: ['5.gemeente.maatregelen', '2A.gemeente.maatregelen'],
  },
  {
    topic: 'Stap 5 zorg: toeleiding naar PGA, Zorg- en Veiligheidshuis of lokaal team',
    source: 'S20, S40',
    questionIds: ['5.toeleiding', '5.spoor.persoon'],
  },
  {
    topic: 'Stap 6: monitoring als basis om probleemdefinitie of plan bij te stellen',
    source: 'S11',
    questionIds: ['6.bijstelling', '6.bijstelling.wat'],
  },
  { topic: 'Stap 6: deelset duidingsitems voor monitoring', source: 'S17', questionIds: ['6.beeld'] },
  {
    topic: 'Stap 7: afschalen of stoppen, evalueren, restacties en begeleiding beleggen',
    source: 'S11',
    questionIds: ['7.doel.bereikt', '7.doel.onderbouwing', '7.advies', '7.advies.waarom', '7.restacties'],
  },
  {
    topic: 'Stap 7 zorg: resterende begeleiding overnemen',
    source: 'S11, S20',
    questionIds: ['7.overname', '7.p.nazorg'],
  },
  // §3.4 / §3.5 — items per formulier en per partner
  {
    topic: 'Form C: zekerheid lidmaatschap (kern, regelmatig, incidenteel)',
    source: 'S32, S33',
    questionIds: ['2B.p.lidmaatschap'],
  },
  {
    topic: 'Form B: relatie met andere groepen en netwerken, online verbondenheid',
    source: 'S2, S7',
    questionIds: ['2A.andere_groepen', '2A.online'],
  },
  {
    topic: 'Jongerenwerk: bereik van en sfeer in de groep',
    source: 'S9',
    questionIds: ['1.jongerenwerk.sfeer', '2A.jongerenwerk.sfeer'],
  },
  { topic: '(Jeugd)boa: gedrag richting toezichthouders', source: 'S34', questionIds: ['2A.boa.houding'] },
  {
    topic: 'Gemeente: informeren van jongere en ouders over plaatsing op de namenlijst',
    source: 'S10, S25',
    questionIds: ['2B.p.geinformeerd', '2B.p.informatiebrief'],
  },
];
