import { describe, expect, it, vi } from 'vitest';
import { configSchema, type ConfigInput } from '../../../src/config/schema.js';
import { rule } from '../../../src/rules/compose-consistency.js';
import type { RuleInput } from '../../../src/rules/rule.js';
import type { ChangeSet, Context, FileChange } from '../../../src/types.js';
import { makeChangeSet } from '../../helpers/changeSet.js';
import { loadProject, PROJECTS } from '../compose/corpusProject.js';

function input(changes: ChangeSet, opts: { config?: ConfigInput; context?: Context } = {}): RuleInput {
  return {
    changes,
    status: { locks: [], reviews: [], problems: [], steals: [] },
    config: configSchema.parse(opts.config ?? {}),
    identity: { name: 'backend-architect', source: 'env', isAgent: true },
    context: opts.context ?? 'pre-commit',
    ignoreCase: false,
    now: new Date('2026-11-26T09:00:00Z'),
  };
}

const added = (paths: string[]): FileChange[] => paths.map((path) => ({ status: 'A', path }));

describe('compose-consistency', () => {
  it.each(PROJECTS)('%s: every compose file and Dockerfile of the corpus passes', async (name) => {
    const p = loadProject(name);
    const cs = makeChangeSet({ files: added(Object.keys(p.files)), new: p.files });
    expect(await rule.check(input(cs, { context: 'ci' }))).toEqual([]);
  });

  it('fails when a service directory is deleted while its compose entry stays, at the line of the context', async () => {
    const p = loadProject('robot-shop');
    const old = { ...p.files, 'payment/payment.py': 'x' };
    const gone = Object.keys(old).filter((path) => path.startsWith('payment/'));
    const cs = makeChangeSet({ old, files: gone.map((path) => ({ status: 'D', path })) });
    const findings = await rule.check(input(cs));
    expect(findings.map((f) => [f.path, f.line])).toEqual([
      ['dispatch/docker-compose.yaml', 12],
      ['docker-compose.yaml', 116],
    ]);
    const main = findings.find((f) => f.path === 'docker-compose.yaml')!;
    expect(main.message).toBe(
      'service "payment" in docker-compose.yaml builds payment, which this change deletes (line 116).',
    );
    expect(main.fix).toBe('Remove service "payment" from docker-compose.yaml, or restore payment/.');
  });

  it('points at the build line when only the Dockerfile of a short-form build goes away', async () => {
    const p = loadProject('robot-shop');
    const cs = makeChangeSet({ old: p.files, files: [{ status: 'D', path: 'payment/Dockerfile' }] });
    const findings = await rule.check(input(cs));
    expect(findings.map((f) => [f.path, f.line])).toEqual([
      ['dispatch/docker-compose.yaml', 11],
      ['docker-compose.yaml', 115],
      ['payment/docker-compose.yaml', 9],
    ]);
    expect(findings[1].message).toBe(
      'service "payment" in docker-compose.yaml uses the Dockerfile payment/Dockerfile, which this change deletes (line 115).',
    );
  });

  it('fails when the Dockerfile a compose file names through .env is deleted, at the dockerfile line', async () => {
    const p = loadProject('opentelemetry-demo');
    const cs = makeChangeSet({
      old: { ...p.files, 'src/ad/build.gradle': '' },
      files: [{ status: 'D', path: 'src/ad/Dockerfile' }],
    });
    const findings = await rule.check(input(cs));
    expect(findings).toEqual([
      expect.objectContaining({
        path: 'compose.yaml',
        line: 37,
        message: expect.stringContaining('uses the Dockerfile src/ad/Dockerfile, which this change deletes'),
      }),
    ]);
  });

  it('fails a changed compose file whose build context or Dockerfile does not exist', async () => {
    const compose =
      'services:\n  api:\n    build: ./api\n  web:\n    build:\n      context: ./web\n      dockerfile: Dockerfile.prod\n';
    const cs = makeChangeSet({
      old: { 'web/Dockerfile': 'FROM x\n' },
      files: [{ status: 'A', path: 'compose.yaml' }],
      new: { 'compose.yaml': compose },
    });
    const findings = await rule.check(input(cs));
    expect(findings.map((f) => [f.line, f.message])).toEqual([
      [3, 'service "api" in compose.yaml builds api, which does not exist (line 3).'],
      [7, 'service "web" in compose.yaml uses the Dockerfile web/Dockerfile.prod, which does not exist (line 7).'],
    ]);
  });

  it('does not check override layers that set only build args or target', async () => {
    const cs = makeChangeSet({
      old: { 'docker-compose.yml': 'services:\n  web:\n    build: ./web\n', 'web/Dockerfile': 'FROM x\n' },
      files: [{ status: 'A', path: 'docker-compose.override.yml' }],
      new: {
        'docker-compose.override.yml': 'services:\n  web:\n    build:\n      target: dev\n      args: { DEBUG: "1" }\n',
      },
    });
    expect(await rule.check(input(cs))).toEqual([]);
  });

  it('re-checks the compose files beside a changed .env', async () => {
    const old = {
      'compose.yaml': 'services:\n  api:\n    build:\n      context: .\n      dockerfile: ${API_DF}\n',
      '.env': 'API_DF=api/Dockerfile\n',
      'api/Dockerfile': 'FROM x\n',
    };
    const cs = makeChangeSet({
      old,
      files: [{ status: 'M', path: '.env' }],
      new: { '.env': 'API_DF=api/Dockerfile.missing\n' },
    });
    expect(await rule.check(input(cs))).toEqual([expect.objectContaining({ path: 'compose.yaml', line: 5 })]);
  });

  it('reports a compose file that does not parse with line and column', async () => {
    const cs = makeChangeSet({
      files: [{ status: 'M', path: 'docker-compose.yml' }],
      new: { 'docker-compose.yml': 'services:\n  web:\n    image: "unterminated\n' },
    });
    const [f] = await rule.check(input(cs));
    expect(f).toMatchObject({ rule: 'compose-consistency', path: 'docker-compose.yml' });
    expect(f.line).toBeGreaterThanOrEqual(3);
    expect(f.message).toMatch(/^docker-compose\.yml:\d+:\d+ not valid YAML/);
  });

  it('reports Dockerfiles without FROM or with unknown instructions, at their line', async () => {
    const cs = makeChangeSet({
      files: added(['a/Dockerfile', 'b/Dockerfile.dev', 'c/web.Dockerfile']),
      new: {
        'a/Dockerfile': 'RUN make\n',
        'b/Dockerfile.dev': 'FROM node\nRUNN npm ci\n',
        'c/web.Dockerfile': 'FROM nginx\n',
      },
    });
    const findings = await rule.check(input(cs));
    expect(findings.map((f) => [f.path, f.line])).toEqual([
      ['a/Dockerfile', 1],
      ['b/Dockerfile.dev', 2],
    ]);
    expect(findings[1].message).toBe(
      'b/Dockerfile.dev:2 unknown instruction RUNN; docker build would reject this Dockerfile.',
    );
  });

  it('stays silent in a repository without compose files, and does not list it for an unrelated deletion', async () => {
    const cs = makeChangeSet({
      old: { 'services/a/go.mod': 'm', 'services/a/Dockerfile': 'FROM x\n', 'README.md': '' },
      files: [
        { status: 'D', path: 'services/a/Dockerfile' },
        { status: 'D', path: 'services/a/go.mod' },
      ],
    });
    expect(await rule.check(input(cs))).toEqual([]);
    const unrelated = makeChangeSet({ old: { 'docs/a.md': '' }, files: [{ status: 'D', path: 'docs/a.md' }] });
    const listFiles = vi.spyOn(unrelated, 'listFiles');
    const exists = vi.spyOn(unrelated, 'exists');
    expect(await rule.check(input(unrelated))).toEqual([]);
    expect(listFiles).not.toHaveBeenCalled();
    expect(exists).not.toHaveBeenCalled();
  });

  it('does not blame an unchanged compose file for what the change did not remove', async () => {
    const old = {
      'compose.yaml': 'services:\n  ghost:\n    build: ./ghost\n  a:\n    build: ./a\n',
      'a/Dockerfile': 'FROM x\n',
      'b/Dockerfile': 'FROM x\n',
    };
    const cs = makeChangeSet({ old, files: [{ status: 'D', path: 'b/Dockerfile' }] });
    expect(await rule.check(input(cs))).toEqual([]);
  });

  it('warns about misspelt compose keys in CI, not in hooks', async () => {
    const cs = makeChangeSet({
      old: { 'web/Dockerfile': 'FROM x\n' },
      files: [{ status: 'M', path: 'compose.yaml' }],
      new: { 'compose.yaml': 'services:\n  web:\n    build: ./web\n    enviroment:\n      A: 1\n' },
    });
    expect(await rule.check(input(cs, { context: 'pre-commit' }))).toEqual([]);
    expect(await rule.check(input(cs, { context: 'ci' }))).toEqual([
      expect.objectContaining({
        severity: 'warning',
        line: 4,
        message: expect.stringContaining('did you mean "environment"'),
      }),
    ]);
  });

  it('is an error everywhere by default and documents its configuration', () => {
    expect(rule.defaultSeverity('pre-commit')).toBe('error');
    expect(rule.docs).toContain('services.compose');
  });
});
