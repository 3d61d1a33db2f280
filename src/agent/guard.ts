// `orch guard`: the edit-time check over the paths of one tool call, with one repository,
// configuration and status read (see guardCore.ts for what each path is judged by).
import { isOrchError } from '../errors.js';
import { guardOne, judgedPaths, type GuardRequest, type GuardResult } from './guardCore.js';
import { openRepo, type Repo } from '../git/openRepo.js';
import { prepareCheck, type Prepared } from '../check/prepareCheck.js';

export {
  AUTO_LOCK_TASK,
  GUARD_RULES,
  guardMessage,
  guardOne,
  judgedPaths,
  type GuardRequest,
  type GuardResult,
} from './guardCore.js';

/** Judges each path in turn with one repository, configuration and status read. */
export async function guardAll(req: Omit<GuardRequest, 'path'> & { paths: string[] }): Promise<GuardResult[]> {
  const outside = (p: string | null = null): GuardResult => ({
    decision: 'allow',
    passed: 'outside-repository',
    path: p,
    agent: null,
    findings: [],
  });
  let repo: Repo;
  try {
    repo = await openRepo(req.cwd);
  } catch (e) {
    if (isOrchError(e)) return req.paths.map(() => outside()); // not in a repository: nothing to enforce
    throw e;
  }
  if (repo.bare) return req.paths.map(() => outside());
  let prepared: Prepared | undefined;
  const results: GuardResult[] = [];
  for (const p of req.paths) {
    let rels: string[];
    try {
      rels = judgedPaths(p, req.cwd, repo.top);
    } catch (e) {
      if (isOrchError(e)) {
        results.push(outside());
        continue;
      }
      throw e;
    }
    if (!rels.length) {
      results.push(outside(null));
      continue;
    }
    prepared ??= await prepareCheck(req, Promise.resolve(repo));
    let result: GuardResult | undefined;
    for (const rel of rels) {
      const r = await guardOne(req, prepared, rel);
      // the first block wins; otherwise the path as written is the answer
      if (r.decision === 'block' || !result) result = r;
      if (r.decision === 'block') break;
    }
    results.push(result!);
  }
  return results;
}

export async function guard(req: GuardRequest): Promise<GuardResult> {
  return (await guardAll({ ...req, paths: [req.path] }))[0];
}
