import { describe, expect, it } from 'vitest';
import { configSchema, type ConfigInput } from '../../../src/config/schema.js';
import { rule } from '../../../src/rules/new-service-container.js';
import type { RuleInput } from '../../../src/rules/rule.js';
import type { ChangeSet, Context, FileChange } from '../../../src/types.js';
import { makeChangeSet } from '../../helpers/changeSet.js';
import { loadProject } from '../compose/corpusProject.js';

function input(
  changes: ChangeSet,
  opts: { config?: ConfigInput; context?: Context; range?: ChangeSet } = {},
): RuleInput {
  return {
    changes,
    range: opts.range,
    status: { locks: [], reviews: [], problems: [], steals: [] },
    config: configSchema.parse(opts.config ?? {}),
    identity: { name: 'backend-architect', source: 'env', isAgent: true },
    context: opts.context ?? 'pre-push',
    ignoreCase: false,
    now: new Date('2026-11-26T09:00:00Z'),
  };
}

const EXISTING = {
  'docker-compose.yml': 'services:\n  users:\n    build: ./services/users\n  db:\n    image: postgres\n',
  'services/users/go.mod': 'module users\n',
  'services/users/Dockerfile': 'FROM golang\n',
};
const ORDERS_GO = { 'services/orders/go.mod': 'module orders\n', 'services/orders/main.go': 'package main\n' };
const addOrders: FileChange[] = [
  { status: 'A', path: 'services/orders/go.mod' },
  { status: 'A', path: 'services/orders/main.go' },
];

describe('new-service-container', () => {
  it('passes a new Go service that ships its Dockerfile and a compose entry', async () => {
    const cs = makeChangeSet({
      old: EXISTING,
      files: [
        ...addOrders,
        { status: 'A', path: 'services/orders/Dockerfile' },
        { status: 'M', path: 'docker-compose.yml' },
      ],
      new: {
        ...ORDERS_GO,
        'services/orders/Dockerfile': 'FROM golang\n',
        'docker-compose.yml': EXISTING['docker-compose.yml'] + '  orders:\n    build: ./services/orders\n',
      },
    });
    expect(await rule.check(input(cs))).toEqual([]);
  });

  it('passes at pre-push when the compose entry comes in a later commit of the same range', async () => {
    const first = makeChangeSet({
      kind: 'commit',
      commit: { sha: 'a'.repeat(40) },
      old: EXISTING,
      files: [...addOrders, { status: 'A', path: 'services/orders/Dockerfile' }],
      new: { ...ORDERS_GO, 'services/orders/Dockerfile': 'FROM golang\n' },
    });
    const composeWithOrders = EXISTING['docker-compose.yml'] + '  orders:\n    build: ./services/orders\n';
    const range = makeChangeSet({
      kind: 'range',
      commits: [first],
      old: EXISTING,
      files: [
        ...addOrders,
        { status: 'A', path: 'services/orders/Dockerfile' },
        { status: 'M', path: 'docker-compose.yml' },
      ],
      new: { ...ORDERS_GO, 'services/orders/Dockerfile': 'FROM golang\n', 'docker-compose.yml': composeWithOrders },
    });
    // The first commit alone is incomplete; judged over the range it is not.
    expect(await rule.check(input(first, { context: 'pre-commit' }))).toHaveLength(1);
    expect(await rule.check(input(first, { range }))).toEqual([]);
  });

  it('fails a service without a compose entry and shows the snippet to add', async () => {
    const cs = makeChangeSet({
      old: EXISTING,
      files: [...addOrders, { status: 'A', path: 'services/orders/Dockerfile' }],
      new: { ...ORDERS_GO, 'services/orders/Dockerfile': 'FROM golang\n' },
    });
    const [f, ...rest] = await rule.check(input(cs));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: 'new-service-container', path: 'services/orders' });
    expect(f.message).toContain('no compose service builds it');
    expect(f.message).toContain('docker-compose.yml');
    expect(f.message).toContain('services:\n  orders:\n    build: ./services/orders');
    expect(f.fix).toContain('Add to docker-compose.yml:\nservices:\n  orders:\n    build: ./services/orders');
  });

  it('asks for both the Dockerfile and the compose entry when neither is there, and names the commit in a range', async () => {
    const commit = makeChangeSet({
      kind: 'commit',
      commit: { sha: 'b'.repeat(40) },
      old: EXISTING,
      files: addOrders,
      new: ORDERS_GO,
    });
    const range = makeChangeSet({ kind: 'range', commits: [commit], old: EXISTING, files: addOrders, new: ORDERS_GO });
    const [f] = await rule.check(input(range, { range }));
    expect(f.message).toMatch(
      /services\/orders is a new service \(go\.mod added\) with no Dockerfile and no compose service/,
    );
    expect(f.fix).toMatch(/^Create services\/orders\/Dockerfile, then add to docker-compose\.yml:/);
    expect(f.commit).toBe('b'.repeat(40));
  });

  it('fails a service that has a compose entry but no Dockerfile', async () => {
    const cs = makeChangeSet({
      old: EXISTING,
      files: [...addOrders, { status: 'M', path: 'docker-compose.yml' }],
      new: {
        ...ORDERS_GO,
        'docker-compose.yml': EXISTING['docker-compose.yml'] + '  orders:\n    build: ./services/orders\n',
      },
    });
    const [f] = await rule.check(input(cs));
    expect(f.message).toMatch(/with no Dockerfile.*Add services\/orders\/Dockerfile/s);
    expect(f.fix).toMatch(/^Create services\/orders\/Dockerfile/);
  });

  it('accepts Dockerfile.* and *.Dockerfile in the directory, and puts a non-default name in the snippet', async () => {
    const cs = makeChangeSet({
      old: EXISTING,
      files: [...addOrders, { status: 'A', path: 'services/orders/orders.Dockerfile' }],
      new: { ...ORDERS_GO, 'services/orders/orders.Dockerfile': 'FROM x\n' },
    });
    const [f] = await rule.check(input(cs));
    expect(f.message).toContain('no compose service builds it');
    expect(f.message).toContain('build:\n      context: ./services/orders\n      dockerfile: orders.Dockerfile');
  });

  it('passes a service whose Dockerfile is named through .env (opentelemetry-demo layout)', async () => {
    const otel = loadProject('opentelemetry-demo');
    const envAdd = '\nORDERS_DOCKERFILE=./src/orders/Dockerfile\n';
    const entry = '  orders:\n    build:\n      context: ./\n      dockerfile: ${ORDERS_DOCKERFILE}\n';
    const cs = makeChangeSet({
      old: otel.files,
      files: [
        { status: 'A', path: 'src/orders/go.mod' },
        { status: 'A', path: 'src/orders/Dockerfile' },
        { status: 'M', path: '.env' },
        { status: 'M', path: 'compose.yaml' },
      ],
      new: {
        'src/orders/go.mod': 'module orders\n',
        'src/orders/Dockerfile': 'FROM golang\n',
        '.env': otel.files['.env'] + envAdd,
        'compose.yaml': otel.files['compose.yaml'] + entry,
      },
    });
    expect(await rule.check(input(cs))).toEqual([]);
    // Without the .env line the compose entry builds nothing the rule can see.
    const noEnv = makeChangeSet({
      old: otel.files,
      files: [
        { status: 'A', path: 'src/orders/go.mod' },
        { status: 'M', path: 'compose.yaml' },
      ],
      new: { 'src/orders/go.mod': 'module orders\n', 'compose.yaml': otel.files['compose.yaml'] + entry },
    });
    expect(await rule.check(input(noEnv))).toHaveLength(1);
  });

  it('passes a service built from a nested per-service compose file with a ../ context (robot-shop layout)', async () => {
    const shop = loadProject('robot-shop');
    const cs = makeChangeSet({
      old: shop.files,
      files: [
        { status: 'A', path: 'orders/package.json' },
        { status: 'A', path: 'orders/Dockerfile' },
        { status: 'M', path: 'dispatch/docker-compose.yaml' },
      ],
      new: {
        'orders/package.json': '{}',
        'orders/Dockerfile': 'FROM node\n',
        'dispatch/docker-compose.yaml': shop.files['dispatch/docker-compose.yaml'].replace(
          'networks:\n  robot-shop:',
          '  orders:\n    build:\n      context: ../orders\n\nnetworks:\n  robot-shop:',
        ),
      },
    });
    expect(await rule.check(input(cs))).toEqual([]);
  });

  it('stays silent in a repository without any compose file', async () => {
    const cs = makeChangeSet({ old: { 'services/users/go.mod': 'm' }, files: addOrders, new: ORDERS_GO });
    expect(await rule.check(input(cs))).toEqual([]);
    expect(await rule.check(input(cs, { config: { services: { roots: ['services/*'] } } }))).toEqual([]);
  });

  it('stays silent for an ignored directory', async () => {
    const cs = makeChangeSet({
      old: EXISTING,
      files: [{ status: 'A', path: 'services/mobile/package.json' }],
      new: { 'services/mobile/package.json': '{}' },
    });
    expect(await rule.check(input(cs))).toHaveLength(1);
    expect(await rule.check(input(cs, { config: { services: { ignore: ['services/mobile'] } } }))).toEqual([]);
  });

  it('stays silent for library roots and the repository root unless roots are configured', async () => {
    const old = {
      ...EXISTING,
      'docker-compose.yml': 'services:\n  users: { build: ./services/users }\n  ui: { build: ./packages/web }\n',
    };
    const cs = makeChangeSet({
      old,
      files: [
        { status: 'A', path: 'packages/ui-kit/package.json' },
        { status: 'A', path: 'libs/shared/Cargo.toml' },
        { status: 'A', path: 'pyproject.toml' },
      ],
      new: { 'packages/ui-kit/package.json': '{}', 'libs/shared/Cargo.toml': '', 'pyproject.toml': '' },
    });
    expect(await rule.check(input(cs))).toEqual([]);
    const configured = await rule.check(input(cs, { config: { services: { roots: ['packages/*'] } } }));
    expect(configured.map((f) => f.path)).toEqual(['packages/ui-kit']);
  });

  it('is a warning at pre-commit and check, an error at pre-push, in CI and pre-receive', () => {
    expect((['pre-commit', 'check', 'pre-push', 'ci', 'pre-receive'] as Context[]).map(rule.defaultSeverity)).toEqual([
      'warning',
      'warning',
      'error',
      'error',
      'error',
    ]);
  });

  it('documents what it checks and its configuration keys', () => {
    for (const key of ['services.roots', 'services.ignore', 'services.compose']) expect(rule.docs).toContain(key);
  });
});
