/**
 * A store-only zip writer (PKWARE APPNOTE.TXT, compression method 0). Chosen over
 * Utilities.zip because it costs no service call, runs the same in the bundle and in tests,
 * and gives byte-identical output for the same input (fixed 1980-01-01 timestamps), which is
 * what lets an unchanged document be recognised. Word and Drive read stored entries; the
 * document parts are small, so compression would save little.
 */
import { concat, crc32, utf8 } from './bytes';

export interface ZipEntry {
  /** Path inside the archive, forward slashes. */
  name: string;
  data: Uint8Array;
}

function u16(n: number): number[] {
  return [n & 0xff, (n >>> 8) & 0xff];
}

function u32(n: number): number[] {
  return [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
}

/** DOS date of 1980-01-01 00:00 (APPNOTE §4.4.6): day 1, month 1, year 0. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
/** Bit 11: names are UTF-8 (APPNOTE appendix D). */
const FLAGS = 0x0800;

export function zipStore(entries: readonly ZipEntry[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  const seen = new Set<string>();
  for (const e of entries) {
    if (seen.has(e.name)) throw new Error(`Dubbele naam in zip: ${e.name}`);
    seen.add(e.name);
    const name = utf8(e.name);
    const crc = crc32(e.data);
    const size = e.data.length;
    const common = [...u16(FLAGS), ...u16(0), ...u16(DOS_TIME), ...u16(DOS_DATE), ...u32(crc)];
    const local = Uint8Array.from([
      ...u32(0x04034b50),
      ...u16(20),
      ...common,
      ...u32(size),
      ...u32(size),
      ...u16(name.length),
      ...u16(0),
    ]);
    locals.push(local, name, e.data);
    centrals.push(
      Uint8Array.from([
        ...u32(0x02014b50),
        ...u16(20),
        ...u16(20),
        ...common,
        ...u32(size),
        ...u32(size),
        ...u16(name.length),
        ...u16(0),
        ...u16(0),
        ...u16(0),
        ...u16(0),
        ...u32(0),
        ...u32(offset),
      ]),
      name,
    );
    offset += local.length + name.length + size;
  }
  const central = concat(centrals);
  const end = Uint8Array.from([
    ...u32(0x06054b50),
    ...u16(0),
    ...u16(0),
    ...u16(entries.length),
    ...u16(entries.length),
    ...u32(central.length),
    ...u32(offset),
    ...u16(0),
  ]);
  return concat([...locals, central, end]);
}
