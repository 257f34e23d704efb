/** The byte helpers and fingerprints the pure writers share: exact values, so a faster loop stays the same function. */
import { describe, expect, it } from 'vitest';
import { fromSignedBytes, toSignedBytes } from '../../src/render/docx/bytes';
import { treeHash } from '../../src/render/docx/hash';
import { tableHash } from '../../src/render/tableHash';

describe('signed bytes (Apps Script Byte[])', () => {
  it('maps 0..255 to -128..127 and back', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const signed = toSignedBytes(all);
    expect(signed.slice(0, 3)).toEqual([0, 1, 2]);
    expect(signed[127]).toBe(127);
    expect(signed[128]).toBe(-128);
    expect(signed[255]).toBe(-1);
    expect(Array.isArray(signed)).toBe(true);
    expect(signed).toHaveLength(256);
    expect([...fromSignedBytes(signed)]).toEqual([...all]);
  });

  it('gives empty arrays for empty input', () => {
    expect(toSignedBytes(new Uint8Array())).toEqual([]);
    expect(fromSignedBytes([])).toEqual(new Uint8Array());
  });
});

describe('tableHash', () => {
  // Pinned: fingerprints are stored in the spreadsheet, so a changed function would rewrite every tab once.
  it('keeps the fingerprint of a known table', () => {
    const table = {
      name: 'Stap 1',
      rows: [[{ v: 'Vraag-id' }, { v: 'Zoë 👍' }]],
    } as unknown as Parameters<typeof tableHash>[0];
    expect(tableHash(table)).toBe('c44520a18e00163f');
  });
});

describe('treeHash', () => {
  // Pinned: the fingerprint is stored with each document; a changed function would rebuild every document once.
  it('keeps the fingerprint of a known tree, whatever the key order', () => {
    const tree = {
      blocks: [
        {
          type: 'p',
          text: 'Zoë 👍 "x"',
          runs: [1, null, undefined, true],
          z: undefined,
          a: { y: 1, x: [2, 3] },
        },
      ],
    } as unknown as Parameters<typeof treeHash>[0];
    expect(treeHash(tree)).toBe('d407d57a8ff8b4f0');
    const reordered = {
      blocks: [{ a: { x: [2, 3], y: 1 }, runs: [1, null, undefined, true], text: 'Zoë 👍 "x"', type: 'p' }],
    } as unknown as Parameters<typeof treeHash>[0];
    expect(treeHash(reordered)).toBe('d407d57a8ff8b4f0');
  });
});
