/**
 * The `Advies` tab of the case spreadsheet: where the procesregisseur writes the synthesis of
 * step 3 for the lokale driehoek (the beleidsadvies of the werkproces: a short probleemdefinitie,
 * an advice on priority, the concept plan per spoor and what is asked of each partner). One field
 * per row: A = field name, B = the text, C = an explanation. Pure: parsing gives Dutch errors
 * that name the cell (`Advies!B3: ...`); the product refuses to start step 4 while a required
 * field is empty.
 */
import type { Partner, Spoor } from './types';
import { SPOREN } from './types';

export const ADVICE_SHEET = 'Advies';
export const ADVICE_HEADER = ['Onderdeel', 'Tekst', 'Toelichting'] as const;

export const PRIORITY_CHOICES = ['prioriteren', 'niet prioriteren'] as const;
export type PriorityAdvice = (typeof PRIORITY_CHOICES)[number];

export interface Advice {
  probleemdefinitie: string;
  prioriteit: PriorityAdvice;
  onderbouwing: string;
  /** Concept plan per spoor (only the sporen that were filled in). */
  sporen: Partial<Record<Spoor, string>>;
  /** Capacity asked per partner id (only the partners that were filled in). */
  capaciteit: Record<string, string>;
  /** Decisions asked of the driehoek (optional). */
  besluiten?: string;
}

export const SPOOR_FIELD_LABELS: Record<Spoor, string> = {
  groep: 'Concept plan: groepsgericht',
  persoon: 'Concept plan: persoonsgericht',
  domein: 'Concept plan: domein en locatie',
  online: 'Concept plan: online',
  netwerk: 'Concept plan: netwerk en gezin',
};

/** One named field of the tab. */
export interface AdviceField {
  label: string;
  help: string;
  /** Required on its own; `group` fields need at least one filled member. */
  required: boolean;
  group?: 'spoor' | 'capaciteit';
  spoor?: Spoor;
  partnerId?: string;
  key?: 'probleemdefinitie' | 'prioriteit' | 'onderbouwing' | 'besluiten';
}

const CAPACITY_PREFIX = 'Capaciteit: ';

/** The fields of the tab for this partner list, in order. */
export function adviceFields(
  partners: readonly Pick<Partner, 'id' | 'organisation' | 'active'>[],
): AdviceField[] {
  return [
    {
      label: 'Probleemdefinitie',
      key: 'probleemdefinitie',
      required: true,
      help: 'Kort en krachtig: wat is het probleem van deze groep, waar en sinds wanneer. Geen namen, alleen codes als het moet.',
    },
    {
      label: 'Advies over prioriteit',
      key: 'prioriteit',
      required: true,
      help: `Schrijf "${PRIORITY_CHOICES[0]}" of "${PRIORITY_CHOICES[1]}".`,
    },
    {
      label: 'Onderbouwing van het advies',
      key: 'onderbouwing',
      required: true,
      help: 'Waarom dit advies: ernst, ontwikkeling, risico’s en wat de partners in de duiding zagen.',
    },
    ...SPOREN.map(
      (spoor): AdviceField => ({
        label: SPOOR_FIELD_LABELS[spoor],
        spoor,
        group: 'spoor',
        required: false,
        help: 'Welke aanpak u in dit spoor voorstelt. Vul minstens één spoor in.',
      }),
    ),
    ...partners
      .filter((p) => p.active)
      .map(
        (p): AdviceField => ({
          label: `${CAPACITY_PREFIX}${p.organisation}`,
          partnerId: p.id,
          group: 'capaciteit',
          required: false,
          help: 'Wat u van deze partner vraagt, in uren of inzet. Leeg = niets gevraagd. Vul minstens één partner in.',
        }),
      ),
    {
      label: 'Gevraagde besluiten',
      key: 'besluiten',
      required: false,
      help: 'Wat de driehoek moet besluiten, behalve de prioriteit (bijvoorbeeld extra capaciteit).',
    },
  ];
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  return String(v).trim();
}

function norm(s: string): string {
  return s.toLowerCase().replace(/\s+/g, ' ').trim();
}

export type AdviceParse = { ok: true; value: Advice } | { ok: false; errors: string[] };

/**
 * Reads the tab (values from A1, header in row 1). Every missing required field is reported
 * with its cell; unknown field names too, so a typo in column A does not lose text.
 */
export function parseAdviceRows(
  rows: readonly (readonly unknown[])[],
  partners: readonly Pick<Partner, 'id' | 'organisation' | 'active'>[],
): AdviceParse {
  const fields = adviceFields(partners);
  const errors: string[] = [];
  const found = new Map<AdviceField, { row: number; text: string }>();
  rows.forEach((row, i) => {
    const name = cellText(row[0]);
    if (name === '' || (i === 0 && norm(name) === norm(ADVICE_HEADER[0]))) return;
    const field = fields.find((f) => norm(f.label) === norm(name));
    if (!field) {
      if (cellText(row[1]) !== '') {
        errors.push(
          `${ADVICE_SHEET}!A${i + 1}: onbekend onderdeel "${name}"; gebruik de namen uit het sjabloon`,
        );
      }
      return;
    }
    if (found.has(field)) {
      errors.push(`${ADVICE_SHEET}!A${i + 1}: onderdeel "${field.label}" staat dubbel`);
      return;
    }
    found.set(field, { row: i + 1, text: cellText(row[1]) });
  });
  const where = (f: AdviceField) => {
    const at = found.get(f);
    return at ? `${ADVICE_SHEET}!B${at.row}` : ADVICE_SHEET;
  };
  const textOf = (f: AdviceField) => found.get(f)?.text ?? '';
  for (const f of fields) {
    if (f.required && textOf(f) === '') {
      errors.push(
        `${where(f)}: ${f.label} is leeg${found.has(f) ? '' : ' (de rij ontbreekt)'}; vul dit in voordat stap 4 start`,
      );
    }
  }
  const priority = fields.find((f) => f.key === 'prioriteit')!;
  const priorityText = norm(textOf(priority));
  if (priorityText !== '' && !(PRIORITY_CHOICES as readonly string[]).includes(priorityText)) {
    errors.push(
      `${where(priority)}: ${priority.label} is "${textOf(priority)}"; schrijf "${PRIORITY_CHOICES[0]}" of "${PRIORITY_CHOICES[1]}"`,
    );
  }
  for (const [group, noun] of [
    ['spoor', 'het concept plan per spoor'],
    ['capaciteit', 'de gevraagde capaciteit per partner'],
  ] as const) {
    const members = fields.filter((f) => f.group === group);
    if (members.length > 0 && members.every((f) => textOf(f) === '')) {
      const first = members[0]!;
      errors.push(
        `${where(first)}: ${noun} is leeg; vul minstens één rij in (${first.label}${members.length > 1 ? ' of een van de volgende' : ''})`,
      );
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  const sporen: Partial<Record<Spoor, string>> = {};
  const capaciteit: Record<string, string> = {};
  for (const f of fields) {
    const t = textOf(f);
    if (t === '') continue;
    if (f.spoor) sporen[f.spoor] = t;
    if (f.partnerId) capaciteit[f.partnerId] = t;
  }
  const besluiten = textOf(fields.find((f) => f.key === 'besluiten')!);
  return {
    ok: true,
    value: {
      probleemdefinitie: textOf(fields.find((f) => f.key === 'probleemdefinitie')!),
      prioriteit: priorityText as PriorityAdvice,
      onderbouwing: textOf(fields.find((f) => f.key === 'onderbouwing')!),
      sporen,
      capaciteit,
      ...(besluiten ? { besluiten } : {}),
    },
  };
}

/** A filled-in field of the tab: its label, its cell and how many characters it holds. */
export interface AdviceCell {
  label: string;
  cell: string;
  length: number;
}

/** The filled-in fields of the tab (rows as read from A1), longest first. */
export function filledAdviceCells(
  rows: readonly (readonly unknown[])[],
  partners: readonly Pick<Partner, 'id' | 'organisation' | 'active'>[],
): AdviceCell[] {
  const fields = adviceFields(partners);
  const out: AdviceCell[] = [];
  rows.forEach((row, i) => {
    const field = fields.find((f) => norm(f.label) === norm(cellText(row[0])));
    const text = cellText(row[1]);
    if (field && text !== '')
      out.push({ label: field.label, cell: `${ADVICE_SHEET}!B${i + 1}`, length: text.length });
  });
  return out.sort((a, b) => b.length - a.length);
}

/** The tab's rows: the header, then one row per field with the current text (or empty). */
export function adviceToRows(
  advice: Advice | null,
  partners: readonly Pick<Partner, 'id' | 'organisation' | 'active'>[],
): string[][] {
  const value = (f: AdviceField): string => {
    if (!advice) return '';
    if (f.key) return advice[f.key] ?? '';
    if (f.spoor) return advice.sporen[f.spoor] ?? '';
    // Every other field is a partner's capacity (adviceFields).
    return advice.capaciteit[f.partnerId!] ?? '';
  };
  return [[...ADVICE_HEADER], ...adviceFields(partners).map((f) => [f.label, value(f), f.help])];
}
