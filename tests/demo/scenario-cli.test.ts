import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/local/demo/loadScenario';
import { scenarioJsonSchema } from '../../src/local/demo/scenarioJsonSchema';

const root = join(__dirname, '../..');

describe('scenariobestanden', () => {
  it('docs/scenario.schema.json is gelijk aan wat het zod-schema nu oplevert (npm run schema)', () => {
    expect(readFileSync(join(root, 'docs/scenario.schema.json'), 'utf8')).toBe(scenarioJsonSchema());
  });

  it('weigert een scenario dat niet klopt met meldingen die het veld noemen', () => {
    const r = parseScenario({
      name: '',
      settings: {},
      partners: [],
      steps: [{ step: '9', startOn: '12-01-2026' }],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const text = r.errors.join('\n');
    expect(text).toMatch(/name/);
    expect(text).toMatch(/partners/);
    expect(text).toMatch(/steps\[0\]\.step/);
    expect(text).toMatch(/steps\[0\]\.startOn: verwacht een datum als jjjj-mm-dd/);
  });

  it('npm start -- --scenario met een fout bestand stopt met een Nederlandse melding en schrijft niets', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scen-'));
    const file = join(dir, 'fout.json');
    writeFileSync(file, JSON.stringify({ name: 'x', settings: {}, partners: [], steps: [] }));
    let out = '';
    try {
      // As `npm start` runs it: the CLI from its esbuild bundle (scripts/run-local.mjs).
      execFileSync(
        'node',
        ['scripts/run-local.mjs', 'src/local/cli/main.ts', '--scenario', file, '--out', join(dir, 'uit')],
        {
          cwd: root,
          encoding: 'utf8',
          stdio: 'pipe',
        },
      );
    } catch (e) {
      const err = e as { status: number; stderr: string };
      expect(err.status).toBe(1);
      out = err.stderr;
    }
    expect(out).toContain('klopt niet');
    expect(out).toMatch(/partners/);
  });
});
