/**
 * Shared building blocks of the integral overview: fixed Dutch texts,
 * partner lookup and the attributed answer paragraph. Pure.
 */

import { ROUTE_LABELS, stepLabel } from '../model/steps';
import type { LightRoute, StepId, StepNaming } from '../model/types';
import type { AnswerRecord, CaseView } from './caseView';
import type { DocNode, Run } from './docTree';

export const NO_CONTENT = 'Nog geen bijdragen.';
/** Longer answers are cut in the document; the spreadsheet keeps the full text. */
export const MAX_ANSWER_CHARS = 5000;
export const SHORTENED_NOTE = ' (ingekort; volledige tekst in de casusspreadsheet)';
export const EDITED_NOTE = ' (gewijzigd)';
/** Light red: cells that need attention (large duiding differences). */
export const ALERT_SHADING = '#f4cccc';

export function emptyChapter(): DocNode {
  return { type: 'paragraph', runs: [{ text: NO_CONTENT, italic: true }] };
}

export function heading(level: 1 | 2 | 3, text: string): DocNode {
  return { type: 'heading', level, text };
}

export function plain(text: string): DocNode {
  return { type: 'paragraph', runs: [{ text }] };
}

/** `Label: value` with the label in bold. */
export function labelled(label: string, value: string): DocNode {
  return { type: 'paragraph', runs: [{ text: `${label}: `, bold: true }, { text: value }] };
}

/** Step title for the gemeente's naming, e.g. `Stap 3: Groepsduiding ...`. */
export function stepTitle(step: StepId, naming: StepNaming): string {
  return stepLabel(step, naming);
}

/** One or more follow-up routes, in their Dutch labels (`...; ...`). */
export function routeLabel(routes: readonly LightRoute[]): string {
  return routes.map((r) => ROUTE_LABELS[r] ?? r).join('; ');
}

/** Short names by partner kind; the opening of each document lists the full names. */
const SHORT_NAMES: Partial<Record<string, string>> = {
  politie: 'Politie',
  om: 'OM',
  jongerenwerk: 'Jongerenwerk',
  boa: 'Handhaving',
  gemeente: 'Gemeente',
  leerplicht: 'Leerplicht',
  lokaal_team: 'Wijkteam',
  zvh: 'ZVH',
  woningcorporatie: 'Corporatie',
};

/**
 * Short names of the partners, by kind (`Politie`, `OM`); the organisation's full name where two
 * partners share a kind or the kind has no short name.
 */
function shortNames(view: CaseView): Map<string, string> {
  const cached = SHORT_CACHE.get(view.partners);
  if (cached) return cached;
  const count = new Map<string, number>();
  for (const p of view.partners) count.set(p.kind, (count.get(p.kind) ?? 0) + 1);
  const out = new Map<string, string>();
  for (const p of view.partners) {
    const short = SHORT_NAMES[p.kind];
    out.set(p.id, short && count.get(p.kind) === 1 ? short : p.organisation);
  }
  SHORT_CACHE.set(view.partners, out);
  return out;
}
const SHORT_CACHE = new WeakMap<readonly unknown[], Map<string, string>>();

/** The name a document uses for a partner (the id itself when the partner left the list). */
export function organisationOf(view: CaseView, partnerId: string): string {
  return shortNames(view).get(partnerId) ?? partnerId;
}

/** `Politie: Politie Basisteam Noord; OM: ...` for the partners whose short name differs. */
export function partnerLegend(view: CaseView): string {
  const names = shortNames(view);
  return view.partners
    .filter((p) => names.get(p.id) !== p.organisation)
    .map((p) => `${names.get(p.id)} = ${p.organisation}`)
    .join('; ');
}

/** Sort key of partners: their position in the gemeente's list, unknown ones last. */
export function partnerRank(view: CaseView): (partnerId: string) => number {
  const rank = new Map(view.partners.map((p, i) => [p.id, i] as const));
  return (id) => rank.get(id) ?? view.partners.length;
}

export function isFilled(a: AnswerRecord): boolean {
  return a.value.trim() !== '';
}

/** Cuts an over-long answer; `shortened` tells whether the note must follow. */
export function shorten(value: string): { text: string; shortened: boolean } {
  if (value.length <= MAX_ANSWER_CHARS) return { text: value, shortened: false };
  return { text: `${value.slice(0, MAX_ANSWER_CHARS).trimEnd()}…`, shortened: true };
}

/**
 * One attributed statement: bold organisation name (with the round when it is not the latest),
 * the answer, and italic notes for shortened or edited answers.
 */
export function attributedRuns(
  organisation: string,
  value: string,
  opts: { earlierRound?: number; edited?: boolean; prefix?: string } = {},
): Run[] {
  const label = opts.earlierRound ? `${organisation} (ronde ${opts.earlierRound})` : organisation;
  const { text, shortened } = shorten(value);
  const runs: Run[] = [{ text: `${label}: `, bold: true }, { text: (opts.prefix ?? '') + text }];
  if (shortened) runs.push({ text: SHORTENED_NOTE, italic: true });
  if (opts.edited) runs.push({ text: EDITED_NOTE, italic: true });
  return runs;
}

/** Dutch decimal: 2.5 → `2,5`. */
export function decimal(n: number, digits = 1): string {
  return n.toFixed(digits).replace('.', ',');
}
