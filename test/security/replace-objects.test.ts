import { afterAll, expect, it } from 'vitest';
import { commitNoVerify, orchCi } from '../helpers/rangeHooks.js';
import { FRONTEND, must, securityRepo } from '../helpers/securityRepo.js';
import { cleanupAll } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it('git replace EVIL BENIGN does not hide EVIL from pre-push, orch ci or pre-receive; refs/replace/* pushes are refused unless allowed', () => {
  const s = securityRepo();
  const { repo, server } = s;
  const base = repo.ok(['rev-parse', 'HEAD']).trim();
  repo.write('docs/notes.md', 'notes\n');
  const benign = commitNoVerify(repo, 'docs: notes', 'frontend');
  repo.ok(['reset', '-q', '--hard', base]);
  repo.write('src/app.js', 'export const app = "evil";\n');
  const evil = commitNoVerify(repo, 'frontend rewrites the app', 'frontend');
  repo.ok(['replace', evil, benign]);
  // git itself now shows the benign commit where EVIL is
  expect(repo.ok(['log', '-1', '--format=%s', evil]).trim()).toBe('docs: notes');

  const prePush = repo.git(['push', '--dry-run', 'origin', `${evil}:refs/heads/main`], { env: FRONTEND });
  expect(prePush.code).not.toBe(0);
  expect(prePush.stderr).toContain(`error lock-conflict src/app.js (commit ${evil.slice(0, 7)})`);
  const ci = orchCi(repo, ['--base', base, '--head', evil, '--format', 'json']);
  expect(ci.code).toBe(1);
  expect(JSON.parse(ci.stdout).findings).toEqual([
    expect.objectContaining({ rule: 'lock-conflict', path: 'src/app.js', holder: 'backend-architect', commit: evil }),
  ]);

  // the reproduction: the replacement and EVIL pushed together
  const both = repo.git([
    'push',
    '--no-verify',
    'origin',
    `refs/replace/${evil}:refs/replace/${evil}`,
    `${evil}:refs/heads/main`,
  ]);
  expect(both.code).not.toBe(0);
  expect(both.stderr).toContain(`this push writes refs/replace/${evil}, a replacement`);
  expect(both.stderr).toContain(`error lock-conflict src/app.js (commit ${evil.slice(0, 7)})`);
  expect(server.git(['rev-parse', '-q', '--verify', `refs/replace/${evil}`]).code).not.toBe(0);
  expect(server.ok(['rev-parse', 'main']).trim()).toBe(base);

  // a server that allows replacements (a person's choice) stores one; orch still reads EVIL itself
  const config = JSON.parse(repo.ok(['show', `${base}:.orchrc.json`]));
  config.allowReplaceRefs = true;
  repo.ok(['replace', '-d', evil]);
  repo.ok(['checkout', '-q', '-f', '-b', 'allow', base]);
  repo.write('.orchrc.json', JSON.stringify(config, null, 2) + '\n');
  repo.ok(['commit', '-q', '--no-verify', '-am', 'Allow replacement refs']);
  must(repo.git(['push', '-q', '--no-verify', 'origin', 'allow:main']), 'person pushes the configuration');
  const allowed = repo.git(['push', '--no-verify', 'origin', `${benign}:refs/replace/${evil}`]);
  expect(allowed.code, allowed.out).toBe(0);
  // the server's git now shows the benign commit where EVIL is
  expect(server.ok(['log', '-1', '--format=%s', evil]).trim()).toBe('docs: notes');
  const hidden = repo.git(['push', '--no-verify', '--force', 'origin', `${evil}:refs/heads/main`]);
  expect(hidden.code).not.toBe(0);
  expect(hidden.stderr).toContain(`error lock-conflict src/app.js (commit ${evil.slice(0, 7)})`);
});
