/**
 * Which forms can be copies of one another: two form specifications with the same questions,
 * sections and settings share a template, made once and then copied with Drive. The template
 * key is a hash of everything a copy takes over unchanged; the title and the description
 * (case, partner, deadline) are set on every copy, so they are left out. A change in the Vragen
 * tab changes the items, hence the key, hence a new template. Pure.
 */
import type { FormSectionSpec, FormSpec } from './formSpec';

/** Raise when the way a template is built changes (old templates are then not copied again). */
export const TEMPLATE_FORMAT = 1;

export interface TemplateSettings {
  allowEdits: boolean;
}

/** Whether a form with these sections shows a progress bar (more than two pages). */
export function showsProgressBar(spec: FormSpec): boolean {
  return spec.sections.length > 2;
}

/**
 * A form as the part partners share and the part that is only its own: the trailing sections
 * about the partner's own actions or goals (`own`). The shared part is the template; the own
 * sections are added to each copy, so partners of one kind share one template in step 6 too.
 */
export function splitOwn(spec: FormSpec): { shared: FormSpec; own: FormSectionSpec[] } {
  let cut = spec.sections.length;
  while (cut > 1 && spec.sections[cut - 1]?.own) cut--;
  return { shared: { ...spec, sections: spec.sections.slice(0, cut) }, own: spec.sections.slice(cut) };
}

/** What a copy takes over from its template, in a fixed order. */
export function templateBody(spec: FormSpec, settings: TemplateSettings): unknown {
  return [
    TEMPLATE_FORMAT,
    spec.confirmation,
    settings.allowEdits,
    showsProgressBar(spec),
    spec.sections.map((s) => [
      s.title,
      s.description,
      s.items.map((i) => [
        i.key,
        i.type,
        i.title,
        i.help,
        i.required,
        i.choices ?? null,
        i.rows ?? null,
        i.scale ? [i.scale.min, i.scale.max, i.scale.minLabel, i.scale.maxLabel] : null,
      ]),
    ]),
  ];
}

/** 53-bit string hash (cyrb53 by bryc, public domain) with a seed. */
function cyrb53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** The template key of a form: 28 hex digits over everything its copies share. */
export function templateKey(spec: FormSpec, settings: TemplateSettings): string {
  const text = JSON.stringify(templateBody(spec, settings));
  return [cyrb53(text, 1), cyrb53(text, 2)].map((n) => n.toString(16).padStart(14, '0')).join('');
}
