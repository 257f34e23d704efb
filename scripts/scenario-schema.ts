// Writes docs/scenario.schema.json from the zod schema: `npm run schema`.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scenarioJsonSchema } from '../src/local/demo/scenarioJsonSchema';

const file = join(import.meta.dirname, '..', 'docs', 'scenario.schema.json');
writeFileSync(file, scenarioJsonSchema());
console.log(`geschreven: ${file}`);
