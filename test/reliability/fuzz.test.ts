// Fuzzing the three kinds of text orch reads from a repository — WORK_STATUS.md, the
// configuration, compose files — with generated and mutated documents. A crash is any
// exception other than an OrchError (which the CLI turns into exit 2 and a message);
// the status reader must not even throw that, and must not lose a lock it wrote itself.
import { designExample } from '../fixtures/config/designExample.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { stringify as yamlStringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { isOrchError } from '../../src/errors.js';
import { readStatus } from '../../src/status/readStatus.js';
import { scanStatus } from '../../src/status/scanStatus.js';
import { readSteals } from '../../src/status/readSteals.js';
import { addLock } from '../../src/status/addLock.js';
import { removeLocks } from '../../src/status/removeLocks.js';
import { appendLog } from '../../src/status/appendLog.js';
import { addReview } from '../../src/status/addReview.js';
import { mergeStatus, type MergeResult } from '../../src/status/mergeStatus.js';
import { statusItems } from '../../src/status/statusItems.js';
import { logEntries } from '../../src/text/logEntries.js';
import { parseConfigText } from '../../src/config/parseConfigText.js';
import { loadConfig } from '../../src/config/loadConfig.js';
import { readCompose } from '../../src/compose/readCompose.js';
import { validateCompose } from '../../src/compose/validateCompose.js';
import { parseDotEnv } from '../../src/compose/parseDotEnv.js';
import type { Lock, StatusDoc } from '../../src/types.js';
import { ROOT } from '../helpers/tempRepo.js';
import { fuzzRuns } from '../helpers/timing.js';
import { editArb, guarded, guardedAsync, mutated, tally, applyEdit } from './mutate.js';

const counts = { status: tally(), config: tally(), loadConfig: tally(), compose: tally() };
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'orch-fuzz-'));

afterAll(() => {
  fs.rmSync(scratch, { recursive: true, force: true });
  const total = Object.values(counts).reduce((n, t) => n + t.cases, 0);
  const crashes = Object.values(counts).reduce((n, t) => n + t.crashes, 0);
  const line = Object.entries(counts)
    .map(([k, t]) => `${k} ${t.cases} cases / ${t.crashes} crashes`)
    .join('; ');
  console.log(`[reliability] fuzz: ${total} cases, ${crashes} crashes (${line})`);
});

// ------------------------------------------------------------------ WORK_STATUS.md

const FIXTURES = path.join(ROOT, 'test/fixtures/status');
const statusSeeds = [
  ...fs
    .readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.md'))
    .map((f) => fs.readFileSync(path.join(FIXTURES, f), 'utf8')),
  '',
  '\n',
];
const STATUS_TOKENS = [
  '## Locks\n',
  '# 🔒 Currently Locked\n',
  '## Recently Released\n',
  '## Reviews\n',
  '## Log\n',
  '### LOCKED: payments area\n',
  '| Path | Agent | Task | Since | Expires | Note |\n| --- | --- | --- | --- | --- | --- |\n',
  '| File | Locked By | Status | Until |\n|---|---|---|---|\n',
  '| src/a.ts | agent-x | T-1 | 2026-01-18 | - | - |\n',
  '| `app/(shop)/[id]/page.tsx` | @frontend | 🔒 Locked | 2025-11-08 12:00 |\n',
  '| a.ts, b.ts<br>c/ | **bold** | ✅ Complete |\n',
  '| --- |',
  '|||',
  '| \\| |',
  '```\n',
  '~~~\n',
  '<!--\n',
  '-->\n',
  '---\n',
  '- `path/` - Agent Name - 2026-01-18 - task\n',
  'LOCK [src/x.ts] [agent] [2026-01-18T09:00Z]\n',
  'agent -> src/a.ts, src/b.ts\n',
  'LOCKED_BY: someone\nLOCKED_FILES: a/, b.ts\nEXPIRES: 2026-01-18\n',
  '- agent_id: x\n  allowed_files:\n    - a.ts\n',
  '*No active locks*\n',
  '- 2026-11-26T09:05Z backend-architect T-12: M api/openapi.yaml\n',
  '- 2026-11-26T09:05Z a: unlock --steal src/a.ts from b: reason\n',
  '"src/new\\nline.ts"',
  '2026-13-45T25:61Z',
  '9999-99-99',
  '\u0000',
  'x'.repeat(5000),
  '|'.repeat(300),
  '`'.repeat(50),
  '['.repeat(200),
];

const word = fc.stringMatching(/^[a-z][a-z0-9_-]{0,8}$/);
const genPath = fc.array(word, { minLength: 1, maxLength: 4 }).map((ws) => ws.join('/'));
/** Whole documents built from the formats the README's "WORK_STATUS.md" lists, before any mutation. */
const generatedStatus = fc
  .array(
    fc.oneof(
      fc.constantFrom(...STATUS_TOKENS),
      fc
        .tuple(genPath, word, fc.constantFrom('T-1', '-', ''))
        .map(([p, a, t]) => `| ${p} | ${a} | ${t} | 2026-01-01T00:00Z | - | - |\n`),
      fc.tuple(genPath, word).map(([p, a]) => `- \`${p}\` - ${a} - 2026-01-18 - task\n`),
      fc.tuple(genPath, word).map(([p, a]) => `LOCK [${p}] [${a}] [2026-01-18]\n`),
      fc.string({ maxLength: 40 }),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));

const statusDoc = fc.oneof(
  { weight: 3, arbitrary: mutated(statusSeeds, STATUS_TOKENS) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(generatedStatus, fc.array(editArb(STATUS_TOKENS), { maxLength: 4 }))
      .map(([t, es]) => es.reduce(applyEdit, t)),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 300 }) },
);

const key = (l: Pick<Lock, 'path' | 'agent'>) => `${l.path}\0${l.agent.toLowerCase()}`;
const keys = (d: StatusDoc) => d.locks.map(key).sort();
/** readStatus catches its own failures and reports them as a problem: that is a crash here. */
function assertNoInternalFailure(doc: StatusDoc): void {
  const internal = doc.problems.find((p) => p.message.startsWith('could not read the status file'));
  if (internal) throw new Error(`reader failed internally: ${internal.message}`);
}

/** git's line merge for tests: one side's change wins when only one side changed. */
function lineMerge(base: string, ours: string, theirs: string): MergeResult {
  if (ours === base || ours === theirs) return { text: theirs, conflicts: 0 };
  if (theirs === base) return { text: ours, conflicts: 0 };
  return { text: ours, conflicts: 1 };
}

const NEW_LOCK = { path: 'fuzz/new-lock.ts', agent: 'fuzzer', task: 'F-1', since: '2026-11-26T09:00Z' };
const OTHER_LOCK = { path: 'fuzz/other-lock.ts', agent: 'other-fuzzer', since: '2026-11-26T09:01Z' };

describe('fuzz: WORK_STATUS.md', () => {
  const t = counts.status;

  it('reading never throws or fails internally; every lock points at a real line', () => {
    fc.assert(
      fc.property(statusDoc, (text) => {
        guarded(t, 'readStatus', text, () => {
          scanStatus(text);
          readSteals(text);
          statusItems(text);
          logEntries(text);
          const doc = readStatus(text, { steals: true });
          assertNoInternalFailure(doc);
          const lines = text.split('\n').length;
          for (const l of [...doc.locks, ...doc.reviews]) {
            if (!(l.line >= 1 && l.line <= lines)) throw new Error(`line ${l.line} outside 1..${lines}`);
          }
          for (const l of doc.locks)
            if (!l.path || !l.agent) throw new Error(`empty path or agent: ${JSON.stringify(l)}`);
        });
      }),
      { numRuns: fuzzRuns(3000) },
    );
  });

  it('a lock orch adds is read back, no other lock is lost, and removing it restores the locks', () => {
    fc.assert(
      fc.property(statusDoc, (text) => {
        guarded(t, 'addLock/removeLocks', text, () => {
          const before = readStatus(text);
          const added = addLock(text, NEW_LOCK);
          const after = readStatus(added);
          assertNoInternalFailure(after);
          const afterKeys = keys(after);
          if (!afterKeys.includes(key(NEW_LOCK))) throw new Error('the added lock is not read back');
          for (const k of keys(before))
            if (!afterKeys.includes(k)) throw new Error(`adding a lock lost ${JSON.stringify(k)}`);
          const removed = removeLocks(added, (l) => l.agent === NEW_LOCK.agent && l.path === NEW_LOCK.path);
          const restored = readStatus(removed.text);
          if (keys(restored).includes(key(NEW_LOCK))) throw new Error('the removed lock is still read');
          expect(keys(restored)).toEqual(keys(before));
        });
      }),
      { numRuns: fuzzRuns(1200) },
    );
  });

  it('appending a log entry or a review leaves the locks as they were', () => {
    const entry = '- 2026-11-26T09:05Z fuzzer F-1: M fuzz/new-lock.ts';
    fc.assert(
      fc.property(statusDoc, (text) => {
        guarded(t, 'appendLog/addReview', text, () => {
          const before = keys(readStatus(text));
          const logged = appendLog(text, [entry]);
          if (!logged.includes(entry)) throw new Error('the entry is not in the text');
          expect(keys(readStatus(logged))).toEqual(before);
          const reviewed = addReview(text, {
            path: 'svc/Dockerfile',
            requestedBy: 'fuzzer',
            reviewer: 'docker-expert',
            state: 'requested',
            at: '2026-11-26T09:05Z',
          });
          expect(keys(readStatus(reviewed))).toEqual(before);
        });
      }),
      { numRuns: fuzzRuns(800) },
    );
  });

  it('merging two sides that each add a lock keeps both and every lock of the base', async () => {
    await fc.assert(
      fc.asyncProperty(statusDoc, async (text) => {
        await guardedAsync(t, 'mergeStatus', text, async () => {
          const base = keys(readStatus(text));
          const ours = addLock(text, NEW_LOCK);
          const theirs = addLock(text, OTHER_LOCK);
          const merged = await mergeStatus(text, ours, theirs, lineMerge);
          if (merged.conflicts > 0) return;
          const got = keys(readStatus(merged.text));
          for (const k of [...base, key(NEW_LOCK), key(OTHER_LOCK)]) {
            if (!got.includes(k)) throw new Error(`the merge lost ${JSON.stringify(k)}`);
          }
        });
      }),
      { numRuns: fuzzRuns(600) },
    );
  });
});

// ------------------------------------------------------------------ configuration

const configSeeds: unknown[] = [
  {},
  JSON.parse(fs.readFileSync(path.join(ROOT, '.orchrc.json'), 'utf8')),
  {
    ...designExample,
    locks: { ttl: '8h', defaultTtl: '4h', required: ['api/**'] },
    log: { enabled: true, maxEntries: 500, maxPaths: 5 },
    identity: { signed: true, allowedSigners: '.github/allowed_signers' },
    rules: { 'lock-conflict': 'error', 'no-placeholder': 'warn' },
  },
];

/** Replaces one node of a JSON value (chosen by `pick`) with `value`. */
function replaceNode(data: unknown, pick: number, value: unknown): unknown {
  const nodes: Array<{ parent: Record<string, unknown> | unknown[]; key: string | number }> = [];
  const walk = (v: unknown) => {
    if (v && typeof v === 'object') {
      for (const [k, c] of Object.entries(v)) {
        nodes.push({ parent: v as Record<string, unknown>, key: Array.isArray(v) ? Number(k) : k });
        walk(c);
      }
    }
  };
  const copy = structuredClone(data);
  walk(copy);
  if (nodes.length === 0) return value;
  const n = nodes[Math.floor(pick * nodes.length) % nodes.length];
  (n.parent as Record<string | number, unknown>)[n.key] = value;
  return copy;
}

const oddValue = fc.oneof(
  fc.constantFrom(
    null,
    true,
    false,
    0,
    -1,
    1e308,
    Number.MAX_SAFE_INTEGER + 2,
    0.5,
    '',
    ' ',
    '**',
    '../x',
    '/etc/passwd',
    'off',
    'warn',
    '8h',
    '0s',
    '99999999999w',
    [],
    {},
    [[]],
    { __proto__: null },
  ),
  fc.string({ maxLength: 20 }),
  fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }),
  fc.dictionary(
    fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'emails', 'paths', 'owners', 'x'),
    fc.constantFrom(1, 'a', null, [], {}),
  ),
  fc.integer({ min: 1, max: 60 }).map((d) => JSON.parse('['.repeat(d) + ']'.repeat(d)) as unknown),
);
const CONFIG_TOKENS = [
  '{',
  '}',
  '[',
  ']',
  '"',
  ',',
  ':',
  '\n',
  '  ',
  'null',
  'true',
  '0',
  '-',
  '#',
  '&a',
  '*a',
  '!!binary',
  '<<: *a',
  '\\u0000',
  '"\\ud800"',
  '1e999',
  '__proto__',
];

const configCase = fc
  .tuple(
    fc.constantFrom(...configSeeds),
    fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), oddValue), { maxLength: 3 }),
    fc.constantFrom('.orchrc.json', '.orchrc', '.orchrc.yaml', 'package.json'),
    fc.array(editArb(CONFIG_TOKENS), { maxLength: 4 }),
  )
  .map(([seed, swaps, name, edits]) => {
    let data = swaps.reduce((d, [pick, v]) => replaceNode(d, pick, v), seed);
    if (name === 'package.json') data = { name: 'x', version: '1.0.0', orch: data };
    const text = name.endsWith('.json') ? JSON.stringify(data, null, 2) : yamlStringify(data);
    return { name, text: edits.reduce(applyEdit, text) };
  });

/** An OrchError about a configuration must name the file it came from. */
function namesFile(e: unknown, file: string): boolean {
  return isOrchError(e) && e.message.includes(file);
}

describe('fuzz: configuration', () => {
  it('parseConfigText gives a Config or an OrchError naming the file', () => {
    const t = counts.config;
    fc.assert(
      fc.property(configCase, ({ name, text }) => {
        const file = `/repo/${name}`;
        guarded(t, 'parseConfigText', text, () => {
          try {
            const config = parseConfigText(text, file);
            if (typeof config.statusFile !== 'string') throw new Error('no statusFile in a parsed config');
          } catch (e) {
            if (!isOrchError(e)) throw e;
            if (!namesFile(e, file)) throw new Error(`an error that does not name the file: ${e.message}`);
            // a JSON syntax error also names the line
            if (
              name === '.orchrc.json' &&
              /invalid JSON/.test(e.message) &&
              !/\.orchrc\.json:\d+:\d+/.test(e.message)
            ) {
              throw new Error(`a syntax error without a line: ${e.message}`);
            }
          }
        });
      }),
      { numRuns: fuzzRuns(2500) },
    );
  });

  it('loadConfig on files written to disk (JSON, YAML through cosmiconfig, package.json, a corrupt cache)', async () => {
    const t = counts.loadConfig;
    let n = 0;
    await fc.assert(
      fc.asyncProperty(configCase, fc.constantFrom('none', 'garbage', 'other'), async ({ name, text }, cache) => {
        const dir = path.join(scratch, `c${n++}`);
        fs.mkdirSync(dir);
        fs.writeFileSync(path.join(dir, name), text);
        const cacheDir = path.join(dir, '.cache');
        fs.mkdirSync(cacheDir);
        // a cache left by a crash or another version must never be trusted blindly
        if (cache === 'garbage') fs.writeFileSync(path.join(cacheDir, 'config-cache.json'), text.slice(0, 40));
        if (cache === 'other')
          fs.writeFileSync(
            path.join(cacheDir, 'config-cache.json'),
            JSON.stringify({ key: 'x', config: { statusFile: 7 } }),
          );
        await guardedAsync(t, 'loadConfig', text, async () => {
          try {
            const { config } = await loadConfig(dir, { cacheDir });
            if (typeof config.statusFile !== 'string') throw new Error('no statusFile in a loaded config');
            // the second load hits the cache and must give the same configuration
            const again = await loadConfig(dir, { cacheDir });
            expect(again.config).toEqual(config);
          } catch (e) {
            if (!isOrchError(e)) throw e;
            if (!e.message.includes(dir)) throw new Error(`an error that does not name the file: ${e.message}`);
          }
        });
        fs.rmSync(dir, { recursive: true, force: true });
      }),
      { numRuns: fuzzRuns(300) },
    );
  });
});

// ------------------------------------------------------------------ compose files

const COMPOSE_DIR = path.join(ROOT, 'test/fixtures/compose');
const composeSeeds = fs
  .readdirSync(COMPOSE_DIR, { recursive: true, encoding: 'utf8' })
  .filter((f) => /\.ya?ml$/.test(f))
  .map((f) => fs.readFileSync(path.join(COMPOSE_DIR, f), 'utf8'))
  // the largest file is a seed too, but a cut of it keeps each case quick
  .map((t) => (t.length > 4000 ? t.slice(0, 4000) : t));
composeSeeds.push(
  'services:\n  api:\n    build: ./services/api\n  web:\n    build:\n      context: web\n      dockerfile: ../Dockerfile.web\n',
  'x-base: &base\n  build: .\nservices:\n  a:\n    <<: *base\n  b: *base\n',
  'include:\n  - other/compose.yaml\n  - path: [a.yml, b.yml]\nservices: {}\n',
  'version: "2"\nweb:\n  build: .\n',
  'services:\n  a:\n    build: ${CTX:-.}\n    image: ${IMAGE:?required}\n',
);
const COMPOSE_TOKENS = [
  'services:\n',
  '  build: .\n',
  '    build:\n      context: ${X}\n      dockerfile: $$Y\n',
  '&anchor ',
  '*anchor',
  '<<: *anchor\n',
  'extends:\n  service: a\n  file: ../../x.yml\n',
  'include:\n',
  'profiles: [a, 1, null]\n',
  '!!binary ',
  '!!python/object ',
  '? complex\n: key\n',
  '- ',
  ': ',
  '"',
  "'",
  '{',
  '[',
  '${',
  '${A:-${B:-c}}',
  '---\n',
  '...\n',
  '%YAML 1.2\n',
  '\t',
  '#',
];
const billionLaughs =
  'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\nservices: {a: {build: *f}}\n';

describe('fuzz: compose files', () => {
  const t = counts.compose;
  const composeDoc = fc.oneof(
    { weight: 6, arbitrary: mutated(composeSeeds, COMPOSE_TOKENS) },
    { weight: 1, arbitrary: fc.constant(billionLaughs) },
    { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
  );
  const env = fc.dictionary(
    fc.constantFrom('X', 'Y', 'CTX', 'IMAGE', 'A', 'B'),
    fc.constantFrom('', '.', '..', '../..', '/abs', 'svc', '${X}'),
  );

  it('readCompose never throws; problems carry a line inside the file', () => {
    fc.assert(
      fc.property(
        composeDoc,
        env,
        fc.constantFrom('docker-compose.yml', 'deploy/compose.yaml', './a/b/compose.yml'),
        (text, vars, file) => {
          guarded(t, 'readCompose', text, () => {
            const c = readCompose(text, file, vars);
            const lines = text.split(/\r\n|\r|\n/).length + 1;
            for (const e of c.errors)
              if (!(e.line >= 1 && e.line <= lines)) throw new Error(`error line ${e.line} outside the file`);
            for (const s of c.services) {
              if (s.build?.context && (s.build.context.startsWith('/') || s.build.context.split('/').includes('..'))) {
                throw new Error(`a build context outside the repository was accepted: ${s.build.context}`);
              }
              c.lineAt?.(['services', s.name, 'build', 'context']);
            }
            parseDotEnv(text);
          });
        },
      ),
      { numRuns: fuzzRuns(1800) },
    );
  });

  it('schema validation of whatever a compose file parses to never throws', async () => {
    await fc.assert(
      fc.asyncProperty(composeDoc, async (text) => {
        await guardedAsync(t, 'validateCompose', text, async () => {
          const c = readCompose(text, 'compose.yaml');
          if (c.data !== undefined) await validateCompose(c.data);
        });
      }),
      { numRuns: fuzzRuns(300) },
    );
  });
});

// all 10,000 and more under test:stress; npm test runs a fifth of each count (test/helpers/timing.ts)
it('the counts add up to at least 10,000 fuzz cases under test:stress, with no crash', () => {
  const total = Object.values(counts).reduce((n, t) => n + t.cases, 0);
  const samples = Object.values(counts).flatMap((t) => t.samples);
  expect(samples).toEqual([]);
  expect(total).toBeGreaterThanOrEqual(fuzzRuns(10_000));
});
