/**
 * The `Formulieren` tab: the form registry as the coordinator reads it. One row per form
 * (step, round, partner) with its id, link, status, deadline and when it was sent, reminded
 * and answered — the list to chase partners with.
 */
import { isoDate } from '../model/time';
import type { CaseView } from './caseView';
import type { SheetTable } from './sheetTable';
import { COLORS, TableBuilder, textCell } from './sheetTable';
import { formStatus, nlDateTime, partnerName, shortDate, stepOrder, stepTab } from './views-common';

export const FORMS_TAB = 'Formulieren';

const HEADERS = [
  'Stap',
  'Ronde',
  'Partner',
  'Status',
  'Deadline',
  'Verstuurd',
  'Herinnerd',
  'Beantwoord',
  'Inzendingen',
  'Link voor de partner',
  'Formulier-id',
];

export function buildForms(view: CaseView): SheetTable {
  const t = new TableBuilder(HEADERS.length);
  t.add(HEADERS, { bold: true, background: COLORS.header });
  const forms = [...view.forms].sort(
    (a, b) => stepOrder(a.step) - stepOrder(b.step) || a.round - b.round || a.createdAt - b.createdAt,
  );
  for (const f of forms) {
    const status = formStatus(view, f);
    const day = (ms: number) => shortDate(isoDate(ms, view.timeZone));
    t.add(
      [
        stepTab(f.step),
        f.round,
        textCell(partnerName(view, f.partnerId)),
        textCell(status.text),
        textCell(shortDate(f.deadline)),
        f.sentAt !== undefined ? textCell(nlDateTime(f.sentAt, view.timeZone)) : 'wacht op verzending',
        textCell(f.reminders.map(day).join(', ')),
        f.respondedAt !== undefined ? textCell(day(f.respondedAt)) : '',
        f.responseCount,
        textCell(f.publishedUrl),
        textCell(f.formId),
      ],
      { background: [null, null, null, status.color] },
    );
  }
  if (forms.length === 0) t.add(['Nog geen formulieren: start een stap via het menu.']);
  return t.build(FORMS_TAB, {
    frozenRows: 1,
    columnWidths: [70, 60, 220, 200, 90, 130, 130, 100, 90, 360, 200],
  });
}
