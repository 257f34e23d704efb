/**
 * The single entry point to zod for the whole code base. zod's JIT fast path probes
 * `new Function`, which we avoid everywhere (jitless), and messages that no schema overrides
 * fall back to Dutch. Consumers write `import * as z from './zod'`: a namespace import keeps
 * esbuild able to drop the parts of zod we do not use (only the Dutch locale is bundled).
 */
import { config } from 'zod';
import nl from 'zod/v4/locales/nl.js';

config({ jitless: true });
config(nl());

export * from 'zod';
