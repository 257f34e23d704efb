/**
 * Stap 4 — adviseren en prioriteren. The procesregisseur writes the probleemdefinitie and the
 * advice; the partners are consulted briefly before the lokale driehoek decides.
 */
import type { Question } from '../types';
import { YES_NO_DOUBT } from './shared';

export const STEP4: readonly Question[] = [
  {
    // [B] S11: korte en krachtige probleemdefinitie — herkennen de partners zich erin.
    id: '4.herkenning',
    step: '4',
    kinds: 'all',
    level: 'groep',
    theme: 'advies',
    type: 'choice',
    title: 'Herkent u zich in de concept-probleemdefinitie?',
    help: 'De procesregisseur heeft de concept-probleemdefinitie met deze uitvraag meegestuurd.',
    choices: ['Ja', 'Grotendeels', 'Nee'],
    required: true,
    source: 'B',
  },
  {
    // [B] S11: aanvullingen op de probleemdefinitie.
    id: '4.aanvulling',
    step: '4',
    kinds: 'all',
    level: 'groep',
    theme: 'advies',
    type: 'paragraph',
    title: 'Wat wilt u aanvullen of verbeteren in de probleemdefinitie?',
    source: 'B',
  },
  {
    // [B] S3, S11: advies over prioritering aan de lokale driehoek.
    id: '4.prioriteit',
    step: '4',
    kinds: 'all',
    level: 'groep',
    theme: 'advies',
    type: 'choice',
    title: 'Moet de lokale driehoek deze groep volgens u prioriteit geven?',
    help: 'Prioriteit betekent een integrale aanpak onder regie van de gemeente, met een plan van aanpak en inzet van alle partners.',
    choices: YES_NO_DOUBT,
    required: true,
    source: 'B',
  },
  {
    // [B] S3, S11: onderbouwing van het prioriteringsadvies.
    id: '4.prioriteit.waarom',
    step: '4',
    kinds: 'all',
    level: 'groep',
    theme: 'advies',
    type: 'paragraph',
    title: 'Waarom adviseert u dat?',
    help: 'Denk aan de ernst van het gedrag, de risico’s, de ontwikkeling en de impact op de omgeving.',
    source: 'B',
  },
  {
    id: '4.intensiteit',
    step: '4',
    kinds: 'all',
    level: 'groep',
    theme: 'advies',
    type: 'choice',
    title: 'Welke intensiteit van de aanpak vindt u passend?',
    help: 'Uw inschatting van wat nodig is om het gedrag te stoppen of te verminderen.',
    choices: [
      'Licht: reguliere inzet met extra aandacht',
      'Middel: gerichte acties op de groep en de plek',
      'Intensief: integrale aanpak op alle sporen',
    ],
    source: 'I',
  },
  {
    // [B] S11: richting geven aan de aanpak (contouren van het plan per spoor).
    id: '4.sporen',
    step: '4',
    kinds: 'all',
    level: 'groep',
    theme: 'advies',
    type: 'checkboxes',
    title: 'Op welke sporen moet het plan van aanpak zich vooral richten?',
    help: 'Kruis de sporen aan die volgens u het meeste effect hebben.',
    choices: [
      'De groep als geheel',
      'Individuele jongeren',
      'De plek of het gebied',
      'Online',
      'Ouders en netwerk',
    ],
    source: 'B',
  },
  {
    id: '4.besluiten',
    step: '4',
    kinds: 'all',
    level: 'groep',
    theme: 'advies',
    type: 'checkboxes',
    title: 'Welke besluiten vraagt u van de lokale driehoek?',
    help: 'De lokale driehoek (burgemeester, politie en OM) besluit over prioriteit en kan aanwijzingen geven.',
    choices: [
      'Bestuurlijke maatregelen, zoals een samenscholingsverbod',
      'Extra capaciteit van de politie',
      'Extra inzet van boa’s',
      'Voorrang voor strafzaken rond de groep',
      'Communicatie naar bewoners',
      'Geen bijzondere besluiten',
    ],
    source: 'I',
  },
];
