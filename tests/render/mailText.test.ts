import { describe, expect, it } from 'vitest';
import { SettingsSchema } from '../../src/model/schemas';
import { fill, mailText } from '../../src/render/mailText';

const vars = {
  casus: 'JGA-2026-001',
  stap: '2A (Beoordelen groepsgedrag)',
  deadline: 'maandag 26 januari 2026',
  link: 'https://docs.google.com/forms/d/e/x/viewform',
  organisatie: 'Politie {casus}',
  gemeente: 'Testdorp',
};

describe('mailteksten', () => {
  it('vult elke invulplek in, één keer: tekst uit een waarde wordt niet opnieuw ingevuld', () => {
    expect(fill('{organisatie} — {casus} — {onbekend}', vars)).toBe(
      'Politie {casus} — JGA-2026-001 — {onbekend}',
    );
  });

  it('gebruikt de eigen teksten van de gemeente waar die zijn ingesteld', () => {
    const settings = SettingsSchema.parse({
      gemeente: 'Testdorp',
      coordinatorEmail: 'regie@testdorp.example',
      retentionMonths: 12,
      mailTexts: { inviteSubject: 'Graag uw input voor {casus} ({gemeente})' },
    });
    const m = mailText(settings, 'invite', vars);
    expect(m.subject).toBe('Graag uw input voor JGA-2026-001 (Testdorp)');
    expect(m.body).toContain(vars.link);
    expect(m.body).toContain('uiterlijk maandag 26 januari 2026');
    const r = mailText(settings, 'reminder', vars);
    expect(r.subject).toContain('Herinnering');
  });
});
