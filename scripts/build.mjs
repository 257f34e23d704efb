// Builds the Apps Script bundle: dist/Code.js (one esbuild IIFE, ES2020) plus
// dist/appsscript.json and the HTML files of src/ui. Every name in src/entrypoints.ts
// becomes a real top-level function declaration that forwards to the bundle.
import { copyFileSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');

async function loadEntrypoints() {
  const res = await esbuild.build({
    entryPoints: [join(root, 'src/entrypoints.ts')],
    bundle: true,
    format: 'esm',
    write: false,
    platform: 'neutral',
  });
  const code = res.outputFiles[0].text;
  const mod = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  return mod.ENTRYPOINTS;
}

const names = await loadEntrypoints();
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

const footer = names.map((n) => `function ${n}() { return __app.${n}.apply(this, arguments); }`).join('\n');

const result = await esbuild.build({
  entryPoints: [join(root, 'src/main.ts')],
  bundle: true,
  format: 'iife',
  globalName: '__app',
  target: 'es2020',
  platform: 'neutral',
  mainFields: ['module', 'main'],
  charset: 'utf8',
  legalComments: 'none',
  // Shorter syntax and no dead code, but names and line breaks kept: an error in the Apps Script
  // editor still points at a readable line.
  minify: false,
  minifySyntax: true,
  treeShaking: true,
  outfile: join(dist, 'Code.js'),
  footer: { js: `\n// Entry points (generated from src/entrypoints.ts)\n${footer}\n` },
  metafile: true,
  logLevel: 'warning',
});

copyFileSync(join(root, 'appsscript.json'), join(dist, 'appsscript.json'));
const uiDir = join(root, 'src/ui');
for (const f of readdirSync(uiDir)) {
  if (f.endsWith('.html')) copyFileSync(join(uiDir, f), join(dist, f));
}
const size = statSync(join(dist, 'Code.js')).size;
console.log(`dist/Code.js: ${(size / 1024).toFixed(1)} KiB, ${names.length} entry points`);
if (result.errors.length) process.exit(1);
