// collect for a range: what the rules read besides the changes — the base's configuration,
// the status file at every revision that matters, the lock branch in remote mode, and the
// base's file list for locks that look like globs.
import fs from 'node:fs';
import path from 'node:path';
import { lsFilesQuery } from '../git/lsFilesQuery.js';
import type { Repo } from '../git/openRepo.js';
import { ask } from '../git/runGit.js';
import { isGlobPath } from '../locks/lockIndex.js';
import type { Context, StatusDoc } from '../types.js';
import { attachSignatures } from './attachSignatures.js';
import type { CollectedRange } from './collectRange.js';
import { rangeConfig } from './rangeConfig.js';
import { statusHistory } from './statusHistory.js';

const DEFAULT_STATUS_FILE = 'WORK_STATUS.md';

export type RangeRead = Awaited<ReturnType<typeof readRange>>;

/**
 * What the rules read besides the changes: the configuration (the base's), the status file
 * at every revision that matters, and in remote mode the lock branch. The configuration
 * and the status files travel in the same cat-file batch.
 */
export async function readRange(
  repo: Repo,
  collected: CollectedRange,
  opts: { context: Context; defaultBranch?: string; remote?: string },
  now: Date,
) {
  const raw = collected.commits;
  const revisionConfig = rangeConfig(repo, collected.base, opts);
  const insertions = raw.map(() => new Map<string, Promise<string[] | null>>());
  const historyOf = (statusFile: string) =>
    statusHistory(
      repo.blobs,
      statusFile,
      raw.map((c, i) => ({ sha: c.info.sha, parents: c.info.parents, files: c.files, insertions: insertions[i] })),
      { git: repo.git },
    );
  // a guess at the status file's name, so its copies travel in the same batch as the config
  const guess = historyOf(DEFAULT_STATUS_FILE);
  // failures surface where the copies are awaited below
  const early = (rev: string | null) => void guess.at(rev).catch(() => undefined);
  early(collected.base);
  early(collected.head);
  for (const c of raw) {
    early(c.info.parents[0] ?? null);
    early(c.info.sha);
  }
  const { config, configFile, rev: configRev } = await revisionConfig;
  if (config.identity.signed) await attachSignatures(repo, raw, config, configRev);

  // remote mode: the lock branch binds — fetched for pre-push and CI, the server's own on pre-receive
  const sharedCopy = config.locks.remote
    ? import('../remote/remoteLocks.js').then((m) =>
        m.remoteLocks(repo, config, {
          context: opts.context,
          now,
          fetch: opts.context === 'pre-push' || opts.context === 'ci',
        }),
      )
    : null;

  const history = config.statusFile === DEFAULT_STATUS_FILE ? guess : historyOf(config.statusFile);
  // the base's file list, for locks with ( ) [ ] (see literalPaths; never the head's: the
  // range may add a file named like a glob lock to turn it off): asked as soon as the
  // base has such a lock, while the rest of the range's status files are read
  const listing = once(() => (collected.base ? ask(lsFilesQuery(collected.base), repo.git) : Promise.resolve([])));
  void history
    .at(collected.base)
    .then((d) => {
      if (d.locks.some((l) => isGlobPath(l.path))) listing().catch(() => undefined);
    })
    .catch(() => undefined);
  const [baseDoc, headDoc, parentDocs, ownDocs, lockCopy] = await Promise.all([
    history.at(collected.base),
    history.at(collected.head),
    Promise.all(raw.map((c) => history.at(c.info.parents[0] ?? null))),
    Promise.all(raw.map((c) => history.at(c.info.sha))),
    sharedCopy,
  ]);
  return {
    config,
    configFile,
    insertions,
    listing,
    baseDoc,
    headDoc,
    parentDocs,
    ownDocs,
    lockCopy,
    shared: lockCopy?.doc ?? null,
  };
}

/**
 * Whether a lock path with ( ) [ ] exists as written (a Next.js route, not a glob), judged
 * at the base, which the range cannot change (README: "Glob or literal"). The listing costs a process, so it is made only when such a lock exists.
 */
export async function literalPaths(
  listing: () => Promise<string[]>,
  docs: StatusDoc[],
): Promise<((p: string) => boolean) | undefined> {
  if (!docs.some((d) => d.locks.some((l) => isGlobPath(l.path)))) return undefined;
  const files = await listing();
  const known = new Set<string>();
  for (const f of files) {
    known.add(f);
    for (let i = f.indexOf('/'); i !== -1; i = f.indexOf('/', i + 1)) known.add(f.slice(0, i));
  }
  return (p) => known.has(p.replace(/\/+$/, ''));
}

function once<T>(make: () => T): () => T {
  let made: { value: T } | null = null;
  return () => (made ??= { value: make() }).value;
}

/** The branch a bare repository's HEAD names: a server's default branch. */
export function headBranch(gitDir: string): string | undefined {
  try {
    const m = /^ref: refs\/heads\/(\S+)/.exec(fs.readFileSync(path.join(gitDir, 'HEAD'), 'utf8'));
    return m ? m[1] : undefined;
  } catch {
    return undefined;
  }
}
