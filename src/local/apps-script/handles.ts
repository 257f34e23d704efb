/**
 * Handle plumbing for the Sheets and Drive emulation: every object handed to script code is a
 * `strict` proxy (unknown members throw `Niet geëmuleerd: …`), and handles passed back in as
 * arguments (`setActiveSheet(sheet)`, `moveTo(folder)`) are unwrapped to their implementation.
 * Also the Java-style signature error and the email check Drive and Protection share.
 */
import { isDate } from './realm';
import { gasError } from './runtime';
import { strict } from './strict';

const impls = new WeakMap<object, object>();

/** Wraps `impl` as a strict handle and returns it typed as the Apps Script interface `T`. */
export function wrap<T>(impl: object, className: string): T {
  const handle = strict(impl, className);
  impls.set(handle, impl);
  return handle as unknown as T;
}

/** The implementation behind a handle made by `wrap`, if it is an instance of `ctor`. */
export function implOf<T>(handle: unknown, ctor: abstract new (...args: never[]) => T): T | null {
  if (handle === null || typeof handle !== 'object') return null;
  const impl = impls.get(handle);
  return impl instanceof ctor ? impl : null;
}

/**
 * Java-side type name as Apps Script prints it in signature errors (`String`, `number[]`);
 * `objectName` names an object the emulator made (a handle), or gives undefined for `Object`.
 */
export function javaTypeName(v: unknown, objectName: (o: object) => string | undefined): string {
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  if (typeof v === 'string') return 'String';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'Boolean';
  if (isDate(v)) return 'Date';
  if (Array.isArray(v)) {
    const first = v.find((x) => x !== null && x !== undefined);
    return `${first === undefined ? 'Object' : javaTypeName(first, objectName)}[]`;
  }
  if (typeof v === 'object') return objectName(v) ?? 'Object';
  return 'Object';
}

/** The type name of a Sheets/Drive argument: handles made by `wrap` give their class name. */
export function typeName(v: unknown): string {
  return javaTypeName(v, (o) => impls.get(o)?.constructor.name.replace(/Impl$/, ''));
}

/**
 * `The parameters (number[]) don't match the method signature for SpreadsheetApp.Range.setValues.`
 * Pattern widely reported (guides/support/troubleshooting); `method` is the full `<Service>.<Class>.<method>`.
 */
export function signatureError(method: string, args: readonly unknown[]): Error {
  return gasError(
    `The parameters (${args.map(typeName).join(',')}) don't match the method signature for ${method}.`,
  );
}

/** A user given as an email string or as a `User` handle (`getEmail()`). */
export function emailOf(user: unknown): string {
  if (
    user !== null &&
    typeof user === 'object' &&
    typeof (user as { getEmail?: unknown }).getEmail === 'function'
  ) {
    return String((user as { getEmail(): string }).getEmail());
  }
  return String(user ?? '');
}

/** `Invalid email: <addr>` [W] (reference/drive/drive-app, File.addEditor). Returns the lower-cased address. */
export function checkEmail(user: unknown): string {
  const s = emailOf(user);
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s)) throw gasError(`Invalid email: ${s}`);
  return s.toLowerCase();
}

class UserImpl {
  constructor(private readonly email: string) {}
  getEmail(): string {
    return this.email;
  }
  getName(): string {
    return this.email.split('@')[0] ?? '';
  }
  getDomain(): string {
    return this.email.split('@')[1] ?? '';
  }
  getPhotoUrl(): string {
    return '';
  }
  getUserLoginId(): string {
    return this.email;
  }
}

/** A `User` (Drive.User / Base.User) for an email address; no calls counted (a plain value object). */
export function userFor<T = GoogleAppsScript.Drive.User>(email: string): T {
  return wrap<T>(new UserImpl(email), 'User');
}
