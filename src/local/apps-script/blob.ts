/**
 * Utilities.newBlob / File.getBlob / Document.getAs all hand out Blobs
 * (reference/base/blob). Data is kept as bytes; strings are UTF-8 encoded.
 */
import { gasError } from './runtime';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Java bytes (-128..127) → bytes; a plain loop (a mapping callback per byte is slow on large files). */
function fromJavaBytes(data: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) out[i] = (data[i] ?? 0) & 0xff;
  return out;
}

function toJavaBytes(bytes: Uint8Array): number[] {
  const out = new Array<number>(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    out[i] = b > 127 ? b - 256 : b;
  }
  return out;
}

export class BlobImpl {
  private bytes: Uint8Array;
  private contentType: string | null;
  private name: string | null;

  constructor(data: string | Uint8Array | number[], contentType?: string | null, name?: string | null) {
    if (typeof data === 'string') this.bytes = encoder.encode(data);
    else if (data instanceof Uint8Array) this.bytes = new Uint8Array(data);
    // Apps Script byte arrays are signed Java bytes (-128..127).
    else this.bytes = fromJavaBytes(data);
    this.contentType = contentType ?? null;
    this.name = name ?? null;
  }

  /** Raw bytes (for exporters; not part of the Apps Script surface). */
  rawBytes(): Uint8Array {
    return this.bytes;
  }

  getBytes(): number[] {
    return toJavaBytes(this.bytes);
  }

  setBytes(data: number[]): BlobImpl {
    this.bytes = fromJavaBytes(data);
    return this;
  }

  getDataAsString(_charset?: string): string {
    return decoder.decode(this.bytes);
  }

  setDataFromString(s: string): BlobImpl {
    this.bytes = encoder.encode(s);
    return this;
  }

  getContentType(): string | null {
    return this.contentType;
  }

  setContentType(ct: string): BlobImpl {
    this.contentType = ct;
    return this;
  }

  getName(): string | null {
    return this.name;
  }

  setName(name: string): BlobImpl {
    this.name = name;
    return this;
  }

  getBlob(): BlobImpl {
    return this;
  }

  copyBlob(): BlobImpl {
    return new BlobImpl(this.bytes, this.contentType, this.name);
  }

  isGoogleType(): boolean {
    return false;
  }

  getAs(contentType: string): BlobImpl {
    if (contentType === this.contentType) return this.copyBlob();
    throw gasError(`Converting from ${this.contentType ?? 'unknown'} to ${contentType} is not supported.`);
  }
}
