import { describe, expect, it } from 'vitest';
import { type FileFacts, quickFirstOrder } from '../../vitest.mutate.config';

// The order in which a mutant's covering test files run under Stryker (vitest.mutate.config.ts):
// Stryker stops at the first failing test, so the cheap and likely killers go first.
describe('quickFirstOrder', () => {
  const order = (files: Record<string, FileFacts>) =>
    quickFirstOrder(Object.keys(files), (name) => files[name] as FileFacts);
  const file = (over: Partial<FileFacts>): FileFacts => ({
    failed: false,
    duration: undefined,
    size: 0,
    ...over,
  });

  it('puts a file that failed last time first, however slow', () => {
    expect(order({ quick: file({ duration: 5 }), failed: file({ failed: true, duration: 9000 }) })).toEqual([
      'failed',
      'quick',
    ]);
  });

  it('orders files with a known duration shortest first, before files whose duration is unknown', () => {
    expect(
      order({
        slow: file({ duration: 4000, size: 10 }),
        unknown: file({ size: 1 }),
        fast: file({ duration: 30, size: 90_000 }),
      }),
    ).toEqual(['fast', 'slow', 'unknown']);
  });

  it('orders files without a duration by size, smallest first', () => {
    expect(
      order({ big: file({ size: 40_000 }), small: file({ size: 2_000 }), mid: file({ size: 9_000 }) }),
    ).toEqual(['small', 'mid', 'big']);
  });

  it('keeps the given order between equals and leaves the input untouched', () => {
    const files = { a: file({ size: 1 }), b: file({ size: 1 }) };
    const names = Object.keys(files);
    expect(quickFirstOrder(names, (n) => files[n as 'a' | 'b'])).toEqual(['a', 'b']);
    expect(names).toEqual(['a', 'b']);
  });
});
