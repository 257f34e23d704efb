import { describe, expect, it } from 'vitest';
import { Runtime } from '../../src/local/apps-script/runtime';
import { createUtilities } from '../../src/local/apps-script/utilities';

function setup(seed = 1) {
  const rt = new Runtime({ latency: false, seed });
  return { rt, u: createUtilities(rt) };
}

const hex = (bytes: number[]) => bytes.map((b) => (b & 0xff).toString(16).padStart(2, '0')).join('');
const AMS = 'Europe/Amsterdam';

describe('Utilities.formatDate', () => {
  const { u } = setup();
  const monday = new Date(Date.UTC(2026, 0, 5, 8, 0, 7, 45)); // 09:00:07.045 in Amsterdam

  it('formats the common SimpleDateFormat letters', () => {
    expect(u.formatDate(monday, AMS, 'yyyy-MM-dd HH:mm:ss.SSS')).toBe('2026-01-05 09:00:07.045');
    expect(u.formatDate(monday, AMS, 'EEEE d MMMM yyyy')).toBe('Monday 5 January 2026');
    expect(u.formatDate(monday, AMS, "EEE, MMM d, ''yy")).toBe("Mon, Jan 5, '26");
    expect(u.formatDate(monday, AMS, "yyyy-MM-dd'T'HH:mm:ssXXX")).toBe('2026-01-05T09:00:07+01:00');
    expect(u.formatDate(monday, AMS, 'h:mm a Z z')).toBe('9:00 AM +0100 CET');
    expect(u.formatDate(monday, 'UTC', 'HH:mm XXX')).toBe('08:00 Z');
    expect(u.formatDate(monday, AMS, 'M/d')).toBe('1/5');
    expect(u.formatDate(monday, 'GMT-03:30', 'HH:mm')).toBe('04:30');
  });

  it('follows daylight saving time in Europe/Amsterdam', () => {
    const f = (ms: number) => u.formatDate(new Date(ms), AMS, 'yyyy-MM-dd HH:mm Z z');
    expect(f(Date.UTC(2026, 2, 29, 0, 59))).toBe('2026-03-29 01:59 +0100 CET');
    expect(f(Date.UTC(2026, 2, 29, 1, 0))).toBe('2026-03-29 03:00 +0200 CEST');
    expect(f(Date.UTC(2026, 9, 25, 0, 59))).toBe('2026-10-25 02:59 +0200 CEST');
    expect(f(Date.UTC(2026, 9, 25, 1, 0))).toBe('2026-10-25 02:00 +0100 CET');
  });

  it('rejects unknown pattern letters and non-Date arguments', () => {
    expect(() => u.formatDate(monday, AMS, 'yyyy qq')).toThrow("Illegal pattern character 'q'");
    expect(() => u.formatDate('2026-01-05' as unknown as Date, AMS, 'yyyy')).toThrow(
      "The parameters (String,String,String) don't match the method signature for Utilities.formatDate.",
    );
  });

  it('an unknown time zone falls back to GMT, like Java', () => {
    expect(u.formatDate(monday, 'Mars/Olympus', 'HH:mm')).toBe('08:00');
  });
});

describe('Utilities.parseDate', () => {
  const { u } = setup();
  it('parses in the given zone, across DST', () => {
    expect(u.parseDate('2026-03-29 03:30', AMS, 'yyyy-MM-dd HH:mm').toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    );
    expect(u.parseDate('05-01-2026', AMS, 'dd-MM-yyyy').toISOString()).toBe('2026-01-04T23:00:00.000Z');
    expect(u.parseDate('20260105', 'UTC', 'yyyyMMdd').toISOString()).toBe('2026-01-05T00:00:00.000Z');
    expect(u.parseDate('5 January 2026 9:15 PM', AMS, 'd MMMM yyyy h:mm a').toISOString()).toBe(
      '2026-01-05T20:15:00.000Z',
    );
  });

  it('throws on unparseable text', () => {
    expect(() => u.parseDate('gisteren', AMS, 'yyyy-MM-dd')).toThrow('Unparseable date: "gisteren"');
  });
});

describe('Utilities misc', () => {
  it('getUuid returns a lowercase v4 UUID, deterministic per seed', () => {
    const a = setup(7).u;
    const b = setup(7).u;
    const ids = [a.getUuid(), a.getUuid()];
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(ids[0]).not.toBe(ids[1]);
    expect(b.getUuid()).toBe(ids[0]);
  });

  it('computeDigest returns signed bytes', () => {
    const { u } = setup();
    const d = u.computeDigest(u.DigestAlgorithm.SHA_256, 'abc');
    expect(hex(d)).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(d[0]).toBe(-70);
    expect(d.every((b) => b >= -128 && b <= 127)).toBe(true);
    expect(hex(u.computeDigest(u.DigestAlgorithm.MD5, ''))).toBe('d41d8cd98f00b204e9800998ecf8427e');
  });

  it('computeHmacSha256Signature matches the known vector', () => {
    const { u } = setup();
    const sig = u.computeHmacSha256Signature('The quick brown fox jumps over the lazy dog', 'key');
    expect(hex(sig)).toBe('f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8');
  });

  it('base64 round-trips with signed bytes', () => {
    const { u } = setup();
    expect(u.base64Encode('abc')).toBe('YWJj');
    expect(u.base64Decode('w6k=')).toEqual([-61, -87]);
    expect(u.newBlob(u.base64Decode(u.base64Encode('één'))).getDataAsString()).toBe('één');
    expect(u.base64EncodeWebSafe([-5, -1])).toBe('-_8=');
    expect(u.base64DecodeWebSafe('-_8=')).toEqual([-5, -1]);
    expect(() => u.base64Decode('***')).toThrow('Could not decode string.');
  });

  it('sleep advances the emulated clock and refuses more than 5 minutes', () => {
    const { rt, u } = setup();
    const t0 = rt.now();
    u.sleep(1500);
    expect(rt.now()).toBe(t0 + 1500);
    expect(() => u.sleep(300_001)).toThrow();
    rt.beginExecution();
    u.sleep(300_000);
    expect(() => u.sleep(61_000)).toThrow('Exceeded maximum execution time');
  });

  it('formatString follows Java String.format for %s, %d and %f', () => {
    const { u } = setup();
    expect(u.formatString('%s heeft %d taken (%.1f%%)', 'Politie', 3, 42.25)).toBe(
      'Politie heeft 3 taken (42.3%)',
    );
    expect(u.formatString('[%5s|%-5s|%03d]', 'ab', 'cd', 7)).toBe('[   ab|cd   |007]');
    expect(() => u.formatString('%d', 2.5)).toThrow();
  });

  it('parseCsv handles quotes, doubled quotes and line breaks', () => {
    const { u } = setup();
    expect(u.parseCsv('a,"b,c","d ""e"""\n"f\ng",h\n')).toEqual([
      ['a', 'b,c', 'd "e"'],
      ['f\ng', 'h'],
    ]);
    expect(u.parseCsv('a;b', ';')).toEqual([['a', 'b']]);
  });

  it('newBlob keeps content type and name', () => {
    const { u } = setup();
    const blob = u.newBlob('hallo', 'text/plain', 'groet.txt');
    expect(blob.getContentType()).toBe('text/plain');
    expect(blob.getName()).toBe('groet.txt');
    expect(blob.getBytes()).toEqual([104, 97, 108, 108, 111]);
  });
});
