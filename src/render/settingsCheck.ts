/** The result of "Instellingen controleren" as text for the coordinator. Pure. */
import { problemText, type SettingsProblem } from '../model/settingsCheck';

/** At most this many problems in one message box; the rest is counted. */
export const MAX_LISTED = 40;

export function settingsCheckSummary(problems: readonly SettingsProblem[]): string {
  if (problems.length === 0) return 'Geen problemen gevonden in de instellingen.';
  return problems.length === 1 ? '1 probleem gevonden.' : `${problems.length} problemen gevonden.`;
}

/** Summary, one line per problem (cell first), what could not be checked. */
export function settingsCheckText(check: {
  problems: readonly SettingsProblem[];
  notes: readonly string[];
  plansChecked: readonly string[];
}): string {
  const lines = [settingsCheckSummary(check.problems)];
  const listed = check.problems.slice(0, MAX_LISTED).map(problemText);
  lines.push(...listed);
  if (check.problems.length > MAX_LISTED)
    lines.push(`… en nog ${check.problems.length - MAX_LISTED}. Herstel deze eerst en controleer opnieuw.`);
  if (check.plansChecked.length > 0)
    lines.push(`Plan van aanpak gecontroleerd bij: ${check.plansChecked.join(', ')}.`);
  lines.push(...check.notes);
  return lines.join('\n');
}
