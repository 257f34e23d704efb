/**
 * The Zelftest: checks an installation in a real account with synthetic data, through the
 * product's own code path, and leaves nothing behind. In one throwaway folder it makes a
 * register and a case (a fictional gemeente and one fictional partner whose address is the
 * coordinator's own), starts step 1 (one form, published, and one invitation: the one mail, to
 * the coordinator), answers the form as a script, reconciles the answer into the case
 * spreadsheet and builds the integraal beeld. It records what it observes about facts the
 * documentation leaves open. At the end everything it made goes to the trash, it checks that,
 * and the script properties are put back exactly as they were (the product's folder ids point
 * at the throwaway folder while the test runs, under the script lock).
 *
 * The same routine runs in the test suite on the in-memory Apps Script (tests/workflow/selftest).
 */

import type { PartnerInput, SettingsInput } from '../model/configSchemas';
import { isoDate, isoDateTime } from '../model/time';
import { nowMs } from '../workspace/clock';
import { errorMessage } from '../workspace/errors';
import { createDocumentIn, createFolder, createSpreadsheetIn } from '../workspace/files';
import {
  allScriptProperties,
  documentText,
  editTextResponse,
  notTrashed,
  paragraphBreakProbe,
  remainingQuota,
  responseIdsSince,
  restoreScriptProperties,
  setScriptProperties,
  submitTextResponse,
  trashTree,
  treeOf,
  triggerHandlers,
} from '../workspace/selftest';
import { openSpreadsheet } from '../workspace/spreadsheets';
import { readTable } from '../workspace/tables';
import type { CaseHandle } from './context';
import { openRegister } from './context';
import { openNewCase } from './newCase';
import { publish } from './publish';
import { reconcileCase } from './reconcile';
import { ANSWERS, FORMS } from './records';
import { setupRegister } from './registerTabs';
import { startStep } from './startStep';

export interface SelftestCheck {
  /** What was checked, in the coordinator's words (e.g. `Formulieren`). */
  service: string;
  ok: boolean;
  detail: string;
}

export interface SelftestFact {
  fact: string;
  observed: string;
}

export interface SelftestReport {
  ok: boolean;
  checks: SelftestCheck[];
  facts: SelftestFact[];
  /** What the test could not check, and why. */
  notChecked: string[];
  notes: string[];
}

export const SELFTEST_ANSWER = 'Zelftest-antwoord (fictief)';
const EDITED_ANSWER = 'Zelftest-antwoord, gewijzigd (fictief)';
/** The script properties that hold folder ids; during the test they point at the throwaway folder. */
const FOLDER_PROPERTIES = ['CASES_FOLDER_ID', 'TEMPLATES_FOLDER_ID', 'NAMES_FOLDER_ID'];

function syntheticSettings(email: string): SettingsInput {
  return {
    gemeente: 'Zelftest',
    casePrefix: 'ZELF',
    coordinatorName: 'Zelftest',
    coordinatorEmail: email,
    retentionMonths: 1,
    digest: false,
    mailSenderName: 'Zelftest 7-stappen',
    mailTexts: {
      inviteSubject: 'Zelftest 7-stappen {casus}: proefmail, mag weg',
      inviteBody:
        'Dit is de proefmail van de Zelftest van het 7-stappen-register. U hoeft niets te doen: het formulier ({link}) en alles wat de test maakte, gaan na de test naar de prullenbak.',
    },
  };
}

function syntheticPartner(email: string): PartnerInput {
  return {
    id: 'zelftest',
    organisation: 'Zelftest (fictief)',
    kind: 'politie',
    contactName: 'Zelftest',
    email,
    steps: ['1'],
    levels: ['groep'],
    active: true,
  };
}

function message(e: unknown): string {
  return errorMessage(e);
}

export interface SelftestInput {
  /** Where the invitation goes: the coordinator (or whoever runs the test). */
  email: string;
  /** The folder for the throwaway folder (the register's own folder); null = My Drive. */
  parentId: string | null;
  /** The dispatcher's handler function, to say whether automatic refreshing is on. */
  dispatchHandler: string;
}

/** Runs the Zelftest. Call it under the script lock: it points the folder properties elsewhere. */
export function runSelftest(input: SelftestInput): SelftestReport {
  const report: SelftestReport = { ok: false, checks: [], facts: [], notChecked: [], notes: [] };
  const saved = allScriptProperties();
  let root: string | null = null;
  let failed = false;
  /** Runs one check; after a failure the later ones are reported as not checked. */
  const check = (service: string, fn: () => string | { ok: boolean; detail: string }): void => {
    if (failed) {
      report.notChecked.push(`${service}: niet gecontroleerd, omdat een eerdere stap mislukte.`);
      return;
    }
    try {
      const r = fn();
      const c = typeof r === 'string' ? { ok: true, detail: r } : r;
      report.checks.push({ service, ...c });
      if (!c.ok) failed = true;
    } catch (e) {
      report.checks.push({ service, ok: false, detail: message(e) });
      failed = true;
    }
  };

  let h: CaseHandle | null = null;
  let form: { formId: string } | null = null;
  let answer: { responseId: string; timestamp: number } | null = null;
  let mailSent = 0;
  try {
    check('Drive', () => {
      const stamp = isoDateTime(nowMs(), 'Europe/Amsterdam').replace(/[-: ]/g, '');
      root = createFolder(`Zelftest ${stamp} (mag weg)`, input.parentId);
      setScriptProperties(Object.fromEntries(FOLDER_PROPERTIES.map((k) => [k, root as string])));
      return 'map gemaakt';
    });
    check('Spreadsheets', () => {
      const ss = openSpreadsheet(createSpreadsheetIn('Zelftest register (mag weg)', root as string));
      setupRegister(ss, {
        settings: syntheticSettings(input.email),
        partners: [syntheticPartner(input.email)],
      });
      const reg = openRegister(ss);
      h = openNewCase(reg, {
        label: 'Zelftest',
        wijk: 'Zelftest',
        eersteSignaal: isoDate(nowMs(), 'Europe/Amsterdam'),
        bewaartermijnMaanden: 1,
      });
      return `register en casus ${h.row.code} gemaakt en teruggelezen`;
    });
    const quota = failed ? 0 : remainingQuota();
    check('Formulieren', () => {
      const started = startStep(h as CaseHandle);
      const row = readTable((h as CaseHandle).ss, FORMS)[0];
      if (started.created.length !== 1 || !row || !row.publishedUrl)
        return {
          ok: false,
          detail: `${started.created.length} formulier(en) gemaakt, verwacht 1 gepubliceerd`,
        };
      form = row;
      mailSent = started.mail.sent;
      return 'formulier gemaakt en gepubliceerd';
    });
    if (!failed && quota < 1)
      report.notChecked.push('Mail: het dagquotum van MailApp is op; de proefmail is niet verstuurd.');
    else
      check('Mail', () =>
        mailSent === 1
          ? 'één proefmail (de uitnodiging) verstuurd aan het adres van de procesregisseur'
          : { ok: false, detail: 'de proefmail is niet verstuurd' },
      );
    check('Antwoorden verwerken', () => {
      const f = form as { formId: string };
      answer = submitTextResponse(f.formId, SELFTEST_ANSWER);
      const r = reconcileCase(h as CaseHandle, { scanFolder: false });
      const stored = readTable((h as CaseHandle).ss, ANSWERS).some((a) => a.value === SELFTEST_ANSWER);
      return r.newResponses === 1 && stored
        ? 'een ingevuld antwoord staat in de casusspreadsheet'
        : {
            ok: false,
            detail: `${r.newResponses} nieuw antwoord verwerkt; het ingevulde antwoord ontbreekt`,
          };
    });
    if (!failed && form && answer) {
      const f = form as { formId: string };
      const a = answer as { responseId: string; timestamp: number };
      const inclusive = responseIdsSince(f.formId, a.timestamp).includes(a.responseId);
      report.facts.push({
        fact: 'Form.getResponses(tijdstip) met precies het tijdstip van een antwoord',
        observed: inclusive
          ? 'geeft dat antwoord terug (inclusief)'
          : 'geeft dat antwoord niet terug (exclusief)',
      });
      const edit = editTextResponse(f.formId, a.responseId, EDITED_ANSWER);
      if (edit.ok) {
        report.facts.push({
          fact: 'FormResponse.getTimestamp() na het wijzigen van een antwoord',
          observed:
            edit.timestamp > a.timestamp
              ? `schuift op (${edit.timestamp - a.timestamp} ms later)`
              : 'blijft gelijk: een gewijzigd antwoord valt dan niet onder getResponses(sinds)',
        });
        const again = reconcileCase(h as unknown as CaseHandle, { scanFolder: false });
        report.facts.push({
          fact: 'Een gewijzigd antwoord bij de volgende verwerking',
          observed: again.newVersions === 1 ? 'verwerkt als nieuwe versie' : 'niet opnieuw gelezen',
        });
      } else {
        report.notChecked.push(
          `Of FormResponse.getTimestamp() opschuift na een wijziging: een script kan een ingediend antwoord niet wijzigen (${edit.reason}). Dat kan alleen de partner zelf, via de bewerkingslink.`,
        );
      }
    }
    check('Documenten', () => {
      const c = h as CaseHandle;
      publish(c);
      const text = documentText(c.row.overviewId);
      return text.includes(c.row.code)
        ? 'integraal beeld gemaakt en gelezen'
        : { ok: false, detail: 'het integraal beeld is leeg of noemt de casus niet' };
    });
    if (root && !failed) {
      const probe = paragraphBreakProbe(createDocumentIn('Zelftest alinea (mag weg)', root));
      report.facts.push({
        fact: 'Een regeleinde (\\n) binnen een alinea in Google Docs',
        observed:
          probe.paragraphs === 1
            ? probe.text.includes('\n')
              ? 'blijft een regeleinde binnen één alinea'
              : probe.text.includes('\r')
                ? 'wordt \\r binnen één alinea'
                : 'verdwijnt (één alinea zonder regeleinde)'
            : `splitst de tekst in ${probe.paragraphs} alinea's`,
      });
    }
    const handlers = triggerHandlers();
    report.notes.push(
      handlers.includes(input.dispatchHandler)
        ? 'Automatisch bijwerken staat aan voor uw account.'
        : 'Automatisch bijwerken staat (voor uw account) nog niet aan; kies "Automatisch bijwerken aanzetten".',
    );
  } catch (e) {
    report.checks.push({ service: 'Zelftest', ok: false, detail: message(e) });
  } finally {
    const cleanup: string[] = [];
    try {
      if (root) {
        const below = treeOf(root);
        const tree = { files: below.files, folders: [root, ...below.folders] };
        trashTree(tree);
        const left = notTrashed(tree);
        const count = tree.files.length + tree.folders.length;
        if (left.length) cleanup.push(`${left.length} bestand(en) staan nog buiten de prullenbak`);
        else cleanup.push(`${count} bestanden en mappen in de prullenbak`);
      }
    } catch (e) {
      cleanup.push(`opruimen mislukte: ${message(e)}`);
    }
    restoreScriptProperties(saved);
    const now = allScriptProperties();
    const same =
      Object.keys(now).length === Object.keys(saved).length &&
      Object.entries(saved).every(([k, v]) => now[k] === v);
    if (!same) cleanup.push('de scripteigenschappen zijn niet zoals voor de test');
    report.checks.push({
      service: 'Opruimen',
      ok: cleanup.every((c) => c.endsWith('in de prullenbak')),
      detail: cleanup.join('; ') || 'er was niets om op te ruimen',
    });
  }
  // Never vacuous: the finally above always adds the Opruimen check.
  report.ok = report.checks.every((c) => c.ok);
  return report;
}

/** The report as the coordinator reads it (an alert in the register). */
export function selftestText(r: SelftestReport): string {
  const lines = [r.ok ? 'Zelftest geslaagd.' : 'Zelftest: niet alles werkt.', ''];
  for (const c of r.checks) lines.push(`${c.ok ? 'werkt' : 'MISLUKT'} — ${c.service}: ${c.detail}`);
  if (r.facts.length) {
    lines.push('', 'Waargenomen:');
    for (const f of r.facts) lines.push(`- ${f.fact}: ${f.observed}`);
  }
  if (r.notChecked.length) {
    lines.push('', 'Niet gecontroleerd:');
    for (const n of r.notChecked) lines.push(`- ${n}`);
  }
  if (r.notes.length) lines.push('', ...r.notes);
  return lines.join('\n');
}
