/**
 * What the demo, the scenarios, the benchmark and the tests type in the new-case dialog: a
 * fictional label and wijk (never a name), a first signal on or before the day the case opens.
 */
import type { NewCaseInput } from '../../model/newCaseInput';

export function fictionalCaseInput(over: Partial<NewCaseInput> = {}): NewCaseInput {
  return {
    label: 'Groep bij het winkelcentrum (fictief)',
    wijk: 'Centrum',
    eersteSignaal: '2025-12-01',
    bewaartermijnMaanden: 12,
    ...over,
  };
}
