// What a push does to refs rather than to files — deleting the lock branch, writing
// refs/replace/* — judged like any change: through checkChange, by status-integrity's
// messages, so its severity, "off" and ORCH_SKIP apply (README: "Remote mode", pre-receive).
import type { Config } from '../config/schema.js';
import type { Repo } from '../git/openRepo.js';
import { checkChange } from '../check/checkChange.js';
import { parseSkip } from '../check/parseSkip.js';
import type { Collected } from '../rules/collected.js';
import type { ChangeSet, Context, Finding, StatusDoc } from '../types.js';

const EMPTY: StatusDoc = { locks: [], reviews: [], problems: [], steals: [] };

/** No file changes: the refs are all there is to judge. */
const NO_FILES: ChangeSet = {
  kind: 'range',
  files: [],
  read: async () => null,
  insertedLines: async () => null,
  exists: async () => false,
  listFiles: async () => [],
};

export function refFindings(
  repo: Repo,
  config: Config,
  collected: Collected,
  opts: { env: NodeJS.ProcessEnv; context: Context; now?: Date },
): Promise<Finding[]> {
  return checkChange(
    {
      config,
      identity: { name: null, source: 'none', isAgent: false },
      status: EMPTY,
      ignoreCase: repo.ignoreCase,
      now: opts.now ?? new Date(),
      skip: parseSkip(opts.env.ORCH_SKIP),
    },
    { changes: NO_FILES, context: opts.context, collected, only: [] },
  );
}
