/**
 * Decisions and the plan van aanpak: the timeline table of the opening block, the driehoek
 * decisions (step 4) and the PvA chapter (goals, actions per spoor with their latest status).
 */

import { goalOwner } from '../model/planProgress';
import { formatNumber } from '../model/planSheet';
import { outcomeLabel } from '../model/steps';
import type { Decision, Question, Spoor } from '../model/types';
import { SPOREN } from '../model/types';
import type { AnswerRecord, CaseView } from './caseView';
import type { DocNode } from './docTree';
import { monitoringQuestions } from './monitoring';
import { type AnswerIndex, themeBlocks } from './overview-answers';
import { heading, organisationOf, plain, routeLabel, stepTitle } from './overview-text';
import { nlDate } from './views-common';

export const SPOOR_LABELS: Record<Spoor, string> = {
  groep: 'Groepsgericht',
  persoon: 'Persoonsgericht',
  domein: 'Domein- en locatiegericht',
  online: 'Online',
  netwerk: 'Netwerk en gezin',
};

function sortedDecisions(decisions: readonly Decision[]): Decision[] {
  return decisions
    .map((d, i) => ({ d, i }))
    .sort((a, b) => a.d.date.localeCompare(b.d.date) || a.i - b.i)
    .map((x) => x.d);
}

function decisionLabel(d: Decision): string {
  const label = outcomeLabel(d.step, d.outcome);
  return d.routes?.length ? `${label} (vervolg: ${routeLabel(d.routes)})` : label;
}

/** Opening block: every gate decision so far, oldest first. */
export function timelineTable(view: CaseView): DocNode {
  const rows = sortedDecisions(view.state.decisions).map((d) => [
    nlDate(d.date),
    stepTitle(d.step, view.settings.naming) + (d.round > 1 ? ` (ronde ${d.round})` : ''),
    decisionLabel(d),
    d.decidedBy,
  ]);
  rows.unshift([nlDate(view.openedOn), '—', 'Casus geopend', '—']);
  return { type: 'table', header: ['Datum', 'Stap', 'Besluit', 'Besloten door'], rows };
}

/** Besluit driehoek: the step-4 decisions, each as a small two-column table. */
export function driehoekBlocks(view: CaseView): DocNode[] {
  const out: DocNode[] = [];
  for (const d of sortedDecisions(view.state.decisions.filter((x) => x.step === '4'))) {
    out.push(heading(3, `Besluit van ${nlDate(d.date)}` + (d.round > 1 ? ` (ronde ${d.round})` : '')));
    out.push({
      type: 'table',
      header: ['Onderdeel', 'Inhoud'],
      rows: [
        ['Datum', nlDate(d.date)],
        ['Besloten door', d.decidedBy],
        ['Besluit', decisionLabel(d)],
        ['Motivering', d.motivation || '—'],
        ['Aanwijzingen', d.directions || '—'],
      ],
    });
  }
  return out;
}

/** The step-6 question that reports an action's status (a choice asked per action). */
export function statusQuestion(catalog: readonly Question[]): Question | undefined {
  return monitoringQuestions(catalog).status;
}

/** Latest report per action: highest round, then the newest submission. */
export function latestPerSubject(answers: readonly AnswerRecord[]): Map<string, AnswerRecord> {
  const out = new Map<string, AnswerRecord>();
  for (const a of answers) {
    if (!a.subject) continue;
    const seen = out.get(a.subject);
    if (!seen || a.round > seen.round || (a.round === seen.round && a.submittedAt > seen.submittedAt)) {
      out.set(a.subject, a);
    }
  }
  return out;
}

/** The SMART goals: indicator, nulmeting, streefwaarde, meetdatum and who measures. */
export function goalTable(view: CaseView): DocNode {
  const plan = view.plan;
  return {
    type: 'table',
    header: ['Id', 'Doel', 'Indicator', 'Nulmeting', 'Streefwaarde', 'Meetdatum', 'Meet'],
    rows: (plan?.goals ?? []).map((g) => [
      g.id,
      g.text,
      g.indicator || '—',
      measure(g.baseline) + (g.baselineFrom ? ' (uit de duiding)' : ''),
      measure(g.target),
      g.measureDate ? nlDate(g.measureDate) : '—',
      plan ? organisationOf(view, goalOwner(plan, g)) : '—',
    ]),
  };
}

/** A nulmeting or streefwaarde as the coordinator wrote it (`2,5`); a dash when unknown. */
export function measure(n: number): string {
  return Number.isFinite(n) ? formatNumber(n) : '—';
}

export function planBlocks(idx: AnswerIndex): DocNode[] {
  const { view } = idx;
  const plan = view.plan;
  const out: DocNode[] = [];
  if (plan) {
    out.push(
      plain(
        `Vastgestelde versie ${plan.version}.` +
          (plan.evaluationDate ? ` Evaluatie van het plan: ${nlDate(plan.evaluationDate)}.` : ''),
      ),
    );
    out.push(heading(2, 'Doelen'));
    out.push(plan.goals.length > 0 ? goalTable(view) : plain('Er zijn nog geen doelen vastgelegd.'));
    const fromDuiding = plan.goals.filter((g) => g.baselineFrom);
    for (const g of fromDuiding) {
      out.push(plain(`Nulmeting van ${g.id} overgenomen uit de ${g.baselineFrom}.`));
    }
    const sq = statusQuestion(view.catalog);
    const status = latestPerSubject(sq ? (idx.byQuestion.get(sq.id) ?? []) : []);
    const sporen = SPOREN.filter((s) => plan.actions.some((a) => a.spoor === s));
    if (sporen.length > 0) out.push(heading(2, 'Acties per spoor'));
    for (const spoor of sporen) {
      out.push(heading(3, SPOOR_LABELS[spoor]));
      out.push({
        type: 'table',
        header: ['Id', 'Actie', 'Eigenaar', 'Start', 'Frequentie', 'Deadline', 'Doel', 'Laatste status'],
        rows: plan.actions
          .filter((a) => a.spoor === spoor)
          .map((a) => {
            const s = status.get(a.id);
            return [
              a.id,
              a.subject ? `${a.text} (betreft ${a.subject})` : a.text,
              organisationOf(view, a.owner),
              a.start ? nlDate(a.start) : '—',
              a.frequency || '—',
              nlDate(a.deadline),
              a.goalId,
              s ? `${s.value} (ronde ${s.round})` : 'nog niet gemeld',
            ];
          }),
      });
    }
  }
  if (plan && plan.criteria.length > 0) {
    out.push(heading(2, 'Afschaalcriteria'));
    out.push({
      type: 'table',
      header: ['Id', 'Criterium'],
      rows: plan.criteria.map((c) => [c.id, c.text]),
    });
  }
  const contributions = themeBlocks(idx, 'pva');
  if (contributions.length > 0) {
    if (plan) out.push(heading(2, 'Bijdragen van partners'));
    out.push(...contributions);
  }
  return out;
}
