// Defects the fuzzers and fault tests found, each pinned by the smallest input that showed it.
import { describe, expect, it } from 'vitest';
import { addLock } from '../../src/status/addLock.js';
import { readStatus } from '../../src/status/readStatus.js';
import { parseConfigText } from '../../src/config/parseConfigText.js';
import { OrchError } from '../../src/errors.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { toRepoPath } from '../../src/check/toRepoPath.js';

const keys = (text: string) => readStatus(text).locks.map((l) => `${l.path} ${l.agent}`);

describe('found by fuzzing', () => {
  it('a lock added to a file of per-lock headings under an empty "## Active Locks" keeps every lock already there', () => {
    const text = [
      'One section per lock.',
      '',
      '## Active Locks',
      '',
      '## T-7 Split checkout',
      'status: active',
      'owner: claude',
      'files:',
      '- apps/web/checkout/',
      '',
      '## T-12 Orders pagination',
      'status: active',
      'owner: codex',
      'files:',
      '- apps/api/orders/',
      '',
    ].join('\n');
    const before = keys(text);
    expect(before).toEqual(['apps/web/checkout/ claude', 'apps/api/orders/ codex']);
    const after = keys(addLock(text, { path: 'src/new.ts', agent: 'fuzzer', since: '2026-11-26T09:00Z' }));
    expect(after).toEqual(expect.arrayContaining([...before, 'src/new.ts fuzzer']));
    expect(after).toHaveLength(3);
  });

  it('a YAML configuration with an alias to an undefined anchor is an OrchError naming file, line and column', () => {
    let error: unknown;
    try {
      parseConfigText('statusFile: WORK_STATUS.md\nrules: *missing\n', '/repo/.orchrc.yaml');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(OrchError);
    expect((error as Error).message).toContain('/repo/.orchrc.yaml:2:8');
    expect((error as Error).message).toContain('Unresolved alias');
  });

  it('a YAML configuration that expands aliases without bound is an OrchError, not a hang or a crash', () => {
    const bomb = [
      'a: &a [1,1,1,1,1,1,1,1,1,1]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      '',
    ].join('\n');
    expect(() => parseConfigText(bomb, '/repo/.orchrc.yaml')).toThrow(OrchError);
  });
});

describe('found by the git matrix', () => {
  const top = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'orch-paths-')));
  const outside = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'orch-outside-')));
  fs.symlinkSync(outside, path.join(top, 'ext'));
  fs.writeFileSync(path.join(outside, 'f.txt'), 'x');

  it('a symbolic link named as itself is a path in the repository (lint-staged passes staged links)', () => {
    expect(toRepoPath('ext', top, top)).toBe('ext');
    expect(toRepoPath(path.join(top, 'ext'), top, top)).toBe('ext');
    // going through it still leaves the repository
    expect(() => toRepoPath('ext/f.txt', top, top)).toThrow(/through a symbolic link/);
  });

  it('a name that starts with two dots is inside the repository; ".." is not', () => {
    expect(toRepoPath('..hidden.ts', top, top)).toBe('..hidden.ts');
    expect(toRepoPath('src/..x/y.ts', top, top)).toBe('src/..x/y.ts');
    expect(() => toRepoPath('..', top, top)).toThrow(/outside the repository/);
    expect(() => toRepoPath('../x', top, top)).toThrow(/outside the repository/);
  });
});
