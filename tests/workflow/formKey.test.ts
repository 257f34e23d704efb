import { describe, expect, it } from 'vitest';
import { formKey, parseFormKey } from '../../src/workflow/formKey';

describe('formuliersleutels', () => {
  it('bouwen en lezen geven hetzelfde, ook voor aanvullende formulieren', () => {
    expect(formKey('2B', 1, 'politie-basisteam')).toBe('2B#1#politie-basisteam');
    expect(formKey('2B', 1, 'politie-basisteam', 2)).toBe('2B#1#politie-basisteam#2');
    expect(parseFormKey('6#3#om-0')).toEqual({ step: '6', round: 3, partnerId: 'om-0', part: 1 });
    expect(parseFormKey('2B#1#politie-basisteam#2')).toEqual({
      step: '2B',
      round: 1,
      partnerId: 'politie-basisteam',
      part: 2,
    });
  });
});
