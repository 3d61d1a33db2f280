// identity.signed in ranges: every commit's signature, asked of git in one process.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { blobText } from '../git/blobReader.js';
import type { RangeCommit } from '../git/parseRangeLog.js';
import { ask } from '../git/runGit.js';
import { signaturesQuery } from '../git/signaturesQuery.js';
import { allowedSigners } from '../identity/allowedSigners.js';
import type { RevisionConfig } from '../check/configAtRevision.js';
import type { Repo } from '../git/openRepo.js';

/**
 * identity.signed: ask git for every commit's signature in one process, with an
 * allowed-signers file built from the base revision's configuration.
 */
export async function attachSignatures(
  repo: Repo,
  raw: RangeCommit[],
  config: RevisionConfig['config'],
  configRev: string | null,
): Promise<void> {
  const fileText = config.identity.allowedSigners
    ? configRev
      ? blobText(await repo.blobs(`${configRev}:${config.identity.allowedSigners}`))
      : readOrNull(path.join(repo.top, config.identity.allowedSigners))
    : null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'orch-signers-'));
  try {
    const file = path.join(dir, 'allowed_signers');
    fs.writeFileSync(file, allowedSigners(config, fileText));
    const input = raw.map((c) => c.info.sha).join('\n') + '\n';
    const signatures = await ask(signaturesQuery(file), { ...repo.git, input });
    for (const c of raw) c.info.signature = signatures.get(c.info.sha) ?? { status: 'N', key: '', signer: '' };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function readOrNull(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}
