import { describe, expect, it } from 'vitest';
import { rule } from '../../../src/rules/dockerfile-practice.js';
import type { ChangeSet, FileChange } from '../../../src/types.js';
import { makeChangeSet } from '../../helpers/changeSet.js';
import { makeRuleInput } from '../../helpers/makeRuleInput.js';

const DF = 'services/orders/Dockerfile';
const GOOD = 'FROM golang:1.23\nUSER 10001\nCMD ["/app"]\n';
const check = (changes: ChangeSet) => rule.check(makeRuleInput({ changes }));
const changed = (files: Record<string, string>, extra: FileChange[] = [], old: Record<string, string> = {}) =>
  makeChangeSet({
    files: [...Object.keys(files).map((path) => ({ status: 'M' as const, path })), ...extra],
    old,
    new: files,
  });

describe('dockerfile-practice', () => {
  it('reports each practice with the path, the line, the quoted instruction and the fix', async () => {
    const findings = await check(changed({ [DF]: 'FROM golang:latest\nUSER 10001\nCMD /app --serve\n' }));
    expect(findings).toEqual([
      {
        rule: 'dockerfile-practice',
        path: DF,
        line: 1,
        message: `${DF}:1 "FROM golang:latest": the base image golang:latest floats: each build may get a different image [floating-base].`,
        fix: 'Pin a version instead of latest: FROM golang:<version>.',
      },
      {
        rule: 'dockerfile-practice',
        path: DF,
        line: 3,
        message: `${DF}:3 "CMD /app --serve": CMD in shell form runs under /bin/sh -c: the process does not get signals such as SIGTERM and stops only when killed [shell-form].`,
        fix: 'Use the exec form: CMD ["/app", "--serve"]',
      },
    ]);
    expect(rule.defaultSeverity('pre-commit')).toBe('warning');
    expect(rule.defaultSeverity('pre-receive')).toBe('warning');
  });

  it('is quiet on a Dockerfile that follows the practices, and on files that are not Dockerfiles', async () => {
    expect(await check(changed({ [DF]: GOOD }))).toEqual([]);
    expect(
      await check(changed({ 'docs/Dockerfiles.md': 'FROM x\n', 'Dockerfile.dockerignore': 'node_modules\n' })),
    ).toEqual([]);
  });

  it('checks every kind of Dockerfile name, and not deleted, unmerged or submodule entries', async () => {
    const bad = 'FROM node\nCMD ["node"]\n';
    const names = ['Dockerfile', 'web/Dockerfile.dev', 'web/api.Dockerfile'];
    const findings = await check(changed(Object.fromEntries(names.map((n) => [n, bad]))));
    expect([...new Set(findings.map((f) => f.path))]).toEqual(names);
    const skipped = makeChangeSet({
      files: [
        { status: 'D', path: 'a/Dockerfile' },
        { status: 'U', path: 'b/Dockerfile' },
        { status: 'M', path: 'c/Dockerfile', submodule: true },
      ],
      old: { 'a/Dockerfile': bad },
      new: { 'b/Dockerfile': bad, 'c/Dockerfile': bad },
    });
    expect(await check(skipped)).toEqual([]);
  });

  it('asks for a HEALTHCHECK when a compose service building it publishes a port, unless the service has its own', async () => {
    const compose = (healthcheck: string) =>
      `services:\n  orders:\n    build: services/orders\n    ports: ["8080:8080"]\n${healthcheck}`;
    const [f, ...rest] = await check(changed({ [DF]: GOOD }, [], { 'compose.yaml': compose('') }));
    expect(rest).toEqual([]);
    expect(f.message).toMatch(
      /^services\/orders\/Dockerfile:1 "FROM golang:1\.23": the service publishes a port but the final stage has no HEALTHCHECK/,
    );
    const withCheck = compose('    healthcheck:\n      test: ["CMD", "/app", "health"]\n');
    expect(await check(changed({ [DF]: GOOD }, [], { 'compose.yaml': withCheck }))).toEqual([]);
  });

  it('over a range, judges the final content and names the last commit that changed the Dockerfile', async () => {
    const sha = '1111111111111111111111111111111111111111';
    const commit = makeChangeSet({ files: [{ status: 'A', path: DF }], new: { [DF]: GOOD }, commit: { sha } });
    const range = makeChangeSet({
      kind: 'range',
      files: [{ status: 'A', path: DF }],
      new: { [DF]: 'FROM golang:1.23\nCMD ["/app"]\n' },
      commits: [commit],
    });
    const [f] = await rule.check({ ...makeRuleInput({ changes: commit, context: 'pre-push' }), range });
    expect(f).toMatchObject({ path: DF, line: 1, commit: sha });
    expect(f.message).toContain('[root-user]');
  });

  it('says nothing about a Dockerfile whose content cannot be read', async () => {
    const unreadable = makeChangeSet({ files: [{ status: 'A', path: DF }] });
    expect(await check(unreadable)).toEqual([]);
  });
});
