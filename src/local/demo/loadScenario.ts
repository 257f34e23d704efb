/**
 * Reading and validating a scenario file, with Dutch messages that name the field: first each field
 * (scenarioSchema.ts), then whether they can happen together (scenarioCheck.ts).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatIssues } from '../../model/schemas';
import { checkScenario } from './scenarioCheck';
import type { Scenario } from './scenarioSchema';
import { ScenarioSchema } from './scenarioSchema';

export function demoScenarioPath(): string {
  return join(dirname(fileURLToPath(import.meta.url)), 'demo-scenario.json');
}

export function parseScenario(
  data: unknown,
): { ok: true; scenario: Scenario } | { ok: false; errors: string[] } {
  const parsed = ScenarioSchema.safeParse(data);
  if (!parsed.success) return { ok: false, errors: formatIssues(parsed.error) };
  // Fields that are each fine but cannot happen together: refused before anything runs.
  const problems = checkScenario(parsed.data);
  if (problems.length > 0) return { ok: false, errors: problems };
  return { ok: true, scenario: parsed.data };
}

export function loadScenario(
  file: string,
): { ok: true; scenario: Scenario } | { ok: false; errors: string[] } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (_e) {
    return { ok: false, errors: [`bestand niet gevonden of niet leesbaar: ${file}`] };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [`geen geldige JSON: ${e instanceof Error ? e.message : String(e)}`] };
  }
  return parseScenario(data);
}
