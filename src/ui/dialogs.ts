/**
 * The dialogs of the register (HtmlService modal dialogs) and the entry points their pages call
 * through google.script.run. Pages are pure HTML strings (src/render/html/); here they become an
 * HtmlOutput (reference/html/html-service#createHtmlOutput(String)) shown with
 * `Ui.showModalDialog` (reference/base/ui#showModalDialog(Object,String)).
 */
import { newCaseRules, parseNewCaseInput } from '../model/newCaseInput';
import { isoDate } from '../model/time';
import { NEW_CASE_TITLE, newCaseDialogPage } from '../render/html/newCaseDialog';
import { openRegister } from '../workflow/context';
import { withLock } from '../workflow/lock';
import { openNewCase } from '../workflow/newCase';
import { nowMs } from '../workspace/clock';
import { refusal, type UiResult, uiGuarded } from './result';

const TZ = 'Europe/Amsterdam';

function showDialog(html: string, title: string, width: number, height: number): void {
  const out = HtmlService.createHtmlOutput(html).setTitle(title).setWidth(width).setHeight(height);
  SpreadsheetApp.getUi().showModalDialog(out, title);
}

function today(): string {
  return isoDate(nowMs(), TZ);
}

/** Menu "Nieuwe casus openen": the register must be right first (its settings give the default bewaartermijn). */
export function showNewCaseDialog(): void {
  const reg = openRegister();
  showDialog(
    newCaseDialogPage({ rules: newCaseRules(today()), retentionDefault: reg.settings.retentionMonths }),
    NEW_CASE_TITLE,
    460,
    560,
  );
}

/** google.script.run.uiNewCase(form): opens the case, or says per field what is wrong. */
export function uiNewCase(form: unknown): UiResult<{ code: string }> {
  return uiGuarded(() => {
    const parsed = parseNewCaseInput(form, newCaseRules(today()));
    if (!parsed.ok) return refusal(parsed.errors, 'Herstel de velden met een melding.');
    const h = withLock(() => openNewCase(openRegister(), parsed.value));
    return {
      ok: true,
      code: h.row.code,
      message: `Casus ${h.row.code} (${parsed.value.label}) is geopend. Start stap 1 vanuit het dashboard wanneer de signalen binnen zijn.`,
    };
  });
}
