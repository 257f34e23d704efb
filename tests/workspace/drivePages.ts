/** Drive.Files.list in small pages, for tests of listings that span pages. */

/**
 * Drive.Files.list with pages of `size` instead of the product's 1,000 (the emulator pages like
 * files/list: nextPageToken until the last page), and at most `max` calls so that a listing that
 * never reaches its last page fails instead of running on.
 */
export function smallPages(size: number, max = 20): () => number {
  const g = globalThis as { Drive?: GoogleAppsScript.Drive };
  const real = g.Drive!;
  let calls = 0;
  g.Drive = {
    Files: {
      get: (...a: unknown[]) => (real.Files.get as (...x: unknown[]) => unknown)(...a),
      copy: (...a: unknown[]) => (real.Files.copy as (...x: unknown[]) => unknown)(...a),
      list: (args: Record<string, unknown>) => {
        calls++;
        if (calls > max) throw new Error(`meer dan ${max} pagina's`);
        return real.Files.list({ ...args, pageSize: size });
      },
    },
  } as unknown as GoogleAppsScript.Drive;
  return () => calls;
}
