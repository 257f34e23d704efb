/**
 * Invitation and reminder mails. Only the case code, the step, the organisation and the
 * deadline are filled in: never a group name or anything about persons. Texts can be
 * overridden per gemeente in the Instellingen tab; `{casus}`, `{stap}`, `{deadline}`,
 * `{link}`, `{organisatie}` and `{gemeente}` are replaced (once, never inside replaced text).
 */
import { MAIL_PLACEHOLDERS } from '../model/schemas';
import type { MailTextKey, Settings } from '../model/types';

export const DEFAULT_MAIL_TEXTS: Record<MailTextKey, string> = {
  inviteSubject: 'Uitvraag casus {casus}, stap {stap}: graag uw bijdrage vóór {deadline}',
  inviteBody: [
    'Beste collega van {organisatie},',
    '',
    'Voor casus {casus} in de aanpak van problematische jeugdgroepen vragen we uw organisatie om informatie voor stap {stap}.',
    'Het formulier is alleen voor uw organisatie bedoeld:',
    '{link}',
    '',
    'Graag ingevuld uiterlijk {deadline}.',
    'Deel alleen wat uw organisatie volgens het convenant mag delen, en noem in het formulier geen namen: personen hebben een code.',
    '',
    'Met vriendelijke groet,',
    'de procesregisseur groepsaanpak, gemeente {gemeente}',
  ].join('\n'),
  reminderSubject: 'Herinnering: uitvraag casus {casus}, stap {stap} (deadline {deadline})',
  reminderBody: [
    'Beste collega van {organisatie},',
    '',
    'We hebben voor casus {casus}, stap {stap}, nog geen bijdrage van uw organisatie ontvangen.',
    'De deadline is {deadline}. Het formulier staat hier:',
    '{link}',
    '',
    'Lukt het niet op tijd? Laat het de procesregisseur even weten.',
    '',
    'Met vriendelijke groet,',
    'de procesregisseur groepsaanpak, gemeente {gemeente}',
  ].join('\n'),
};

export interface MailVars {
  casus: string;
  stap: string;
  deadline: string;
  link: string;
  organisatie: string;
  gemeente: string;
}

const PLACEHOLDER_RE = new RegExp(`\\{(${MAIL_PLACEHOLDERS.join('|')})\\}`, 'g');

/** Fills the placeholders in one pass, so text coming from a value is never expanded again. */
export function fill(template: string, vars: MailVars): string {
  return template.replace(PLACEHOLDER_RE, (_, k: keyof MailVars) => vars[k]);
}

export function mailText(
  settings: Settings,
  kind: 'invite' | 'reminder',
  vars: MailVars,
): { subject: string; body: string } {
  const t = { ...DEFAULT_MAIL_TEXTS, ...settings.mailTexts };
  return kind === 'invite'
    ? { subject: fill(t.inviteSubject, vars), body: fill(t.inviteBody, vars) }
    : { subject: fill(t.reminderSubject, vars), body: fill(t.reminderBody, vars) };
}
