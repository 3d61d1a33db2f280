// Lock operations taken with --offline: applied to the local WORK_STATUS.md at once and
// remembered here until `orch sync` publishes them to the lock branch. The record lives
// in the common git dir (shared by worktrees, never committed) and is written atomically
// under the status lock.
import fs from 'node:fs';
import path from 'node:path';
import { OrchError } from '../errors.js';
import { atomicWrite } from '../fs/atomicWrite.js';

export interface PendingLock {
  op: 'lock';
  agent: string;
  /** When it was taken (ISO). */
  at: string;
  paths: string[];
  task?: string;
  note?: string;
  since: string;
  expires?: string;
}

export interface PendingUnlock {
  op: 'unlock';
  agent: string;
  at: string;
  paths: string[];
  task?: string;
  all?: boolean;
  steal?: boolean;
  reason?: string;
}

export type PendingOp = PendingLock | PendingUnlock;

export function pendingPath(commonDir: string): string {
  return path.join(commonDir, 'orch', 'pending.json');
}

export function readPending(commonDir: string): PendingOp[] {
  const file = pendingPath(commonDir);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new OrchError(`cannot read ${file}: ${(e as Error).message}`);
  }
  try {
    const data = JSON.parse(text) as { ops?: unknown };
    if (!Array.isArray(data.ops)) throw new Error('no "ops" list');
    return data.ops.filter(isOp);
  } catch (e) {
    throw new OrchError(`${file} is not orch's list of offline lock operations: ${(e as Error).message}.`, {
      hint: 'Look at it, then delete it; its operations are in WORK_STATUS.md, re-take them with `orch lock`.',
    });
  }
}

/** Callers hold the status lock. */
export async function writePending(commonDir: string, ops: PendingOp[]): Promise<void> {
  const file = pendingPath(commonDir);
  if (ops.length === 0) {
    fs.rmSync(file, { force: true });
    return;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await atomicWrite(file, JSON.stringify({ version: 1, ops }, null, 2) + '\n');
}

function isOp(x: unknown): x is PendingOp {
  if (!x || typeof x !== 'object') return false;
  const o = x as Record<string, unknown>;
  return (o.op === 'lock' || o.op === 'unlock') && typeof o.agent === 'string' && Array.isArray(o.paths);
}
