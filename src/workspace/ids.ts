/** Random identifiers (reference/utilities/utilities#getUuid). */
export function newUuid(): string {
  return Utilities.getUuid();
}
