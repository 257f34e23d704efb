/**
 * `npm run deploy` (scripts/deploy.mjs), run with --dry-run: what it would ask clasp to do, and
 * that it refuses what does not fit the project file. No network, no Google account.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'deploy-'));

function deploy(args: string[], project: string | null) {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.json`);
  if (project !== null) writeFileSync(file, project);
  const r = spawnSync('node', ['scripts/deploy.mjs', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, clasp_config_project: file },
  });
  return { status: r.status, out: r.stdout, err: r.stderr, file };
}

const PLACEHOLDER = JSON.stringify({ scriptId: 'VERVANG-DOOR-SCRIPT-ID-VAN-HET-REGISTER', rootDir: 'dist' });

describe('npm run deploy', () => {
  it('--create: een nieuw register met gebonden script via clasp, dan bouwen en pushen', () => {
    const r = deploy(['--create', '--title', 'Register Proefdorp', '--dry-run'], PLACEHOLDER);
    expect(r.status).toBe(0);
    expect(r.out.split('\n').filter((l) => l.startsWith('> '))).toEqual([
      '> npx clasp create-script --type sheets --title "Register Proefdorp" --rootDir dist',
      '> node scripts/build.mjs',
      '> npx clasp push --force',
    ]);
    // Only the placeholder would go (clasp refuses to create where a project file exists); a dry run keeps it.
    expect(r.out).toContain('alleen de plaatshouder');
    expect(existsSync(r.file)).toBe(true);
  });

  it('--create zonder projectbestand werkt ook; een echt project wordt nooit vervangen', () => {
    expect(deploy(['--create', '--dry-run'], null).status).toBe(0);
    const r = deploy(['--create', '--dry-run'], JSON.stringify({ scriptId: 'abc123', rootDir: 'dist' }));
    expect(r.status).toBe(1);
    expect(r.err).toContain('Er is al een project (.clasp.json, scriptId abc123)');
    expect(r.out).not.toContain('create-script');
  });

  it('zonder --create: bouwen en pushen naar het gekoppelde project, of een Nederlandse uitleg', () => {
    const ok = deploy(['--dry-run'], JSON.stringify({ scriptId: 'abc123', rootDir: 'dist' }));
    expect(ok.status).toBe(0);
    expect(ok.out.split('\n').filter((l) => l.startsWith('> '))).toEqual([
      '> node scripts/build.mjs',
      '> npx clasp push --force',
    ]);
    const none = deploy(['--dry-run'], PLACEHOLDER);
    expect(none.status).toBe(1);
    expect(none.err).toContain('npm run deploy -- --create');
    expect(deploy(['--titel', 'x'], PLACEHOLDER).err).toContain('Onbekende optie --titel');
  });
});
