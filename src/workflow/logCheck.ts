/**
 * The daily check of a case's Logboek chain (model/logChain.ts), on the first dispatcher run of
 * the day for each open case, from the Logboek table that run already read. A line changed or
 * removed by hand is reported once, as a Logboek line without content (which lines, by row) that
 * the day's digest shows. Where the chain ended is kept in a script property per case (a count
 * and a hash: no content).
 */
import { type ChainAnchor, verifyChain } from '../model/logChain';
import { getScriptProperty, setScriptProperty } from '../workspace/props';
import { readTable } from '../workspace/tables';
import type { CaseHandle } from './context';
import { logEvents } from './log';
import { LOG } from './records';

export const LOG_CHANGED_EVENT = 'logboek gewijzigd';

function anchorKey(code: string): string {
  return `LOG_ANCHOR_${code}`;
}

interface Kept extends ChainAnchor {
  /** Rows already reported, so that each is reported once. */
  reported: number[];
}

function readKept(code: string): Kept | null {
  const raw = getScriptProperty(anchorKey(code));
  if (!raw) return null;
  try {
    const k = JSON.parse(raw) as Kept;
    return {
      count: Number(k.count) || 0,
      hash: String(k.hash ?? ''),
      reported: Array.isArray(k.reported) ? k.reported : [],
    };
  } catch {
    return null;
  }
}

/** Checks the chain; returns the Logboek line it wrote, or null when the chain is whole. */
export function checkLogChain(h: CaseHandle): string | null {
  const kept = readKept(h.row.code);
  const check = verifyChain(readTable(h.ss, LOG), kept);
  const fresh = check.changed.filter((r) => !kept?.reported.includes(r));
  let line: string | null = null;
  if (fresh.length > 0 || check.truncated) {
    const parts = [
      fresh.length
        ? `regel${fresh.length === 1 ? '' : 's'} ${fresh.join(', ')} van het Logboek ${fresh.length === 1 ? 'is' : 'zijn'} met de hand gewijzigd of verwijderd`
        : '',
      check.truncated ? 'aan het eind van het Logboek zijn regels verwijderd' : '',
    ].filter(Boolean);
    line = `${parts.join('; ')} (de keten van het Logboek klopt daar niet meer)`;
    logEvents(h.ss, [[LOG_CHANGED_EVENT, line]]);
  }
  const after = readTable(h.ss, LOG);
  const last = after[after.length - 1];
  const next: Kept = {
    count: after.length,
    hash: last?.hash ?? '',
    reported: [...new Set([...(kept?.reported ?? []), ...check.changed])],
  };
  const raw = JSON.stringify(next);
  if (getScriptProperty(anchorKey(h.row.code)) !== raw) setScriptProperty(anchorKey(h.row.code), raw);
  return line;
}
