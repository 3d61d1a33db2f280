import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { designExample } from '../../fixtures/config/designExample.js';
import { parseConfig } from '../../../src/config/parseConfig.js';
import { OrchError } from '../../../src/errors.js';

const FILE = '/repo/.orchrc.json';

function errorOf(raw: unknown, file = FILE): OrchError {
  try {
    parseConfig(raw, file);
  } catch (e) {
    expect(e).toBeInstanceOf(OrchError);
    return e as OrchError;
  }
  throw new Error('expected parseConfig to throw');
}

describe('parseConfig: valid input', () => {
  it('accepts the documented example and fills in defaults for the rest', () => {
    const config = parseConfig(designExample, FILE);
    expect(config.contracts[1].owners).toEqual(['database-architect']);
    expect(config.rules['no-placeholder']).toBe('warn');
    expect(config.services.ignore).toEqual([]);
    expect(config.review.branches).toEqual(['@default', 'release/*']);
    expect(config.locks.branch).toBe('orch/locks');
    expect(config.agents['backend-architect'].signingKeys).toEqual([]);
  });

  it('gives the defaults for an empty object, and accepts a $schema key', () => {
    const config = parseConfig({ $schema: './node_modules/orchguard/schema.json' }, FILE);
    expect(config.statusFile).toBe('WORK_STATUS.md');
    expect(config.indexFile).toBe('orchestration-index.md');
    expect(config.contracts).toEqual([]);
    expect(config.log.enabled).toBe(true);
  });
});

describe('parseConfig: messages for invalid input', () => {
  it('names file, key path, what was expected, what was found and the fix for a wrong type', () => {
    const e = errorOf({ contracts: [{ name: 'api', paths: ['api/**'], owners: 'backend-architect' }] });
    expect(e.exitCode).toBe(2);
    expect(e.message).toContain(FILE);
    expect(e.message).toContain(
      'contracts[0].owners: expected a list of agent names, found the string "backend-architect". Write it as a list: ["backend-architect"].',
    );
  });

  it('lists the severities in words for a bad severity and guesses the intended one', () => {
    const e = errorOf({ rules: { 'no-placeholder': 'warnn' } });
    expect(e.message).toContain(
      'rules.no-placeholder: expected one of error, warning, warn, off, found the string "warnn". Did you mean "warn"?',
    );
  });

  it('suggests the closest rule id for a misspelt one', () => {
    const e = errorOf({ rules: { 'lock-conflct': 'error' } });
    expect(e.message).toContain('rules.lock-conflct: unknown rule id. Did you mean "lock-conflict"?');
  });

  it('suggests the correctly cased key for a miscased one', () => {
    expect(errorOf({ statusfile: 'S.md' }).message).toContain('statusfile: unknown key. Did you mean "statusFile"?');
    expect(errorOf({ status_file: 'S.md' }).message).toContain('Did you mean "statusFile"?');
  });

  it('says where a key written at the wrong level belongs', () => {
    const e = errorOf({ reviewer: 'docker-expert' });
    expect(e.message).toContain('reviewer: unknown key here; "reviewer" belongs in "review". Move it there.');
  });

  it('lists the allowed keys when nothing is close', () => {
    const e = errorOf({ agents: { a: { emails: [], colour: 'blue' } } });
    expect(e.message).toContain('agents.a.colour: unknown key. Keys allowed here: emails, signingKeys.');
  });

  it('reports a missing required key and an empty owner list', () => {
    const e = errorOf({ contracts: [{ name: 'db', owners: [] }] });
    expect(e.message).toContain('contracts[0].paths: missing; expected a list of glob patterns. Add it.');
    expect(e.message).toContain('contracts[0].owners: expected at least one agent name, found an empty list.');
  });

  it('tells to drop the quotes from quoted booleans and numbers', () => {
    const e = errorOf({ log: { enabled: 'false', maxPaths: '5' } });
    expect(e.message).toContain(
      'log.enabled: expected true or false, found the string "false". Write false without quotes.',
    );
    expect(e.message).toContain('log.maxPaths: expected a number, found the string "5". Write 5 without quotes.');
  });

  it("uses the schema's own wording for formats", () => {
    const e = errorOf({ locks: { ttl: '8 hours' } });
    expect(e.message).toContain(
      'locks.ttl: expected a duration such as "30m", "8h" or "2d", found the string "8 hours".',
    );
  });

  it('writes awkward keys in bracket form', () => {
    const e = errorOf({ agents: { 'backend.architect': { emails: 'b@example.org' } } });
    expect(e.message).toContain('agents["backend.architect"].emails: expected a list of email addresses');
  });

  it('explains a top level that is not an object', () => {
    expect(errorOf([]).message).toContain('(top level): expected an object with the settings');
    expect(errorOf('statusFile').message).toContain('found the string "statusFile"');
  });

  it('lists every problem, counts them, and caps the list at ten', () => {
    const two = errorOf({ statusFile: 12, indexFile: '' });
    expect(two.message).toContain('(2 problems)');
    expect(two.message).toContain(
      'statusFile: expected a repository-relative file path, found the number 12. Put it in quotes: "12".',
    );
    expect(two.message).toContain(
      'indexFile: expected a non-empty repository-relative file path, found an empty string.',
    );

    const many = Object.fromEntries(Array.from({ length: 13 }, (_, i) => [`unknown${i}`, i]));
    const e = errorOf(many);
    expect(e.message).toContain('(13 problems)');
    expect(e.message.split('\n').filter((l) => l.startsWith('  - unknown'))).toHaveLength(10);
    expect(e.message).toContain('…and 3 more.');
  });

  it("never shows zod's raw wording", () => {
    const e = errorOf({ contracts: {}, rules: { x: 1 }, log: { maxEntries: 1.5 } });
    expect(e.message).not.toMatch(/Invalid input|Invalid option|Unrecognized key|"code":|received/);
    expect(e.message).toContain('log.maxEntries: expected a whole number, found the number 1.5. Use a whole number.');
  });

  it("points at the JSON Schema in its hint, in the file's own syntax", () => {
    // a path that exists from where the file is (no ./node_modules in /repo: the running package's)
    const schema = /"\$schema": "([^"]+)"/.exec(errorOf({ x: 1 }).hint ?? '')?.[1];
    expect(schema && fs.existsSync(schema)).toBe(true);
    expect(errorOf({ x: 1 }, '/repo/package.json (key "orch")').hint).toBe('Fix the keys listed above.');
    expect(errorOf({ x: 1 }, '/repo/.orchrc.yaml').hint).toContain('# yaml-language-server: $schema=');
  });
});
