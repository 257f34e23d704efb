/**
 * Utilities (reference/utilities/utilities). Byte arrays are signed Java bytes
 * (-128…127). Dates and arrays may come from another realm (the vm context), so no `instanceof`.
 */

import { createHash, createHmac } from 'node:crypto';
import { BlobImpl } from './blob';
import { isDate } from './realm';
import { gasError, type Runtime } from './runtime';
import { gasEnum, strict } from './strict';
import { formatDateIn, parseDateIn } from './utilitiesDate';

export const Charset = gasEnum(['US_ASCII', 'UTF_8']);
export const DigestAlgorithm = gasEnum(['MD2', 'MD5', 'SHA_1', 'SHA_256', 'SHA_384', 'SHA_512']);
export const MacAlgorithm = gasEnum([
  'HMAC_MD5',
  'HMAC_SHA_1',
  'HMAC_SHA_256',
  'HMAC_SHA_384',
  'HMAC_SHA_512',
]);

/** Longest `Utilities.sleep` Apps Script accepts (5 minutes). */
export const MAX_SLEEP_MS = 300_000;

const NODE_HASH: Record<string, string> = {
  MD2: 'md2',
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};

type Bytes = GoogleAppsScript.Byte[];

export function toSigned(buf: Uint8Array): number[] {
  return Array.from(buf, (b) => (b > 127 ? b - 256 : b));
}

export { isDate };

function typeName(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (isDate(v)) return 'Date';
  if (Array.isArray(v)) return 'Object[]';
  const t = typeof v;
  return t === 'string' ? 'String' : t === 'number' ? 'number' : t === 'boolean' ? 'Boolean' : 'Object';
}

function signatureError(method: string, args: unknown[]): never {
  throw gasError(
    `The parameters (${args.map(typeName).join(',')}) don't match the method signature for Utilities.${method}.`,
  );
}

/** String → bytes in the given charset (UTF-8 default); byte arrays pass through. */
function bytesOf(data: unknown, charset?: unknown): Uint8Array {
  if (Array.isArray(data)) return Uint8Array.from(data as number[], (b) => Number(b) & 0xff);
  const s = String(data);
  if (String(charset ?? 'UTF_8') === 'US_ASCII') {
    return Uint8Array.from(s, (ch) => (ch.charCodeAt(0) < 128 ? ch.charCodeAt(0) : 63));
  }
  return new Uint8Array(Buffer.from(s, 'utf8'));
}

function decodeBase64(encoded: string, webSafe: boolean): number[] {
  const s = String(encoded).replace(/\s+/g, '');
  const re = webSafe ? /^[A-Za-z0-9_-]*={0,2}$/ : /^[A-Za-z0-9+/]*={0,2}$/;
  if (!re.test(s) || s.replace(/=+$/, '').length % 4 === 1) throw gasError('Could not decode string.');
  return toSigned(new Uint8Array(Buffer.from(s, webSafe ? 'base64url' : 'base64')));
}

/** Java `String.format` subset: `%s %d %f %x %%`, `%n`, flags `-0+,`, width and precision. */
export function javaFormat(template: string, args: unknown[]): string {
  let next = 0;
  return String(template).replace(
    /%(\d+\$)?([-0+,]*)(\d+)?(?:\.(\d+))?([sSdfxX%n])/g,
    (
      _m,
      pos: string | undefined,
      flags: string,
      width: string | undefined,
      prec: string | undefined,
      conv,
    ) => {
      if (conv === '%') return '%';
      if (conv === 'n') return '\n';
      const index = pos ? Number(pos.slice(0, -1)) - 1 : next++;
      if (index >= args.length) throw gasError(`Format specifier '%${conv}'`);
      const arg = args[index];
      let out: string;
      if (conv === 's' || conv === 'S') {
        out = arg === null || arg === undefined ? 'null' : String(arg);
        if (prec) out = out.slice(0, Number(prec));
        if (conv === 'S') out = out.toUpperCase();
      } else {
        const n = Number(arg);
        if (typeof arg !== 'number' || Number.isNaN(n)) throw gasError(`${conv} != java.lang.String`);
        if ((conv === 'd' || conv === 'x' || conv === 'X') && !Number.isInteger(n)) {
          throw gasError(`${conv} != java.lang.Double`);
        }
        if (conv === 'f') out = Math.abs(n).toFixed(prec === undefined ? 6 : Number(prec));
        else if (conv === 'd') out = String(Math.abs(n));
        else out = Math.abs(n).toString(16);
        if (conv === 'X') out = out.toUpperCase();
        if (flags.includes(',')) {
          const [int, frac] = out.split('.');
          out = (int ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac !== undefined ? `.${frac}` : '');
        }
        const sign = n < 0 ? '-' : flags.includes('+') ? '+' : '';
        if (flags.includes('0') && width) out = out.padStart(Number(width) - sign.length, '0');
        out = sign + out;
      }
      if (width && out.length < Number(width)) {
        out = flags.includes('-') ? out.padEnd(Number(width)) : out.padStart(Number(width));
      }
      return out;
    },
  );
}

/** RFC 4180 CSV: quoted fields may hold the delimiter, `""` and line breaks. */
export function parseCsvText(csv: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const s = String(csv);
  while (i < s.length) {
    const c = s.charAt(i);
    if (quoted) {
      if (c === '"' && s.charAt(i + 1) === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === delimiter) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s.charAt(i + 1) === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
    i++;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

class UtilitiesImpl implements Pick<GoogleAppsScript.Utilities.Utilities, 'getUuid' | 'sleep' | 'parseCsv'> {
  readonly Charset = Charset;
  readonly DigestAlgorithm = DigestAlgorithm;
  readonly MacAlgorithm = MacAlgorithm;

  constructor(private readonly rt: Runtime) {}

  formatDate(date: unknown, timeZone: string, format: string): string {
    this.rt.call('Utilities.formatDate');
    if (!isDate(date) || typeof timeZone !== 'string' || typeof format !== 'string') {
      signatureError('formatDate', [date, timeZone, format]);
    }
    return formatDateIn(date, timeZone, format);
  }

  parseDate(date: string, timeZone: string, format: string): Date {
    this.rt.call('Utilities.parseDate');
    if (typeof date !== 'string' || typeof timeZone !== 'string' || typeof format !== 'string') {
      signatureError('parseDate', [date, timeZone, format]);
    }
    return parseDateIn(date, timeZone, format);
  }

  /** Random (v4) UUID, lowercase, 36 characters; drawn from the seeded `rt.random()`. */
  getUuid(): string {
    this.rt.call('Utilities.getUuid');
    const b = Array.from({ length: 16 }, () => Math.floor(this.rt.random() * 256));
    b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
    b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
    const hex = b.map((x) => x.toString(16).padStart(2, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  /** Advances the emulated clock; the wait counts toward the 6-minute execution limit. */
  sleep(milliseconds: number): void {
    this.rt.call('Utilities.sleep');
    const ms = Number(milliseconds);
    if (!Number.isFinite(ms) || ms < 0 || ms > MAX_SLEEP_MS) throw gasError('Invalid argument: milliseconds');
    this.rt.advance(Math.trunc(ms));
    if (this.rt.elapsedInExecution() > this.rt.executionLimitMs)
      throw gasError('Exceeded maximum execution time');
  }

  newBlob(data: unknown, contentType?: string, name?: string): GoogleAppsScript.Base.Blob {
    this.rt.call('Utilities.newBlob');
    if (typeof data !== 'string' && !Array.isArray(data)) signatureError('newBlob', [data]);
    const blob = new BlobImpl(data as string | number[], contentType ?? null, name ?? null);
    return blob as unknown as GoogleAppsScript.Base.Blob;
  }

  computeDigest(algorithm: unknown, value: unknown, charset?: unknown): Bytes {
    this.rt.call('Utilities.computeDigest');
    const alg = NODE_HASH[String(algorithm)];
    if (!alg) signatureError('computeDigest', [algorithm, value]);
    try {
      return toSigned(createHash(alg).update(bytesOf(value, charset)).digest());
    } catch {
      throw gasError(`Niet geëmuleerd: Utilities.computeDigest(${String(algorithm)})`);
    }
  }

  computeHmacSignature(algorithm: unknown, value: unknown, key: unknown, charset?: unknown): Bytes {
    this.rt.call('Utilities.computeHmacSignature');
    const alg = /^HMAC_(.+)$/.exec(String(algorithm))?.[1];
    const nodeAlg = alg ? NODE_HASH[alg] : undefined;
    if (!nodeAlg) signatureError('computeHmacSignature', [algorithm, value, key]);
    return toSigned(createHmac(nodeAlg, bytesOf(key, charset)).update(bytesOf(value, charset)).digest());
  }

  computeHmacSha256Signature(value: unknown, key: unknown, charset?: unknown): Bytes {
    this.rt.call('Utilities.computeHmacSha256Signature');
    if (Array.isArray(value) !== Array.isArray(key))
      signatureError('computeHmacSha256Signature', [value, key]);
    return toSigned(createHmac('sha256', bytesOf(key, charset)).update(bytesOf(value, charset)).digest());
  }

  base64Encode(data: unknown, charset?: unknown): string {
    this.rt.call('Utilities.base64Encode');
    return Buffer.from(bytesOf(data, charset)).toString('base64');
  }

  base64EncodeWebSafe(data: unknown, charset?: unknown): string {
    this.rt.call('Utilities.base64EncodeWebSafe');
    // Apps Script keeps the `=` padding in the web-safe variant.
    return Buffer.from(bytesOf(data, charset)).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
  }

  base64Decode(encoded: string, _charset?: unknown): Bytes {
    this.rt.call('Utilities.base64Decode');
    return decodeBase64(encoded, false);
  }

  base64DecodeWebSafe(encoded: string, _charset?: unknown): Bytes {
    this.rt.call('Utilities.base64DecodeWebSafe');
    return decodeBase64(encoded, true);
  }

  formatString(template: string, ...args: unknown[]): string {
    this.rt.call('Utilities.formatString');
    return javaFormat(template, args);
  }

  parseCsv(csv: string, delimiter?: string): string[][] {
    this.rt.call('Utilities.parseCsv');
    return parseCsvText(csv, delimiter ?? ',');
  }
}

export function createUtilities(rt: Runtime): GoogleAppsScript.Utilities.Utilities {
  return strict(new UtilitiesImpl(rt), 'Utilities') as unknown as GoogleAppsScript.Utilities.Utilities;
}
