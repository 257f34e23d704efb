/**
 * The question catalog as plain Dutch text for the command line (`npm start -- --catalog`):
 * a summary table (questions per step and partner kind) and a full listing. Pure functions.
 */
import { participatingKinds, questionsFor } from '../model/catalog';
import { partnerKindLabel } from '../model/partners';
import { TYPE_LABEL } from '../model/questionsSheet';
import { stepLabel, stepName } from '../model/steps';
import type { PartnerKind, Question, Repeat, StepNaming } from '../model/types';
import { PARTNER_KINDS, STEP_IDS } from '../model/types';

/** Short column headers for the summary table. */
const KIND_SHORT: Record<PartnerKind, string> = {
  politie: 'politie',
  om: 'OM',
  jongerenwerk: 'jongerenwerk',
  boa: 'boa',
  gemeente: 'gemeente',
  leerplicht: 'leerplicht',
  lokaal_team: 'lokaal team',
  zvh: 'ZVH',
  woningcorporatie: 'corporatie',
  veilig_thuis: 'VT',
  raad_kinderbescherming: 'RvdK',
  jeugdreclassering: 'JR/JB',
  halt: 'Halt',
  onderwijs: 'school',
  overig: 'overig',
};

const REPEAT_LABEL: Record<Repeat, string> = {
  once: '',
  per_person: ' [per persoonscode]',
  per_action: ' [per actie]',
  per_goal: ' [per doel]',
  per_own_goal: ' [per eigen doel]',
  per_criterion: ' [per afschaalcriterium]',
};

function table(header: readonly string[], rows: readonly (readonly string[])[], rightFrom: number): string[] {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, c) => (c >= rightFrom ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}

/** Per step the number of questions each partner kind gets (`—` = kind does not take part). */
export function catalogSummary(catalog: readonly Question[], naming: StepNaming = '2023'): string {
  const header = ['Stap', 'Naam', 'Totaal', ...PARTNER_KINDS.map((k) => KIND_SHORT[k])];
  const rows = STEP_IDS.map((step) => {
    const total = catalog.filter((q) => q.step === step).length;
    const counts = PARTNER_KINDS.map((kind) => {
      const n = questionsFor(step, kind, catalog).length;
      return n === 0 ? '—' : String(n);
    });
    return [step, stepName(step, naming), String(total), ...counts];
  });
  const personal = catalog.filter((q) => q.level === 'persoon').length;
  return [
    `Vragenlijst: ${catalog.length} vragen in ${STEP_IDS.length} stappen, waarvan ${personal} op persoonsniveau (alleen met persoonscodes).`,
    '',
    ...table(header, rows, 2),
    '',
    'Aantal vragen per stap en partnersoort; — betekent dat de partnersoort in die stap geen vragen krijgt.',
    'Vragen per persoonscode, per actie of per doel tellen één keer; in het formulier herhalen ze zich.',
  ].join('\n');
}

/** Every question per step and partner kind: id, type, level and title. */
export function catalogListing(catalog: readonly Question[], naming: StepNaming = '2023'): string {
  const out: string[] = [];
  for (const step of STEP_IDS) {
    const inStep = catalog.filter((q) => q.step === step);
    out.push(`${stepLabel(step, naming)} (${inStep.length} vragen)`);
    const kinds = participatingKinds(step, catalog);
    if (kinds.length === 0) out.push('  Geen vragen in deze stap.');
    for (const kind of kinds) {
      const questions = questionsFor(step, kind, catalog);
      out.push(`  ${partnerKindLabel(kind)} (${questions.length} vragen)`);
      const idWidth = Math.max(...questions.map((q) => q.id.length));
      const typeWidth = Math.max(...questions.map((q) => TYPE_LABEL[q.type].length));
      for (const q of questions) {
        const required = q.required ? ' *' : '';
        out.push(
          `    ${q.id.padEnd(idWidth)}  ${TYPE_LABEL[q.type].padEnd(typeWidth)}  ${q.level.padEnd(7)}  ` +
            `${q.title}${REPEAT_LABEL[q.repeat ?? 'once']}${required}`,
        );
      }
    }
    out.push('');
  }
  out.push('* = verplichte vraag.');
  return out.join('\n');
}
