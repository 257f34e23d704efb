/**
 * Reading a zip archive (PKWARE APPNOTE.TXT): the central directory, stored (method 0) and
 * deflated (method 8) entries. Used by the Drive conversion of uploaded .docx files and by tests.
 */
import { inflateRawSync } from 'node:zlib';
import { crc32 } from '../../render/docx/bytes';

export function unzip(data: Uint8Array): Map<string, Uint8Array> {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('Geen zip-archief: het einde van de centrale map ontbreekt.');
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const out = new Map<string, Uint8Array>();
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (view.getUint32(p, true) !== 0x02014b50) throw new Error('Zip-archief beschadigd (centrale map).');
    const method = view.getUint16(p + 10, true);
    const crc = view.getUint32(p + 16, true);
    const compressed = view.getUint32(p + 20, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const local = view.getUint32(p + 42, true);
    const name = decoder.decode(data.subarray(p + 46, p + 46 + nameLen));
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const raw = data.subarray(start, start + compressed);
    let bytes: Uint8Array;
    if (method === 0) bytes = raw.slice();
    else if (method === 8) bytes = new Uint8Array(inflateRawSync(raw));
    else throw new Error(`Zip-methode ${method} wordt niet gelezen (${name}).`);
    if (crc32(bytes) !== crc)
      throw new Error(`Zip-archief beschadigd: controlegetal van ${name} klopt niet.`);
    out.set(name, bytes);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}
