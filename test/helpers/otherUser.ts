// Tests of permission errors need a user that permission bits stop. Root is not stopped by
// them, so as root such tests run orch as "nobody"; that works only when nobody can reach
// node, the checkout (every directory above it searchable by others) and the temp dir.
import { spawnSync } from 'node:child_process';
import { ORCH_BIN } from './tempRepo.js';

export const NOBODY = { uid: 65534, gid: 65534 };

export const isRoot = process.getuid?.() === 0;

/**
 * Why orch cannot be run as nobody here (a reason to skip with), or null when it can.
 * @param alsoReads  files the test's child process must read as nobody
 */
export function whyNotAsNobody(alsoReads: string[] = []): string | null {
  if (!isRoot) return 'needs root, to run orch as the user nobody (permission bits do not stop root)';
  for (const [what, args] of [
    ['orch from this checkout', [ORCH_BIN, '--version']],
    ...alsoReads.map(
      (f) =>
        [f, ['-e', `require('node:fs').accessSync(${JSON.stringify(f)}, require('node:fs').constants.R_OK)`]] as const,
    ),
  ] as const) {
    const r = spawnSync(process.execPath, [...args], { ...NOBODY, encoding: 'utf8' });
    if (r.error || r.status !== 0) {
      const detail = (r.error?.message ?? r.stderr.split('\n').find((l) => /Error/.test(l)) ?? r.stderr).trim();
      return `the user nobody cannot reach ${what} (a directory above it is not searchable by others, e.g. mode 0700): ${detail}`;
    }
  }
  return null;
}
