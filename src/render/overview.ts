/**
 * The integral overview (integraal beeld) of one case as a DocTree: organised by theme, not by
 * partner, with every statement attributed to the organisation that made it. Person-level
 * information appears only under pseudonym codes. Pure: the time comes from `view.now`.
 */
import { dutchDate, isoDate, isoDateTime } from '../model/time';
import type { CaseView } from './caseView';
import type { DocNode, DocTree } from './docTree';
import { type AnswerIndex, indexAnswers, otherBlocks, personBlocks, themeBlocks } from './overview-answers';
import { duidingBlocks } from './overview-duiding';
import { driehoekBlocks, planBlocks, timelineTable } from './overview-plan';
import { evaluationBlocks, monitoringBlocks } from './overview-progress';
import { emptyChapter, heading, labelled, plain, routeLabel, stepTitle } from './overview-text';

interface Chapter {
  title: string;
  body: (idx: AnswerIndex) => DocNode[];
}

/** The chapters in document order (shared/domain §4.3–4.6). */
export const CHAPTERS: readonly Chapter[] = [
  { title: 'Aanleiding en signalen', body: (i) => themeBlocks(i, 'aanleiding') },
  { title: 'Groepsbeschrijving', body: (i) => themeBlocks(i, 'groepsbeschrijving') },
  { title: 'Aard, ernst en ontwikkeling', body: (i) => themeBlocks(i, 'aard_ernst') },
  { title: 'Groepsdynamiek en rollen', body: (i) => themeBlocks(i, 'dynamiek') },
  { title: 'Online', body: (i) => themeBlocks(i, 'online') },
  { title: 'Context en impact', body: (i) => themeBlocks(i, 'context_impact') },
  { title: "Risico's en kansen", body: (i) => themeBlocks(i, 'risico_kansen') },
  { title: 'Persoonsniveau', body: personChapter },
  { title: 'Lopende inzet', body: (i) => themeBlocks(i, 'inzet') },
  { title: 'Duiding', body: duidingBlocks },
  { title: 'Probleemdefinitie en advies', body: (i) => themeBlocks(i, 'advies') },
  { title: 'Besluit driehoek', body: (i) => driehoekBlocks(i.view) },
  { title: 'Plan van aanpak', body: planBlocks },
  { title: 'Monitoring', body: monitoringBlocks },
  { title: 'Evaluatie en overdracht', body: evaluationBlocks },
];

export const APPENDIX_TITLE = 'Overige bijdragen';

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

function openingBlock(view: CaseView): DocNode[] {
  const { state, settings } = view;
  const status =
    state.status === 'open'
      ? 'open'
      : state.closedRoutes?.length
        ? `gesloten (vervolg: ${routeLabel(state.closedRoutes)})`
        : 'gesloten';
  const stamp = isoDateTime(view.now, view.timeZone);
  return [
    labelled('Casus', view.code),
    labelled('Gemeente', settings.gemeente),
    labelled(
      'Huidige stap',
      stepTitle(state.step, settings.naming) + (state.round > 1 ? ` (ronde ${state.round})` : ''),
    ),
    labelled('Status', status),
    labelled('Versie van', `${dutchDate(isoDate(view.now, view.timeZone))}, ${stamp.slice(11)} uur`),
    {
      type: 'paragraph',
      runs: [
        {
          text:
            'Bij elke uitspraak staat de organisatie die haar heeft ingebracht. Personen staan er alleen ' +
            'onder een code in, nooit met hun naam. Dit document is vertrouwelijk: deel het uitsluitend ' +
            'met de partners van het convenant.',
          italic: true,
        },
      ],
    },
    heading(2, 'Stappen en besluiten'),
    timelineTable(view),
  ];
}

export function buildOverview(view: CaseView): DocTree {
  const idx = indexAnswers(view);
  const nodes: DocNode[] = openingBlock(view);
  for (const chapter of CHAPTERS) {
    const body = chapter.body(idx);
    nodes.push(heading(1, chapter.title), ...(body.length > 0 ? body : [emptyChapter()]));
  }
  const other = otherBlocks(idx);
  if (other.length > 0) {
    nodes.push(
      { type: 'pagebreak' },
      heading(1, APPENDIX_TITLE),
      plain('Antwoorden op vragen die niet (meer) in de vragenlijst van deze gemeente staan.'),
      ...other,
    );
  }
  return {
    header: `Vertrouwelijk — ${view.code}`,
    title: `Integraal beeld ${view.code}`,
    subtitle: `Gemeente ${view.settings.gemeente} — aanpak problematische jeugdgroepen (7-stappenmodel)`,
    nodes,
  };
}
