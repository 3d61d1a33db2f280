import { describe, expect, it, vi } from 'vitest';
import { findNewServices } from '../../../src/compose/findNewServices.js';
import { hadServiceMarker } from '../../../src/compose/hadServiceMarker.js';
import { readCompose } from '../../../src/compose/readCompose.js';
import { serviceDirMatcher } from '../../../src/compose/serviceDirMatcher.js';
import type { ChangeSet } from '../../../src/types.js';
import { makeChangeSet } from '../../helpers/changeSet.js';

const compose = readCompose('services:\n  users:\n    build: ./services/users\n', 'docker-compose.yml');
const inferred = { ignore: [] };
const noCompose = async () => [];

/** Counts the calls a rule makes to the costly ChangeSet members. */
function spied(cs: ChangeSet) {
  const listFiles = vi.spyOn(cs, 'listFiles');
  const exists = vi.spyOn(cs, 'exists');
  return { cs, listFiles, exists };
}

describe('findNewServices', () => {
  it('finds a directory under an inferred root that gains its first marker', async () => {
    const cs = makeChangeSet({
      old: { 'docker-compose.yml': 'x', 'services/users/go.mod': 'module users' },
      files: [
        { status: 'A', path: 'services/orders/go.mod' },
        { status: 'A', path: 'services/orders/main.go' },
      ],
      new: { 'services/orders/go.mod': 'module orders', 'services/orders/main.go': 'package main' },
    });
    expect(await findNewServices(cs, inferred, { composeFiles: async () => [compose] })).toEqual([
      { dir: 'services/orders', markers: ['services/orders/go.mod'] },
    ]);
  });

  it('does not look at the repository at all when no marker was added', async () => {
    const { cs, listFiles, exists } = spied(
      makeChangeSet({
        files: [{ status: 'M', path: 'services/users/main.go' }],
        new: { 'services/users/main.go': 'x' },
      }),
    );
    const composeFiles = vi.fn(async () => [compose]);
    expect(await findNewServices(cs, inferred, { composeFiles })).toEqual([]);
    expect(composeFiles).not.toHaveBeenCalled();
    expect(listFiles).not.toHaveBeenCalled();
    expect(exists).not.toHaveBeenCalled();
  });

  it('never lists the old side for a directory that did not exist before', async () => {
    const { cs, listFiles } = spied(
      makeChangeSet({
        files: [{ status: 'A', path: 'services/orders/package.json' }],
        new: { 'services/orders/package.json': '{}' },
      }),
    );
    expect(await findNewServices(cs, inferred, { composeFiles: async () => [compose] })).toHaveLength(1);
    expect(listFiles).not.toHaveBeenCalled();
  });

  it('is not new when the directory already had a marker, by exact name or by pattern', async () => {
    const byName = makeChangeSet({
      old: { 'services/users/go.mod': 'm' },
      files: [{ status: 'A', path: 'services/users/Dockerfile' }],
      new: { 'services/users/Dockerfile': 'FROM x' },
    });
    expect(await findNewServices(byName, inferred, { composeFiles: async () => [compose] })).toEqual([]);
    const byPattern = makeChangeSet({
      old: { 'services/users/Users.csproj': '<Project/>' },
      files: [{ status: 'A', path: 'services/users/Dockerfile' }],
      new: { 'services/users/Dockerfile': 'FROM x' },
    });
    expect(await hadServiceMarker(byPattern, 'services/users')).toBe(true);
    const plainDir = makeChangeSet({
      old: { 'services/users/README.md': 'docs' },
      files: [{ status: 'A', path: 'services/users/go.mod' }],
      new: { 'services/users/go.mod': 'm' },
    });
    expect(await hadServiceMarker(plainDir, 'services/users')).toBe(false);
  });

  it('leaves the repository root, ignored directories and library roots alone', async () => {
    const cs = makeChangeSet({
      files: [
        { status: 'A', path: 'package.json' },
        { status: 'A', path: 'services/mobile/package.json' },
        { status: 'A', path: 'packages/ui/package.json' },
        { status: 'A', path: 'libs/core/Cargo.toml' },
        { status: 'A', path: 'docs/package.json' },
        { status: 'A', path: '.github/actions/x/package.json' },
      ],
    });
    const topLevel = readCompose(
      'services:\n  web:\n    build: ./web\n  pkg:\n    build: ./packages/api\n',
      'compose.yaml',
    );
    expect(
      await findNewServices(cs, { ignore: ['services/mobile/'] }, { composeFiles: async () => [compose, topLevel] }),
    ).toEqual([]);
  });

  it('uses configured roots instead of compose files, and then packages/* counts when configured', async () => {
    const cs = makeChangeSet({
      files: [
        { status: 'A', path: 'packages/api/package.json' },
        { status: 'A', path: 'apps/web/package.json' },
      ],
    });
    const composeFiles = vi.fn(noCompose);
    const found = await findNewServices(cs, { roots: ['packages/*'], ignore: [] }, { composeFiles });
    expect(found.map((s) => s.dir)).toEqual(['packages/api']);
    expect(composeFiles).not.toHaveBeenCalled();
  });

  it('finds nothing without configured roots when no compose file builds anything', async () => {
    const cs = makeChangeSet({ files: [{ status: 'A', path: 'services/orders/go.mod' }] });
    expect(await findNewServices(cs, inferred, { composeFiles: noCompose })).toEqual([]);
  });

  it('counts a renamed directory as a new service (its compose entry must follow it)', async () => {
    const cs = makeChangeSet({
      old: { 'services/users/go.mod': 'm' },
      files: [{ status: 'R', path: 'services/accounts/go.mod', oldPath: 'services/users/go.mod' }],
      new: { 'services/accounts/go.mod': 'm' },
    });
    expect((await findNewServices(cs, inferred, { composeFiles: async () => [compose] })).map((s) => s.dir)).toEqual([
      'services/accounts',
    ]);
  });
});

describe('serviceDirMatcher', () => {
  it('matches configured roots and honours ignore globs with or without a trailing slash', () => {
    const m = serviceDirMatcher({ roots: ['services/*', 'apps/*'], ignore: ['apps/mobile/', 'services/legacy-*'] });
    expect(['services/a', 'apps/web'].map(m)).toEqual([true, true]);
    expect(['apps/mobile', 'services/legacy-billing', 'services/a/b', '', 'tools/x'].map(m)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('inferServiceRoots', () => {
  it('keeps both a top-level root and a nested one that holds several services', async () => {
    const { inferServiceRoots } = await import('../../../src/compose/inferServiceRoots.js');
    const f = readCompose(
      'services:\n  web: { build: ./web }\n  a: { build: ./services/a }\n  b: { build: ./services/b }\n',
      'compose.yaml',
    );
    expect(inferServiceRoots([f])).toEqual(['*', 'services/*']);
    const one = readCompose('services:\n  web: { build: ./web }\n  a: { build: ./services/a }\n', 'compose.yaml');
    expect(inferServiceRoots([one])).toEqual(['*', 'services/*']);
  });

  it('never infers the repository root itself, and escapes glob characters in directory names', async () => {
    const { inferServiceRoots } = await import('../../../src/compose/inferServiceRoots.js');
    const f = readCompose('services:\n  app: { build: . }\n  x: { build: "./apps (old)/x" }\n', 'compose.yaml');
    expect(inferServiceRoots([f])).toEqual(['apps \\(old\\)/*']);
  });
});
