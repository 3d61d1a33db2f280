// Every shim orch ships with a hook that was there before: the earlier hook runs first, with
// git's arguments and standard input, can stop the commit or push, and orch still runs
// after it with the same input. (A pre-push shim once ran orch before finding it, so every
// push failed once a pre-push hook existed.)
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { commitNoVerify } from '../helpers/rangeHooks.js';
import { ROOT, cleanupAll, tempRepo, type TempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

/** An earlier hook: logs its name, arguments and standard input; fails while STOP-<name> exists. */
function earlierHook(dir: string, name: string, log: string): void {
  const text = `#!/bin/sh
{ echo "ran ${name} with $#: $*"; ${/^pre-(push|receive)/.test(name) ? 'sed "s/^/  stdin /";' : ''} } >> '${log}'
[ ! -f '${log}.STOP-${name}' ] || { echo "earlier ${name} says no" >&2; exit 3; }
`;
  fs.writeFileSync(path.join(dir, name), text, { mode: 0o755 });
}

function logOf(repo: TempRepo): string {
  const log = path.join(path.dirname(repo.dir), 'hooks.log');
  const text = fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '';
  fs.rmSync(log, { force: true });
  return text;
}

it('orch init chains existing pre-commit, commit-msg, post-commit and pre-push hooks; both run, in order, with the input', () => {
  const server = tempRepo({ bare: true, name: 'server.git' });
  const repo = tempRepo({ init: false });
  const log = path.join(path.dirname(repo.dir), 'hooks.log');
  const hooks = path.join(repo.dir, '.git/hooks');
  for (const h of ['pre-commit', 'commit-msg', 'post-commit', 'pre-push']) earlierHook(hooks, h, log);
  const init = repo.orch(['init']);
  expect(init.code, init.out).toBe(0);
  for (const h of ['pre-commit', 'commit-msg', 'post-commit', 'pre-push']) {
    expect(init.stdout).toContain(`rename .git/hooks/${h} → .git/hooks/${h}.orch-chained`);
  }
  repo.ok(['add', '-A']);
  expect(repo.commit('Set up orch').code).toBe(0);
  repo.ok(['remote', 'add', 'origin', server.dir]);
  logOf(repo);

  const backend = { ORCH_AGENT: 'backend-architect' };
  expect(repo.orch(['lock', 'src/app.js'], { env: backend }).code).toBe(0);
  repo.write('src/app.js', 'v1\n');
  repo.ok(['add', '-A']);
  const c = repo.commit('backend writes the app', { env: backend });
  expect(c.code, c.out).toBe(0);
  const commitLog = logOf(repo);
  expect(commitLog).toMatch(
    /ran pre-commit with 0: \nran commit-msg with 1: \S*COMMIT_EDITMSG\nran post-commit with 0: \n/,
  );
  // orch's part of commit-msg ran after the earlier one
  expect(repo.ok(['log', '-1', '--format=%B'])).toContain('Agent: backend-architect');

  const head = repo.ok(['rev-parse', 'HEAD']).trim();
  const push = repo.git(['push', 'origin', 'main']);
  expect(push.code, push.out).toBe(0);
  expect(logOf(repo)).toBe(
    `ran pre-push with 2: origin ${server.dir}\n  stdin refs/heads/main ${head} refs/heads/main ${'0'.repeat(40)}\n`,
  );

  // orch's pre-push still judges the pushed commits: one made with --no-verify is refused
  repo.write('src/app.js', 'v2\n');
  const bad = commitNoVerify(repo, 'frontend edits the app', 'frontend');
  logOf(repo);
  const refused = repo.git(['push', 'origin', 'main']);
  expect(refused.code).not.toBe(0);
  expect(refused.stderr).toContain('src/app.js is locked by backend-architect');
  expect(refused.stderr).toContain(bad.slice(0, 7));
  expect(logOf(repo)).toContain(`  stdin refs/heads/main ${bad} refs/heads/main ${head}\n`);
  repo.ok(['reset', '-q', '--hard', head]);

  // an earlier hook that fails stops the commit (and its exit code is the hook's)
  fs.writeFileSync(`${log}.STOP-pre-commit`, '');
  repo.write('docs/a.md', 'a\n');
  repo.ok(['add', '-A']);
  const stopped = repo.commit('stopped', { env: backend });
  expect(stopped.code).not.toBe(0);
  expect(stopped.stderr).toContain('earlier pre-commit says no');
  expect(repo.ok(['rev-parse', 'HEAD']).trim()).toBe(head);
  fs.rmSync(`${log}.STOP-pre-commit`);
  expect(repo.commit('docs', { env: backend }).code).toBe(0);
  fs.writeFileSync(`${log}.STOP-pre-push`, '');
  const pushStopped = repo.git(['push', 'origin', 'main']);
  expect(pushStopped.code).not.toBe(0);
  expect(pushStopped.stderr).toContain('earlier pre-push says no');
  expect(server.ok(['rev-parse', 'main']).trim()).toBe(head);
});

it("a server's pre-receive: hooks/pre-receive copied as it is chains the hook that was there", () => {
  const server = tempRepo({ bare: true, name: 'server.git' });
  const repo = tempRepo();
  const log = path.join(path.dirname(repo.dir), 'hooks.log');
  repo.ok(['remote', 'add', 'origin', server.dir]);
  const backend = { ORCH_AGENT: 'backend-architect' };
  expect(repo.orch(['lock', 'src/app.js'], { env: backend }).code).toBe(0);
  repo.write('src/app.js', 'v1\n');
  repo.ok(['add', '-A']);
  expect(repo.commit('backend writes the app', { env: backend }).code).toBe(0);
  // what the README tells an administrator to do, after keeping the hook that was there
  earlierHook(path.join(server.dir, 'hooks'), 'pre-receive.orch-chained', log);
  fs.copyFileSync(path.join(ROOT, 'hooks/pre-receive'), path.join(server.dir, 'hooks/pre-receive'));
  const head = repo.ok(['rev-parse', 'HEAD']).trim();
  const first = repo.git(['push', 'origin', 'main']);
  expect(first.code, first.out).toBe(0);
  expect(logOf(repo)).toBe(
    `ran pre-receive.orch-chained with 0: \n  stdin ${'0'.repeat(40)} ${head} refs/heads/main\n`,
  );

  repo.write('src/app.js', 'v2\n');
  const bad = commitNoVerify(repo, 'frontend edits the app', 'frontend');
  const refused = repo.git(['push', '--no-verify', 'origin', 'main']);
  expect(refused.code).not.toBe(0);
  expect(refused.stderr).toMatch(/remote: .*src\/app.js is locked by backend-architect/);
  expect(logOf(repo)).toBe(`ran pre-receive.orch-chained with 0: \n  stdin ${head} ${bad} refs/heads/main\n`);
  expect(server.ok(['rev-parse', 'main']).trim()).toBe(head);
});
