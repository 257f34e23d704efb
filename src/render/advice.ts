/**
 * The advice to the lokale driehoek (end of step 3, input to step 4) as a DocTree: the
 * procesregisseur's probleemdefinitie and advice from the Advies tab, the duiding in brief from
 * the partners' scores, the concept plan per spoor and the capacity asked of each partner. At
 * most three A4 pages (render/pages). Group level only: built from the group-level view, and
 * codes in the coordinator's own text are replaced as well. Pure.
 */
import type { Advice } from '../model/adviceSheet';
import { AUDIENCE_INFO, sectionById } from '../model/audiences';
import { dutchDate, isoDate } from '../model/time';
import { SPOREN } from '../model/types';
import type { CaseView } from './caseView';
import type { DocNode, DocTree } from './docTree';
import { groupLevelView, personCodes, redactor } from './groupView';
import { indexAnswers } from './overview-answers';
import { agreements, dimensionMean, dimensionScores, disagreements, duidingChart } from './overview-duiding';
import { SPOOR_LABELS } from './overview-plan';
import { decimal, heading, labelled, plain } from './overview-text';

/** How many agreements and differences the brief duiding names. */
export const ADVICE_ITEMS = 3;

/** The advice is at most this many A4 pages (estimated by render/pages). */
export const ADVICE_MAX_PAGES = 3;

const h1 = (id: string): DocNode => heading(1, sectionById(id).title);

function paragraphs(text: string): DocNode[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map(plain);
}

export function adviceTitle(code: string): string {
  return `Advies aan de lokale driehoek ${code}`;
}

export function buildAdvice(fullView: CaseView, advice: Advice): DocTree {
  const redact = redactor(personCodes(fullView));
  const view = groupLevelView(fullView);
  const idx = indexAnswers(view);
  const dims = dimensionScores(idx);
  const nodes: DocNode[] = [
    labelled('Casus', view.code),
    labelled('Gemeente', view.settings.gemeente),
    labelled('Voor', AUDIENCE_INFO.driehoek.label),
    labelled('Datum', dutchDate(isoDate(view.now, view.timeZone))),
    {
      type: 'paragraph',
      runs: [
        {
          text:
            'Vertrouwelijk. Dit advies is alleen voor de lokale driehoek (burgemeester, politie en OM) en de ' +
            'procesregisseur; stuur het niet door. Het gaat over de groep, niet over personen.',
          italic: true,
        },
      ],
    },
    h1('advies_probleem'),
    ...paragraphs(redact(advice.probleemdefinitie)),
    h1('advies_duiding'),
  ];
  if (dims.length === 0) {
    nodes.push(plain('Er zijn nog geen duidingscores van de partners.'));
  } else {
    nodes.push({
      type: 'table',
      header: ['Dimensie', 'Gemiddelde score', 'Partners'],
      rows: dims.map((d) => {
        const m = dimensionMean(d);
        return [d.label, m === null ? 'onbekend' : `${decimal(m)} van ${d.max}`, String(d.partners.length)];
      }),
    });
    const agree = agreements(dims).slice(0, ADVICE_ITEMS);
    if (agree.length > 0) {
      nodes.push(plain('De partners zijn het eens over:'), {
        type: 'list',
        items: agree.map((a) => [
          { text: `${a.item} (${a.dimension}): `, bold: true },
          { text: `gemiddeld ${decimal(a.mean)}, ${a.partners} partners` },
        ]),
      });
    }
    const differ = disagreements(dims).slice(0, ADVICE_ITEMS);
    nodes.push(
      differ.length > 0
        ? plain('De partners verschillen over:')
        : plain('De partners verschillen nergens twee punten of meer.'),
    );
    if (differ.length > 0) {
      nodes.push({
        type: 'list',
        items: differ.map((d) => [
          { text: `${d.item} (${d.dimension}): `, bold: true },
          { text: `${d.high.organisation} ${d.high.score}, ${d.low.organisation} ${d.low.score}` },
        ]),
      });
    }
    const chart = duidingChart(dims);
    if (chart) nodes.push(chart);
  }
  nodes.push(
    h1('advies_prioriteit'),
    labelled('Advies', advice.prioriteit === 'prioriteren' ? 'Prioriteren' : 'Niet prioriteren'),
    ...paragraphs(redact(advice.onderbouwing)),
  );
  if (advice.besluiten) nodes.push(labelled('Gevraagde besluiten', redact(advice.besluiten)));
  nodes.push(h1('advies_plan'), {
    type: 'table',
    header: ['Spoor', 'Voorgestelde aanpak'],
    rows: SPOREN.filter((s) => advice.sporen[s]).map((s) => [
      SPOOR_LABELS[s],
      redact(advice.sporen[s] ?? ''),
    ]),
  });
  nodes.push(h1('advies_capaciteit'), {
    type: 'table',
    header: ['Partner', 'Gevraagde capaciteit'],
    rows: view.partners
      .filter((p) => advice.capaciteit[p.id])
      .map((p) => [p.organisation, redact(advice.capaciteit[p.id] ?? '')]),
  });
  return {
    header: `Vertrouwelijk — ${AUDIENCE_INFO.driehoek.label} — ${view.code}`,
    title: adviceTitle(view.code),
    subtitle: `Gemeente ${view.settings.gemeente} — einde stap 3, voor het besluit over prioriteit (stap 4)`,
    nodes,
  };
}

/** The mail to a driehoek member: the link only, never the content. */
export function adviceMail(code: string, gemeente: string, url: string): { subject: string; body: string } {
  return {
    subject: `Advies aan de lokale driehoek — casus ${code}`,
    body:
      `Geachte leden van de lokale driehoek,\n\n` +
      `Het advies over casus ${code} (gemeente ${gemeente}) staat klaar voor uw besluit over prioriteit. ` +
      `U opent het met uw eigen account via deze link:\n${url}\n\n` +
      'Het document is vertrouwelijk en alleen met de driehoek en de procesregisseur gedeeld. ' +
      'De inhoud staat bewust niet in deze mail; stuur de link niet door.\n\n' +
      'Met vriendelijke groet,\nde procesregisseur groepsaanpak',
  };
}
