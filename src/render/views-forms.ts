/**
 * The `Formulieren` tab: the form registry as the coordinator reads it. One row per form
 * (step, round, partner) with its id, link, status, deadline and when it was sent, reminded
 * and answered — the list to chase partners with.
 */
import { isoDate } from '../model/time';
import type { CaseView, FormRecord } from './caseView';
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

const MAIL_TEXT: Record<string, string> = {
  wacht: 'wacht op verzending',
  verzenden: 'wordt verzonden',
  mislukt: 'mislukt',
  onzeker: 'onzeker: controleer of de mail aankwam',
};

/** When the invitation went out, or why it did not (menu "Mislukte mails opnieuw versturen"). */
function sentText(view: CaseView, f: FormRecord): string {
  if (f.sentAt !== undefined) return nlDateTime(f.sentAt, view.timeZone);
  const p = f.inviteProblem;
  if (!p) return MAIL_TEXT.wacht!;
  const text = MAIL_TEXT[p.status] ?? p.status;
  return p.status === 'mislukt' && p.error ? `${text}: ${p.error}` : text;
}

function mailColor(f: FormRecord): string | null {
  const s = f.inviteProblem?.status;
  return s === 'mislukt' || s === 'onzeker' ? COLORS.red : null;
}

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
        textCell(sentText(view, f)),
        textCell(f.reminders.map(day).join(', ')),
        f.respondedAt !== undefined ? textCell(day(f.respondedAt)) : '',
        f.responseCount,
        textCell(f.publishedUrl),
        textCell(f.formId),
      ],
      { background: [null, null, null, status.color, null, mailColor(f)] },
    );
  }
  if (forms.length === 0) t.add(['Nog geen formulieren: start een stap via het menu.']);
  return t.build(FORMS_TAB, {
    frozenRows: 1,
    columnWidths: [70, 60, 220, 200, 90, 130, 130, 100, 90, 360, 200],
  });
}
