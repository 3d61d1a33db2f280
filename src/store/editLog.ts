// Whose edit is it: after each edit, the harness's post-edit hook records which agent
// changed which path, with the file's content id after the edit, in the repository's
// common git directory (`.git/orch/edits.log`: shared by every worktree, never
// committed). At pre-commit, rule foreign-edit reads the latest record of each staged
// path: an edit is still uncommitted while HEAD's version of the path differs from the
// content the edit left.
//
// The log is one JSON object a line, appended (a short O_APPEND write lands whole), and
// bounded: past MAX_BYTES it is rewritten with the latest record of each path, the newest
// MAX_PATHS of them, none older than MAX_AGE.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { sha1Hex } from '../text/sha1.js';

export type { EditRecord } from '../types.js';
import type { EditRecord } from '../types.js';

export const MAX_BYTES = 256 * 1024;
export const MAX_PATHS = 2000;
export const MAX_AGE_MS = 14 * 86400e3;

export function editLogPath(commonDir: string): string {
  return path.join(commonDir, 'orch', 'edits.log');
}

/** git's blob id of the file as it is now (a link: of its target text), or null if absent. */
export function fileBlobId(abs: string, algorithm: 'sha1' | 'sha256'): string | null {
  let body: Buffer;
  try {
    const st = fs.lstatSync(abs);
    if (st.isSymbolicLink()) body = Buffer.from(fs.readlinkSync(abs));
    else if (st.isFile()) body = fs.readFileSync(abs);
    else return null;
  } catch {
    return null;
  }
  const header = Buffer.from(`blob ${body.length}\0`);
  // small files (almost every edit) in plain JavaScript; node:crypto only for large ones or sha256
  if (algorithm === 'sha1' && body.length <= 1 << 20) return sha1Hex(Buffer.concat([header, body]));
  const { createHash } = createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  return createHash(algorithm).update(header).update(body).digest('hex');
}

/** The object format of the repository, read from its config file (no git process). */
export function objectFormat(commonDir: string): 'sha1' | 'sha256' {
  try {
    return /^\s*objectformat\s*=\s*sha256\s*$/im.test(fs.readFileSync(path.join(commonDir, 'config'), 'utf8'))
      ? 'sha256'
      : 'sha1';
  } catch {
    return 'sha1';
  }
}

export function appendEdits(commonDir: string, records: EditRecord[]): void {
  if (!records.length) return;
  const file = editLogPath(commonDir);
  const text = records.map((r) => JSON.stringify(r)).join('\n') + '\n';
  try {
    fs.appendFileSync(file, text);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.appendFileSync(file, text);
  }
  let size = 0;
  try {
    size = fs.statSync(file).size;
  } catch {
    return;
  }
  if (size > MAX_BYTES) compact(file, Date.now());
}

/** The latest record of each path. */
export function readEdits(commonDir: string): Map<string, EditRecord> {
  let text: string;
  try {
    text = fs.readFileSync(editLogPath(commonDir), 'utf8');
  } catch {
    return new Map();
  }
  return latest(text);
}

function latest(text: string): Map<string, EditRecord> {
  const out = new Map<string, EditRecord>();
  for (const line of text.split('\n')) {
    if (!line) continue;
    let r: EditRecord;
    try {
      r = JSON.parse(line);
    } catch {
      continue; // a torn line: skipped, the others stand
    }
    if (!r || typeof r.path !== 'string' || typeof r.agent !== 'string' || typeof r.at !== 'number') continue;
    const seen = out.get(r.path);
    if (!seen || seen.at <= r.at) out.set(r.path, r);
  }
  return out;
}

function compact(file: string, now: number): void {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return;
  }
  const kept = [...latest(text).values()]
    .filter((r) => now - r.at <= MAX_AGE_MS)
    .sort((a, b) => a.at - b.at)
    .slice(-MAX_PATHS);
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, kept.map((r) => JSON.stringify(r)).join('\n') + (kept.length ? '\n' : ''));
    fs.renameSync(tmp, file);
  } catch {
    fs.rmSync(tmp, { force: true });
  }
}
