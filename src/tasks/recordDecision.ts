// `orch decide`: a dated, attributed decision record in the Decisions section of the
// orchestration index. Serialised with other writers of the file by a lock file in the
// common git dir, re-read under it, written atomically, and surgical (see appendDecision).
import fs from 'node:fs';
import path from 'node:path';
import { OrchError } from '../errors.js';
import { atomicWrite } from '../fs/atomicWrite.js';
import { withFileLock } from '../fs/withFileLock.js';
import { formatStatusTime } from '../locks/lockTimes.js';
import { appendDecision, type DecisionRecord } from '../text/appendDecision.js';
import { prepareCheck, type CheckEnv } from '../check/prepareCheck.js';

export interface DecideRequest extends Omit<CheckEnv, 'context'> {
  title: string;
  /** Why the decision came up (the record's Context line). */
  why?: string;
  decision?: string;
  consequences?: string;
}

export async function recordDecision(req: DecideRequest): Promise<{ record: DecisionRecord; file: string }> {
  const missing = [
    !req.title?.trim() ? 'a title (the first argument)' : '',
    !req.why?.trim() ? '--context "<why the decision came up>"' : '',
    !req.decision?.trim() ? '--decision "<what was decided>"' : '',
  ].filter(Boolean);
  if (missing.length > 0) {
    throw new OrchError(`orch decide: missing ${missing.join(', ')}.`, {
      hint: 'For example: orch decide "Orders get their own database" --context "orders and billing contend for locks" --decision "a PostgreSQL database per service"',
    });
  }
  if (req.consequences !== undefined && !req.consequences.trim()) {
    throw new OrchError('orch decide: --consequences is empty; leave it out or say what follows from the decision.');
  }
  const prepared = await prepareCheck({ cwd: req.cwd, env: req.env, agentFlag: req.agentFlag, now: req.now });
  const { repo, config, identity, now } = prepared;
  if (repo.bare)
    throw new OrchError('orch decide needs a working tree: the decision is written to the orchestration index there.');
  if (!identity.name) throw new OrchError('no identity: set ORCH_AGENT or pass --agent NAME.');
  const file = config.indexFile;
  const full = path.resolve(repo.top, file);
  const rel = path.relative(repo.top, full);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) {
    throw new OrchError(`indexFile "${file}" is outside the repository; orch decide writes only inside it.`, {
      hint: 'Set indexFile to a repository-relative path in the orch configuration.',
    });
  }
  const record: DecisionRecord = {
    title: req.title,
    context: req.why!,
    decision: req.decision!,
    ...(req.consequences !== undefined ? { consequences: req.consequences } : {}),
    agent: identity.name,
    at: formatStatusTime(now),
  };
  await withFileLock(path.join(repo.commonDir, 'orch', 'index.lock'), async () => {
    let text: string | null = null;
    let stat: fs.Stats | undefined;
    try {
      stat = fs.lstatSync(full);
    } catch {
      stat = undefined;
    }
    // a link could send the write anywhere; a directory is not a document
    if (stat && !stat.isFile()) {
      throw new OrchError(
        `${file} is not a regular file (${stat.isSymbolicLink() ? 'a symbolic link' : 'a directory or device'}); orch decide does not write through it.`,
        {
          hint: `Replace it with a regular file, or point indexFile elsewhere.`,
        },
      );
    }
    if (stat) text = fs.readFileSync(full, 'utf8');
    fs.mkdirSync(path.dirname(full), { recursive: true });
    await atomicWrite(full, appendDecision(text, record));
  });
  return { record, file };
}
