// Through the built CLI, as a user meets it: unreadable configuration exits 2 with a message
// naming the file (and line), and blocks a commit; damaged status and compose files never
// crash orch. No stack trace, no "internal error", ever.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { isOrchError } from '../../src/errors.js';
import { parseConfigText } from '../../src/config/parseConfigText.js';
import { readStatus } from '../../src/status/readStatus.js';
import { cleanupAll, tempRepo, type Run } from '../helpers/tempRepo.js';
import { applyEdit, editArb } from './mutate.js';

const STACK = /\n\s+at [^\n]*:\d+:\d+/;
const runs = { cli: 0, crashes: 0 };

afterAll(() => {
  cleanupAll();
  console.log(`[reliability] cli unreadable inputs: ${runs.cli} orch runs, ${runs.crashes} crashes`);
});

function noCrash(r: Run): void {
  runs.cli++;
  const crashed = STACK.test(r.out) || /internal error/i.test(r.out) || r.code > 2;
  if (crashed) runs.crashes++;
  expect(r.out).not.toMatch(STACK);
  expect(r.out).not.toMatch(/internal error/i);
  expect(r.code).toBeLessThanOrEqual(2);
}

const GOOD = { statusFile: 'WORK_STATUS.md', rules: { 'lock-conflict': 'error' }, locks: { ttl: '8h' } };

/** Hand-picked breakage, then generated texts the parser rejects, all in one list. */
function brokenConfigs(): { name: string; text: string; line?: number }[] {
  const fixed = [
    {
      name: '.orchrc.json',
      text: '{\n  "statusFile": "WORK_STATUS.md",\n  "rules": {\n    "lock-conflict": "error",\n  }\n}\n',
      line: 4,
    },
    { name: '.orchrc.json', text: '{\n  "statusFile": WORK_STATUS.md\n}\n', line: 2 },
    { name: '.orchrc.json', text: '{"locks": {"ttl": "eight hours"}}' },
    { name: '.orchrc.json', text: '\u0000\u0001binary' },
    { name: '.orchrc.json', text: '' },
    { name: '.orchrc.json', text: '[]' },
    { name: '.orchrc.yaml', text: 'statusFile: WORK_STATUS.md\nrules:\n  lock-conflict: [error\n', line: 4 },
    { name: '.orchrc.yaml', text: 'statusFile: WORK_STATUS.md\nrules: *missing\n', line: 2 },
    { name: '.orchrc.yaml', text: 'contracts:\n  - name: api\n    paths: "**/*.yaml"\n' },
    { name: '.orchrc', text: 'statusFile:\n\t- tab indented\n', line: 2 },
    { name: 'package.json', text: '{"name": "x", "orch": {"statusFile": ""}}' },
  ];
  const generated = fc.sample(
    fc
      .tuple(
        fc.constantFrom('.orchrc.json', '.orchrc.yaml'),
        fc.array(editArb(['{', '}', '"', ',', ':', '\n', '*a', '&', '- ', '[', ']']), { minLength: 1, maxLength: 4 }),
      )
      .map(([name, edits]) => {
        const text = name.endsWith('.json')
          ? JSON.stringify(GOOD, null, 2)
          : 'statusFile: WORK_STATUS.md\nrules:\n  lock-conflict: error\nlocks:\n  ttl: 8h\n';
        return { name, text: edits.reduce(applyEdit, text) };
      })
      .filter(({ name, text }) => {
        try {
          parseConfigText(text, `/r/${name}`);
          return false;
        } catch (e) {
          return isOrchError(e);
        }
      }),
    { numRuns: 8, seed: 8 },
  );
  return [...fixed, ...generated];
}

describe('unreadable configuration through the CLI', () => {
  it('exits 2 naming the file (and the line where there is one) for orch status, lock and check', () => {
    const repo = tempRepo();
    const base = repo.read('.orchrc.json');
    const status = repo.read('WORK_STATUS.md');
    const commands = [['status'], ['lock', 'src/a.ts'], ['check', '--files', 'src/a.ts']];
    for (const [k, { name, text, line }] of brokenConfigs().entries()) {
      // the broken file is the configuration orch finds: the JSON one goes when it is another
      if (name !== '.orchrc.json') fs.rmSync(path.join(repo.dir, '.orchrc.json'));
      repo.write(name, text);
      // each command loads the configuration the same way: take turns
      for (const args of [commands[k % commands.length]]) {
        const r = repo.orch(args, { env: { ORCH_AGENT: 'fuzzer' } });
        noCrash(r);
        expect(r.code, `${name}: ${JSON.stringify(text)} → ${r.out}`).toBe(2);
        expect(r.stderr).toContain(name);
        if (line) expect(r.stderr).toMatch(new RegExp(`${name.replace(/\./g, '\\.')}:${line}(:\\d+)?`));
      }
      // nothing was written while the configuration could not be read
      expect(repo.read('WORK_STATUS.md')).toBe(status);
      repo.ok(['reset', '-q', '--hard']);
      repo.ok(['clean', '-fdqx']);
      expect(repo.read('.orchrc.json')).toBe(base);
    }
  });

  it('a commit with an unreadable configuration is blocked with the same message', () => {
    const repo = tempRepo();
    const head = repo.ok(['rev-parse', 'HEAD']);
    repo.ok(['rm', '-q', '.orchrc.json']);
    repo.write('.orchrc.yaml', 'statusFile: WORK_STATUS.md\nrules: *missing\n');
    repo.write('src/a.ts', 'export {};\n');
    repo.ok(['add', 'src/a.ts']);
    const c = repo.commit('blocked', { env: { ORCH_AGENT: 'fuzzer' } });
    noCrash(c);
    expect(c.code).not.toBe(0);
    expect(c.stderr).toContain('.orchrc.yaml:2:8');
    expect(repo.ok(['rev-parse', 'HEAD'])).toBe(head);
  });
});

describe('damaged status and compose files through the CLI', () => {
  it('mutated WORK_STATUS.md: status, lock and check never crash, and a lock keeps every lock already there', () => {
    const repo = tempRepo();
    const seed = [
      '# Work Status',
      '',
      '## Locks',
      '',
      '| Path | Agent | Task | Since | Expires | Note |',
      '| --- | --- | --- | --- | --- | --- |',
      '| api/openapi.yaml | backend-architect | T-12 | 2026-11-26T09:00Z | - | v2 |',
      '| db/migrations/ | database-architect | T-14 | 2026-11-26T09:30Z | - | - |',
      '',
      '## Log',
      '',
      '- 2026-11-26T09:05Z backend-architect T-12: M api/openapi.yaml',
      '',
    ].join('\n');
    const docs = fc.sample(
      fc
        .array(
          editArb([
            '|',
            '| --- |',
            '```\n',
            '<!--\n',
            '## Recently Released\n',
            '## Locks\n',
            '| x | y |\n',
            'LOCK [a] [b] [c]\n',
            '\r\n',
          ]),
          { minLength: 1, maxLength: 6 },
        )
        .map((es) => es.reduce(applyEdit, seed)),
      { numRuns: 5, seed: 5 },
    );
    for (const text of docs) {
      repo.write('WORK_STATUS.md', text);
      const before = readStatus(text).locks.map((l) => `${l.path}\0${l.agent}`);
      const s = repo.orch(['status', '--format', 'json']);
      noCrash(s);
      expect(s.code, s.out).toBe(0);
      const l = repo.orch(['lock', 'fuzz/new.ts'], { env: { ORCH_AGENT: 'fuzzer' } });
      noCrash(l);
      expect([0, 1]).toContain(l.code);
      const after = readStatus(repo.read('WORK_STATUS.md')).locks.map((x) => `${x.path}\0${x.agent}`);
      for (const k of before) expect(after).toContain(k);
      if (l.code === 0) expect(after).toContain('fuzz/new.ts\0fuzzer');
      const c = repo.orch(['check', '--files', 'api/openapi.yaml', '--format', 'json'], {
        env: { ORCH_AGENT: 'someone' },
      });
      noCrash(c);
      // a line of a lock section that cannot be read is a warning with its line number
      for (const f of JSON.parse(c.stdout).findings as { rule: string; line?: number; message: string }[]) {
        if (f.rule === 'status-parse') expect(f.line ?? Number(/line (\d+)/.exec(f.message)?.[1])).toBeGreaterThan(0);
      }
    }
  });

  it('a compose file that is not valid YAML blocks the commit naming the file and line', () => {
    const repo = tempRepo();
    repo.write('docker-compose.yml', 'services:\n  api:\n    build: ./api\n   image: [broken\n');
    repo.write('api/Dockerfile', 'FROM scratch\n');
    repo.ok(['add', '-A']);
    const r = repo.orch(['check', '--staged'], { env: { ORCH_AGENT: 'fuzzer' } });
    noCrash(r);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/docker-compose\.yml:\d+/);
    expect(r.out).toContain('compose-consistency');
  });
});
