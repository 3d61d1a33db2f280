import { describe, it, expect } from 'vitest';
import { rule } from '../../../src/rules/no-placeholder.js';
import { defaultContracts } from '../../../src/config/defaultContracts.js';
import { OrchError } from '../../../src/errors.js';
import type { ConfigInput } from '../../../src/config/schema.js';
import type { FileChange } from '../../../src/types.js';
import { makeChangeSet } from '../../helpers/changeSet.js';
import { makeRuleInput } from '../../helpers/makeRuleInput.js';

const SQL = 'supabase/migrations/20261126090000_orders.sql';
const sql = (...extra: string[]) =>
  ['create table orders (', '  id uuid primary key,', ...extra, '  total numeric not null', ');', ''].join('\n');

function run(
  files: FileChange[],
  contents: { old?: Record<string, string>; new?: Record<string, string> },
  config: ConfigInput = {},
) {
  return rule.check(
    makeRuleInput({
      changes: makeChangeSet({ files, ...contents }),
      config: { contracts: defaultContracts(), ...config },
      agent: 'database-architect',
    }),
  );
}

describe('no-placeholder', () => {
  it('blocks a migration added with a "-- TODO: fill later" line, at that line', async () => {
    const findings = await run([{ status: 'A', path: SQL }], { new: { [SQL]: sql('  -- TODO: fill later') } });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'no-placeholder', path: SQL, line: 3 });
    expect(findings[0].severity).toBeUndefined();
    expect(rule.defaultSeverity('pre-commit')).toBe('error');
    expect(findings[0].message).toContain(`${SQL}:3`);
    expect(findings[0].message).toContain('"TODO"');
    expect(findings[0].message).toContain('-- TODO: fill later');
    expect(findings[0].fix).toContain('line 3');
  });

  it('passes the same migration without the TODO line', async () => {
    expect(await run([{ status: 'A', path: SQL }], { new: { [SQL]: sql() } })).toEqual([]);
  });

  it('does not block a contract whose existing lines contain TODO for an unrelated added line', async () => {
    const path = 'api/openapi.yaml';
    const old = 'openapi: 3.1.0\ninfo:\n  title: Orders # TODO: better title\npaths: {}\n';
    const now = 'openapi: 3.1.0\ninfo:\n  title: Orders # TODO: better title\n  version: 2.0.0\npaths: {}\n';
    expect(await run([{ status: 'M', path }], { old: { [path]: old }, new: { [path]: now } })).toEqual([]);
  });

  it('blocks only the added TODO when the file already had one', async () => {
    const path = 'api/openapi.yaml';
    const old = 'openapi: 3.1.0\n# TODO: old one\npaths: {}\n';
    const now = 'openapi: 3.1.0\n# TODO: old one\npaths: {}\n# FIXME new one\n';
    const findings = await run([{ status: 'M', path }], { old: { [path]: old }, new: { [path]: now } });
    expect(findings.map((f) => [f.line, f.message.includes('"FIXME"')])).toEqual([[4, true]]);
  });

  it('does not flag an existing TODO that was only re-indented', async () => {
    const path = 'schema.graphql';
    const old = 'type Order {\n  # TODO: currency\n  id: ID!\n}\n';
    const now = 'type Order {\n    # TODO: currency\n    id: ID!\n}\n';
    expect(await run([{ status: 'M', path }], { old: { [path]: old }, new: { [path]: now } })).toEqual([]);
  });

  it('does not flag an existing TODO line that was moved', async () => {
    const path = 'db/schema.rb';
    const a = 'create_table "a" do |t|\n  t.string "x" # TODO: limit\nend\n';
    const b = 'create_table "b" do |t|\n  t.string "y"\n  t.string "z"\n  t.integer "n"\nend\n';
    const old = a + b;
    const now = b + a;
    expect(await run([{ status: 'M', path }], { old: { [path]: old }, new: { [path]: now } })).toEqual([]);
  });

  it('reports each placeholder line of a file with its own line and marker', async () => {
    const text = [
      'servers:',
      '  - url: https://api.example.com/v1',
      'components:',
      '  schemas:',
      '    Order:',
      '      description: Lorem ipsum dolor sit amet',
      '      properties:',
      '        id: { type: string, default: "00000000-0000-0000-0000-000000000000" }',
      '        apiKey: { type: string, default: your-api-key }',
      '        email: { type: string, example: jane@example.com }',
      '',
    ].join('\n');
    const findings = await run([{ status: 'A', path: 'api/openapi.yaml' }], { new: { 'api/openapi.yaml': text } });
    expect(findings.map((f) => [f.line, /"([^"]+)"/.exec(f.message)![1]])).toEqual([
      [2, 'example.com'],
      [6, 'Lorem ipsum'],
      [8, '00000000-0000-0000-0000-000000000000'],
      [9, 'your-api-key'],
    ]);
  });

  it('flags mock data but not a "type Todo" or a field named placeholder', async () => {
    const old = 'type Todo {\n  id: ID!\n}\n';
    const now = 'type Todo {\n  id: ID!\n  placeholder: String\n  title: String # mock data for now\n}\n';
    const findings = await run([{ status: 'M', path: 'schema.graphql' }], {
      old: { 'schema.graphql': old },
      new: { 'schema.graphql': now },
    });
    expect(findings.map((f) => f.line)).toEqual([4]);
    expect(findings[0].message).toContain('"mock data"');
  });

  it('ignores paths outside contracts and placeholders.paths, and deleted files', async () => {
    const findings = await run(
      [
        { status: 'A', path: 'src/orders.ts' },
        { status: 'D', path: 'db/schema.rb' },
      ],
      { old: { 'db/schema.rb': '# TODO\n' }, new: { 'src/orders.ts': '// TODO: later\n' } },
    );
    expect(findings).toEqual([]);
  });

  it('checks placeholders.paths besides contract paths', async () => {
    const findings = await run(
      [{ status: 'A', path: 'config/seed.yaml' }],
      { new: { 'config/seed.yaml': 'admin_password: changeme\n' } },
      { placeholders: { paths: ['config/**'] } },
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: 'config/seed.yaml', line: 1 });
    expect(findings[0].message).toContain('"changeme"');
  });

  it('compares a renamed file with its old content', async () => {
    const before = 'create table a (id int); -- TODO: index\n';
    const findings = await run(
      [{ status: 'R', path: 'supabase/migrations/002_a.sql', oldPath: 'supabase/migrations/001_a.sql' }],
      {
        old: { 'supabase/migrations/001_a.sql': before },
        new: { 'supabase/migrations/002_a.sql': before + 'create table b (id int); -- TBD\n' },
      },
    );
    expect(findings.map((f) => [f.path, f.line])).toEqual([['supabase/migrations/002_a.sql', 2]]);
  });

  it('uses configured patterns instead of the built-in list, case-insensitively', async () => {
    const text = '-- TODO: later\n-- wip: orders\n';
    const findings = await run(
      [{ status: 'A', path: SQL }],
      { new: { [SQL]: text } },
      { placeholders: { patterns: ['\\bWIP\\b'] } },
    );
    expect(findings.map((f) => [f.line, /"([^"]+)"/.exec(f.message)![1]])).toEqual([[2, 'wip']]);
  });

  it('throws an OrchError naming the key when a configured pattern is not a regular expression', async () => {
    const call = () =>
      run([{ status: 'A', path: SQL }], { new: { [SQL]: sql() } }, { placeholders: { patterns: ['[unclosed'] } });
    await expect(call()).rejects.toBeInstanceOf(OrchError);
    await expect(call()).rejects.toThrow(/placeholders\.patterns\[0\]/);
  });

  it('documents the markers, the fix and its config keys', () => {
    for (const word of ['TODO', 'lorem ipsum', 'example.com', 'placeholders.patterns', 'placeholders.paths', 'added']) {
      expect(rule.docs).toContain(word);
    }
  });
});
