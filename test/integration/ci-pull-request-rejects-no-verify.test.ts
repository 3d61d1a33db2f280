import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { commitNoVerify, githubPullRequest, orchCi, serverAndClone } from '../helpers/rangeHooks.js';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it('orch ci fails a GitHub pull request whose --no-verify commit changes a locked file, naming the commit', () => {
  const { repo } = serverAndClone(tempRepo);
  const backend = { ORCH_AGENT: 'backend-architect' };
  expect(repo.orch(['lock', 'services/orders/handler.ts', '--task', 'T-12'], { env: backend }).code).toBe(0);
  repo.write('services/orders/handler.ts', 'export const v = 1;\n');
  repo.ok(['add', '-A']);
  expect(repo.commit('backend adds the handler', { env: backend }).code).toBe(0);
  repo.ok(['push', '-q', 'origin', 'main']);
  const base = repo.ok(['rev-parse', 'HEAD']).trim();

  repo.ok(['checkout', '-q', '-b', 'feature/ui']);
  repo.write('web/app.ts', 'export {};\n');
  repo.ok(['add', '-A']);
  expect(repo.commit('frontend adds the app', { env: { ORCH_AGENT: 'frontend-specialist' } }).code).toBe(0);
  repo.write('services/orders/handler.ts', 'export const v = 2;\n');
  const bad = commitNoVerify(repo, 'frontend tweaks the handler', 'frontend-specialist');
  const event = githubPullRequest(repo, base, bad);

  const json = orchCi(repo, ['--format', 'json'], { env: event });
  expect(json.code, json.out).toBe(1);
  const report = JSON.parse(json.stdout);
  expect(report).toMatchObject({ ok: false, context: 'ci', agent: 'frontend-specialist' });
  expect(report.findings).toHaveLength(1);
  expect(report.findings[0]).toMatchObject({
    rule: 'lock-conflict',
    severity: 'error',
    path: 'services/orders/handler.ts',
    commit: bad,
    holder: 'backend-architect',
  });
  expect(report.findings[0].message).toContain(`commit ${bad.slice(0, 7)} "frontend tweaks the handler"`);

  // in GitHub Actions the default format is workflow annotations, with a step summary
  const summary = path.join(path.dirname(repo.dir), 'summary.md');
  const gh = orchCi(repo, [], { env: { ...event, GITHUB_STEP_SUMMARY: summary } });
  expect(gh.code).toBe(1);
  expect(gh.stdout).toContain(
    `::error file=services/orders/handler.ts,title=orch lock-conflict (${bad.slice(0, 7)})::`,
  );
  expect(gh.stdout).toContain('::notice title=orch::checked 2 commits of');
  expect(gh.stdout).toContain('GitHub pull_request #42');
  expect(fs.readFileSync(summary, 'utf8')).toContain('| error | `lock-conflict` | `services/orders/handler.ts` |');

  // --base/--head beat the environment: the clean first commit alone passes
  const first = repo.ok(['rev-parse', 'HEAD~1']).trim();
  const clean = orchCi(repo, ['--base', base, '--head', first, '--format', 'json'], { env: event });
  expect(clean.code, clean.out).toBe(0);
  expect(JSON.parse(clean.stdout).findings).toEqual([]);
});
