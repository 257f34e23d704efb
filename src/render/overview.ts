/**
 * The integraal beeld of one case as a DocTree, in one version per audience (model/audiences):
 * a one-page summary, a table of contents, then chapters by theme, with every statement
 * attributed to the organisation that made it. Which chapters a version has is decided by the
 * SECTIONS table only; the driehoek and partner versions are built from the group-level view, so
 * they hold no pseudonym code at all. Pure: the time comes from `view.now`.
 */

import { AUDIENCE_INFO, type Audience, SECTIONS, sectionById } from '../model/audiences';
import { goalProgress } from '../model/planProgress';
import { dutchDate, isoDate } from '../model/time';
import { SPOREN } from '../model/types';
import type { CaseView } from './caseView';
import type { DocNode, DocTree } from './docTree';
import { groupLevelView } from './groupView';
import { type AnswerIndex, indexAnswers, otherBlocks, personBlocks, themeBlocks } from './overview-answers';
import { goalChart } from './overview-charts';
import { duidingBlocks } from './overview-duiding';
import {
  driehoekBlocks,
  latestPerSubject,
  planBlocks,
  SPOOR_LABELS,
  statusQuestion,
  timelineTable,
} from './overview-plan';
import { evaluationBlocks, monitoringBlocks } from './overview-progress';
import { summaryBlocks } from './overview-summary';
import { emptyChapter, heading, labelled, organisationOf, partnerLegend, plain } from './overview-text';
import { nlDate } from './views-common';

/** Which version: the audience, and for a partner version the partner it is for. */
export interface DocumentFor {
  audience: Audience;
  partnerId?: string;
}

type Body = (idx: AnswerIndex, target: DocumentFor) => DocNode[];

/** How each section of the integraal beeld is filled (the advice sections live in render/advice). */
const BODIES: Record<string, Body> = {
  samenvatting: (i, t) => summaryBlocks(i, t.audience === 'partner' ? (t.partnerId ?? '') : undefined),
  besluiten: (i) => [timelineTable(i.view)],
  aanleiding: (i) => themeBlocks(i, 'aanleiding'),
  groepsbeschrijving: (i) => themeBlocks(i, 'groepsbeschrijving'),
  aard_ernst: (i) => themeBlocks(i, 'aard_ernst'),
  dynamiek: (i) => themeBlocks(i, 'dynamiek'),
  online: (i) => themeBlocks(i, 'online'),
  context_impact: (i) => themeBlocks(i, 'context_impact'),
  risico_kansen: (i) => themeBlocks(i, 'risico_kansen'),
  persoonsniveau: (i) => personChapter(i),
  inzet: (i) => themeBlocks(i, 'inzet'),
  duiding: (i) => duidingBlocks(i),
  advies: (i) => themeBlocks(i, 'advies'),
  besluit_driehoek: (i) => driehoekBlocks(i.view),
  plan: (i) => withoutPart(planBlocks(i), i.view.plan ? PROPOSALS : ''),
  eigen_acties: (i, t) => ownActions(i, t.partnerId ?? ''),
  monitoring: (i) => withGoalChart(i, withoutRounds(monitoringBlocks(i))),
  evaluatie: (i) => evaluationBlocks(i),
  overige: (i) => otherBlocks(i),
};

/** The sections of the integraal beeld, in document order. */
export const OVERVIEW_SECTIONS = SECTIONS.filter((s) => s.id in BODIES);

/** Sections that are left out when empty instead of saying "nog geen bijdragen". */
const OPTIONAL = new Set(['overige', 'eigen_acties']);

function personChapter(idx: AnswerIndex): DocNode[] {
  const body = personBlocks(idx);
  if (body.length === 0) return body;
  return [
    plain(
      'Gepseudonimiseerd: per jongere staat alleen de code uit de namenlijst, met de bijdragen per partner.',
    ),
    ...body,
  ];
}

/** The monitoring chapter opens with the progress of every goal as one line chart. */
function withGoalChart(idx: AnswerIndex, body: DocNode[]): DocNode[] {
  const chart = goalChart(goalProgress(idx.view.plan, idx.view.answers, idx.view.timeZone));
  return chart && body.length > 0 ? [chart, ...body] : body;
}

/** The step-5 proposals under the plan: once a plan is adopted, the plan replaces them. */
const PROPOSALS = 'Bijdragen van partners';

/** Leaves out the level 2 part with this heading (up to the next heading of level 1 or 2). */
function withoutPart(nodes: readonly DocNode[], title: string): DocNode[] {
  const out: DocNode[] = [];
  let skipping = false;
  for (const n of nodes) {
    if (n.type === 'heading' && n.level <= 2) skipping = n.level === 2 && n.text === title;
    if (!skipping) out.push(n);
  }
  return out;
}

/**
 * Leaves out the per-round action tables (`Ronde N`): the plan chapter shows each action's latest
 * status and the summary the open and late ones; every round stays in the case spreadsheet.
 */
function withoutRounds(nodes: readonly DocNode[]): DocNode[] {
  const isRound = (n: DocNode) => n.type === 'heading' && n.level === 2 && /^Ronde \d+$/.test(n.text);
  const out: DocNode[] = [];
  let skipping = false;
  for (const n of nodes) {
    if (n.type === 'heading' && n.level <= 2) skipping = isRound(n);
    if (!skipping) out.push(n);
  }
  return out;
}

/** A partner's own part of the plan: the goals, and the actions it owns with their status. */
function ownActions(idx: AnswerIndex, partnerId: string): DocNode[] {
  const plan = idx.view.plan;
  if (!plan) return [];
  const sq = statusQuestion(idx.view.catalog);
  const status = latestPerSubject(sq ? (idx.byQuestion.get(sq.id) ?? []) : []);
  const own = plan.actions
    .filter((a) => a.owner === partnerId)
    .sort((a, b) => SPOREN.indexOf(a.spoor) - SPOREN.indexOf(b.spoor));
  const out: DocNode[] = [plain(`Plan van aanpak, vastgestelde versie ${plan.version}. De doelen:`)];
  out.push(
    plan.goals.length > 0
      ? {
          type: 'list',
          ordered: true,
          items: plan.goals.map((g) => [{ text: `${g.id} `, bold: true }, { text: g.text }]),
        }
      : plain('Er zijn nog geen doelen vastgelegd.'),
  );
  out.push(
    own.length > 0
      ? {
          type: 'table',
          header: ['Id', 'Actie', 'Spoor', 'Doel', 'Deadline', 'Laatste status'],
          rows: own.map((a) => {
            const s = status.get(a.id);
            return [
              a.id,
              a.text,
              SPOOR_LABELS[a.spoor],
              a.goalId,
              nlDate(a.deadline),
              s ? `${s.value} (ronde ${s.round})` : 'nog niet gemeld',
            ];
          }),
        }
      : plain(`${organisationOf(idx.view, partnerId)} heeft geen acties in het plan.`),
  );
  return out;
}

/** The full name of a partner (documents otherwise use short names). */
function fullName(view: CaseView, partnerId: string | undefined): string {
  return view.partners.find((p) => p.id === partnerId)?.organisation ?? String(partnerId);
}

function audienceLabel(view: CaseView, target: DocumentFor): string {
  if (target.audience === 'partner') return `Partner: ${fullName(view, target.partnerId)}`;
  return AUDIENCE_INFO[target.audience].label;
}

/**
 * The date of the newest fact the document shows (an answer or a decision), not the clock: a
 * case in which nothing happened gives the same document, which is then not written again.
 */
export function asOf(view: CaseView): string {
  let latest = view.openedOn;
  for (const a of view.history) {
    const d = isoDate(a.submittedAt, view.timeZone);
    if (d > latest) latest = d;
  }
  for (const d of view.state.decisions) if (d.date > latest) latest = d.date;
  return latest;
}

function openingBlock(view: CaseView, target: DocumentFor): DocNode[] {
  return [
    labelled('Casus', view.code),
    labelled('Gemeente', view.settings.gemeente),
    labelled('Voor', audienceLabel(view, target)),
    ...(partnerLegend(view) ? [labelled('Partners', partnerLegend(view))] : []),
    labelled('Stand van', dutchDate(asOf(view))),
    {
      type: 'paragraph',
      runs: [
        {
          text:
            `Vertrouwelijk. Deze versie is alleen voor ${AUDIENCE_INFO[target.audience].readers}; ` +
            'stuur haar niet door. Bij elke uitspraak staat de organisatie die haar heeft ingebracht. ' +
            (AUDIENCE_INFO[target.audience].personLevel
              ? 'Personen staan er alleen onder een code in, nooit met hun naam.'
              : 'Er staat geen informatie over personen in: alleen het groepsniveau.'),
          italic: true,
        },
      ],
    },
  ];
}

/** The title of each version; the restricted one keeps the plain name of the case's document. */
export function documentTitle(view: CaseView, target: DocumentFor): string {
  switch (target.audience) {
    case 'beperkt':
      return `Integraal beeld ${view.code}`;
    case 'driehoek':
      return `Integraal beeld ${view.code} — lokale driehoek`;
    case 'partner':
      return `Integraal beeld ${view.code} — ${fullName(view, target.partnerId)}`;
  }
}

/** The integraal beeld for one audience. */
export function buildDocument(fullView: CaseView, target: DocumentFor): DocTree {
  if (target.audience === 'partner' && !fullView.partners.some((p) => p.id === target.partnerId)) {
    throw new Error(`Onbekende partner voor een partnerversie: ${target.partnerId}`);
  }
  const view = AUDIENCE_INFO[target.audience].personLevel ? fullView : groupLevelView(fullView);
  const idx = indexAnswers(view);
  const nodes: DocNode[] = openingBlock(view, target);
  let tocPlaced = false;
  for (const section of OVERVIEW_SECTIONS) {
    if (!section.audiences.includes(target.audience)) continue;
    const body = BODIES[section.id]?.(idx, target) ?? [];
    if (body.length === 0 && OPTIONAL.has(section.id)) continue;
    if (section.id === 'overige') nodes.push({ type: 'pagebreak' });
    nodes.push(heading(1, section.title), ...(body.length > 0 ? body : [emptyChapter()]));
    if (section.id === 'samenvatting' && !tocPlaced) {
      // The summary fills the first page; the contents start the next one.
      nodes.push({ type: 'pagebreak' }, { type: 'toc' });
      tocPlaced = true;
    }
  }
  return {
    header: `Vertrouwelijk — ${audienceLabel(view, target)} — ${view.code}`,
    title: documentTitle(view, target),
    subtitle: `Gemeente ${view.settings.gemeente} — aanpak problematische jeugdgroepen (7-stappenmodel)`,
    nodes,
  };
}

/** The restricted integraal beeld (politie, OM and procesregisseur). */
export function buildOverview(view: CaseView): DocTree {
  return buildDocument(view, { audience: 'beperkt' });
}

/** Every section id is known to the audience table (fails at load, not in a document). */
for (const id of Object.keys(BODIES)) sectionById(id);
