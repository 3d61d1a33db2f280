import { afterAll, expect, it } from 'vitest';
import { orchCi } from '../helpers/rangeHooks.js';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it('a shallow clone that lacks the base gives the fetch advice (exit 2), and --deepen fetches what is needed', () => {
  const origin = tempRepo({ name: 'origin' });
  for (let i = 1; i <= 6; i++) {
    origin.write(`docs/${i}.md`, `${i}\n`);
    origin.ok(['add', '-A']);
    expect(origin.commit(`docs ${i}`).code).toBe(0);
  }
  const base = origin.ok(['rev-parse', 'HEAD~4']).trim();
  const clone = tempRepo({ name: 'clone', init: false });
  clone.ok(['fetch', '-q', '--depth=1', `file://${origin.dir}`, 'main:refs/remotes/origin/main']);
  clone.ok(['remote', 'add', 'origin', `file://${origin.dir}`]);
  clone.ok(['checkout', '-q', '-b', 'main', 'origin/main']);
  expect(clone.ok(['rev-parse', '--is-shallow-repository']).trim()).toBe('true');

  const r = clone.orch(['check', '--range', `${base}..HEAD`]);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('shallow clone');
  expect(r.stderr).toContain(base);
  expect(r.stderr).toContain('git fetch --no-tags --deepen=');
  expect(r.stderr).toContain('fetch-depth: 0');
  expect(r.stderr).not.toMatch(/\n\s+at .*:\d+:\d+/);

  const ci = orchCi(clone, ['--base', base, '--head', 'HEAD', '--format', 'json']);
  expect(ci.code).toBe(2);
  expect(ci.stderr).toContain('orch ci --deepen');

  const deep = orchCi(clone, ['--base', base, '--head', 'HEAD', '--deepen']);
  expect(deep.code, deep.out).toBe(0);
  expect(deep.stderr).toContain('checked 4 commits');
  expect(deep.stderr).toMatch(/fetched .* history from origin \(--deepen\)/);
});

it('a base that a complete clone does not have is named, with how to fetch it', () => {
  const repo = tempRepo();
  const missing = 'f'.repeat(40);
  const r = repo.orch(['check', '--range', `${missing}..HEAD`]);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain(`the base ${missing} is not a commit in this repository`);
  expect(r.stderr).toContain(`git fetch origin ${missing}`);
  expect(repo.orch(['check', '--range', 'HEAD']).stderr).toContain('expected A..B');
  expect(repo.orch(['check', '--range', 'HEAD~0..HEAD', '--agent', 'x']).stderr).toContain('--agent does not apply');
});
