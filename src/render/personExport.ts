/**
 * The art. 15 AVG export of one person (workflow/rights.ts): everything the case holds about one
 * person code, as a document for the restricted folder of the namenlijst. Pure.
 */
import type { DocNode, DocTree } from './docTree';

export interface ExportAnswer {
  date: string;
  step: string;
  partner: string;
  version: number;
  question: string;
  value: string;
}

export interface ExportPlanAction {
  version: number;
  kind: string;
  text: string;
  owner: string;
  deadline: string;
}

export interface ExportDecision {
  date: string;
  step: string;
  outcome: string;
  text: string;
}

export interface ExportCorrection {
  date: string;
  by: string;
  wrong: string;
  right: string;
  statement: string;
}

export interface PersonExport {
  caseCode: string;
  code: string;
  today: string;
  /** Every column of the person's namenlijst row (name, birth year, informing, …), as `[header, value]`. */
  listed: [string, string][];
  answers: ExportAnswer[];
  plan: ExportPlanAction[];
  decisions: ExportDecision[];
  corrections: ExportCorrection[];
}

function section(title: string, header: string[], rows: string[][], none: string): DocNode[] {
  return [
    { type: 'heading', level: 2, text: title },
    rows.length
      ? { type: 'table', header, rows }
      : { type: 'paragraph', runs: [{ text: none, italic: true }] },
  ];
}

export function personExportTree(x: PersonExport): DocTree {
  return {
    header: `Vertrouwelijk — inzage ${x.caseCode} ${x.code}`,
    title: `Inzage in persoonsgegevens (art. 15 AVG): ${x.code}`,
    subtitle: `Casus ${x.caseCode}, gemaakt op ${x.today}`,
    nodes: [
      {
        type: 'paragraph',
        runs: [
          {
            text: 'Alles wat de casus over deze persoon vastlegt: de regel in de namenlijst, elke uitspraak van een partner over de persoonscode (met partner, stap, datum en versie), de acties in het plan van aanpak, de besluiten die de code noemen en de correcties. Dit document staat alleen in de beperkt toegankelijke map van de namenlijst; beoordeel vóór verstrekking wat over anderen gaat.',
          },
        ],
      },
      ...section(
        'Namenlijst',
        ['Gegeven', 'Waarde'],
        x.listed,
        'De persoon staat niet (meer) in de namenlijst.',
      ),
      ...section(
        'Uitspraken van partners',
        ['Datum', 'Stap', 'Partner', 'Versie', 'Vraag', 'Antwoord'],
        x.answers.map((a) => [a.date, a.step, a.partner, String(a.version), a.question, a.value]),
        'Geen uitspraken over deze persoonscode.',
      ),
      ...section(
        'Plan van aanpak',
        ['Versie', 'Soort', 'Tekst', 'Eigenaar', 'Termijn'],
        x.plan.map((p) => [String(p.version), p.kind, p.text, p.owner, p.deadline]),
        'Het plan van aanpak noemt deze persoonscode niet.',
      ),
      ...section(
        'Besluiten',
        ['Datum', 'Stap', 'Uitkomst', 'Tekst'],
        x.decisions.map((d) => [d.date, d.step, d.outcome, d.text]),
        'Geen besluit noemt deze persoonscode.',
      ),
      ...section(
        'Correcties',
        ['Datum', 'Door', 'Uitspraak', 'Wat niet klopte', 'Wat juist is'],
        x.corrections.map((c) => [c.date, c.by, c.statement, c.wrong, c.right]),
        'Geen correcties vastgelegd.',
      ),
    ],
  };
}
