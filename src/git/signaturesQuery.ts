// Signature status of many commits in one git process (`log --no-walk --stdin`). Verifying
// an ssh signature needs an allowed-signers file: the caller supplies one built from the
// base revision's configuration, never from the untrusted head.
import type { CommitSignature } from '../types.js';
import type { GitQuery } from './runGit.js';

const FORMAT = '%H%x00%G?%x00%GK%x00%GS%x1e';

export function signaturesQuery(allowedSignersFile: string): GitQuery<Map<string, CommitSignature>> {
  return {
    args: [
      '-c',
      `gpg.ssh.allowedSignersFile=${allowedSignersFile}`,
      'log',
      '--no-walk=unsorted',
      '--stdin',
      `--format=${FORMAT}`,
    ],
    parse: parseSignatures,
  };
}

export function parseSignatures(out: string): Map<string, CommitSignature> {
  const map = new Map<string, CommitSignature>();
  for (const record of out.split('\x1e')) {
    const [sha, status, key, signer] = record.replace(/^\n+/, '').split('\0');
    if (!sha || !/^[0-9a-f]{7,64}$/.test(sha)) continue;
    map.set(sha, { status: status || 'N', key: key ?? '', signer: (signer ?? '').trim() });
  }
  return map;
}
