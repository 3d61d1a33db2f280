import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ciRangeFromEnv } from '../../../src/range/ciRangeFromEnv.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/ci');
const read = (p: string) => fs.readFileSync(p, 'utf8');
const envFixture = (name: string) => JSON.parse(read(path.join(FIXTURES, name))) as Record<string, string>;
const github = (event: string, file: string) => ({
  GITHUB_ACTIONS: 'true',
  GITHUB_EVENT_NAME: event,
  GITHUB_EVENT_PATH: path.join(FIXTURES, file),
});

describe('ciRangeFromEnv: GitHub Actions', () => {
  it("takes a pull request's base and head SHAs from the event payload", () => {
    expect(ciRangeFromEnv(github('pull_request', 'github-pull_request.json'), read)).toEqual({
      provider: 'github',
      source: 'GitHub pull_request #42',
      base: '1a3c5e7f9b2d4f6a8c0e2b4d6f8a0c2e4b6d8f0a',
      head: '9f2c1b7e4d8a6c3b5e7f9a1d2c4b6e8f0a2c4d6e',
      missingBase: 'error',
      branch: 'main',
      defaultBranch: 'main',
    });
    expect(ciRangeFromEnv(github('pull_request_target', 'github-pull_request.json'), read)?.base).toBe(
      '1a3c5e7f9b2d4f6a8c0e2b4d6f8a0c2e4b6d8f0a',
    );
  });

  it('checks a push as before..after on its branch', () => {
    expect(ciRangeFromEnv(github('push', 'github-push.json'), read)).toMatchObject({
      base: '4b2d6f8a0c2e4b6d8f0a1a3c5e7f9b2d4f6a8c0e',
      head: 'c0e2b4d6f8a0c2e4b6d8f0a1a3c5e7f9b2d4f6a8',
      branch: 'release/2.x',
      missingBase: 'new-branch',
    });
  });

  it("checks a new branch (all-zero before) against what the remote's other branches have", () => {
    expect(ciRangeFromEnv(github('push', 'github-push-new-branch.json'), read)).toMatchObject({
      base: null,
      head: 'e4b6d8f0a1a3c5e7f9b2d4f6a8c0e2b4d6f8a0c2',
      known: ['--exclude=origin/feature/new-service', '--remotes=origin'],
      branch: 'feature/new-service',
    });
  });

  it('has nothing to check for a deleted branch or an event without commits', () => {
    expect(ciRangeFromEnv(github('push', 'github-push-delete.json'), read)).toBeNull();
    expect(ciRangeFromEnv(github('workflow_dispatch', 'github-workflow_dispatch.json'), read)).toBeNull();
  });

  it('reads a merge queue group', () => {
    expect(ciRangeFromEnv(github('merge_group', 'github-merge_group.json'), read)).toMatchObject({
      base: '1a3c5e7f9b2d4f6a8c0e2b4d6f8a0c2e4b6d8f0a',
      head: 'b6d8f0a1a3c5e7f9b2d4f6a8c0e2b4d6f8a0c2e4',
      branch: 'main',
    });
  });

  it('says which file it could not read', () => {
    expect(() => ciRangeFromEnv(github('pull_request', 'missing.json'), read)).toThrow(
      /GitHub event payload at .*missing\.json/,
    );
  });
});

describe('ciRangeFromEnv: GitLab CI and Bitbucket', () => {
  it("takes a merge request pipeline's diff base and commit", () => {
    expect(ciRangeFromEnv(envFixture('gitlab-merge_request.env.json'), read)).toEqual({
      provider: 'gitlab',
      source: 'GitLab merge request !7',
      base: 'f8a0c2e4b6d8f0a1a3c5e7f9b2d4f6a8c0e2b4d6',
      head: 'd6f8a0c2e4b6d8f0a1a3c5e7f9b2d4f6a8c0e2b4',
      missingBase: 'error',
      branch: 'main',
      defaultBranch: 'main',
    });
  });

  it("takes a push pipeline's before sha, and treats all zeros as a new branch", () => {
    expect(ciRangeFromEnv(envFixture('gitlab-push.env.json'), read)).toMatchObject({
      base: 'c2e4b6d8f0a1a3c5e7f9b2d4f6a8c0e2b4d6f8a0',
      head: 'a0c2e4b6d8f0a1a3c5e7f9b2d4f6a8c0e2b4d6f8',
      branch: 'develop',
    });
    expect(ciRangeFromEnv(envFixture('gitlab-push-new-branch.env.json'), read)).toMatchObject({
      base: null,
      known: ['--exclude=origin/feature/new', '--remotes=origin'],
    });
  });

  it('reads Bitbucket pull requests, and pushes as new work on the branch', () => {
    expect(ciRangeFromEnv(envFixture('bitbucket-pull_request.env.json'), read)).toMatchObject({
      provider: 'bitbucket',
      base: '0a1a3c5e7f9b',
      head: 'e2b4d6f8a0c2e4b6d8f0a1a3c5e7f9b2d4f6a8c0',
      branch: 'main',
    });
    expect(ciRangeFromEnv(envFixture('bitbucket-push.env.json'), read)).toMatchObject({
      base: null,
      known: ['--exclude=origin/feature/orders', '--remotes=origin'],
    });
  });
});

describe('ciRangeFromEnv: ORCH_BASE / ORCH_HEAD', () => {
  it('works on any runner and overrides what a provider says', () => {
    expect(ciRangeFromEnv({ ORCH_BASE: 'origin/main', ORCH_HEAD: 'HEAD' }, read)).toMatchObject({
      provider: 'generic',
      base: 'origin/main',
      head: 'HEAD',
    });
    expect(
      ciRangeFromEnv({ ...github('pull_request', 'github-pull_request.json'), ORCH_BASE: 'abc' }, read),
    ).toMatchObject({
      base: 'abc',
      head: '9f2c1b7e4d8a6c3b5e7f9a1d2c4b6e8f0a2c4d6e',
      branch: 'main',
    });
    expect(ciRangeFromEnv({ ORCH_BASE: '0000000000000000000000000000000000000000' }, read)).toMatchObject({
      base: null,
      head: 'HEAD',
    });
  });

  it('finds nothing outside CI', () => {
    expect(ciRangeFromEnv({}, read)).toBeNull();
    expect(ciRangeFromEnv({ ORCH_HEAD: 'HEAD' }, read)).toBeNull();
    expect(ciRangeFromEnv({ GITHUB_ACTIONS: 'true' }, read)).toBeNull();
  });
});
