import { describe, expect, it } from 'vitest';
import { purgeDueOn, retentionState } from '../../src/model/retention';

describe('bewaartermijn', () => {
  it('telt hele maanden en neemt de laatste dag als de maand korter is', () => {
    expect(purgeDueOn('2026-06-30', 12)).toBe('2027-06-30');
    expect(purgeDueOn('2027-01-31', 13)).toBe('2028-02-29');
    expect(purgeDueOn('2026-11-15', 14)).toBe('2028-01-15');
  });
  it('waarschuwt vier weken vooraf en vernietigt vanaf de dag zelf', () => {
    expect(retentionState('2026-06-30', 12, '2027-06-01')).toEqual({ due: '2027-06-30', state: 'bewaren' });
    expect(retentionState('2026-06-30', 12, '2027-06-02').state).toBe('waarschuwen');
    expect(retentionState('2026-06-30', 12, '2027-06-29').state).toBe('waarschuwen');
    expect(retentionState('2026-06-30', 12, '2027-06-30').state).toBe('vernietigen');
  });
});
