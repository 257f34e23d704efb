/** XML text for the OOXML parts: characters XML cannot hold replaced (render/text.ts xmlSafe), then escaped. */
import { xmlSafe } from '../text';

export function xmlText(s: string): string {
  return xmlSafe(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
