/**
 * docs/betrouwbaarheid.md lists the 38 bad-input and fault cases with the test that proves each.
 * This keeps the table and the tests true to each other: a case marked "getest" has a test whose
 * name starts with `§4.3 #N` in every file the row names, and every such test is in the table.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DOC = readFileSync(new URL('../../docs/betrouwbaarheid.md', import.meta.url), 'utf8');
const ROOT = new URL('../../', import.meta.url).pathname;

interface Row {
  n: number;
  behaviour: string;
  status: string;
  files: string[];
}

function rows(): Row[] {
  const out: Row[] = [];
  for (const line of DOC.split('\n')) {
    const m = /^\| (\d+) \|([^|]*)\|([^|]*)\|([^|]*)\|([^|]*)\|$/.exec(line);
    if (!m) continue;
    out.push({
      n: Number(m[1]),
      behaviour: m[3]!.trim(),
      status: m[4]!.trim(),
      files: [...m[5]!.matchAll(/`([^`]+\.test\.ts)`/g)].map((f) => f[1]!),
    });
  }
  return out;
}

function testFiles(dir = join(ROOT, 'tests')): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return testFiles(path);
    return name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Case numbers named by test titles in a file: `it('§4.3 #20, #30: …')`. */
function namedCases(source: string): number[] {
  const out: number[] = [];
  for (const m of source.matchAll(/\b(?:it|test)\(\s*['"`]§4\.3 ((?:#\d+(?:, )?)+):/g))
    for (const n of m[1]!.matchAll(/#(\d+)/g)) out.push(Number(n[1]));
  return out;
}

describe('docs/betrouwbaarheid.md', () => {
  const table = rows();

  it('noemt elk van de 38 gevallen één keer, met wat het product doet en een status', () => {
    expect(table.map((r) => r.n)).toEqual(Array.from({ length: 38 }, (_, i) => i + 1));
    for (const r of table) {
      expect(['getest', 'niet na te bootsen'], `geval ${r.n}`).toContain(r.status);
      expect(r.behaviour.length, `geval ${r.n}`).toBeGreaterThanOrEqual(15);
    }
  });

  it('een getest geval heeft een test met zijn nummer in elk genoemd bestand', () => {
    for (const r of table.filter((x) => x.status === 'getest')) {
      expect(r.files.length, `geval ${r.n}`).toBeGreaterThan(0);
      for (const f of r.files) {
        const source = readFileSync(join(ROOT, f), 'utf8');
        expect(namedCases(source), `geval ${r.n} in ${f}`).toContain(r.n);
      }
    }
  });

  it('elke test met een §4.3-nummer staat in de tabel bij dat geval', () => {
    const byCase = new Map(table.map((r) => [r.n, r]));
    for (const path of testFiles().filter((p) => !p.endsWith('betrouwbaarheid.test.ts'))) {
      const rel = path.slice(ROOT.length);
      for (const n of namedCases(readFileSync(path, 'utf8'))) {
        const r = byCase.get(n);
        expect(r?.status, `${rel} noemt geval ${n}`).toBe('getest');
        expect(r?.files, `${rel} noemt geval ${n}`).toContain(rel);
      }
    }
  });

  it('herkent de testnamen zoals ze geschreven worden', () => {
    expect(namedCases("it('§4.3 #20, #30: crash', () => {")).toEqual([20, 30]);
    expect(namedCases("  it(\n    '§4.3 #7: leeg',")).toEqual([7]);
    expect(namedCases("it('geval 7 zonder nummerteken'")).toEqual([]);
  });
});

describe('docs/betrouwbaarheid.md, Mutatietests', () => {
  const start = DOC.indexOf('\n## Mutatietests\n');
  const section = start === -1 ? '' : DOC.slice(start + 1).split(/\n## /)[0]!;

  /** Source files under a folder, recursively. */
  function sources(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return sources(path);
      return name.endsWith('.ts') ? [path] : [];
    });
  }

  it('bestaat, met het commando en de testkeuze', () => {
    expect(start).toBeGreaterThan(-1);
    expect(section).toContain('npm run mutate');
    expect(section).toContain('vitest.mutate.config.ts');
  });

  it('noemt per map de gemeten aantallen en een score die daaruit volgt', () => {
    for (const folder of ['model', 'workflow', 'workspace']) {
      const row = new RegExp(`^\\| \`${folder}/\` \\|(.*)\\|$`, 'm').exec(section);
      expect(row, folder).not.toBeNull();
      const cells = row![1]!.split('|').map((c) => c.trim());
      // files, mutants, killed, survived, timeout, no coverage, ignored, score
      const [, all, killed, survived, timeout, noCoverage, ignored] = cells.map(Number);
      expect(all, folder).toBe(killed! + survived! + timeout! + noCoverage! + ignored!);
      const tested = killed! + survived! + timeout! + noCoverage!;
      if (tested === 0) continue;
      const score = Number(cells[7]!.replace(' %', '').replace(',', '.'));
      // One decimal, rounded.
      expect(Math.abs(score - (100 * (killed! + timeout!)) / tested), folder).toBeLessThanOrEqual(
        0.05 + 1e-9,
      );
    }
  });

  it('telt de Stryker-uitzetcommentaren in model/, workflow/ en workspace/ goed', () => {
    const count = ['model', 'workflow', 'workspace']
      .flatMap((f) => sources(join(ROOT, 'src', f)))
      .reduce((n, path) => n + (readFileSync(path, 'utf8').match(/\/\/ Stryker disable/g) ?? []).length, 0);
    expect(section).toMatch(new RegExp(`\`// Stryker disable\`-commentaren: ${count}\\b`));
  });
});
