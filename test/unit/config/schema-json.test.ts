import { readFileSync } from 'node:fs';
import { designExample } from '../../fixtures/config/designExample.js';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { configJsonSchema } from '../../../src/config/configJsonSchema.js';

const schemaFile = fileURLToPath(new URL('../../../schema.json', import.meta.url));
const shipped = readFileSync(schemaFile, 'utf8');

describe('schema.json', () => {
  it('is what the zod schema generates (regenerate with: npx tsx scripts/schema.ts)', () => {
    expect(shipped).toBe(`${JSON.stringify(configJsonSchema(), null, 2)}\n`);
  });

  // ajv in strict mode rejects keywords editors would not understand either.
  const validate = new Ajv({ strict: true, allErrors: true }).compile(JSON.parse(shipped));

  it('is draft-07, the draft editors complete', () => {
    expect(JSON.parse(shipped).$schema).toBe('http://json-schema.org/draft-07/schema#');
  });

  it('accepts the documented example with a "$schema" key, and an empty file body', () => {
    const example = { $schema: './node_modules/orchguard/schema.json', ...designExample };
    expect(validate(example), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({})).toBe(true);
  });

  it('flags what the loader refuses: unknown keys, unknown rule ids, bad severities, owners as a string', () => {
    expect(validate({ statusfile: 'x' })).toBe(false);
    expect(validate({ rules: { 'lock-conflct': 'error' } })).toBe(false);
    expect(validate({ rules: { 'lock-conflict': 'warnn' } })).toBe(false);
    expect(validate({ contracts: [{ name: 'api', paths: ['a'], owners: 'backend' }] })).toBe(false);
  });

  it('lists every rule id as a property, so editors complete them', () => {
    const rules = JSON.parse(shipped).properties.rules;
    expect(Object.keys(rules.properties)).toContain('no-placeholder');
    expect(rules.properties['lock-conflict'].enum).toEqual(['error', 'warning', 'warn', 'off']);
  });
});
