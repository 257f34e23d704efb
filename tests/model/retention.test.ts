import { describe, expect, it } from 'vitest';
import { addMonths, minusDays, purgeDueOn, retentionState } from '../../src/model/retention';

describe('bewaartermijn', () => {
  it('telt hele maanden en neemt de laatste dag als de maand korter is', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-15', 14)).toBe('2028-01-15');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(purgeDueOn('2026-06-30', 12)).toBe('2027-06-30');
  });
  it('trekt dagen af over een maand- en jaargrens', () => {
    expect(minusDays('2027-01-10', 28)).toBe('2026-12-13');
  });
  it('waarschuwt vier weken vooraf en vernietigt vanaf de dag zelf', () => {
    expect(retentionState('2026-06-30', 12, '2027-06-01')).toEqual({ due: '2027-06-30', state: 'bewaren' });
    expect(retentionState('2026-06-30', 12, '2027-06-02').state).toBe('waarschuwen');
    expect(retentionState('2026-06-30', 12, '2027-06-29').state).toBe('waarschuwen');
    expect(retentionState('2026-06-30', 12, '2027-06-30').state).toBe('vernietigen');
  });
});
