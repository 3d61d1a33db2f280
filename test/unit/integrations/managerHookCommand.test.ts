import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  callsOrch,
  generatedCommandPattern,
  managerHookCommand,
} from '../../../src/integrations/managerHookCommand.js';

describe('managerHookCommand', () => {
  it('passes git arguments the way each manager does', () => {
    expect(managerHookCommand('pre-commit', 'orch', 'lefthook')).toEqual({ run: 'orch hook pre-commit' });
    expect(managerHookCommand('commit-msg', 'orch', 'lefthook')!.run).toMatch(/orch hook commit-msg \{1\}; fi$/);
    expect(managerHookCommand('commit-msg', 'orch', 'sh')!.run).toMatch(/orch hook commit-msg "\$1"; fi$/);
    expect(managerHookCommand('commit-msg', 'orch', 'pre-commit')).toEqual({
      run: 'orch hook commit-msg',
      passFilenames: true,
    });
    expect(managerHookCommand('pre-push', 'orch', 'lefthook')).toEqual({ run: 'orch hook pre-push {0}', stdin: true });
    // the framework does not pass git's stdin to its hooks: no pre-push entry there
    expect(managerHookCommand('pre-push', 'orch', 'pre-commit')).toBeNull();
  });

  it('post-commit and commit-msg start Node.js only when pre-commit left work', () => {
    const cmd = managerHookCommand('post-commit', '/nonexistent/orch', 'sh')!.run;
    expect(spawnSync('sh', ['-n'], { input: cmd, encoding: 'utf8' }).status).toBe(0);
    // no note in the git dir: the command succeeds without running orch (which does not exist)
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'orch-cmd-'));
    try {
      expect(spawnSync('git', ['init', '-q'], { cwd: dir }).status).toBe(0);
      const r = spawnSync('sh', ['-c', cmd], { cwd: dir, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      // with the note, orch runs: here it cannot be found, and that is not hidden
      fs.mkdirSync(path.join(dir, '.git/orch'));
      fs.writeFileSync(path.join(dir, '.git/orch/post-commit'), '{}');
      expect(spawnSync('sh', ['-c', cmd], { cwd: dir, encoding: 'utf8' }).status).not.toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("commit-msg starts Node.js for any agent's trailers note, and for none only when there is none", () => {
    const cmd = managerHookCommand('commit-msg', '/nonexistent/orch', 'sh')!.run;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'orch-cmd-'));
    try {
      expect(spawnSync('git', ['init', '-q'], { cwd: dir }).status).toBe(0);
      expect(spawnSync('sh', ['-c', cmd, 'commit-msg', 'MSG'], { cwd: dir, encoding: 'utf8' }).status).toBe(0);
      fs.mkdirSync(path.join(dir, '.git/orch'));
      fs.writeFileSync(path.join(dir, '.git/orch/trailers.backend-architect'), 'Agent: backend-architect\n');
      expect(spawnSync('sh', ['-c', cmd, 'commit-msg', 'MSG'], { cwd: dir, encoding: 'utf8' }).status).not.toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("knows the commands it generated, today's and the earlier form, so init can update them", () => {
    const pattern = new RegExp(`^${generatedCommandPattern('commit-msg')}$`);
    expect(pattern.test(managerHookCommand('commit-msg', 'orch', 'lefthook')!.run)).toBe(true);
    expect(pattern.test(managerHookCommand('commit-msg', 'node_modules/.bin/orch', 'sh')!.run)).toBe(true);
    expect(pattern.test('[ ! -f "$(git rev-parse --git-dir)/orch/trailers" ] || orch hook commit-msg {1}')).toBe(true);
    expect(pattern.test('orch hook commit-msg {1} && echo mine')).toBe(false);
  });

  it('recognises orch calls however orch is reached', () => {
    expect(callsOrch('orch hook pre-commit && npx lint-staged', 'pre-commit')).toBe(true);
    expect(callsOrch('node_modules/.bin/orch hook pre-commit', 'pre-commit')).toBe(true);
    expect(callsOrch('orch hook pre-commit-extra', 'pre-commit')).toBe(false);
    expect(callsOrch('scorch hook pre-commit', 'pre-commit')).toBe(false);
    expect(callsOrch('orch hook commit-msg {1}', 'pre-commit')).toBe(false);
  });
});
