/**
 * Layering (README, Architectuur): only src/workspace (plus src/local, src/ui, src/main.ts and
 * src/entrypoints.ts) touches Apps Script. Checked with the TypeScript type checker: in any
 * other file, an identifier that resolves to a declaration of @types/google-apps-script — a
 * service global (`SpreadsheetApp`, `Utilities`, ...), a `GoogleAppsScript.*` type or a member
 * of a service object (`ss.getSheetByName`, also through the `Book` alias) — is a violation.
 * There is no allow-list.
 */
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const ALLOWED = [
  /^src\/workspace\//,
  /^src\/local\//,
  /^src\/ui\//,
  /^src\/main\.ts$/,
  /^src\/entrypoints\.ts$/,
];
const PROBE = join(ROOT, 'src/workflow/__layering_probe__.ts');
const PROBE_TEXT = `import type { Book } from '../workspace/spreadsheets';
export function probe(ss: Book): string {
  SpreadsheetApp.flush();
  const blob: GoogleAppsScript.Base.Blob | null = null;
  return ss.getId() + String(blob);
}
`;

function program(): ts.Program {
  const configPath = join(ROOT, 'tsconfig.json');
  const config = ts.readConfigFile(configPath, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, dirname(configPath));
  const host = ts.createCompilerHost(parsed.options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, lang, onError, create) =>
    resolve(name) === PROBE
      ? ts.createSourceFile(name, PROBE_TEXT, lang, true)
      : getSourceFile(name, lang, onError, create);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => resolve(name) === PROBE || fileExists(name);
  return ts.createProgram([...parsed.fileNames, PROBE], parsed.options, host);
}

function isAppsScript(sf: ts.SourceFile): boolean {
  return sf.fileName.includes('/@types/google-apps-script/');
}

/** The global names (`declare var SpreadsheetApp`, `declare namespace GoogleAppsScript`) and all method names. */
function appsScriptNames(prog: ts.Program): { globals: Set<string>; methods: Set<string> } {
  const globals = new Set<string>();
  const methods = new Set<string>();
  for (const sf of prog.getSourceFiles().filter(isAppsScript)) {
    for (const st of sf.statements) {
      if (ts.isVariableStatement(st))
        for (const d of st.declarationList.declarations)
          if (ts.isIdentifier(d.name)) globals.add(d.name.text);
      if (ts.isModuleDeclaration(st) && ts.isIdentifier(st.name)) globals.add(st.name.text);
    }
    const visit = (node: ts.Node): void => {
      if ((ts.isMethodSignature(node) || ts.isMethodDeclaration(node)) && ts.isIdentifier(node.name))
        methods.add(node.name.text);
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return { globals, methods };
}

/**
 * `file:line: name` for every use of an Apps Script declaration in the file. Only names that
 * could be one are resolved (a global name, or a method name after a dot), which keeps the
 * type checker's work small.
 */
function uses(
  checker: ts.TypeChecker,
  names: { globals: Set<string>; methods: Set<string> },
  sf: ts.SourceFile,
): string[] {
  const found: string[] = [];
  const resolvesToAppsScript = (id: ts.Node): boolean => {
    let symbol = checker.getSymbolAtLocation(id);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    return symbol?.declarations?.some((d) => isAppsScript(d.getSourceFile())) ?? false;
  };
  const report = (node: ts.Node, text: string): void => {
    const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
    found.push(`${relative(ROOT, sf.fileName)}:${line + 1}: ${text}`);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node) && names.methods.has(node.name.text)) {
      if (resolvesToAppsScript(node.name)) report(node.name, node.name.text);
    } else if (ts.isQualifiedName(node)) {
      let left: ts.EntityName = node;
      while (ts.isQualifiedName(left)) left = left.left;
      if (names.globals.has(left.text) && resolvesToAppsScript(left)) report(node, node.getText(sf));
      return;
    } else if (
      ts.isIdentifier(node) &&
      names.globals.has(node.text) &&
      !(ts.isPropertyAccessExpression(node.parent) && node.parent.name === node) &&
      resolvesToAppsScript(node)
    ) {
      report(node, node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

describe('lagen: alleen workspace/ spreekt Apps Script', () => {
  const prog = program();
  const checker = prog.getTypeChecker();
  const names = appsScriptNames(prog);
  const files = prog
    .getSourceFiles()
    .filter((sf) => !sf.isDeclarationFile && relative(ROOT, sf.fileName).startsWith('src/'));

  it('de controle vindt een service-global, een GoogleAppsScript-type en een lid van een service-object', () => {
    const probe = files.find((sf) => resolve(sf.fileName) === PROBE)!;
    expect(uses(checker, names, probe).map((u) => u.replace(/^.*: /, ''))).toEqual([
      'flush',
      'SpreadsheetApp',
      'GoogleAppsScript.Base.Blob',
      'getId',
    ]);
  });

  it('geen bestand buiten workspace/, local/, ui/, main.ts en entrypoints.ts gebruikt Apps Script', () => {
    const checked = files.filter(
      (sf) => resolve(sf.fileName) !== PROBE && !ALLOWED.some((re) => re.test(relative(ROOT, sf.fileName))),
    );
    expect(checked.length).toBeGreaterThan(30);
    expect(checked.flatMap((sf) => uses(checker, names, sf))).toEqual([]);
  });
});
