/**
 * Strictness helpers shared by the emulated services: handles that refuse members the
 * emulator does not implement, and Apps Script style enums.
 *
 * (Restored by H3 after an accidental overwrite: same exports `strict` and `gasEnum`.)
 */
import { gasError } from './runtime';

/** Property names test frameworks and JS itself probe; they must stay `undefined`. */
const PROBES = new Set(['then', 'toJSON', 'asymmetricMatch', 'nodeType', 'inspect', 'constructor']);

/**
 * Wraps an implementation object so that calling a member Apps Script has but the emulator
 * does not implement throws `Niet geëmuleerd: <Class>.<member>` instead of failing as
 * `undefined is not a function`.
 */
export function strict<T extends object>(impl: T, className: string): T {
  return new Proxy(impl, {
    get(target, prop, receiver) {
      // Fast path first: a defined member (the common case) needs no `in` walk of the prototypes.
      const value = Reflect.get(target, prop, receiver);
      if (value !== undefined || typeof prop === 'symbol' || prop in target) return value;
      if (PROBES.has(prop) || !/^[a-z][A-Za-z0-9]*$/.test(prop)) return undefined;
      return () => {
        throw gasError(`Niet geëmuleerd: ${className}.${prop}`);
      };
    },
  });
}

/**
 * An Apps Script enum (`Button.OK`, `ItemType.TEXT`): each member's value is its own name, so
 * `String(Enum.X) === 'X'` as in Apps Script, and values compare with `===`.
 */
export function gasEnum<const K extends string>(names: readonly K[]): { readonly [P in K]: P } {
  const out = {} as { [P in K]: P };
  for (const n of names) out[n] = n;
  return Object.freeze(out);
}
