/**
 * The one-page summary that opens every integraal beeld: where the case stands, the decisions,
 * the key duiding scores, the largest disagreements between partners and the open and late
 * actions. Pure: "late" is judged against `view.now`.
 */
import { outcomeLabel } from '../model/steps';
import { isoDate } from '../model/time';
import type { PlanAction } from '../model/types';
import type { CaseView } from './caseView';
import type { DocNode } from './docTree';
import type { AnswerIndex } from './overview-answers';
import { dimensionMean, dimensionScores, disagreements } from './overview-duiding';
import { latestPerSubject, statusQuestion } from './overview-plan';
import { decimal as dec, labelled, organisationOf, plain, routeLabel, stepTitle } from './overview-text';
import { nlDate } from './views-common';

/** At most this many disagreements and late actions are named; the chapters have the rest. */
export const SUMMARY_LIMIT = 3;

/** Status answers that mean an action needs nothing more. */
function isClosedStatus(status: string | undefined): boolean {
  return /^\s*(afgerond|gestopt)/i.test(status ?? '');
}

export interface ActionState {
  action: PlanAction;
  status: string | undefined;
  late: boolean;
}

/** Every action of the plan with its latest reported status and whether it is past its deadline. */
export function actionStates(idx: AnswerIndex): ActionState[] {
  const { view } = idx;
  const sq = statusQuestion(view.catalog);
  const status = latestPerSubject(sq ? (idx.byQuestion.get(sq.id) ?? []) : []);
  const today = isoDate(view.now, view.timeZone);
  return (view.plan?.actions ?? []).map((action) => {
    const s = status.get(action.id)?.value;
    const closed = isClosedStatus(s);
    return { action, status: s, late: !closed && action.deadline !== '' && action.deadline < today };
  });
}

function statusLine(view: CaseView): string {
  const { state } = view;
  if (state.status === 'open') return 'open';
  return state.closedRoutes?.length ? `gesloten (vervolg: ${routeLabel(state.closedRoutes)})` : 'gesloten';
}

/** `onlyOwner`: a partner's version counts and names only that partner's actions. */
export function summaryBlocks(idx: AnswerIndex, onlyOwner?: string): DocNode[] {
  const { view } = idx;
  const { state, settings } = view;
  const out: DocNode[] = [
    labelled(
      'Huidige stap',
      stepTitle(state.step, settings.naming) + (state.round > 1 ? ` (ronde ${state.round})` : ''),
    ),
    labelled('Status', statusLine(view)),
  ];
  const decisions = [...state.decisions].sort((a, b) => a.date.localeCompare(b.date));
  const last = decisions[decisions.length - 1];
  out.push(
    labelled(
      'Besluiten',
      last
        ? `${decisions.length}; laatste op ${nlDate(last.date)}: ${stepTitle(last.step, settings.naming)} — ${outcomeLabel(last.step, last.outcome)} (${last.decidedBy})`
        : 'nog geen',
    ),
  );

  const dims = dimensionScores(idx);
  if (dims.length > 0) {
    out.push({
      type: 'table',
      header: ['Duiding: dimensie', 'Gemiddelde score', 'Partners'],
      rows: dims.map((d) => {
        const m = dimensionMean(d);
        return [d.label, m === null ? 'onbekend' : `${dec(m)} van ${d.max}`, String(d.partners.length)];
      }),
    });
    const diffs = disagreements(dims).slice(0, SUMMARY_LIMIT);
    out.push(
      diffs.length > 0
        ? {
            type: 'list',
            items: diffs.map((d) => [
              { text: `${d.item} (${d.dimension}): `, bold: true },
              {
                text: `${d.high.organisation} ${d.high.score}, ${d.low.organisation} ${d.low.score}`,
              },
            ]),
          }
        : plain('De partners verschillen nergens twee punten of meer in hun duiding.'),
    );
    if (diffs.length > 0) {
      out.splice(out.length - 1, 0, plain('Grootste verschillen tussen partners:'));
    }
  }

  const actions = actionStates(idx).filter((a) => onlyOwner === undefined || a.action.owner === onlyOwner);
  if (actions.length > 0) {
    const open = actions.filter((a) => !isClosedStatus(a.status));
    const late = actions.filter((a) => a.late);
    out.push(
      labelled(
        'Acties',
        `${actions.length} in het plan${onlyOwner === undefined ? '' : ` voor ${organisationOf(view, onlyOwner)}`}, ${open.length} open, ${late.length} over de deadline`,
      ),
    );
    if (late.length > 0) {
      out.push({
        type: 'list',
        items: late.slice(0, SUMMARY_LIMIT).map((a) => [
          { text: `${a.action.id} ${a.action.text}`, bold: true },
          {
            text: ` — ${organisationOf(view, a.action.owner)}, deadline ${nlDate(a.action.deadline)}, ${a.status ? a.status.toLowerCase() : 'niet gemeld'}`,
          },
        ]),
      });
    }
  }
  return out;
}
