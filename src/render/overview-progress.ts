/**
 * Monitoring (step 6) and evaluation (step 7): progress per goal against nulmeting and
 * streefwaarde, action status per round, a text bar chart of
 * progress (Docs charts would need the Charts service), scale averages per round, and each
 * partner's verdict per PvA goal.
 */

import { goalProgress } from '../model/planProgress';
import type { Question } from '../model/types';
import type { AnswerRecord, CaseView } from './caseView';
import type { DocNode, Run } from './docTree';
import { type AnswerIndex, latestRound, sortAnswers, themeBlocks } from './overview-answers';
import { measure, statusQuestion } from './overview-plan';
import { attributedRuns, decimal, heading, organisationOf, plain, shorten } from './overview-text';
import { nlDate } from './views-common';

const BAR_WIDTH = 20;
const NOT_REPORTED = 'niet gemeld';

/** `██████░░░░…` for a share between 0 and 1, followed by the percentage. */
export function progressBar(share: number): string {
  const filled = Math.round(share * BAR_WIDTH);
  return `${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)} ${Math.round(share * 100)}%`;
}

function isDoneOrRunning(status: string): boolean {
  return /^\s*(afgerond|loopt|lopend)/i.test(status);
}

function answersOf(idx: AnswerIndex, q: Question | undefined): AnswerRecord[] {
  return q ? (idx.byQuestion.get(q.id) ?? []) : [];
}

/** Newest answer per subject within one round. */
function newestBySubject(answers: readonly AnswerRecord[]): Map<string, AnswerRecord> {
  const out = new Map<string, AnswerRecord>();
  for (const a of answers) {
    if (!a.subject) continue;
    const seen = out.get(a.subject);
    if (!seen || a.submittedAt > seen.submittedAt) out.set(a.subject, a);
  }
  return out;
}

/**
 * Voortgang per doel: each goal's nulmeting, the owner's reported value per monitoring round,
 * the streefwaarde and the status (model/planProgress.ts). Empty without a plan.
 */
export function goalProgressBlocks(view: CaseView): DocNode[] {
  const progress = goalProgress(view.plan, view.answers, 'Europe/Amsterdam');
  if (progress.length === 0) return [];
  const rounds = [...new Set(progress.flatMap((g) => g.measurements.map((m) => m.round)))].sort(
    (a, b) => a - b,
  );
  return [
    heading(2, 'Voortgang per doel'),
    {
      type: 'table',
      header: [
        'Doel',
        'Indicator',
        'Nulmeting',
        ...rounds.map((r) => `Ronde ${r}`),
        'Streefwaarde',
        'Status',
      ],
      rows: progress.map((g) => [
        g.id,
        g.indicator || '—',
        measure(g.baseline),
        ...rounds.map((r) => {
          const m = g.measurements.find((x) => x.round === r);
          return m ? `${measure(m.value)} (${nlDate(m.date)})` : '—';
        }),
        `${measure(g.target)} op ${g.measureDate ? nlDate(g.measureDate) : '—'}`,
        g.status,
      ]),
    },
    plain(
      'Behaald: de streefwaarde is bereikt. Op koers: de laatste meting ligt dichter bij de streefwaarde dan de nulmeting en niet verder dan de vorige. Achter: anders, of de meetdatum is voorbij.',
    ),
  ];
}

export function monitoringBlocks(idx: AnswerIndex): DocNode[] {
  const { view } = idx;
  const step6 = view.answers.filter((a) => a.step === '6');
  const lastRound = latestRound(view, '6', step6);
  const out: DocNode[] = [];
  if (lastRound > 0) out.push(...goalProgressBlocks(view));
  if (lastRound > 0) {
    const sq = statusQuestion(view.catalog);
    const statusAnswers = answersOf(idx, sq);
    const notes = view.catalog.filter((q) => q.repeat === 'per_action' && q !== sq);
    // Each round is judged against the actions of the plan in force when its forms were made.
    const planOf = (round: number) => {
      const versions = view.forms
        .filter((f) => f.step === '6' && f.round === round)
        .map((f) => f.planVersion);
      const version = versions.length ? Math.max(...versions) : (view.plan?.version ?? 0);
      return view.planHistory.find((p) => p.version === version) ?? view.plan;
    };
    const actionIdsOf = (round: number): string[] => {
      const ids = (planOf(round)?.actions ?? []).map((a) => a.id);
      for (const a of statusAnswers) {
        if (a.round === round && a.subject && !ids.includes(a.subject)) ids.push(a.subject);
      }
      return ids;
    };
    const statusLabels = [...(sq?.choices ?? [])];
    for (const a of statusAnswers) if (!statusLabels.includes(a.value)) statusLabels.push(a.value);

    const rounds = Array.from({ length: lastRound }, (_, i) => i + 1);
    const perRound = new Map(
      rounds.map((r) => [r, newestBySubject(statusAnswers.filter((a) => a.round === r))]),
    );

    out.push(heading(2, 'Voortgang per ronde'));
    out.push({
      type: 'table',
      header: ['Ronde', ...statusLabels, 'Niet gemeld', 'Afgerond of lopend'],
      rows: rounds.map((r) => {
        const reported = perRound.get(r) ?? new Map<string, AnswerRecord>();
        const values = actionIdsOf(r).map((id) => reported.get(id)?.value ?? NOT_REPORTED);
        const count = (label: string) => String(values.filter((v) => v === label).length);
        const share = values.length > 0 ? values.filter(isDoneOrRunning).length / values.length : 0;
        return [`Ronde ${r}`, ...statusLabels.map(count), count(NOT_REPORTED), progressBar(share)];
      }),
    });
    out.push(...scaleAverages(idx, rounds));

    for (const r of [...rounds].reverse()) {
      const reported = perRound.get(r) ?? new Map<string, AnswerRecord>();
      const noteAnswers = notes.map((q) => ({
        q,
        bySubject: newestBySubject(answersOf(idx, q).filter((a) => a.round === r)),
      }));
      out.push(heading(2, `Ronde ${r}`));
      out.push({
        type: 'table',
        header: ['Id', 'Actie', 'Eigenaar', 'Status', 'Toelichting'],
        rows: actionIdsOf(r).map((id) => {
          const action =
            planOf(r)?.actions.find((a) => a.id === id) ?? view.plan?.actions.find((a) => a.id === id);
          const s = reported.get(id);
          const owner = action ? organisationOf(view, action.owner) : '—';
          const by =
            s && action && s.partnerId !== action.owner
              ? ` (gemeld door ${organisationOf(view, s.partnerId)})`
              : '';
          const note = noteAnswers
            .map(({ q, bySubject }) => {
              const a = bySubject.get(id);
              return a ? `${q.title}: ${shorten(a.value).text}` : '';
            })
            .filter((t) => t !== '')
            .join('\n');
          const edited = s && s.version > 1 ? ' (gewijzigd)' : '';
          return [id, action?.text ?? '—', owner, s ? s.value + by + edited : NOT_REPORTED, note];
        }),
      });
    }
  }
  out.push(...themeBlocks(idx, 'monitoring'));
  return out;
}

/** Averages per round of the step-6 scale questions (e.g. ontwikkeling overlast). */
function scaleAverages(idx: AnswerIndex, rounds: readonly number[]): DocNode[] {
  const scales = idx.view.catalog.filter(
    (q) => q.step === '6' && q.type === 'scale' && q.repeat !== 'per_action' && answersOf(idx, q).length > 0,
  );
  if (scales.length === 0) return [];
  const cell = (q: Question, r: number) => {
    const nums = answersOf(idx, q)
      .filter((a) => a.round === r)
      .map((a) => Number.parseFloat(a.value))
      .filter((n) => Number.isFinite(n));
    if (nums.length === 0) return '—';
    return `${decimal(nums.reduce((s, n) => s + n, 0) / nums.length)} (n=${nums.length})`;
  };
  const out: DocNode[] = [
    heading(3, 'Ontwikkeling overlast (gemiddelde per ronde)'),
    {
      type: 'table',
      header: ['Ronde', ...scales.map((q) => q.title)],
      rows: rounds.map((r) => [`Ronde ${r}`, ...scales.map((q) => cell(q, r))]),
    },
  ];
  for (const q of scales) {
    if (q.scale) {
      out.push(
        plain(
          `Schaal "${q.title}": ${q.scale.min} = ${q.scale.minLabel}, ${q.scale.max} = ${q.scale.maxLabel}.`,
        ),
      );
    }
  }
  return out;
}

/**
 * The afschaalcriteria of the plan against step 7: per criterion every partner's verdict (latest
 * round), so the decision to scale down is weighed against what the plan said.
 */
function criteriaBlocks(idx: AnswerIndex): DocNode[] {
  const { view } = idx;
  const questions = view.catalog.filter((q) => q.repeat === 'per_criterion');
  const all = questions.flatMap((q) => answersOf(idx, q)).filter((a) => a.subject);
  if (all.length === 0) return [];
  const latest = latestRound(view, '7', all);
  const current = sortAnswers(
    idx,
    all.filter((a) => a.round === latest),
  );
  const criteria = (view.plan?.criteria ?? []).map((c) => ({ id: c.id, text: c.text }));
  for (const a of current) {
    if (a.subject && !criteria.some((c) => c.id === a.subject)) criteria.push({ id: a.subject, text: '' });
  }
  const partners = [...new Set(current.map((a) => a.partnerId))].sort((a, b) => idx.rank(a) - idx.rank(b));
  const out: DocNode[] = [heading(2, 'Afschaalcriteria: is eraan voldaan?')];
  for (const q of questions) {
    const answers = current.filter((a) => a.questionId === q.id);
    if (answers.length === 0) continue;
    out.push({
      type: 'table',
      header: ['Criterium', ...partners.map((p) => organisationOf(view, p))],
      rows: criteria.map((c) => [
        c.text ? `${c.id} ${c.text}` : c.id,
        ...partners.map((p) => {
          const v = answers.filter((a) => a.subject === c.id && a.partnerId === p);
          return v.length > 0 ? v.map((a) => a.value).join(' / ') : '—';
        }),
      ]),
    });
  }
  // Met: at least one partner says "Ja" and none says "Deels" or "Nee" (not judging does not count).
  const met = criteria.filter((c) => {
    const v = current.filter((a) => a.subject === c.id).map((a) => a.value);
    return v.includes('Ja') && !v.includes('Deels') && !v.includes('Nee');
  });
  out.push(
    plain(
      met.length === criteria.length
        ? 'Volgens elke partner die een oordeel gaf, is aan alle afschaalcriteria voldaan.'
        : `Volgens elke partner die een oordeel gaf voldaan: ${met.length > 0 ? met.map((c) => c.id).join(', ') : 'geen'} (van ${criteria.length} criteria).`,
    ),
  );
  return out;
}

/** Evaluatie en overdracht: per PvA goal every partner's verdict, then the criteria and the other questions. */
export function evaluationBlocks(idx: AnswerIndex): DocNode[] {
  const { view } = idx;
  const perGoal = view.catalog.filter((q) => q.repeat === 'per_goal');
  const verdictQ = perGoal.find((q) => q.type === 'choice');
  const reasonQs = perGoal.filter((q) => q !== verdictQ);
  const all = perGoal.flatMap((q) => answersOf(idx, q)).filter((a) => a.subject);
  const out: DocNode[] = [];
  if (all.length > 0) {
    const goals = (view.plan?.goals ?? []).map((g) => ({ id: g.id, text: g.text }));
    for (const a of all) {
      if (a.subject && !goals.some((g) => g.id === a.subject)) goals.push({ id: a.subject, text: '' });
    }
    const latest = latestRound(view, '7', all);
    // One statement per partner, goal and response: the verdict with its reasoning.
    const statements = new Map<string, AnswerRecord[]>();
    for (const a of sortAnswers(idx, all)) {
      const key = `${a.subject}|${a.partnerId}|${a.round}|${a.responseId}`;
      statements.set(key, [...(statements.get(key) ?? []), a]);
    }
    const partners = [...new Set(sortAnswers(idx, all).map((a) => a.partnerId))].sort(
      (a, b) => idx.rank(a) - idx.rank(b),
    );
    if (verdictQ) {
      const verdicts = answersOf(idx, verdictQ).filter((a) => a.round === latest);
      out.push(heading(2, 'Oordeel per doel'));
      out.push({
        type: 'table',
        header: ['Doel', ...partners.map((p) => organisationOf(view, p))],
        rows: goals.map((g) => [
          g.id,
          ...partners.map((p) => {
            const v = verdicts.filter((a) => a.subject === g.id && a.partnerId === p);
            return v.length > 0 ? v.map((a) => a.value).join(' / ') : '—';
          }),
        ]),
      });
    }
    for (const g of goals) {
      const paragraphs: DocNode[] = [];
      for (const group of statements.values()) {
        const first = group[0];
        if (!first || first.subject !== g.id) continue;
        const verdict = group.find((a) => a.questionId === verdictQ?.id)?.value;
        const reasons = reasonQs
          .map((q) => group.find((a) => a.questionId === q.id)?.value)
          .filter((v): v is string => !!v);
        const text = [verdict, ...reasons].filter((v) => !!v).join(' — ');
        const runs: Run[] = attributedRuns(organisationOf(view, first.partnerId), text, {
          earlierRound: first.round < latest ? first.round : undefined,
          edited: group.some((a) => a.version > 1),
        });
        paragraphs.push({ type: 'paragraph', runs });
      }
      if (paragraphs.length > 0) out.push(heading(3, g.text ? `${g.id} — ${g.text}` : g.id), ...paragraphs);
    }
  }
  out.push(...criteriaBlocks(idx));
  out.push(...themeBlocks(idx, 'evaluatie'));
  return out;
}
