import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { orchCi } from '../helpers/rangeHooks.js';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

const architect = { ORCH_AGENT: 'backend-architect' };
type Finding = { rule: string; severity: string; path: string; commit?: string; message: string; fix?: string };

it('a new service without a decision record is warned at pre-commit and in CI; orch decide records one and the change passes; configured as error it blocks', () => {
  const repo = tempRepo();
  repo.write('docker-compose.yml', 'services:\n  users:\n    build: ./services/users\n');
  repo.write('services/users/go.mod', 'module users\n');
  repo.write('services/users/Dockerfile', 'FROM golang:1.22\nUSER 10001\nCMD ["/app"]\n');
  repo.write('orchestration-index.md', '# Orchestration index\n\n## Services\n\n- users\n');
  repo.ok(['add', '-A']);
  expect(repo.commit('users service').code).toBe(0);
  const base = repo.ok(['rev-parse', 'HEAD']).trim();

  // a new service directory and compose entry, without touching the index
  repo.write(
    'docker-compose.yml',
    'services:\n  users:\n    build: ./services/users\n  orders:\n    build: ./services/orders\n',
  );
  repo.write('services/orders/go.mod', 'module orders\n');
  repo.write('services/orders/Dockerfile', 'FROM golang:1.22\nUSER 10001\nCMD ["/app"]\n');
  repo.ok(['add', '-A']);
  const warned = repo.commit('orders service', { env: architect });
  expect(warned.code, warned.out).toBe(0);
  expect(warned.stderr).toMatch(/warning decision-record/);
  expect(warned.stderr).toContain('orch decide');
  const head = repo.ok(['rev-parse', 'HEAD']).trim();
  const ci = orchCi(repo, ['--base', base, '--head', head, '--format', 'json']);
  const found = (JSON.parse(ci.stdout).findings as Finding[]).filter((f) => f.rule === 'decision-record');
  expect(found.map((f) => f.message).join('\n')).toContain('services/orders/');
  expect(found.every((f) => f.severity === 'warning' && f.commit === head)).toBe(true);
  expect(found.some((f) => f.message.includes('"orders"'))).toBe(true);

  // orch decide: a dated, attributed record in a new Decisions section, nothing else changed
  const before = repo.read('orchestration-index.md');
  const decide = repo.orch(
    [
      'decide',
      'Orders is its own service',
      '--context',
      'orders and users scale differently',
      '--decision',
      'a separate Go service behind the gateway',
      '--consequences',
      'its own database',
    ],
    { env: architect },
  );
  expect(decide.code, decide.out).toBe(0);
  const after = repo.read('orchestration-index.md');
  expect(after.startsWith(before.trimEnd())).toBe(true);
  expect(after).toMatch(
    /\n## Decisions\n\n### \d{4}-\d\d-\d\dT\d\d:\d\dZ — Orders is its own service\n\n- By: backend-architect\n- Context: orders and users scale differently\n- Decision: a separate Go service behind the gateway\n- Consequences: its own database\n$/,
  );
  repo.ok(['add', 'orchestration-index.md']);
  expect(repo.commit('decision: orders service', { env: architect }).code).toBe(0);
  const recorded = orchCi(repo, ['--base', base, '--head', 'HEAD', '--format', 'json']);
  expect((JSON.parse(recorded.stdout).findings as Finding[]).filter((f) => f.rule === 'decision-record')).toEqual([]);

  // a second decision goes into the same section, after the first
  expect(
    repo.orch(['decide', 'Orders use PostgreSQL', '--context', 'relational data', '--decision', 'PostgreSQL 16'], {
      env: architect,
    }).code,
  ).toBe(0);
  const twice = repo.read('orchestration-index.md');
  expect(twice.match(/^## Decisions$/gm)).toHaveLength(1);
  expect(twice.indexOf('Orders use PostgreSQL')).toBeGreaterThan(twice.indexOf('Orders is its own service'));
  repo.ok(['checkout', '--', 'orchestration-index.md']);

  // bad input: exit 2, a message naming what is missing, the file untouched
  const missing = repo.orch(['decide', 'Half a decision', '--context', 'why'], { env: architect });
  expect(missing.code).toBe(2);
  expect(missing.stderr).toContain('--decision');
  expect(repo.read('orchestration-index.md')).toBe(after);

  // configured as an error (by a person), a new contract file without a record blocks
  const configPath = path.join(repo.dir, '.orchrc.json');
  const config = JSON.parse(fs.readFileSync(configPath, 'utf8'));
  config.rules = { ...config.rules, 'decision-record': 'error' };
  fs.writeFileSync(configPath, JSON.stringify(config, null, 2) + '\n');
  repo.ok(['add', '.orchrc.json']);
  expect(repo.commit('decisions are required').code).toBe(0);
  expect(repo.orch(['lock', 'proto/', '--task', 'T-4'], { env: architect }).code).toBe(0);
  repo.write('proto/orders.proto', 'syntax = "proto3";\nmessage Order { string id = 1; }\n');
  repo.write('proto/tests/orders_test.go', 'package tests\n');
  repo.ok(['add', '-A']);
  const blocked = repo.commit('orders proto', { env: architect });
  expect(blocked.code).toBe(1);
  expect(blocked.stderr).toMatch(/error decision-record/);
  expect(blocked.stderr).toContain('proto/orders.proto');
  expect(
    repo.orch(
      [
        'decide',
        'Orders speak protobuf',
        '--context',
        'gRPC between services',
        '--decision',
        'proto/orders.proto is the contract',
      ],
      { env: architect },
    ).code,
  ).toBe(0);
  repo.ok(['add', '-A']);
  const passed = repo.commit('orders proto with its decision', { env: architect });
  expect(passed.code, passed.out).toBe(0);
});
