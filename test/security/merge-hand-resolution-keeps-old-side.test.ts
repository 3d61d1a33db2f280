import { afterAll, expect, it } from 'vitest';
import { FRONTEND, must, securityRepo, stages } from '../helpers/securityRepo.js';
import { cleanupAll } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

// frontend's commits carry its email, which the configuration maps to it: merges (which
// get no Agent: trailer) are then frontend's too
const AS_FRONTEND = {
  ...FRONTEND,
  GIT_AUTHOR_EMAIL: 'frontend@example.test',
  GIT_COMMITTER_EMAIL: 'frontend@example.test',
};

it('a merge resolved by hand to the old side of the locked file and of .orchrc.json is refused at every stage', () => {
  const s = securityRepo((c) => {
    c.agents = { frontend: { emails: ['frontend@example.test'] } };
  });
  const { repo } = s;
  // a person tightens the configuration on main after the branch started
  const config = JSON.parse(repo.read('.orchrc.json'));
  config.rules = { 'no-placeholder': 'error' };
  repo.write('.orchrc.json', JSON.stringify(config, null, 2) + '\n');
  repo.ok(['commit', '-q', '-am', 'Placeholders block']);
  must(repo.git(['push', '-q', 'origin', 'main']), 'push');

  repo.ok(['checkout', '-q', '-b', 'feature', s.setup]);
  repo.write('web/ui.js', 'export const ui = 1;\n');
  repo.ok(['add', '-A']);
  must(repo.commit('frontend adds the ui', { env: AS_FRONTEND }), 'frontend commits');
  // bring main in, then put back the branch's side of two files before committing
  repo.ok(['merge', '-q', '--no-commit', 'main'], { env: AS_FRONTEND });
  repo.ok(['checkout', 'HEAD', '--', 'src/app.js', '.orchrc.json']);
  repo.ok(['commit', '-q', '--no-verify', '--no-edit'], { env: AS_FRONTEND });
  const merge = repo.ok(['rev-parse', 'HEAD']).trim();
  expect(repo.ok(['show', '--cc', '--format=', '--name-only', merge])).not.toContain('src/app.js');

  const { prePush, ci, preReceive } = stages(s, 'feature');
  for (const r of [prePush, preReceive]) {
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(`error lock-conflict src/app.js (commit ${merge.slice(0, 7)})`);
    expect(r.stderr).toContain(`error contract-owner .orchrc.json (commit ${merge.slice(0, 7)})`);
    expect(r.stderr).toContain('.orchrc.json is the orch configuration; only people may change it');
  }
  expect(ci.code).toBe(1);
  const findings = JSON.parse(ci.stdout).findings as { rule: string; path: string; commit?: string; message: string }[];
  expect(findings).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        rule: 'lock-conflict',
        path: 'src/app.js',
        holder: 'backend-architect',
        commit: merge,
      }),
      expect.objectContaining({ rule: 'contract-owner', path: '.orchrc.json', commit: merge }),
    ]),
  );
  // the contract and the lock rows came through the merge unchanged: not blamed
  expect(findings.filter((f) => f.path === 'api/openapi.yaml' || f.rule === 'status-integrity')).toEqual([]);
  expect(findings.find((f) => f.path === 'src/app.js')!.message).toContain('by frontend');
});
