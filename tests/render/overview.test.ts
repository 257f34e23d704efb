import { describe, expect, it } from 'vitest';
import { stepLabel, stepName } from '../../src/model/steps';
import type { DocNode, DocTree, Run } from '../../src/render/docTree';
import { buildOverview, OVERVIEW_SECTIONS } from '../../src/render/overview';
import { PACKED_ITEM } from '../../src/render/overview-answers';
import { isLargeDifference, scoreOf } from '../../src/render/overview-duiding';
import { progressBar } from '../../src/render/overview-progress';
import { estimateLength } from '../../src/render/pages';
import { fixtureView, LONG_ANSWER, PARTNERS } from './overview.fixture';

const EXPECTED_CHAPTERS = [
  'Samenvatting',
  'Stappen en besluiten',
  'Aanleiding en signalen',
  'Groepsbeschrijving',
  'Aard, ernst en ontwikkeling',
  'Groepsdynamiek en rollen',
  'Online',
  'Context en impact',
  "Risico's en kansen",
  'Persoonsniveau',
  'Lopende inzet',
  'Duiding',
  'Probleemdefinitie en advies',
  'Besluit driehoek',
  'Plan van aanpak',
  'Monitoring',
  'Evaluatie en overdracht',
];
const APPENDIX_TITLE = 'Overige bijdragen';

/** The nodes between a level-1 heading and the next one. */
function chapter(tree: DocTree, title: string): DocNode[] {
  const start = tree.nodes.findIndex((n) => n.type === 'heading' && n.level === 1 && n.text === title);
  expect(start, `hoofdstuk ${title}`).toBeGreaterThanOrEqual(0);
  const rest = tree.nodes.slice(start + 1);
  const end = rest.findIndex((n) => n.type === 'heading' && n.level === 1);
  return end < 0 ? rest : rest.slice(0, end);
}

const paragraphs = (nodes: DocNode[]): Run[][] =>
  nodes.flatMap((n) => (n.type === 'paragraph' ? [n.runs] : []));
const tables = (nodes: DocNode[]) => nodes.flatMap((n) => (n.type === 'table' ? [n] : []));
const text = (runs: Run[]) => runs.map((r) => r.text).join('');

function allText(tree: DocTree): string {
  const parts = [tree.header, tree.title, tree.subtitle ?? ''];
  for (const n of tree.nodes) {
    if (n.type === 'heading') parts.push(n.text);
    if (n.type === 'paragraph') parts.push(text(n.runs));
    if (n.type === 'list') parts.push(...n.items.map(text));
    if (n.type === 'table') parts.push(...n.header, ...n.rows.flat());
  }
  return parts.join('\n');
}

function keysOf(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) keysOf(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.add(k);
      keysOf(v, out);
    }
  }
  return out;
}

describe('buildOverview', () => {
  const tree = buildOverview(fixtureView());

  it('has header, title, a summary, contents and every chapter in order, then the appendix', () => {
    expect(tree.header).toBe('Vertrouwelijk — Beperkt: politie, OM en procesregisseur — JGA-2026-001');
    expect(tree.title).toBe('Integraal beeld JGA-2026-001');
    const h1 = tree.nodes.flatMap((n) => (n.type === 'heading' && n.level === 1 ? [n.text] : []));
    expect(h1).toEqual([...EXPECTED_CHAPTERS, APPENDIX_TITLE]);
    expect(OVERVIEW_SECTIONS.map((c) => c.title)).toEqual(expect.arrayContaining(EXPECTED_CHAPTERS));
    // The summary is first; the contents follow it on a page of their own.
    const toc = tree.nodes.findIndex((n) => n.type === 'toc');
    const summary = tree.nodes.findIndex((n) => n.type === 'heading' && n.text === 'Samenvatting');
    expect(summary).toBeGreaterThan(0);
    expect(toc).toBeGreaterThan(summary);
    expect(tree.nodes[toc - 1]?.type).toBe('pagebreak');
  });

  it('opens with case facts, the audience and the partners behind the short names', () => {
    const opening = tree.nodes.slice(
      0,
      tree.nodes.findIndex((n) => n.type === 'heading' && n.level === 1),
    );
    const lines = paragraphs(opening).map(text);
    expect(lines).toContain('Casus: JGA-2026-001');
    expect(lines).toContain('Gemeente: Voorbeeld');
    expect(lines).toContain('Voor: Beperkt: politie, OM en procesregisseur');
    expect(lines).toContain('Stand van: maandag 2 maart 2026');
    expect(lines.find((l) => l.startsWith('Partners:'))).toContain('Politie = Politie Basisteam Noord');
    expect(lines.some((l) => l.startsWith('Vertrouwelijk.'))).toBe(true);
    const [timeline] = tables(chapter(tree, 'Stappen en besluiten'));
    expect(timeline?.header).toEqual(['Datum', 'Stap', 'Besluit', 'Besloten door']);
    expect(timeline?.rows.map((r) => r[0])).toEqual(['05-01-2026', '20-01-2026', '02-03-2026']);
    expect(timeline?.rows[2]?.[2]).toBe('Geprioriteerd');
  });

  it('summarises status, decisions, key scores, the largest difference and late actions on one page', () => {
    const body = chapter(tree, 'Samenvatting');
    const lines = paragraphs(body).map(text);
    expect(lines.find((l) => l.startsWith('Huidige stap:'))).toBe(`Huidige stap: ${stepLabel('7', '2023')}`);
    expect(lines).toContain('Status: open');
    expect(lines.find((l) => l.startsWith('Besluiten:'))).toContain('2; laatste op 02-03-2026');
    const [scores] = tables(body);
    expect(scores?.rows).toEqual([['Aard en ernst van het groepsgedrag', '1,6 van 3', '2']]);
    const lists = body.flatMap((n) => (n.type === 'list' ? [n.items.map(text)] : []));
    expect(lists[0]).toEqual([
      'Overlast openbare ruimte (Aard en ernst van het groepsgedrag): Politie 3, Jongerenwerk 1',
    ]);
    // A3 is past its deadline (15-05) and still running; A1 is done; A2 (01-06) is late too.
    expect(lines).toContain('Acties: 3 in het plan, 2 open, 2 over de deadline');
    expect(lists[1]?.[0]).toMatch(/^A2 Verlichting plein — Gemeente, deadline 01-06-2026, loopt$/);
    const page = body.slice(
      0,
      body.findIndex((n) => n.type === 'pagebreak'),
    );
    expect(estimateLength({ header: '', title: '', nodes: [...page] }).pages).toBe(1);
  });

  it('dates the document by its newest fact, so an unchanged case gives the same tree', () => {
    const later = fixtureView();
    later.now += 7 * 24 * 3600_000;
    expect(buildOverview(later)).toEqual(tree);
    const answered = fixtureView();
    answered.history = [
      ...answered.history,
      { ...answered.history[0]!, submittedAt: Date.UTC(2026, 5, 1, 10) },
    ];
    const lines = paragraphs(buildOverview(answered).nodes).map(text);
    expect(lines).toContain('Stand van: maandag 1 juni 2026');
  });

  it('uses the 2016 step names when the gemeente chose them', () => {
    const view = fixtureView();
    view.settings = { ...view.settings, naming: '2016' };
    view.state = { ...view.state, step: '3' };
    const line = paragraphs(buildOverview(view).nodes)
      .map(text)
      .find((l) => l.startsWith('Huidige stap:'));
    expect(line).toBe(`Huidige stap: Stap 3: ${stepName('3', '2016')}`);
    expect(stepName('3', '2016')).not.toBe(stepName('3', '2023'));
  });

  it('puts questions under their theme as bold lead-ins, never as headings, each answer with its partner', () => {
    const body = chapter(tree, 'Aanleiding en signalen');
    expect(body.some((n) => n.type === 'heading')).toBe(false);
    const [para] = paragraphs(body);
    expect(para?.[0]).toEqual({ text: 'Wat is er gesignaleerd? ', bold: true });
    // Template tokens and formula-like text stay literal; blank answers are left out.
    expect(text(para ?? [])).toBe(
      'Wat is er gesignaleerd? Melding over {{naam}} bij het winkelcentrum. (Politie); ' +
        '=IMPORTXML("https://voorbeeld.example","//a") (Jongerenwerk)',
    );
    const headings = tree.nodes.flatMap((n) => (n.type === 'heading' ? [n.text] : []));
    for (const q of fixtureView().catalog.filter((x) => !x.duiding)) expect(headings).not.toContain(q.title);
  });

  it('shows the latest round only, marks edits and shortens long answers', () => {
    const paras = paragraphs(chapter(tree, 'Groepsbeschrijving'));
    expect(paras.map((p) => p[0]?.text)).toEqual([
      'Omvang en samenstelling van de groep',
      'Politie: ',
      'Jongerenwerk: ',
    ]);
    expect(paras[1]?.at(-1)).toEqual({ text: ' (gewijzigd)', italic: true });
    const long = paras[2]!;
    expect(long[1]!.text.length).toBeLessThan(LONG_ANSWER.length);
    expect(long[2]).toEqual({ text: ' (ingekort; volledige tekst in de casusspreadsheet)', italic: true });
    expect(allText(tree)).not.toContain('Ongeveer tien jongens');
  });

  it('shows a duplicate submission once: the latest, with its partner marked gewijzigd', () => {
    const v = fixtureView();
    const boa = v.answers.find((a) => a.questionId === '2A.online')!;
    v.answers.push(
      {
        ...boa,
        partnerId: 'politie',
        responseId: 'r-dup-1',
        value: 'Eerste versie.',
        submittedAt: boa.submittedAt + 1,
      },
      {
        ...boa,
        partnerId: 'politie',
        responseId: 'r-dup-2',
        value: 'Tweede versie.',
        submittedAt: boa.submittedAt + 2,
      },
    );
    const online = chapter(buildOverview(v), 'Online');
    const all = paragraphs(online).map(text).join('\n');
    expect(all).not.toContain('Eerste versie.');
    expect(all.match(/Tweede versie\./g)).toHaveLength(1);
    expect(all).toContain('Politie [gewijzigd]');
    // The partner that submitted once is not marked.
    expect(all).not.toContain('Handhaving [gewijzigd]');
  });

  it('groups short answers that agree, and checkbox answers by option', () => {
    const view = fixtureView();
    view.answers.push({
      ...view.answers[0]!,
      partnerId: 'boa',
      responseId: 'b',
      value: 'Melding over {{naam}} bij het winkelcentrum.',
    });
    const [para] = paragraphs(chapter(buildOverview(view), 'Aanleiding en signalen'));
    expect(text(para ?? [])).toContain('Melding over {{naam}} bij het winkelcentrum. (Politie, Handhaving)');
  });

  it('says so when a chapter has no contributions yet', () => {
    for (const title of ['Groepsdynamiek en rollen', 'Context en impact', 'Lopende inzet']) {
      expect(chapter(tree, title)).toEqual([
        { type: 'paragraph', runs: [{ text: 'Nog geen bijdragen.', italic: true }] },
      ]);
    }
  });

  it('shows duiding scores side by side as digits, charts them and flags a large difference', () => {
    const body = chapter(tree, 'Duiding');
    const [grid] = tables(body);
    expect(grid?.header).toEqual(['Item', 'Politie', 'Jongerenwerk']);
    expect(grid?.rows).toEqual([
      ['Overlast openbare ruimte (!)', '3', '1'],
      ['Vernieling', '1', '1'],
      ['Intimidatie', '?', '2'],
    ]);
    expect(grid?.shading?.[0]?.[0]).toMatch(/^#/);
    expect(grid?.shading?.[1]?.[0]).toBeNull();
    const chart = body.find((n) => n.type === 'chart');
    expect(chart?.type === 'chart' && chart.chart).toMatchObject({
      kind: 'bar',
      categories: ['Aard en ernst van het groepsgedrag'],
      series: [
        { name: 'Politie', values: [2] },
        { name: 'Jongerenwerk', values: [1.3] },
      ],
      min: 0,
      max: 3,
    });
    expect(paragraphs(body).map(text).join('\n')).toContain('Scores: 0 = niet, 1 = beperkt');
    // The explanation of the duiding is attributed like any other answer.
    expect(paragraphs(body).map(text)).toContain(
      'Vraag 3.duidingToelichting Wij zien vooral verveling. (Jongerenwerk)'.replace(
        'Vraag 3.duidingToelichting',
        'Toelichting op de scores',
      ),
    );
  });

  it('scores duiding labels by their leading digit and ignores unknowns', () => {
    expect(scoreOf('2 duidelijk')).toBe(2);
    expect(scoreOf('? onbekend')).toBeNull();
    expect(isLargeDifference(['0 niet', '2 duidelijk'])).toBe(true);
    expect(isLargeDifference(['1 beperkt', '2 duidelijk', '? onbekend'])).toBe(false);
    expect(isLargeDifference(['3 ernstig', ''])).toBe(false);
  });

  it('shows person contributions per pseudonym code only', () => {
    const body = chapter(tree, 'Persoonsniveau');
    expect(body).toContainEqual({ type: 'heading', level: 2, text: 'J-01' });
    const items = body.flatMap((n) => (n.type === 'list' ? n.items.map(text) : []));
    // Short facts of a code share one paragraph; longer ones are list lines.
    expect(paragraphs(body).map(text)).toContain(
      'Typering van de jongere: kern (Politie); meeloper (Jongerenwerk) · Acties in het plan van aanpak: A3 Toeleiding naar lokaal team',
    );
    expect(items).toEqual([]);
    // No personal fields anywhere: no name keys, no contact names or mail addresses.
    const keys = keysOf(tree.nodes.filter((n) => n.type !== 'chart'));
    expect([...keys].some((k) => /name|naam/i.test(k))).toBe(false);
    const all = allText(tree);
    for (const p of PARTNERS) {
      expect(all).not.toContain(p.contactName);
      expect(all).not.toContain(p.email);
    }
  });

  it('keeps a person statement longer than PACKED_ITEM characters as a list line of its own', () => {
    const v = fixtureView();
    const typering = v.catalog.find((x) => x.id === '3.typering')!;
    v.catalog = [
      ...v.catalog,
      {
        ...typering,
        id: '3.voorstel',
        type: 'paragraph',
        choices: undefined,
        title: 'Voorgestelde interventie',
      },
      { ...typering, id: '3.school', type: 'paragraph', choices: undefined, title: 'School' },
    ];
    const base = v.answers.find((a) => a.questionId === '3.typering' && a.partnerId === 'politie')!;
    const add = (questionId: string, value: string) =>
      v.answers.push({ ...base, questionId, responseId: `r-${questionId}`, value });
    // `School: X (Politie)` is 18 characters plus the answer: exactly PACKED_ITEM stays packed.
    const atLimit = 'k'.repeat(PACKED_ITEM - 'School:  (Politie)'.length);
    const long = 'Begeleiding door het lokale team met een vaste mentor en afspraken over school.';
    add('3.school', atLimit);
    add('3.voorstel', long);
    const body = chapter(buildOverview(v), 'Persoonsniveau');
    const packed = paragraphs(body).map(text);
    expect(packed).toContain(
      `Typering van de jongere: kern (Politie); meeloper (Jongerenwerk) · School: ${atLimit} (Politie) · Acties in het plan van aanpak: A3 Toeleiding naar lokaal team`,
    );
    const items = body.flatMap((n) => (n.type === 'list' ? n.items.map(text) : []));
    expect(items).toHaveLength(1);
    expect(items[0]).toMatch(/^Voorgestelde interventie: /);
    expect(items[0]).toContain(long);
    expect(items[0]!.length).toBeGreaterThan(PACKED_ITEM);
    // Nothing is lost or doubled: the long statement is in no paragraph.
    expect(packed.join('\n')).not.toContain(long);
  });

  it('records the driehoek decision with date, decider, outcome, motivation and directions', () => {
    const [decision] = tables(chapter(tree, 'Besluit driehoek'));
    expect(decision?.rows).toEqual([
      ['Datum', '02-03-2026'],
      ['Besloten door', 'lokale driehoek'],
      ['Besluit', 'Geprioriteerd'],
      ['Motivering', 'Aanhoudende overlast en signalen van intimidatie.'],
      ['Aanwijzingen', 'Extra toezicht op vrijdagavond.'],
    ]);
  });

  it('lists goals and one action table per spoor with owner and latest status', () => {
    const body = chapter(tree, 'Plan van aanpak');
    const [goals, groep, persoon] = tables(body);
    expect(goals?.rows.map((r) => `${r[0]} ${r[1]}`)).toEqual([
      'D1 Overlast bij het winkelcentrum neemt af.',
      'D2 Kernleden zijn in beeld bij hulpverlening.',
    ]);
    const h3 = body.flatMap((n) => (n.type === 'heading' && n.level === 3 ? [n.text] : []));
    expect(h3).toEqual(['Groepsgericht', 'Persoonsgericht', 'Domein- en locatiegericht']);
    expect(groep?.header).toEqual([
      'Id',
      'Actie',
      'Eigenaar',
      'Start',
      'Frequentie',
      'Deadline',
      'Doel',
      'Laatste status',
    ]);
    expect(groep?.rows).toEqual([
      [
        'A1',
        'Groepsgesprekken',
        'Jongerenwerk',
        '05-01-2026',
        'wekelijks',
        '01-05-2026',
        'D1',
        'Afgerond (ronde 2)',
      ],
    ]);
    expect(persoon?.rows[0]?.[1]).toBe('Toeleiding naar lokaal team (betreft J-01)');
  });

  it('charts monitoring progress per round and averages the overlast scale', () => {
    const body = chapter(tree, 'Monitoring');
    const [goals, chart, averages, round2, round1] = tables(body);
    expect(goals?.header[0]).toBe('Doel');
    // No per-round action tables: the plan shows the latest status, the spreadsheet every round.
    expect(round1).toBeUndefined();
    expect(round2).toBeUndefined();
    expect(body).not.toContainEqual({ type: 'heading', level: 2, text: 'Ronde 2' });
    expect(chart?.header).toEqual([
      'Ronde',
      'Niet gestart',
      'Loopt',
      'Afgerond',
      'Vertraagd',
      'Gestopt',
      'Niet gemeld',
      'Afgerond of lopend',
    ]);
    expect(chart?.rows[0]?.slice(0, 7)).toEqual(['Ronde 1', '1', '1', '0', '0', '0', '1']);
    expect(chart?.rows[1]?.slice(0, 7)).toEqual(['Ronde 2', '0', '2', '1', '0', '0', '0']);
    expect(chart?.rows[0]?.[7]).toBe(progressBar(1 / 3));
    expect(chart?.rows[1]?.[7]).toBe(`${'█'.repeat(20)} 100%`);
    expect(averages?.rows).toEqual([
      ['Ronde 1', '3,5 (n=2)'],
      ['Ronde 2', '2,0 (n=1)'],
    ]);
  });

  it('opens the monitoring with one line chart of every measured goal against nulmeting and streefwaarde', () => {
    const view = fixtureView();
    const base = view.answers.find((a) => a.step === '6')!;
    view.answers.push(
      { ...base, questionId: '6.doel.waarde', subject: 'D1', round: 1, value: '8', responseId: 'w1' },
      { ...base, questionId: '6.doel.waarde', subject: 'D1', round: 2, value: '5', responseId: 'w2' },
    );
    const body = chapter(buildOverview(view), 'Monitoring');
    expect(body[0]?.type).toBe('chart');
    if (body[0]?.type !== 'chart') return;
    expect(body[0].chart.kind).toBe('line');
    expect(body[0].chart.categories).toEqual(['Nulmeting', 'Ronde 1', 'Ronde 2']);
    expect(body[0].chart.series).toEqual([{ name: 'D1', values: [0, 40, 100] }]);
    // Without measurements there is nothing to draw.
    expect(chapter(tree, 'Monitoring').some((n) => n.type === 'chart')).toBe(false);
  });

  it('draws bars proportional to the share of running or finished actions', () => {
    expect(progressBar(0)).toBe(`${'░'.repeat(20)} 0%`);
    expect(progressBar(0.5)).toBe(`${'█'.repeat(10)}${'░'.repeat(10)} 50%`);
  });

  it('gives every partner verdict per goal with its reasoning, then remaining concerns', () => {
    const body = chapter(tree, 'Evaluatie en overdracht');
    const [verdicts] = tables(body);
    expect(verdicts?.header).toEqual(['Doel', 'Politie', 'Jongerenwerk']);
    expect(verdicts?.rows).toEqual([
      ['D1', 'ja', 'deels'],
      ['D2', '—', '—'],
    ]);
    const lines = paragraphs(body).map(text);
    expect(lines).toContain('Politie: ja — Geen meldingen meer sinds maart.');
    expect(lines).toContain('Jongerenwerk: deels');
    expect(lines).toContain(
      'Welke zorgen blijven er? Eén jongere heeft nog begeleiding nodig. (Jongerenwerk)',
    );
  });

  it('weighs step 7 against the afschaalcriteria: every partner per criterion, and which are met', () => {
    const v = fixtureView();
    v.plan = {
      ...v.plan!,
      criteria: [
        { id: 'C1', text: 'Twee rondes op rij onder de streefwaarde' },
        { id: 'C2', text: 'Zorg overgedragen' },
      ],
    };
    v.catalog = [
      ...v.catalog,
      {
        id: '7.afschaalcriterium',
        step: '7',
        kinds: 'all',
        level: 'groep',
        theme: 'evaluatie',
        type: 'choice',
        repeat: 'per_criterion',
        title: 'Is aan het afschaalcriterium voldaan?',
        choices: ['Ja', 'Deels', 'Nee', 'Kan ik niet beoordelen'],
        source: 'I',
      },
    ];
    const base = v.answers.find((a) => a.questionId === '7.doel' && a.partnerId === 'politie')!;
    const verdict = (partnerId: string, subject: string, value: string) =>
      v.answers.push({
        ...base,
        partnerId,
        responseId: `r-7-${partnerId}`,
        questionId: '7.afschaalcriterium',
        subject,
        value,
      });
    verdict('politie', 'C1', 'Ja');
    verdict('politie', 'C2', 'Kan ik niet beoordelen');
    verdict('jw', 'C1', 'Kan ik niet beoordelen');
    verdict('jw', 'C2', 'Deels');
    const body = chapter(buildOverview(v), 'Evaluatie en overdracht');
    const start = body.findIndex(
      (n) => n.type === 'heading' && n.text === 'Afschaalcriteria: is eraan voldaan?',
    );
    expect(start).toBeGreaterThan(0);
    const [criteria] = tables(body.slice(start));
    expect(criteria?.header).toEqual(['Criterium', 'Politie', 'Jongerenwerk']);
    expect(criteria?.rows).toEqual([
      ['C1 Twee rondes op rij onder de streefwaarde', 'Ja', 'Kan ik niet beoordelen'],
      ['C2 Zorg overgedragen', 'Kan ik niet beoordelen', 'Deels'],
    ]);
    // Met only where someone says "Ja" and nobody "Deels" or "Nee"; not judging does not count.
    expect(paragraphs(body).map(text)).toContain(
      'Volgens elke partner die een oordeel gaf voldaan: C1 (van 2 criteria).',
    );
    // Not repeated as a plain question under the theme.
    expect(
      allText({ ...buildOverview(v), nodes: body }).match(/Is aan het afschaalcriterium voldaan/g),
    ).toBeNull();
    verdict('jw', 'C2', 'Ja');
    v.answers = v.answers.filter((a) => !(a.partnerId === 'jw' && a.subject === 'C2' && a.value === 'Deels'));
    expect(paragraphs(chapter(buildOverview(v), 'Evaluatie en overdracht')).map(text)).toContain(
      'Volgens elke partner die een oordeel gaf, is aan alle afschaalcriteria voldaan.',
    );
  });

  it('collects answers to unknown questions in the appendix', () => {
    const lines = paragraphs(chapter(tree, APPENDIX_TITLE)).map(text);
    expect(lines).toContain('Gemeente (ronde 1): Antwoord op een vervallen vraag.');
  });

  it('renders an empty case with every chapter saying there is nothing yet', () => {
    const view = fixtureView();
    view.answers = [];
    view.plan = null;
    view.state = { ...view.state, step: '1', rounds: { '1': 1 }, decisions: [] };
    const empty = buildOverview(view);
    for (const title of EXPECTED_CHAPTERS.slice(2)) {
      expect(chapter(empty, title)).toEqual([
        { type: 'paragraph', runs: [{ text: 'Nog geen bijdragen.', italic: true }] },
      ]);
    }
    expect(allText(empty)).not.toContain(APPENDIX_TITLE);
  });
});
