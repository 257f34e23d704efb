/**
 * Who reads which document. The 7-stappenmodel shares information on a need-to-know basis
 * (shared/domain §5): group-level information may go to every convenant partner, person-level
 * information (what is known per pseudonym code) only to politie, OM and the procesregisseur.
 * The lokale driehoek decides at group level and gets no person level at all.
 *
 * `SECTIONS` is THE table: every chapter (level 1 heading) of every generated document is one
 * section here, and a section appears only in the documents of the audiences listed with it.
 * Pure: the render layer builds documents from it, the workflow shares files from `readersOf`.
 */
import type { Partner, PartnerKind, Settings } from './types';

export const AUDIENCES = ['beperkt', 'driehoek', 'partner'] as const;
export type Audience = (typeof AUDIENCES)[number];

export interface AudienceInfo {
  /** How the document names its readers (header and opening). */
  label: string;
  /** Whether person-level information (pseudonym codes) may appear. */
  personLevel: boolean;
  /** Who receives it, in words (handleiding, opening block). */
  readers: string;
}

export const AUDIENCE_INFO: Record<Audience, AudienceInfo> = {
  beperkt: {
    label: 'Beperkt: politie, OM en procesregisseur',
    personLevel: true,
    readers: 'politie, OM en de procesregisseur',
  },
  driehoek: {
    label: 'Lokale driehoek',
    personLevel: false,
    readers: 'de lokale driehoek (burgemeester, politie en OM) en de procesregisseur',
  },
  partner: {
    label: 'Partner',
    personLevel: false,
    readers: 'één partnerorganisatie en de procesregisseur',
  },
};

/** Partner kinds that may read the restricted (person-level) integraal beeld. */
export const RESTRICTED_KINDS: readonly PartnerKind[] = ['politie', 'om'];

export type SectionLevel = 'groep' | 'persoon';

export interface SectionDef {
  id: string;
  /** The level 1 heading of the section in every document that has it. */
  title: string;
  level: SectionLevel;
  audiences: readonly Audience[];
}

const ALL: readonly Audience[] = AUDIENCES;

/**
 * Every section of every document, with the audiences that may read it. A section with
 * level `persoon` may only list audiences whose `personLevel` is true (tested).
 */
export const SECTIONS: readonly SectionDef[] = [
  { id: 'samenvatting', title: 'Samenvatting', level: 'groep', audiences: ALL },
  { id: 'besluiten', title: 'Stappen en besluiten', level: 'groep', audiences: ALL },
  { id: 'aanleiding', title: 'Aanleiding en signalen', level: 'groep', audiences: ['beperkt', 'partner'] },
  {
    id: 'groepsbeschrijving',
    title: 'Groepsbeschrijving',
    level: 'groep',
    audiences: ['beperkt', 'partner'],
  },
  {
    id: 'aard_ernst',
    title: 'Aard, ernst en ontwikkeling',
    level: 'groep',
    audiences: ['beperkt', 'partner'],
  },
  { id: 'dynamiek', title: 'Groepsdynamiek en rollen', level: 'groep', audiences: ['beperkt', 'partner'] },
  { id: 'online', title: 'Online', level: 'groep', audiences: ['beperkt', 'partner'] },
  { id: 'context_impact', title: 'Context en impact', level: 'groep', audiences: ['beperkt', 'partner'] },
  { id: 'risico_kansen', title: "Risico's en kansen", level: 'groep', audiences: ['beperkt', 'partner'] },
  { id: 'persoonsniveau', title: 'Persoonsniveau', level: 'persoon', audiences: ['beperkt'] },
  { id: 'inzet', title: 'Lopende inzet', level: 'groep', audiences: ['beperkt', 'partner'] },
  { id: 'duiding', title: 'Duiding', level: 'groep', audiences: ALL },
  { id: 'advies', title: 'Probleemdefinitie en advies', level: 'groep', audiences: ALL },
  { id: 'besluit_driehoek', title: 'Besluit driehoek', level: 'groep', audiences: ALL },
  { id: 'plan', title: 'Plan van aanpak', level: 'groep', audiences: ['beperkt', 'driehoek'] },
  { id: 'eigen_acties', title: 'Uw doelen en acties', level: 'groep', audiences: ['partner'] },
  { id: 'monitoring', title: 'Monitoring', level: 'groep', audiences: ['beperkt', 'driehoek'] },
  { id: 'evaluatie', title: 'Evaluatie en overdracht', level: 'groep', audiences: ALL },
  { id: 'overige', title: 'Overige bijdragen', level: 'groep', audiences: ['beperkt'] },
  // The advice to the driehoek (end of step 3) is a document of its own.
  { id: 'advies_probleem', title: 'Probleemdefinitie', level: 'groep', audiences: ['driehoek'] },
  { id: 'advies_duiding', title: 'Duiding in het kort', level: 'groep', audiences: ['driehoek'] },
  { id: 'advies_prioriteit', title: 'Advies over prioriteit', level: 'groep', audiences: ['driehoek'] },
  { id: 'advies_plan', title: 'Concept plan van aanpak per spoor', level: 'groep', audiences: ['driehoek'] },
  {
    id: 'advies_capaciteit',
    title: 'Gevraagde capaciteit per partner',
    level: 'groep',
    audiences: ['driehoek'],
  },
];

export type SectionId = (typeof SECTIONS)[number]['id'];

export function sectionById(id: string): SectionDef {
  const s = SECTIONS.find((x) => x.id === id);
  if (!s) throw new Error(`Onbekende sectie: ${id}`);
  return s;
}

export function sectionByTitle(title: string): SectionDef | undefined {
  return SECTIONS.find((x) => x.title === title);
}

export function allows(audience: Audience, sectionId: string): boolean {
  return sectionById(sectionId).audiences.includes(audience);
}

/** Splits a settings cell with e-mail addresses (comma, semicolon or whitespace separated). */
export function emailList(text: string | undefined): string[] {
  return [
    ...new Set(
      String(text ?? '')
        .split(/[\s,;]+/)
        .map((e) => e.trim().toLowerCase())
        .filter((e) => e !== ''),
    ),
  ];
}

/** Active partners whose kind may read the restricted integraal beeld. */
export function restrictedPartners(partners: readonly Partner[]): Partner[] {
  return partners.filter((p) => p.active && RESTRICTED_KINDS.includes(p.kind));
}

/**
 * The e-mail addresses a document of this audience is shared with, sorted and without doubles:
 * the procesregisseur always; politie and OM partners for the restricted document; the
 * driehoek addresses from the Instellingen tab; the partner's own address for its document.
 */
export function readersOf(
  audience: Audience,
  settings: Pick<Settings, 'coordinatorEmail' | 'driehoekEmails'>,
  partners: readonly Partner[],
  partnerId?: string,
): string[] {
  const emails = [settings.coordinatorEmail];
  if (audience === 'beperkt') emails.push(...restrictedPartners(partners).map((p) => p.email));
  if (audience === 'driehoek') emails.push(...emailList(settings.driehoekEmails));
  if (audience === 'partner') {
    const p = partners.find((x) => x.id === partnerId);
    if (!p) throw new Error(`Onbekende partner voor een partnerdocument: ${partnerId}`);
    emails.push(p.email);
  }
  return [...new Set(emails.map((e) => e.trim().toLowerCase()).filter((e) => e !== ''))].sort();
}
