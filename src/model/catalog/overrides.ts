/**
 * A gemeente's own changes to the catalog (tab `Vragen` of the register): hide questions, change
 * titles, help texts or whether an answer is required, and add extra questions. Pure.
 */
import type { Question } from '../types';
import { MAX_TITLE_LENGTH, questionProblems } from './rules';

export interface CatalogOverrides {
  /** Ids of questions that are not asked. */
  hide?: string[];
  titles?: Record<string, string>;
  help?: Record<string, string>;
  required?: Record<string, boolean>;
  /** Extra questions; their ids must not exist yet. */
  extra?: Question[];
}

/**
 * The effective catalog: extra questions placed after the last question of their step, then
 * titles, help and required applied, hidden questions left out. Throws a Dutch `Error` naming
 * the id for unknown ids, clashing or invalid extra questions and empty or too long titles.
 */
export function applyOverrides(catalog: readonly Question[], overrides: CatalogOverrides): Question[] {
  const known = new Set(catalog.map((q) => q.id));
  const extra = overrides.extra ?? [];
  for (const q of extra) {
    if (known.has(q.id)) throw new Error(`Extra vraag "${q.id}": deze id bestaat al in de vragenlijst.`);
    const problems = questionProblems(q);
    if (problems.length > 0) throw new Error(`Extra vraag "${q.id}" is ongeldig. ${problems.join(' ')}`);
    known.add(q.id);
  }
  const check = (ids: Iterable<string>, what: string) => {
    for (const id of ids) {
      if (!known.has(id)) throw new Error(`Onbekende vraag-id "${id}" bij ${what} in de aanpassingen.`);
    }
  };
  check(overrides.hide ?? [], 'verbergen');
  check(Object.keys(overrides.titles ?? {}), 'titels');
  check(Object.keys(overrides.help ?? {}), 'helpteksten');
  check(Object.keys(overrides.required ?? {}), 'verplicht');
  for (const [id, title] of Object.entries(overrides.titles ?? {})) {
    if (title.trim() === '') throw new Error(`De nieuwe titel van vraag "${id}" is leeg.`);
    if (title.length > MAX_TITLE_LENGTH) {
      throw new Error(`De nieuwe titel van vraag "${id}" is langer dan ${MAX_TITLE_LENGTH} tekens.`);
    }
  }

  const merged: Question[] = [...catalog];
  for (const q of extra) {
    let at = -1;
    merged.forEach((m, i) => {
      if (m.step === q.step) at = i;
    });
    if (at < 0) merged.push(q);
    else merged.splice(at + 1, 0, q);
  }

  const hidden = new Set(overrides.hide ?? []);
  const titles = overrides.titles ?? {};
  const help = overrides.help ?? {};
  const required = overrides.required ?? {};
  return merged
    .filter((q) => !hidden.has(q.id))
    .map((q) => {
      const out: Question = { ...q };
      const title = titles[q.id];
      if (title !== undefined) out.title = title.trim();
      const text = help[q.id];
      if (text !== undefined) out.help = text;
      const req = required[q.id];
      if (req !== undefined) out.required = req;
      return out;
    });
}
