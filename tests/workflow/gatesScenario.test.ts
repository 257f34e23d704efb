/**
 * The second scenario file (src/local/demo/gates-scenario.json) played end to end: acuut in step
 * 1 (namenlijst during 2A), back from 4 to 3, a decision with two follow-up routes, heropenen from
 * the scenario format, and 2A ending with "geen actie".
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/local/demo/loadScenario';
import { replay } from '../../src/model/caseMachine';
import { readDecisions } from '../../src/workflow/assemble';
import { DECISIONS, PERSONS } from '../../src/workflow/records';
import { readTable } from '../../src/workspace/tables';
import { type Played, play, visibleTabs } from './helpers';

let p: Played;
beforeAll(() => {
  const loaded = loadScenario(join(__dirname, '../../src/local/demo/gates-scenario.json'));
  if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
  p = play(loaded.scenario);
});
afterAll(() => p.local.dispose());

describe('scenario met alle bijzondere poorten', () => {
  it('doorloopt acuut, terug naar 3, twee routes, heropenen en geen actie', () => {
    const ss = p.result.caseHandle.ss;
    const decisions = readDecisions(ss);
    expect(decisions.map((d) => `${d.step}#${d.round}:${d.outcome}`)).toEqual([
      '1#1:acuut',
      '2A#1:problematisch',
      '2B#1:bevestigd',
      '3#1:gereed',
      '4#1:terug_naar_3',
      '3#2:gereed',
      '4#2:niet_geprioriteerd',
      '4#2:heropenen',
      '1#2:verder_verkennen',
      '2A#2:geen_actie',
    ]);
    const state = replay(p.result.caseHandle.row.code, decisions);
    expect(state.status).toBe('gesloten');
    expect(state.closedRoutes).toBeUndefined();
    expect(decisions[0]!.acuteReason).toContain('groepsscan niet laten wachten');
  });

  it('slaat meer routes komma-gescheiden op in de Besluiten en toont ze allebei', () => {
    const rows = readTable(p.result.caseHandle.ss, DECISIONS);
    expect(rows.find((r) => r.outcome === 'niet_geprioriteerd')!.route).toBe(
      'lichte_interventie,zorgmelding',
    );
    const tab = visibleTabs(p, p.result.caseHandle.ss.getId()).Besluiten!;
    const row = tab.find((r) => r.some((c) => String(c).includes('Niet geprioriteerd')))!.map(String);
    expect(row.join(' | ')).toContain('Lichte interventie');
    expect(row.join(' | ')).toContain('Zorgmelding door de betrokken partner');
  });

  it('maakt bij acuut de namenlijst al in 2A', () => {
    expect(p.lines.findIndex((l) => l.includes('namenlijst:'))).toBeLessThan(
      p.lines.findIndex((l) => l.startsWith('Stap 2B')),
    );
    expect(readTable(p.result.caseHandle.ss, PERSONS)).toHaveLength(3);
  });
});
