/**
 * The built bundle (dist/Code.js in a node:vm context on the in-memory Apps Script), through its
 * menu: the Zelftest reports in Dutch and leaves nothing behind, and a register copied with
 * Bestand → Kopie maken says on its first menu click that it set itself up as a new register.
 */
import { describe, expect, it } from 'vitest';
import { partnersToRows } from '../../src/model/schemas';
import { COPY_NOTICE } from '../../src/workflow/ownRegister';
import { PARTNERS } from '../workflow/helpers';
import { click, loadBundle, settingsRows, writeTab } from './bundleHarness';

describe('dist/Code.js: Zelftest en een gekopieerd register', () => {
  it('de Zelftest via het menu, daarna een kopie die zich inricht', () => {
    const { rt, ctx, ss } = loadBundle();
    expect(click(rt, ctx, 'menuSetup')).toContain('Het register is ingericht');
    writeTab(ss, 'Instellingen', settingsRows());
    writeTab(ss, 'Partners', partnersToRows(PARTNERS as never));

    const live = () => [...rt.drive.values()].filter((e) => !e.trashed).length;
    const before = live();
    const report = click(rt, ctx, 'menuSelftest');
    expect(report).toMatch(/^Zelftest geslaagd\./);
    expect(report).toContain('werkt — Opruimen:');
    expect(live()).toBe(before);
    expect(rt.mailbox.map((m) => m.to)).toEqual([['regie@proefdorp.example']]);

    // Bestand → Kopie maken: the copy's first menu item says what happened.
    const copy = (ctx.DriveApp as GoogleAppsScript.Drive.DriveApp).getFileById(ss.getId()).makeCopy('Kopie');
    rt.boundContainerId = copy.getId();
    expect(click(rt, ctx, 'menuCheckSettings').startsWith(`${COPY_NOTICE}\n\n`)).toBe(true);
    expect(click(rt, ctx, 'menuCheckSettings')).not.toContain(COPY_NOTICE);
  });
});
