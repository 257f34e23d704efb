/**
 * The sidebar and the dialogs in a real browser (issue 8, point 6): headless Chromium (Debian's
 * /usr/bin/chromium, driven by playwright-core) against the bridge (src/local/bridge), which runs
 * the built bundle on the in-memory Apps Script. One browser, one page, one case:
 * new case (dialog) → start step 1 (sidebar) → a partner answers → the matrix says "beantwoord"
 * → a decision with one wrong field, corrected without retyping the rest → step 2A starts.
 * Screenshots go to out/screens/ (docs/handleiding.md walks through them).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type FrameLocator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Bridge, startBridge } from '../../src/local/bridge/bridge';
import { PARTNERS } from '../workflow/helpers';

const CHROMIUM = '/usr/bin/chromium';
/** Debian's chromium-l10n: without it the browser is English and the date picker shows mm/dd/yyyy. */
const DUTCH = '/usr/lib/chromium/locales/nl.pak';
const ROOT = join(import.meta.dirname, '../..');
const SCREENS = join(ROOT, 'out/screens');
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--lang=nl',
];

let bridge: Bridge;
let context: BrowserContext;
let page: Page;
let profile: string;

beforeAll(async () => {
  if (!existsSync(CHROMIUM) || !existsSync(DUTCH)) {
    throw new Error(
      `Chromium of zijn Nederlandse taalbestand ontbreekt (${CHROMIUM}, ${DUTCH}). Draai .ci/run (dat installeert ze) of: apt-get install -y --no-install-recommends chromium chromium-l10n`,
    );
  }
  mkdirSync(SCREENS, { recursive: true });
  // Monday 12 January 2026, 09:00 in Amsterdam.
  bridge = await startBridge({ bundlePath: join(ROOT, 'dist/Code.js'), now: Date.UTC(2026, 0, 12, 8, 0) });
  bridge.setupRegister(
    { gemeente: 'Testdorp', coordinatorEmail: 'regie@testdorp.example', retentionMonths: 12 },
    PARTNERS,
  );
  profile = mkdtempSync(join(tmpdir(), 'zeven-stappen-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    // A Dutch browser (chromium-l10n): the date picker shows dd-mm-jjjj.
    env: { ...process.env, LANGUAGE: 'nl', LANG: 'nl_NL.UTF-8' },
    viewport: { width: 1280, height: 860 },
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
  });
  page = context.pages()[0] ?? (await context.newPage());
  // A hang guard only: every wait below waits for a state, never for time.
  page.setDefaultTimeout(120_000);
});

afterAll(async () => {
  await context?.close();
  await bridge?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

const shot = (name: string) => page.screenshot({ path: join(SCREENS, name) });
const menu = (fn: string) => page.locator(`nav button[data-fn="${fn}"]`).click();

describe('een casus in de browser: dialogen en zijbalk', () => {
  it('nieuwe casus → stap 1 → antwoord → beantwoord → besluit met één fout veld → stap 2A', async () => {
    await page.goto(bridge.url);

    // 1. New case, in the dialog.
    await menu('menuNewCase');
    await expect.poll(() => page.locator('#overlay').isVisible()).toBe(true);
    let dialog: FrameLocator = page.frameLocator('#dialog-frame');
    await dialog.getByLabel('Label').fill('Groep bij de sporthal');
    await dialog.getByLabel('Wijk of buurt').fill('Noord');
    await dialog.getByLabel('Eerste signaal').fill('2026-01-05');
    await expect.poll(() => dialog.getByLabel('Bewaartermijn (maanden)').inputValue()).toBe('12');
    await shot('01-nieuwe-casus.png');
    await dialog.getByRole('button', { name: 'Casus openen' }).click();
    await expect
      .poll(() => dialog.locator('#result').textContent())
      .toContain('Casus JGA-2026-001 (Groep bij de sporthal) is geopend');
    await shot('02-casus-geopend.png');
    await dialog.getByRole('button', { name: 'Sluiten' }).click();
    await expect.poll(() => page.locator('#overlay').isVisible()).toBe(false);

    // 2. Start step 1 from the dashboard in the sidebar.
    await menu('menuDashboard');
    const side = page.frameLocator('#sidebar-frame');
    await expect
      .poll(() => side.locator('#case-title').textContent())
      .toContain('JGA-2026-001 — Groep bij de sporthal');
    await side.locator('#next button[data-kind="startStep"]').click();
    await expect.poll(() => side.locator('#result').textContent()).toContain('Stap 1 (ronde 1)');
    await shot('03-stap-1-gestart.png');

    // 3. A partner answers (the bridge's hook), 4. "Nu bijwerken" shows it in the matrix.
    bridge.answer('JGA-2026-001', '1#1#politie');
    await side.locator('#all button[data-kind="refresh"]').click();
    await expect.poll(() => side.locator('#result').textContent()).toContain('1 nieuwe');
    const politie = side.locator('#matrix tbody tr', { hasText: 'Politie' }).locator('td').first();
    await expect.poll(() => politie.textContent()).toMatch(/^beantwoord/);
    expect(await politie.getAttribute('data-kind')).toBe('answered');
    await side.locator('#h-matrix').scrollIntoViewIfNeeded();
    await shot('04-matrix-beantwoord.png');

    // 5. The decision: the dashboard's button opens one dialog for this case.
    await side.locator('#all button[data-kind="recordDecision"]').click();
    await expect.poll(() => page.locator('#overlay').isVisible()).toBe(true);
    dialog = page.frameLocator('#dialog-frame');
    await expect.poll(() => dialog.locator('#where').textContent()).toContain('Casus JGA-2026-001');
    const outcomes = dialog.locator('input[name="outcome"]');
    expect(
      await outcomes.evaluateAll((els) => els.map((e) => (e as unknown as { value: string }).value)),
    ).toEqual(['verder_verkennen', 'acuut', 'niet_verder']);
    await dialog.locator('input[name="outcome"][value="verder_verkennen"]').check();
    await dialog.getByLabel('Besloten door').fill('partneroverleg');
    await dialog.getByLabel('Datum van het besluit').fill('2026-01-12');
    // One wrong field: the motivation is left empty. The browser says so under the field.
    await dialog.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await expect
      .poll(() => dialog.locator('#err-motivation').textContent())
      .toBe('Schrijf waarom dit besloten is (noem geen namen).');
    expect(await dialog.locator('#f-motivation').getAttribute('aria-invalid')).toBe('true');
    expect(
      await dialog
        .locator('#f-motivation')
        .evaluate(
          (el) =>
            el === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement,
        ),
    ).toBe(true);
    await shot('05-besluit-fout-veld.png');
    // The server checks too: with the browser's check switched off, a date in the future comes
    // back from uiRecordDecision as a message under the date field; nothing typed is lost.
    await dialog.locator('#f-motivation').fill('De politie en het jongerenwerk zien dezelfde groep.');
    await dialog.locator('body').evaluate(() => {
      (globalThis as unknown as { checkFields: unknown }).checkFields = () => ({ errors: {}, value: {} });
    });
    await dialog.getByLabel('Datum van het besluit').fill('2026-01-20');
    await dialog.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await expect
      .poll(() => dialog.locator('#err-date').textContent())
      .toBe('De datum ligt in de toekomst; vandaag is 12-01-2026.');
    expect(await dialog.locator('#err-motivation').textContent()).toBe('');
    expect(await dialog.locator('input[name="outcome"][value="verder_verkennen"]').isChecked()).toBe(true);
    expect(await dialog.locator('#f-motivation').inputValue()).toBe(
      'De politie en het jongerenwerk zien dezelfde groep.',
    );
    expect(await dialog.getByLabel('Besloten door').inputValue()).toBe('partneroverleg');
    // Corrected: only the date is typed again.
    await dialog.getByLabel('Datum van het besluit').fill('2026-01-12');
    await dialog.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await expect
      .poll(() => dialog.locator('#result').textContent())
      .toContain('Besluit vastgelegd: Verder verkennen. Casus JGA-2026-001 staat nu in stap 2A');
    await shot('06-besluit-vastgelegd.png');
    await dialog.getByRole('button', { name: 'Sluiten' }).click();
    await expect.poll(() => page.locator('#overlay').isVisible()).toBe(false);

    // 6. Step 2A starts from the dashboard's next action.
    await side.getByRole('button', { name: 'Vernieuwen' }).click();
    const next = side.locator('#next button[data-kind="startStep"]');
    await expect.poll(() => next.textContent()).toContain('2A');
    await next.click();
    await expect.poll(() => side.locator('#result').textContent()).toContain('Stap 2A (ronde 1)');
    await expect
      .poll(() => side.locator('#timeline li[aria-current="step"]').textContent())
      .toContain('Stap 2A');
    await side.locator('#case-title').scrollIntoViewIfNeeded();
    await shot('07-stap-2a-gestart.png');
  });
});
