/** Sending mail through MailApp (scope script.send_mail; never GmailApp). */

/** Recipients MailApp may still send to today (reference/mail/mail-app#getRemainingDailyQuota). */
export function remainingQuota(): number {
  return MailApp.getRemainingDailyQuota();
}

export function sendMail(
  to: string,
  subject: string,
  body: string,
  senderName: string,
  replyTo: string,
): void {
  const options: GoogleAppsScript.Mail.MailAdvancedParameters = { name: senderName };
  if (replyTo) options.replyTo = replyTo;
  MailApp.sendEmail(to, subject, body, options);
}
