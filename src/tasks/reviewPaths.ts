// `orch review request|approve <path>...`: the Reviews section by hand. An approval records
// the blob id of the file as it is now, so any later change voids it. In remote mode the
// same edit goes to the lock branch and to the local file (whose Reviews the range rules
// read from history).
import fs from 'node:fs';
import path from 'node:path';
import { gitBlobId } from '../compose/gitBlobId.js';
import { OrchError } from '../errors.js';
import { formatStatusTime } from '../locks/lockTimes.js';
import { addReview } from '../status/addReview.js';
import { setReviewState } from '../status/setReviewState.js';
import { readStatus } from '../status/readStatus.js';
import type { Review } from '../types.js';
import { prepareCheck, type CheckEnv } from '../check/prepareCheck.js';
import { sameAgent } from '../identity/resolveIdentity.js';
import { toRepoPath } from '../check/toRepoPath.js';
import { updateStatus } from '../store/updateStatus.js';
import { lockBranchTarget } from '../remote/lockBranchTarget.js';
import { gatesFor, reviewGates } from '../compose/reviewGates.js';
import type { LoadedStatus } from '../store/loadStatus.js';

export async function reviewPaths(
  req: CheckEnv & { action: 'request' | 'approve'; paths: string[] },
): Promise<{ agent: string; reviewer: string; changed: string[]; remote?: boolean }> {
  if (req.paths.length === 0) throw new OrchError(`orch review ${req.action}: name at least one path.`);
  const prepared = await prepareCheck(req);
  const { repo, config, identity, now } = prepared;
  if (!identity.name) throw new OrchError('no identity: set ORCH_AGENT or pass --agent NAME.');
  const agent = identity.name;
  const paths = req.paths.map((p) => toRepoPath(p, req.cwd, repo.top));
  // who reviews each path: the reviewers of the gates covering it (docker-expert for
  // container files, the consumers for contract files); the container reviewer for a
  // path no gate covers, as before gates had names
  const gates = reviewGates(config);
  const reviewersOf = new Map<string, string[]>();
  for (const p of paths) {
    const found = [...new Set(gatesFor(gates, p, { ignoreCase: repo.ignoreCase }).flatMap((g) => g.reviewers))];
    // only what a review gate covers, and only what exists, can be reviewed
    if (found.length === 0) {
      throw new OrchError(
        `orch review ${req.action}: ${p} is not under container review (review.paths: ${config.review.paths.join(', ')}) nor a contract with consumers.`,
        {
          hint: 'Name Dockerfiles and compose files, or add the pattern to review.paths in the configuration.',
        },
      );
    }
    if (!fs.existsSync(path.join(repo.top, p))) {
      throw new OrchError(`orch review ${req.action}: ${p} does not exist in the working tree.`, {
        hint: 'Check the path (relative to the current directory).',
      });
    }
    if (req.action === 'request') {
      reviewersOf.set(p, found.length ? found : [config.review.reviewer]);
      continue;
    }
    const mine =
      found.find((r) => sameAgent(r, agent)) ??
      (sameAgent(config.review.reviewer, agent) && found.length === 0 ? config.review.reviewer : undefined);
    if (!mine) {
      const who = found.length ? found.join(', ') : config.review.reviewer;
      throw new OrchError(`only the reviewer (${who}) can approve ${p}; you are ${agent}.`, {
        hint: `Ask ${found.length > 1 ? 'one of them' : who} to run: orch review approve ${req.paths.join(' ')}`,
        exitCode: 1,
      });
    }
    reviewersOf.set(p, [mine]);
  }
  const reviewer = [...new Set([...reviewersOf.values()].flat())].join(', ');
  const at = formatStatusTime(now);
  const blobs = new Map<string, string | undefined>();
  for (const p of paths) {
    let content: string | undefined;
    try {
      content = fs.readFileSync(path.join(repo.top, p), 'utf8');
    } catch {
      content = undefined;
    }
    blobs.set(p, content === undefined ? undefined : gitBlobId(content));
  }
  type Changed = { agent: string; reviewer: string; changed: string[] };
  const edit = (current: LoadedStatus): { text: string | null; result: Changed } => {
    let text = current.ownText ?? '';
    const changed: string[] = [];
    const reviews = readStatus(text).reviews;
    for (const p of paths) {
      const blob = blobs.get(p);
      let touched = false;
      for (const who of reviewersOf.get(p) ?? []) {
        const open = reviews.filter((r: Review) => r.path === p && sameAgent(r.reviewer, who));
        if (req.action === 'request') {
          // already asked for, or already approved as the file is now: nothing to add
          if (
            open.some(
              (r) =>
                (r.state === 'requested' && (!r.blob || r.blob === blob)) ||
                (r.state === 'approved' && r.blob === blob),
            )
          )
            continue;
          text = addReview(text, { path: p, requestedBy: agent, reviewer: who, state: 'requested', at, blob });
        } else if (open.length) {
          text = setReviewState(text, (r) => r.path === p && sameAgent(r.reviewer, who), 'approved', at, blob);
        } else {
          text = addReview(text, { path: p, requestedBy: agent, reviewer: who, state: 'approved', at, blob });
        }
        touched = true;
      }
      if (touched) changed.push(p);
    }
    return { text: changed.length ? text : null, result: { agent, reviewer, changed } };
  };
  if (!lockBranchTarget(config)) return updateStatus(repo, config, edit);
  const { updateLockBranch } = await import('../remote/updateLockBranch.js');
  const p = await updateLockBranch(repo, config, {
    agent,
    what: `record the review ${req.action} of ${paths.join(', ')}`,
    edit,
    message: (r) => `review ${req.action} ${r.changed.join(', ')}`,
    local: (current) => edit(current).text,
  });
  return { ...p.result, remote: true };
}
