// Rewrites schema.json from the zod schema: npx tsx scripts/schema.ts
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { configJsonSchema } from '../src/config/configJsonSchema.js';

const target = fileURLToPath(new URL('../schema.json', import.meta.url));
writeFileSync(target, `${JSON.stringify(configJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target}`);
