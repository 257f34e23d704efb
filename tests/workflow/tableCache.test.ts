/** Each system table is read at most once per action: one batch read for all, then the cache. */
import { afterEach, describe, expect, it } from 'vitest';
import { assembleView } from '../../src/workflow/assemble';
import { refreshCase } from '../../src/workflow/dispatcher';
import { tryWithLock } from '../../src/workflow/lock';
import { logEvents } from '../../src/workflow/log';
import { LOG } from '../../src/workflow/records';
import { readTable } from '../../src/workspace/tables';
import { freshLocalCase } from './helpers';

let stop: (() => void) | null = null;
afterEach(() => {
  stop?.();
  stop = null;
});

function tableReads(counts: Map<string, number>): number {
  return counts.get('Range.getValues') ?? 0;
}

describe('tabellen: één keer lezen per actie', () => {
  it('bijwerken binnen het slot leest alle tabellen met één batchGet en geen getValues', () => {
    const { local, h } = freshLocalCase();
    stop = () => local.dispose();
    local.rt.resetCounts();
    const r = tryWithLock(() => refreshCase(h, { force: true }));
    expect(r.ok).toBe(true);
    expect(local.rt.counts.get('Sheets.Spreadsheets.Values.batchGet')).toBe(1);
    // One for the tab names before the batch read, one for the view tabs the rebuild checks.
    expect(local.rt.counts.get('Sheets.Spreadsheets.get')).toBe(2);
    expect(tableReads(local.rt.counts)).toBe(0);
  });

  it('wat binnen het slot geschreven wordt, leest het slot zelf terug; daarna leest het opnieuw van het blad', () => {
    const { local, h } = freshLocalCase();
    stop = () => local.dispose();
    tryWithLock(() => {
      assembleView(h);
      local.rt.resetCounts();
      const before = readTable(h.ss, LOG).length;
      // A write through the table functions is seen by the next read, without a read call.
      logEvents(h.ss, [['proef', 'een regel']]);
      const after = readTable(h.ss, LOG);
      expect(after.length).toBe(before + 1);
      expect(after[after.length - 1]).toMatchObject({ event: 'proef', detail: 'een regel' });
      expect(local.rt.counts.get('Sheets.Spreadsheets.Values.batchGet') ?? 0).toBe(0);
      expect(tableReads(local.rt.counts)).toBe(0);
    });
    local.rt.resetCounts();
    expect(readTable(h.ss, LOG).map((l) => l.event)).toContain('proef');
    // Outside the lock a table is read again: one Sheets values call (workspace/tables.ts).
    expect(
      tableReads(local.rt.counts) + (local.rt.counts.get('Sheets.Spreadsheets.Values.batchGet') ?? 0),
    ).toBe(1);
  });
});
