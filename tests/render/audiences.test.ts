import { describe, expect, it } from 'vitest';
import {
  AUDIENCE_INFO,
  AUDIENCES,
  type Audience,
  readersOf,
  SECTIONS,
  sectionByTitle,
} from '../../src/model/audiences';
import type { Partner } from '../../src/model/types';
import type { CaseView } from '../../src/render/caseView';
import type { DocTree } from '../../src/render/docTree';
import { CODE_REDACTED, groupLevelView } from '../../src/render/groupView';
import { buildDocument, type DocumentFor, OVERVIEW_SECTIONS } from '../../src/render/overview';
import { fixtureView } from './overview.fixture';

const OM: Partner = {
  id: 'om',
  organisation: 'Openbaar Ministerie Oost',
  kind: 'om',
  contactName: 'Contact om',
  email: 'om@partner.example',
  steps: ['3', '4'],
  levels: ['groep', 'persoon'],
  active: true,
};

/** The fixture with an OM partner, and codes written where only free text should be. */
function view(): CaseView {
  const v = fixtureView();
  v.partners = [...v.partners, OM];
  const signal = v.answers.find((a) => a.questionId === '1.signaal')!;
  v.answers.push({ ...signal, partnerId: 'boa', responseId: 'r-boa', value: 'J-01 en J-02 zijn de kern.' });
  v.state.decisions[1] = { ...v.state.decisions[1]!, motivation: 'Vooral J-02 baart zorgen.' };
  return v;
}

function text(tree: DocTree): string {
  const parts = [tree.header, tree.title, tree.subtitle ?? ''];
  for (const n of tree.nodes) {
    if (n.type === 'heading') parts.push(n.text);
    if (n.type === 'paragraph') parts.push(n.runs.map((r) => r.text).join(''));
    if (n.type === 'list') parts.push(...n.items.map((i) => i.map((r) => r.text).join('')));
    if (n.type === 'table') parts.push(...n.header, ...n.rows.flat());
    if (n.type === 'chart') parts.push(n.chart.title, n.chart.alt, ...n.chart.categories);
  }
  return parts.join('\n');
}

function every(v: CaseView): { target: DocumentFor; tree: DocTree }[] {
  const targets: DocumentFor[] = [
    { audience: 'beperkt' },
    { audience: 'driehoek' },
    ...v.partners.map((p) => ({ audience: 'partner' as const, partnerId: p.id })),
  ];
  return targets.map((target) => ({ target, tree: buildDocument(v, target) }));
}

describe('documenten per doelgroep', () => {
  it('heeft elke sectie van elk document volgens de tabel in model/audiences', () => {
    for (const { target, tree } of every(view())) {
      const h1 = tree.nodes.flatMap((n) => (n.type === 'heading' && n.level === 1 ? [n.text] : []));
      expect(h1.length).toBeGreaterThan(3);
      for (const title of h1) {
        const section = sectionByTitle(title);
        expect(section, `${target.audience}: sectie "${title}" staat niet in de tabel`).toBeDefined();
        expect(section?.audiences, `${target.audience}: ${title}`).toContain(target.audience);
      }
    }
  });

  it('geeft elke doelgroep elke sectie die de tabel haar toekent, in de volgorde van de tabel', () => {
    const v = view();
    for (const { target, tree } of every(v)) {
      const h1 = tree.nodes.flatMap((n) => (n.type === 'heading' && n.level === 1 ? [n.text] : []));
      // The appendix of unknown questions is there only when there are such answers; a partner's
      // own actions only when it owns one (the fixture's boa owns none).
      const optional = (id: string) =>
        id === 'overige' || (id === 'eigen_acties' && target.partnerId === 'boa');
      const expected = OVERVIEW_SECTIONS.filter((s) => s.audiences.includes(target.audience))
        .filter((s) => !optional(s.id) || h1.includes(s.title))
        .map((s) => s.title);
      expect(h1, `${target.audience} ${target.partnerId ?? ''}`).toEqual(expected);
    }
    // The sections of the advice document are the driehoek's alone.
    for (const s of SECTIONS.filter((x) => x.id.startsWith('advies_')))
      expect(s.audiences).toEqual(['driehoek']);
  });

  it('zet persoonsniveau alleen in documenten waarvan de lezers dat mogen zien', () => {
    for (const s of SECTIONS) {
      if (s.level !== 'persoon') continue;
      for (const a of s.audiences) expect(AUDIENCE_INFO[a].personLevel, `${s.id} → ${a}`).toBe(true);
    }
    const trees = every(view());
    const restricted = trees.find((t) => t.target.audience === 'beperkt')!.tree;
    expect(text(restricted)).toContain('J-01');
    for (const { target, tree } of trees) {
      if (target.audience === 'beperkt') continue;
      const all = text(tree);
      // No code at all, not even one a partner typed into a group-level answer or a motivation.
      expect(all, `${target.audience} ${target.partnerId ?? ''}`).not.toMatch(/J-0\d/);
      expect(all).not.toContain('Persoonsniveau');
    }
    const driehoek = trees.find((t) => t.target.audience === 'driehoek')!.tree;
    expect(text(driehoek)).toContain(`Vooral ${CODE_REDACTED} baart zorgen.`);
  });

  it('noemt in de kop op elke pagina de doelgroep en "Vertrouwelijk"', () => {
    for (const { target, tree } of every(view())) {
      expect(tree.header).toMatch(/^Vertrouwelijk — /);
      if (target.audience === 'partner') {
        const org = view().partners.find((p) => p.id === target.partnerId)!.organisation;
        expect(tree.header).toContain(`Partner: ${org}`);
      } else {
        expect(tree.header).toContain(AUDIENCE_INFO[target.audience].label);
      }
    }
  });

  it('geeft een partner het groepsniveau en alleen de eigen acties', () => {
    const v = view();
    const tree = buildDocument(v, { audience: 'partner', partnerId: 'jw' });
    const own = tree.nodes.find((n) => n.type === 'table' && n.header[1] === 'Actie');
    expect(own?.type === 'table' && own.rows.map((r) => r[0])).toEqual(['A1']);
    expect(text(tree)).not.toContain('Verlichting plein');
    // The politie version lists its person-spoor action without the code.
    const politie = buildDocument(v, { audience: 'partner', partnerId: 'politie' });
    const rows = politie.nodes.flatMap((n) => (n.type === 'table' && n.header[1] === 'Actie' ? n.rows : []));
    expect(rows).toEqual([
      [
        'A3',
        'Toeleiding naar lokaal team (persoonsgericht)',
        'Persoonsgericht',
        'D2',
        '15-05-2026',
        'Loopt (ronde 2)',
      ],
    ]);
  });

  it('laat de groepsversie geen antwoord op een persoonsvraag en geen code meer houden', () => {
    const g = groupLevelView(view());
    expect(g.persons).toEqual([]);
    expect(g.answers.some((a) => a.questionId === '3.typering')).toBe(false);
    expect(g.plan?.actions.some((a) => a.subject !== undefined)).toBe(false);
    expect(JSON.stringify(g)).not.toMatch(/J-0\d/);
  });

  it('deelt elk document met precies de lezers van zijn doelgroep', () => {
    const v = view();
    const settings = { ...v.settings, driehoekEmails: 'Burgemeester@gemeente.example; oov@gemeente.example' };
    expect(readersOf('beperkt', settings, v.partners)).toEqual([
      'om@partner.example',
      'politie@partner.example',
      'regie@gemeente.example',
    ]);
    expect(readersOf('driehoek', settings, v.partners)).toEqual([
      'burgemeester@gemeente.example',
      'oov@gemeente.example',
      'regie@gemeente.example',
    ]);
    expect(readersOf('partner', settings, v.partners, 'jw')).toEqual([
      'jw@partner.example',
      'regie@gemeente.example',
    ]);
    // An inactive politie partner loses access to the restricted version.
    const inactive = v.partners.map((p) => (p.id === 'politie' ? { ...p, active: false } : p));
    expect(readersOf('beperkt', settings, inactive)).not.toContain('politie@partner.example');
    for (const a of AUDIENCES as readonly Audience[]) {
      expect(readersOf(a, settings, v.partners, 'jw')).toContain('regie@gemeente.example');
    }
  });
});
