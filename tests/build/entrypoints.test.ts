import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENTRYPOINTS } from '../../src/entrypoints';
import * as main from '../../src/main';
import { DISPATCH_HANDLER, menuItems } from '../../src/ui/menu';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return p.includes('/local') ? [] : sourceFiles(p);
    return /\.(ts|html)$/.test(f) ? [p] : [];
  });
}

describe('de lijst met entry points', () => {
  it('elke naam in ENTRYPOINTS is een functie die src/main.ts exporteert', () => {
    for (const name of ENTRYPOINTS)
      expect(typeof (main as Record<string, unknown>)[name], name).toBe('function');
  });

  it('src/main.ts exporteert niets buiten de lijst', () => {
    expect(Object.keys(main).sort()).toEqual([...ENTRYPOINTS].sort());
  });

  it('elk menu-item en de trigger-handler staan in de lijst', () => {
    const names = new Set<string>(ENTRYPOINTS);
    for (const m of menuItems()) expect(names.has(m.fn), m.fn).toBe(true);
    expect(names.has(DISPATCH_HANDLER)).toBe(true);
  });

  it('geen functienaam als losse string in menu-, trigger- of google.script.run-aanroepen buiten de lijst', () => {
    const names = new Set<string>(ENTRYPOINTS);
    const found: string[] = [];
    for (const file of sourceFiles(join(__dirname, '../../src'))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:addItem\([^,]+,\s*|newTrigger\()\s*'([A-Za-z_$][\w$]*)'/g))
        found.push(m[1]!);
      for (const m of text.matchAll(/google\.script\.run(?:\.with\w+\([^)]*\))*\.([A-Za-z_$][\w$]*)\(/g))
        found.push(m[1]!);
      // The pages call the server through the client helper run('name', ...) (render/html/client.ts).
      if (file.includes('/render/html/'))
        for (const m of text.matchAll(/\brun\('([A-Za-z_$][\w$]*)'/g)) found.push(m[1]!);
    }
    for (const n of found) expect(names.has(n), `${n} staat niet in ENTRYPOINTS`).toBe(true);
  });
});
