/**
 * The Logboek as a chain: every line carries a hash of its own content and of the line before it,
 * so a line changed or removed by hand no longer fits the chain (the lines after it still do).
 * The last line's place and hash are kept apart (a script property, workflow/logCheck.ts), so that
 * removing lines at the end shows too. Pure: no service, no clock.
 *
 * What it is and is not: a check on hand edits in the spreadsheet, not a signature. Whoever can
 * edit the script can read how the hash is made and write a fitting chain; the Workspace Drive
 * audit log (who changed the file, when) stays the source for that.
 */

export interface ChainLine {
  at: number;
  event: string;
  detail: string;
  hash: string;
}

/** Two 32-bit FNV-1a lanes over the text, as render/tableHash.ts. */
function fnv64(text: string): string {
  let a = 0x811c9dc5;
  let b = (0x01000193 ^ text.length) >>> 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ (c + i), 0x01000193) >>> 0;
  }
  return `${a.toString(16).padStart(8, '0')}${b.toString(16).padStart(8, '0')}`;
}

/** The hash of a line after the line with hash `previous` ('' for the first). */
export function chainHash(previous: string, line: Omit<ChainLine, 'hash'>): string {
  return fnv64(JSON.stringify([previous, line.at, line.event, line.detail]));
}

/** The hashes for new lines appended after `previous`. */
export function chainLines(previous: string, lines: readonly Omit<ChainLine, 'hash'>[]): ChainLine[] {
  let prev = previous;
  return lines.map((l) => {
    prev = chainHash(prev, l);
    return { ...l, hash: prev };
  });
}

/** Where the chain ended when it was last checked: number of lines and the last hash. */
export interface ChainAnchor {
  count: number;
  hash: string;
}

export interface ChainCheck {
  /** Sheet row numbers (header is row 1) of lines that no longer fit the chain. */
  changed: number[];
  /** Fewer lines than at the last check, or the line there changed: lines were removed at the end. */
  truncated: boolean;
  /** The anchor to keep for the next check. */
  anchor: ChainAnchor;
}

/**
 * Checks the chain. Lines written before the Logboek had hashes (blank hash, before the first
 * hashed line) are not checked; from the first hashed line on, every line must fit.
 */
export function verifyChain(lines: readonly ChainLine[], anchor: ChainAnchor | null): ChainCheck {
  const changed: number[] = [];
  const start = lines.findIndex((l) => l.hash !== '');
  if (start >= 0) {
    for (let i = start; i < lines.length; i++) {
      const prev = i > 0 ? lines[i - 1]!.hash : '';
      if (chainHash(prev, lines[i]!) !== lines[i]!.hash) changed.push(i + 2);
    }
  }
  const truncated =
    anchor !== null &&
    anchor.count > 0 &&
    (lines.length < anchor.count || lines[anchor.count - 1]!.hash !== anchor.hash);
  const last = lines[lines.length - 1];
  return { changed, truncated, anchor: { count: lines.length, hash: last?.hash ?? '' } };
}
