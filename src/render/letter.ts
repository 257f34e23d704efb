/**
 * A letter to one person as a DocTree (model/letters fills the gemeente's template): the title,
 * then one paragraph per template row. Every value is a plain text run; render/docx escapes it
 * for XML, so nothing a name holds can become markup or a field. Pure.
 */
import { fillTemplate, type LetterTemplate, type LetterValues } from '../model/letters';
import type { DocTree } from './docTree';

export function letterTree(template: LetterTemplate, values: LetterValues): DocTree {
  return {
    header: `Gemeente ${values.gemeente}`,
    title: fillTemplate(template.title, values),
    nodes: template.paragraphs.map((p) => ({
      type: 'paragraph' as const,
      runs: [{ text: fillTemplate(p, values) }],
    })),
  };
}
