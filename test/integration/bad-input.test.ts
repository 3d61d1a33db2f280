import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

const STACK = /\n\s+at [^\n]*:\d+:\d+/;

describe('bad input exits 2 with a clear message and writes nothing', () => {
  it('a malformed .orchrc.json names the file and the line', () => {
    const repo = tempRepo();
    repo.write('.orchrc.json', '{\n  "statusFile": "WORK_STATUS.md",\n  "rules": { "lock-conflict": "error", }\n}\n');
    const before = repo.read('WORK_STATUS.md');
    const r = repo.orch(['lock', 'a.txt'], { env: { ORCH_AGENT: 'a' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('.orchrc.json');
    expect(r.stderr).toMatch(/\.orchrc\.json:3:\d+/);
    expect(r.stderr).toContain('trailing comma');
    expect(r.stderr).not.toMatch(STACK);
    expect(repo.read('WORK_STATUS.md')).toBe(before);
  });

  it('a mistyped .orchrc.json names the key and what was expected', () => {
    const repo = tempRepo();
    repo.write('.orchrc.json', JSON.stringify({ rules: { 'lock-conflict': 'fatal' }, statusfile: 'X.md' }));
    const r = repo.orch(['check'], { env: { ORCH_AGENT: 'a' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('rules.lock-conflict');
    expect(r.stderr).toMatch(/error.*warning.*off/);
    expect(r.stderr).toContain('statusFile');
    expect(r.stderr).not.toMatch(STACK);
    // the same error blocks a commit (exit 2 from the hook), with no stack trace
    repo.write('a.txt', 'a\n');
    repo.ok(['add', 'a.txt']);
    const c = repo.commit('x');
    expect(c.code).not.toBe(0);
    expect(c.stderr).not.toMatch(STACK);
  });

  it('a binary WORK_STATUS.md', () => {
    const repo = tempRepo();
    repo.write('WORK_STATUS.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]));
    const r = repo.orch(['lock', 'a.txt'], { env: { ORCH_AGENT: 'a' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('WORK_STATUS.md is not a text file');
    expect(fs.readFileSync(path.join(repo.dir, 'WORK_STATUS.md')).length).toBe(10);
  });

  it('an unreadable WORK_STATUS.md', (ctx) => {
    // root reads any file: the unreadable case runs as nobody in status-write-faults.test.ts
    if (process.getuid?.() === 0) ctx.skip('root reads any file');
    const repo = tempRepo();
    fs.chmodSync(path.join(repo.dir, 'WORK_STATUS.md'), 0o000);
    const r = repo.orch(['status']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot read');
  });

  it('an unknown command or flag', () => {
    const repo = tempRepo();
    const cmd = repo.orch(['lokc', 'a']);
    expect(cmd.code).toBe(2);
    expect(cmd.stderr).toContain('unknown command "lokc"');
    expect(cmd.stderr).toContain('lock');
    const flag = repo.orch(['lock', 'a', '--tsk', 'T-1'], { env: { ORCH_AGENT: 'a' } });
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain("'--tsk'");
    expect(flag.stderr).toContain('orch lock --help');
    expect(repo.read('WORK_STATUS.md')).not.toContain('| a |');
  });

  it.each([
    ['../x', 'outside the repository'],
    ['/etc/passwd', 'outside the repository'],
    ['../../etc/passwd', 'outside the repository'],
    ['escape/passwd', 'through a symbolic link'],
  ])('a lock on %s', (target, message) => {
    const repo = tempRepo();
    fs.symlinkSync('/etc', path.join(repo.dir, 'escape'));
    const before = repo.read('WORK_STATUS.md');
    const r = repo.orch(['lock', target], { env: { ORCH_AGENT: 'a' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(STACK);
    expect(repo.read('WORK_STATUS.md')).toBe(before);
  });

  it('an absolute path inside the repository is accepted', () => {
    const repo = tempRepo();
    const r = repo.orch(['lock', path.join(repo.dir, 'src/in.ts')], { env: { ORCH_AGENT: 'a' } });
    expect(r.code, r.out).toBe(0);
    expect(repo.read('WORK_STATUS.md')).toContain('| src/in.ts | a |');
  });

  it('a lock without any identity', () => {
    const repo = tempRepo();
    repo.ok(['config', '--unset', 'user.email']);
    const r = repo.orch(['lock', 'a.txt']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ORCH_AGENT');
  });
});
