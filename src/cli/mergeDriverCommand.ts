import { mergeDriver } from '../store/mergeDriver.js';
import { OrchError } from '../errors.js';
import type { IO } from './io.js';
import { parseFlags } from './parseFlags.js';

export async function run(args: string[], io: IO): Promise<number> {
  const { values, positionals } = parseFlags('merge-driver', args, { 'marker-size': { type: 'string' } });
  if (positionals.length < 3 || positionals.length > 4) {
    throw new OrchError(
      `orch merge-driver: expected the files %O %A %B and the path %P, got ${positionals.length} argument(s).`,
      {
        hint: 'git runs it: git config merge.orch-status.driver "orch merge-driver %O %A %B %P" (orch init sets this up).',
      },
    );
  }
  const size = values['marker-size'];
  const markerSize = size === undefined ? undefined : Number(size);
  if (markerSize !== undefined && !(Number.isInteger(markerSize) && markerSize > 0 && markerSize < 1000)) {
    throw new OrchError(`orch merge-driver: --marker-size must be a positive whole number, got "${size}".`, {
      hint: "Pass git's %L: --marker-size=%L.",
    });
  }
  const [base, ours, theirs, pathname] = positionals;
  return mergeDriver({
    cwd: io.cwd,
    base,
    ours,
    theirs,
    pathname,
    markerSize,
    warn: (m) => io.stderr.write(m + '\n'),
  });
}
