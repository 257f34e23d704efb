/**
 * The Overzicht's partner × step matrix tells what comes next: "volgt" for a partner who will
 * be asked in a step still to come, "n.v.t." only for a partner never asked in that step, and a
 * missed answer in its own text and colour.
 */
import { describe, expect, it } from 'vitest';
import type { Partner, Question, StepId } from '../../src/model/types';
import type { CaseView, FormRecord } from '../../src/render/caseView';
import type { SheetTable } from '../../src/render/sheetTable';
import { COLORS, cellText } from '../../src/render/sheetTable';
import { buildOverview, MATRIX_LEGEND } from '../../src/render/views-overview';
import { CATALOG, caseView, PARTNERS } from './views.fixture';

const q = (id: string, step: StepId): Question => ({
  id,
  step,
  kinds: 'all',
  level: 'groep',
  theme: 'groepsbeschrijving',
  type: 'paragraph',
  title: `Vraag ${id}`,
  source: 'I',
});

const form = (step: StepId, partnerId: string, extra: Partial<FormRecord> = {}): FormRecord => ({
  formKey: `${step}#1#${partnerId}`,
  step,
  round: 1,
  partnerId,
  formId: `f-${step}-${partnerId}`,
  publishedUrl: '',
  status: 'beantwoord',
  deadline: '2026-01-12',
  createdAt: Date.UTC(2026, 0, 2),
  reminders: [],
  planVersion: 0,
  responseCount: 1,
  respondedAt: Date.UTC(2026, 0, 8),
  ...extra,
});

/** Politie and jongerenwerk in every step; handhaving only in step 3. Case in step 2A. */
function view(over: Partial<CaseView> = {}): CaseView {
  const partners: Partner[] = PARTNERS.map((p) => (p.id === 'boa' ? { ...p, steps: ['3'] } : p));
  return caseView({
    partners,
    catalog: [...CATALOG, q('3.beeld', '3'), q('7.terug', '7')],
    state: {
      code: 'JGA-2026-001',
      status: 'open',
      step: '2A',
      round: 1,
      rounds: { '1': 1, '2A': 1 },
      personDataAllowed: false,
      decisions: [
        {
          step: '1',
          round: 1,
          outcome: 'verder_verkennen',
          motivation: 'Signalen',
          decidedBy: 'partneroverleg',
          date: '2026-01-14',
        },
      ],
    },
    forms: [
      form('1', 'politie'),
      form('1', 'jw', { status: 'gesloten', responseCount: 0, respondedAt: undefined }),
    ],
    plan: null,
    ...over,
  });
}

function matrix(t: SheetTable) {
  const header = t.rows.findIndex((r) => cellText(r[0]!) === 'Partner' && cellText(r[1]!) === 'Stap 1');
  const cols = t.rows[header]!.map(cellText);
  return (org: string, step: string) => {
    const i = t.rows.findIndex((r, k) => k > header && cellText(r[0]!) === org);
    const c = cols.indexOf(`Stap ${step}`);
    return { text: cellText(t.rows[i]![c]!), bg: t.backgrounds![i]![c] };
  };
}

describe('Overzicht: partner × stap', () => {
  const cell = matrix(buildOverview(view()));

  it('zegt "volgt" voor een partner die in een latere stap gevraagd wordt', () => {
    expect(cell('Politie Basisteam Noord', '3')).toEqual({ text: 'volgt', bg: COLORS.planned });
    expect(cell('Handhaving Voorbeeld', '3')).toEqual({ text: 'volgt', bg: COLORS.planned });
    expect(cell('Politie Basisteam Noord', '7')).toEqual({ text: 'volgt', bg: COLORS.planned });
  });

  it('zegt "volgt" in de lopende stap zolang het formulier er nog niet is', () => {
    expect(cell('Politie Basisteam Noord', '2A')).toEqual({ text: 'volgt', bg: COLORS.planned });
  });

  it('zegt "n.v.t." alleen voor wie in die stap nooit gevraagd wordt', () => {
    // Handhaving staat niet in stap 1, 2A en 7; stap 4 heeft in deze catalogus geen vragen.
    expect(cell('Handhaving Voorbeeld', '1')).toEqual({ text: 'n.v.t.', bg: COLORS.grey });
    expect(cell('Handhaving Voorbeeld', '2A')).toEqual({ text: 'n.v.t.', bg: COLORS.grey });
    expect(cell('Handhaving Voorbeeld', '7')).toEqual({ text: 'n.v.t.', bg: COLORS.grey });
    expect(cell('Politie Basisteam Noord', '4')).toEqual({ text: 'n.v.t.', bg: COLORS.grey });
  });

  it('laat een gemist antwoord anders zien dan n.v.t.: eigen tekst en eigen kleur', () => {
    const missed = cell('=Jongerenwerk "Oost"', '1');
    expect(missed).toEqual({ text: 'gemist: gesloten zonder antwoord', bg: COLORS.missed });
    expect(missed.bg).not.toBe(COLORS.grey);
    expect(cell('Politie Basisteam Noord', '1').text).toMatch(/^beantwoord/);
  });

  it('zegt "n.v.t." voor stappen die een gesloten casus oversloeg', () => {
    const closed = view({
      state: { ...view().state, status: 'gesloten', closedRoutes: ['lichte_interventie'] },
    });
    const c = matrix(buildOverview(closed));
    expect(c('Politie Basisteam Noord', '3')).toEqual({ text: 'n.v.t.', bg: COLORS.grey });
  });

  it('legt de woorden van de matrix uit onder de tabel', () => {
    const t = buildOverview(view());
    expect(t.rows.some((r) => cellText(r[0]!) === MATRIX_LEGEND)).toBe(true);
  });
});

describe('Overzicht: Volgende stap', () => {
  const row = (t: SheetTable) => t.rows.find((r) => cellText(r[0]!) === 'Volgende stap');

  it('noemt de eerste zinvolle actie met de reden', () => {
    const t = buildOverview(
      view({
        next: [
          { kind: 'startStep', label: 'Stap 2A starten', reason: 'Het vorige besluit is vastgelegd.' },
          { kind: 'publish', label: 'Integraal beeld bijwerken', reason: 'Er kwamen antwoorden binnen.' },
        ],
      }),
    );
    expect(cellText(row(t)![1]!)).toBe('Stap 2A starten: Het vorige besluit is vastgelegd.');
  });

  it('zegt waarop de casus wacht als er niets te doen is, en niets bij een gesloten casus', () => {
    expect(cellText(row(buildOverview(view({ next: [] })))![1]!)).toBe(
      'Nu niets te doen: de partners hebben nog tijd om te antwoorden.',
    );
    const closed = view({ next: [] });
    closed.state = { ...closed.state, status: 'gesloten' };
    expect(cellText(row(buildOverview(closed))![1]!)).toBe('Geen: de casus is gesloten.');
  });

  it('laat de rij weg als de volgende acties niet zijn uitgerekend', () => {
    expect(row(buildOverview(view()))).toBeUndefined();
  });
});
