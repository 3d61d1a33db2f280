import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commitMsgBody } from '../../../src/integrations/hookShim.js';
import { trailersFile } from '../../../src/record/recordState.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'orch-trailers-file-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the trailers file of a commit', () => {
  it('is named by a plain ORCH_AGENT, and by nothing else', () => {
    expect(trailersFile({ ORCH_AGENT: 'backend-architect' })).toBe('trailers.backend-architect');
    expect(trailersFile({})).toBe('trailers');
    for (const odd of ['', '.hidden', 'has space', 'a/b', 'ünï', 'x'.repeat(101)])
      expect(trailersFile({ ORCH_AGENT: odd }), odd).toBe('trailers');
    expect(trailersFile({ ORCH_AGENT: 'x'.repeat(100) })).toBe(`trailers.${'x'.repeat(100)}`);
  });

  it('is the one the sh commit-msg hook reads, whatever the agent is called', () => {
    spawnSync('git', ['init', '-q', dir]);
    for (const agent of [
      'backend-architect',
      'a.b_c-1',
      '.hidden',
      'has space',
      'a/b',
      'ünï',
      'x'.repeat(100),
      'x'.repeat(101),
      undefined,
    ]) {
      const env: NodeJS.ProcessEnv = {
        PATH: process.env.PATH,
        HOME: dir,
        ...(agent === undefined ? {} : { ORCH_AGENT: agent }),
      };
      const state = path.join(dir, '.git', 'orch');
      fs.rmSync(state, { recursive: true, force: true });
      fs.mkdirSync(state);
      fs.writeFileSync(path.join(state, trailersFile(env)), 'Agent: who-wrote-it\n');
      const msg = path.join(dir, 'MSG');
      fs.writeFileSync(msg, 'A change\n');
      const r = spawnSync('sh', ['-c', commitMsgBody(), 'commit-msg', msg], { cwd: dir, env, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      expect(fs.readFileSync(msg, 'utf8'), String(agent)).toBe('A change\n\nAgent: who-wrote-it\n');
      // and it is gone once used
      expect(fs.readdirSync(state), String(agent)).toEqual([]);
    }
  });
});
