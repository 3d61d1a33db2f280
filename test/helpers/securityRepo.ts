// The set-up of the security scenarios: a repository after `orch init` whose main branch
// is on a bare server running `orch hook pre-receive`; backend-architect holds a lock on
// src/app.js and owns api/openapi.yaml (the default contract group, which it has locked
// and committed). The intruder commits as frontend. Each stage is one call: the clone's
// installed pre-push hook, `orch ci`, and the server's pre-receive (the client's hooks
// skipped with --no-verify, as an intruder would).
import { installHook, orchCi } from './rangeHooks.js';
import { tempRepo, type Run, type TempRepo } from './tempRepo.js';

export const BACKEND = { ORCH_AGENT: 'backend-architect' };
/** The intruder: an agent honest about its name, committing through the hooks. */
export const FRONTEND = { ORCH_AGENT: 'frontend' };

export interface SecurityRepo {
  server: TempRepo;
  repo: TempRepo;
  /** The commit of the set-up (before any lock): where an old branch starts. */
  setup: string;
}

/**
 * @param config  changes to the configuration orch init wrote, made by the person who
 *   sets the project up
 */
export function securityRepo(config: (c: Record<string, unknown>) => void = () => undefined): SecurityRepo {
  const server = tempRepo({ bare: true, name: 'server.git' });
  installHook(server.dir, 'pre-receive');
  const repo = tempRepo({ commitSetup: false });
  const c = JSON.parse(repo.read('.orchrc.json'));
  config(c);
  repo.write('.orchrc.json', JSON.stringify(c, null, 2) + '\n');
  repo.write('src/app.js', 'export const app = 0;\n');
  repo.write('api/openapi.yaml', 'openapi: 3.0.0\n');
  repo.ok(['add', '-A']);
  // the seed: the contract file predates its owner's first lock
  repo.ok(['commit', '-q', '--no-verify', '-m', 'Set up orch']);
  const setup = repo.ok(['rev-parse', 'HEAD']).trim();
  repo.ok(['remote', 'add', 'origin', server.dir]);

  must(repo.orch(['lock', 'src/app.js', 'api/openapi.yaml', '--task', 'T-1'], { env: BACKEND }), 'backend locks');
  repo.write('src/app.js', 'export const app = 1;\n');
  repo.write('api/openapi.yaml', 'openapi: 3.0.0\ninfo: { title: orders }\n');
  repo.ok(['add', '-A']);
  must(repo.commit('backend works on the app and the contract', { env: BACKEND }), 'backend commits');
  must(repo.git(['push', '-q', 'origin', 'main']), 'first push');
  return { server, repo, setup };
}

/** The three stages a pushed range meets, each on its own. */
export function stages(
  s: SecurityRepo,
  ref: string,
  opts: { env?: NodeJS.ProcessEnv } = {},
): { prePush: Run; ci: Run; preReceive: Run } {
  const head = s.repo.ok(['rev-parse', ref]).trim();
  s.repo.ok(['fetch', '-q', 'origin']);
  // --dry-run: the hook runs, the server is left as it is for the next stage
  const prePush = s.repo.git(['push', '--dry-run', 'origin', `${ref}:refs/heads/main`], { env: opts.env });
  const ci = orchCi(s.repo, ['--base', 'origin/main', '--head', head, '--format', 'json'], { env: opts.env });
  const preReceive = s.repo.git(['push', '--no-verify', 'origin', `${ref}:refs/heads/main`], { env: opts.env });
  return { prePush, ci, preReceive };
}

export function must(r: Run, what: string): Run {
  if (r.code !== 0) throw new Error(`${what} failed (${r.code}): ${r.out}`);
  return r;
}
