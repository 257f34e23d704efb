/** Reading a PNG's size from its IHDR chunk (https://www.w3.org/TR/png/#11IHDR). */
const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

export function pngSize(png: Uint8Array): { width: number; height: number } | null {
  if (png.length < 24 || SIGNATURE.some((b, i) => png[i] !== b)) return null;
  const be = (o: number) => ((png[o]! << 24) | (png[o + 1]! << 16) | (png[o + 2]! << 8) | png[o + 3]!) >>> 0;
  if (String.fromCharCode(png[12]!, png[13]!, png[14]!, png[15]!) !== 'IHDR') return null;
  const width = be(16);
  const height = be(20);
  return width > 0 && height > 0 ? { width, height } : null;
}
