// `npm run deploy` — puts the built product in Google with clasp 3 (@google/clasp, a dev
// dependency; its commands and flags: `npx clasp --help`).
//
//   npm run deploy -- --create [--title "Register aanpak jeugdgroepen"]
//       once: makes a NEW Google Spreadsheet with its bound Apps Script project
//       (`clasp create-script --type sheets --title … --rootDir dist`, which writes .clasp.json
//       itself), builds dist/ and pushes it (`clasp push --force`: our appsscript.json wins).
//   npm run deploy
//       afterwards: builds dist/ and pushes it to the project in .clasp.json.
//   --dry-run   prints what would run, runs nothing, changes nothing.
//
// Nobody edits .clasp.json by hand. The repository holds a placeholder .clasp.json (so
// `clasp show-file-status` works for the tests); `--create` removes only that placeholder
// (clasp refuses to create a project where a project file exists) and never a real one.
// clasp's own variable `clasp_config_project` (the `-P` option) is honoured for the project file.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const PLACEHOLDER_ID = 'VERVANG-DOOR-SCRIPT-ID-VAN-HET-REGISTER';
const DEFAULT_TITLE = 'Register aanpak jeugdgroepen';

/** What the command line asks for. */
export function parseArgs(argv) {
  const opts = { create: false, dryRun: false, title: DEFAULT_TITLE };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--create') opts.create = true;
    else if (a === '--dry-run') opts.dryRun = true;
    else if (a === '--title') {
      const t = argv[++i];
      if (!t || t.startsWith('--'))
        throw new Error('--title heeft een titel nodig, bijv. --title "Register Voorbeeldstad".');
      opts.title = t;
    } else
      throw new Error(
        `Onbekende optie ${a}. Gebruik: npm run deploy [-- --create [--title "…"]] [--dry-run]`,
      );
  }
  return opts;
}

/** The script id in a project file: null when there is none, the placeholder when not set up yet. */
export function projectScriptId(text) {
  if (text === null) return null;
  try {
    const id = JSON.parse(text).scriptId;
    return typeof id === 'string' && id !== '' ? id : null;
  } catch {
    throw new Error(
      '.clasp.json is geen geldige JSON. Herstel het bestand (git checkout .clasp.json) en probeer opnieuw.',
    );
  }
}

/**
 * The steps to run, as [command, args] pairs plus files to remove first; throws a Dutch message
 * when the state of the project file does not fit the request.
 */
export function plan(opts, projectText) {
  const id = projectScriptId(projectText);
  const build = ['node', ['scripts/build.mjs']];
  const push = ['npx', ['clasp', 'push', '--force']];
  if (opts.create) {
    if (id !== null && id !== PLACEHOLDER_ID)
      throw new Error(
        `Er is al een project (.clasp.json, scriptId ${id}). "--create" maakt altijd een nieuw register; wilt u dat echt, verplaats dan eerst .clasp.json. Bijwerken van het bestaande project: npm run deploy.`,
      );
    return {
      remove: projectText === null ? [] : ['project'],
      steps: [
        ['npx', ['clasp', 'create-script', '--type', 'sheets', '--title', opts.title, '--rootDir', 'dist']],
        build,
        push,
      ],
    };
  }
  if (id === null || id === PLACEHOLDER_ID)
    throw new Error(
      'Er is nog geen Apps Script-project gekoppeld. Maak een nieuw register met: npm run deploy -- --create',
    );
  return { remove: [], steps: [build, push] };
}

function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(e.message);
    process.exit(2);
  }
  const projectFile = resolve(root, process.env.clasp_config_project ?? '.clasp.json');
  const text = existsSync(projectFile) ? readFileSync(projectFile, 'utf8') : null;
  let p;
  try {
    p = plan(opts, text);
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
  for (const r of p.remove) {
    if (r !== 'project') continue;
    console.log(`verwijder ${projectFile} (alleen de plaatshouder)`);
    if (!opts.dryRun) rmSync(projectFile);
  }
  for (const [cmd, args] of p.steps) {
    console.log(`> ${cmd} ${args.map((a) => (/\s/.test(a) ? JSON.stringify(a) : a)).join(' ')}`);
    if (opts.dryRun) continue;
    const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) {
      console.error(
        args[1] === 'push' || args[1] === 'create-script'
          ? 'clasp gaf een fout. Staat de Apps Script API aan voor uw account (https://script.google.com/home/usersettings) en bent u ingelogd (npx clasp login)? Zie docs/installatie.md.'
          : 'De stap mislukte; zie de melding hierboven.',
      );
      process.exit(r.status ?? 1);
    }
  }
  if (opts.create && !opts.dryRun) {
    console.log(
      '\nKlaar. Open het nieuwe register (de link "Created new document" hierboven), herlaad het en kies 7-stappen → Register inrichten. Zie docs/installatie.md.',
    );
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
