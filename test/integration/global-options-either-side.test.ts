// Global options work before and after the command, and every command validates the
// format it is given (flag or ORCH_FORMAT): an unknown one is exit 2, never quietly human.
import { afterAll, expect, it } from 'vitest';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it('--format and --agent before or after the command; unknown formats are usage errors', () => {
  const repo = tempRepo();
  expect(repo.orch(['lock', 'src/a.ts'], { env: { ORCH_AGENT: 'backend-architect' } }).code).toBe(0);

  for (const args of [
    ['--format', 'json', 'status'],
    ['status', '--format', 'json'],
    ['--format=json', 'status'],
  ]) {
    const r = repo.orch(args);
    expect(r.code, args.join(' ')).toBe(0);
    expect(JSON.parse(r.stdout).locks[0]).toMatchObject({ path: 'src/a.ts', agent: 'backend-architect' });
  }
  for (const args of [
    ['--agent', 'frontend-developer', '--format', 'json', 'status'],
    ['status', '--agent', 'frontend-developer', '--format', 'json'],
  ]) {
    const r = repo.orch(args);
    expect(r.code, r.out).toBe(0);
    expect(JSON.parse(r.stdout).agent).toBe('frontend-developer');
  }
  // the agent given before the command is the one that acts
  const blocked = repo.orch(['--agent', 'frontend-developer', 'lock', 'src/a.ts']);
  expect(blocked.code).toBe(1);
  expect(blocked.stderr).toContain('held by backend-architect');

  for (const [args, env, source] of [
    [['status', '--format', 'xml'], {}, '--format'],
    [['--format', 'xml', 'status'], {}, '--format'],
    [['status'], { ORCH_FORMAT: 'xml' }, 'ORCH_FORMAT'],
    [['lock', 'src/b.ts'], { ORCH_FORMAT: 'yaml', ORCH_AGENT: 'backend-architect' }, 'ORCH_FORMAT'],
    [['check', '--format=txt'], {}, '--format'],
  ] as const) {
    const r = repo.orch([...args], { env });
    expect(r.code, `${args.join(' ')} ${JSON.stringify(env)}`).toBe(2);
    expect(r.stderr).toContain(`${source}: unknown format`);
    expect(r.stdout).toBe('');
  }
  // nothing was changed by the refused lock
  expect(repo.read('WORK_STATUS.md')).not.toContain('src/b.ts');
});
