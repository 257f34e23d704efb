// Runs a local TypeScript entry (the CLI, the benchmark) from one esbuild bundle instead of
// transpiling every module on the fly with tsx: `node scripts/run-local.mjs src/local/cli/main.ts ARGS`.
// The bundle goes to node_modules/.cache/zeven-stappen/ and is rebuilt only when a source file it
// was built from changed (esbuild's metafile lists them, https://esbuild.github.io/api/#metafile).
// Packages stay external and load from node_modules as usual (zod excepted, see below). Each module's `import.meta.url`
// keeps naming its own source file, so paths next to a module (the demo scenario, src/ui) resolve
// as they do under tsx.
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [entryArg, ...rest] = process.argv.slice(2);
if (!entryArg) {
  console.error('Gebruik: node scripts/run-local.mjs src/local/cli/main.ts [opties]');
  process.exit(2);
}
const entry = resolve(root, entryArg);
const cacheDir = join(root, 'node_modules', '.cache', 'zeven-stappen');
const name = relative(root, entry).replace(/[\\/]/g, '_').replace(/\.ts$/, '');
const outfile = join(cacheDir, `${name}.mjs`);
const inputsFile = join(cacheDir, `${name}.inputs.json`);

/** True when the bundle exists and no input file is newer than it (or gone). */
function upToDate() {
  if (!existsSync(outfile) || !existsSync(inputsFile)) return false;
  const built = statSync(outfile).mtimeMs;
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(inputsFile, 'utf8'));
  } catch {
    return false;
  }
  for (const f of inputs) {
    let st;
    try {
      st = statSync(join(root, f));
    } catch {
      return false;
    }
    if (st.mtimeMs > built) return false;
  }
  return true;
}

if (!upToDate()) {
  const esbuild = await import('esbuild');
  mkdirSync(cacheDir, { recursive: true });
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    write: false,
    metafile: true,
    sourcemap: 'inline',
    logLevel: 'warning',
    plugins: [
      {
        // Packages load from node_modules as usual, except zod: bundled, only the parts the
        // code uses are in the bundle (its full package takes about 0.3 s to load).
        name: 'external-packages-but-zod',
        setup(build) {
          build.onResolve({ filter: /^[^./]/ }, (args) =>
            args.path === 'zod' || args.path.startsWith('zod/')
              ? undefined
              : { path: args.path, external: true },
          );
        },
      },
      {
        name: 'own-import-meta-url',
        setup(build) {
          build.onLoad({ filter: /\.ts$/ }, (args) => {
            const source = readFileSync(args.path, 'utf8');
            if (!source.includes('import.meta.url')) return undefined;
            const url = JSON.stringify(pathToFileURL(args.path).href);
            return { contents: source.replaceAll('import.meta.url', url), loader: 'ts' };
          });
        },
      },
    ],
  });
  // Written under a temporary name and renamed, so a run started at the same moment (a test, a
  // second terminal) never imports a half-written bundle.
  const tmp = `${outfile}.${process.pid}.tmp`;
  writeFileSync(tmp, result.outputFiles[0].contents);
  renameSync(tmp, outfile);
  const inputs = Object.keys(result.metafile.inputs).filter((f) => !f.includes('node_modules'));
  // package.json and the lock file decide which external packages load; this script decides how.
  const extra = ['package.json', 'package-lock.json', 'scripts/run-local.mjs'];
  writeFileSync(`${inputsFile}.${process.pid}.tmp`, JSON.stringify([...inputs, ...extra]));
  renameSync(`${inputsFile}.${process.pid}.tmp`, inputsFile);
}

process.argv = [process.argv[0], entry, ...rest];
await import(pathToFileURL(outfile).href);
