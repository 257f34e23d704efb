/** The scenario's JSON Schema, generated from the zod schema (docs/scenario.schema.json). */
import * as z from '../../model/zod';
import { ScenarioSchema } from './scenarioSchema';

export function scenarioJsonSchema(): string {
  const schema = z.toJSONSchema(ScenarioSchema, { io: 'input' });
  return `${JSON.stringify({ title: 'Scenario (7-stappenmodel demo)', ...schema }, null, 2)}\n`;
}
