// The index entry of one path: mode and blob, or null when the path is not in the index.
import type { GitQuery } from './runGit.js';

export interface IndexEntry {
  mode: string;
  sha: string;
}

export function indexEntryQuery(path: string): GitQuery<IndexEntry | null> {
  return {
    args: ['ls-files', '--stage', '-z', '--', `:(literal)${path}`],
    parse(out) {
      const m = /^(\d{6}) ([0-9a-f]+) \d\t/.exec(out);
      return m ? { mode: m[1], sha: m[2] } : null;
    },
  };
}
