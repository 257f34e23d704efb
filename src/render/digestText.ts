/**
 * The text of the coordinator's daily digest (workflow/digest.ts decides what is in it). Plain
 * text, Dutch, codes and labels only: a case code, the coordinator's own label, partner
 * organisations, steps, dates and counts.
 */
import { stepName } from '../model/steps';
import { dutchDate } from '../model/time';
import type { Settings } from '../model/types';
import type { DigestItem, KeyedItem } from '../workflow/digestFacts';

/** `dd-mm-jjjj`, as the sheets show dates. */
export function dmy(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}-${m}-${y}`;
}

function caseRef(item: { code: string; label: string }): string {
  return item.label ? `${item.code} (${item.label})` : item.code;
}

const SECTIONS: { kind: DigestItem['kind']; title: string }[] = [
  { kind: 'besluit', title: 'Besluit nodig' },
  { kind: 'laat', title: 'Partners te laat' },
  { kind: 'mail', title: 'Mails niet (zeker) aangekomen' },
  { kind: 'quarantaine', title: 'Inzendingen in quarantaine' },
  { kind: 'informeren', title: 'Informeren (AVG art. 14)' },
  { kind: 'bewaren', title: 'Bewaartermijnen' },
  { kind: 'delen', title: 'Delen teruggezet' },
  { kind: 'logboek', title: 'Logboek met de hand gewijzigd' },
  { kind: 'niet-bekeken', title: 'Niet bekeken in deze ronde' },
];

function line(item: DigestItem, settings: Settings): string {
  const step = (s: DigestItem & { step: string }) =>
    `stap ${s.step} (${stepName(s.step as never, settings.naming)})`;
  switch (item.kind) {
    case 'besluit':
      return `${caseRef(item)}, ${step(item)}: ${item.reason} Leg het besluit vast.`;
    case 'laat':
      return `${caseRef(item)}: ${item.partners
        .map(
          (p) =>
            `${p.partner} (stap ${p.step}, termijn ${dmy(p.deadline)}, ${p.workdaysLate} werkdag${p.workdaysLate === 1 ? '' : 'en'} te laat)`,
        )
        .join('; ')}.`;
    case 'mail': {
      const parts = [
        item.failed ? `${item.failed} mislukt` : '',
        item.uncertain ? `${item.uncertain} onzeker` : '',
      ].filter(Boolean);
      return `${caseRef(item)}: ${parts.join(', ')}. Verbeter zo nodig het adres in de tab Partners en kies "Mislukte mails opnieuw versturen".`;
    }
    case 'quarantaine':
      return `${caseRef(item)}: ${item.count} inzending${item.count === 1 ? '' : 'en'} niet verwerkt (quarantaine); zie het Logboek van de casus.`;
    case 'informeren':
      return `${caseRef(item)}: het informeren van ${item.persons.join(', ')} is nog niet vastgelegd (of het uitstel is verlopen). Leg in de namenlijst vast wanneer en hoe is geïnformeerd, of tot wanneer en waarom het wacht, en kies "Namenlijst bijwerken".`;
    case 'bewaren':
      if (item.until === '')
        return `${caseRef(item)}: gesloten, maar de sluitdatum staat niet in het register. Stel de bewaartermijn van ${item.months} maanden zelf vast.`;
      return item.passed
        ? `${caseRef(item)}: gesloten op ${dmy(item.closedOn)}; de bewaartermijn van ${item.months} maanden is verstreken op ${dmy(item.until)}. Verwijder de persoonsgegevens (namenlijst, persoonsniveau).`
        : `${caseRef(item)}: gesloten op ${dmy(item.closedOn)}; de bewaartermijn van ${item.months} maanden verstrijkt op ${dmy(item.until)}. Verwijder dan de persoonsgegevens; verstuur vóór die datum de afsluitbrieven die nog in de beperkte map staan.`;
    case 'logboek':
      return `${caseRef(item)}: regels van het Logboek zijn met de hand gewijzigd of verwijderd; de regel "logboek gewijzigd" in het Logboek zegt welke. Ga na wie dat deed (versiegeschiedenis van de casusspreadsheet).`;
    case 'delen':
      return `${item.code ? caseRef(item) : 'De mappen van het product'}: ${item.files} bestand${item.files === 1 ? '' : 'en'} of map${item.files === 1 ? '' : 'pen'} op ${dmy(item.day)} breder gedeeld dan het product doet (deellink of andere lezers); teruggezet. Zie het Logboek van de casus.`;
    case 'niet-bekeken':
      return `${caseRef(item)}: niet bijgewerkt in deze ronde (tijd op of een fout); staat in het volgende overzicht.`;
  }
}

/** Subject and body of the digest; items whose keys are all known are not marked new. */
export function digestMail(
  items: readonly KeyedItem[],
  isNew: (key: string) => boolean,
  today: string,
  settings: Settings,
): { subject: string; body: string } {
  const lines: string[] = [
    `Dagoverzicht van ${dutchDate(today)}: wat uw aandacht vraagt in de casussen jeugdgroepen.`,
    'Wat sinds het vorige overzicht nieuw is, staat gemarkeerd met [nieuw].',
  ];
  for (const section of SECTIONS) {
    const here = items.filter((k) => k.item.kind === section.kind);
    if (here.length === 0) continue;
    lines.push('', section.title);
    for (const k of here) lines.push(`- ${line(k.item, settings)}${k.keys.some(isNew) ? ' [nieuw]' : ''}`);
  }
  lines.push(
    '',
    'Open het register en kies 7-stappen in het menu om verder te gaan. Dit overzicht noemt alleen casuscodes, uw eigen labels en organisaties, nooit namen of antwoorden.',
    'Uitzetten: zet in de tab Instellingen "Dagoverzicht mailen" op nee.',
  );
  const count = items.filter((k) => k.keys.length > 0).length;
  return {
    subject: `Dagoverzicht jeugdgroepen ${settings.gemeente} ${dmy(today)}: ${count} punt${count === 1 ? '' : 'en'}`,
    body: lines.join('\n'),
  };
}
