/**
 * The bewaartermijn: how long a closed case is kept before everything about it is destroyed.
 * The term itself comes from the gemeente (selectielijst and convenant); the product only counts.
 */

/** Days before the purge date on which the coordinator is warned (four weeks). */
export const PURGE_WARNING_DAYS = 28;

function parseIso(iso: string): { y: number; m: number; d: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) } : null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * `iso` plus whole months; a day that the target month lacks becomes its last day
 * (31 January + 1 month = 28 or 29 February).
 */
export function addMonths(iso: string, months: number): string {
  const p = parseIso(iso);
  if (!p || !Number.isInteger(months)) throw new Error(`Ongeldige datum of termijn: ${iso}, ${months}`);
  const index = p.y * 12 + (p.m - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${y}-${pad(m)}-${pad(Math.min(p.d, last))}`;
}

/** `iso` minus days, as a calendar date. */
export function minusDays(iso: string, days: number): string {
  const p = parseIso(iso);
  if (!p) throw new Error(`Ongeldige datum: ${iso}`);
  const d = new Date(Date.UTC(p.y, p.m - 1, p.d) - days * 86_400_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** The day from which a case closed on `closedOn` is destroyed. */
export function purgeDueOn(closedOn: string, retentionMonths: number): string {
  return addMonths(closedOn, retentionMonths);
}

/** What the register should do with a case today: nothing yet, warn, or destroy. */
export function retentionState(
  closedOn: string,
  retentionMonths: number,
  today: string,
): { due: string; state: 'bewaren' | 'waarschuwen' | 'vernietigen' } {
  const due = purgeDueOn(closedOn, retentionMonths);
  if (today >= due) return { due, state: 'vernietigen' };
  if (today >= minusDays(due, PURGE_WARNING_DAYS)) return { due, state: 'waarschuwen' };
  return { due, state: 'bewaren' };
}
