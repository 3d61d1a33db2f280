// `KEY: value` blocks: `LOCKED_BY:` / `LOCKED_FILES:` lines, YAML-like bullet blocks with
// `agent_id` and `allowed_files`, `Agent:` / `Files:` blocks whose files follow as an
// indented list, and the bold-key variant (`- **Scope:**`, `- **Locked by:** Dana`).
import { classifyStatus, type StatusClass } from './classifyStatus.js';
import { isPlaceholder } from './isPlaceholder.js';
import { normalizeDate } from './normalizeDate.js';
import type { LockFields } from './parseFields.js';
import { readHolder } from './readHolder.js';
import { emit, namesPaths, problem, ROW_HINT, type SectionScan } from './scanContext.js';
import { matchingBracket, pathGroup } from './scanLine.js';
import type { ListRegion, LockRecord } from './scanTypes.js';
import { splitPathList } from './splitPathList.js';

type KeyRole = 'agent' | 'paths' | 'since' | 'expires' | 'task' | 'note' | 'status';
const KEY_ROLES: Record<string, KeyRole> = {
  locked_by: 'agent',
  agent: 'agent',
  agent_id: 'agent',
  agent_name: 'agent',
  owner: 'agent',
  holder: 'agent',
  assignee: 'agent',
  held_by: 'agent',
  claimed_by: 'agent',
  assigned_to: 'agent',
  worker: 'agent',
  locked_files: 'paths',
  locked_paths: 'paths',
  files: 'paths',
  paths: 'paths',
  allowed_files: 'paths',
  allowed_paths: 'paths',
  file: 'paths',
  path: 'paths',
  locked: 'paths',
  resources: 'paths',
  claimed_files: 'paths',
  scope: 'paths',
  claims: 'paths',
  claimed_paths: 'paths',
  files_locked: 'paths',
  locked_scope: 'paths',
  expires: 'expires',
  expires_at: 'expires',
  until: 'expires',
  expiry: 'expires',
  eta: 'expires',
  lock_expires: 'expires',
  locked_at: 'since',
  since: 'since',
  started: 'since',
  started_at: 'since',
  timestamp: 'since',
  locked_on: 'since',
  claimed_at: 'since',
  task: 'task',
  task_id: 'task',
  ticket: 'task',
  issue: 'task',
  note: 'note',
  notes: 'note',
  reason: 'note',
  purpose: 'note',
  description: 'note',
  status: 'status',
  state: 'status',
};
// Keys that say "this block is a lock" even outside a lock section.
const DISTINCTIVE = new Set([
  'locked_by',
  'locked_files',
  'locked_paths',
  'agent_id',
  'allowed_files',
  'allowed_paths',
  'claimed_files',
  'files_locked',
]);

export const KV =
  /^(\s*)(?:([-*+])\s+)?(?:\*\*|__)?([A-Za-z][A-Za-z0-9 _-]{0,30}?)(?:\*\*|__)?\s*:(?:\*\*|__)?(?:[ \t]+(.*))?$/;
export const BULLET = /^(\s*)([-*+]|\d{1,3}[.)])\s+/;

export interface Block {
  start: number;
  end: number;
  seen: Set<string>;
  distinctive: boolean;
  /** The holder the agent key names; null when its text is not a name. */
  agent?: string | null;
  agentText?: string;
  fields: LockFields;
  status: StatusClass;
  regions: ListRegion[];
  /** A paths key with no inline value: its items follow as bullets indented at least this much. */
  listIndent: number;
  /** The paths key said "none" explicitly (`[]`, `-`, `none`). */
  noneListed: boolean;
}

/** The role a `KEY: value` line's key plays, or undefined. */
export function keyRole(kv: RegExpExecArray | null): KeyRole | undefined {
  return kv ? KEY_ROLES[blockKey(kv)] : undefined;
}

function blockKey(kv: RegExpExecArray): string {
  return kv[3]
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/** Reads one `KEY: value` line into the current block (starting one when needed); returns the block. */
export function blockKeyLine(
  sec: SectionScan,
  block: Block | null,
  i: number,
  raw: string,
  kv: RegExpExecArray,
): Block {
  const key = blockKey(kv);
  const role = KEY_ROLES[key];
  // A key seen again starts the next entry (`- agent_id: b` after `- agent_id: a`).
  if (block?.seen.has(role)) {
    endBlock(sec, block);
    block = null;
  }
  const b: Block = block ?? {
    start: i,
    end: i,
    seen: new Set(),
    distinctive: false,
    fields: {},
    status: 'empty',
    regions: [],
    listIndent: -1,
    noneListed: false,
  };
  b.end = i;
  b.seen.add(role);
  if (DISTINCTIVE.has(key)) b.distinctive = true;
  const value = kv[4] ?? '';
  b.listIndent = -1;
  if (role === 'paths') {
    if (!value.trim()) b.listIndent = kv[1].length;
    else if (isPlaceholder(value) || /^\[\s*\]$/.test(value.trim())) b.noneListed = true;
    else {
      let start = raw.length - value.length;
      let end = raw.length;
      while (end > start && /\s/.test(raw[end - 1])) end--;
      // A YAML flow list: `[a, b]` (its brackets, not a Next.js segment's).
      if (raw[start] === '[' && raw[end - 1] === ']' && matchingBracket(raw, start) === end - 1) {
        start++;
        end--;
      }
      b.regions.push({ line: i, start, end, list: splitPathList(raw.slice(start, end)), itemLine: false });
    }
  } else if (value.trim() && !isPlaceholder(value)) {
    if (role === 'agent') {
      b.agentText = value.trim();
      b.agent = readHolder(value);
    } else if (role === 'status') b.status = classifyStatus(value);
    else if (role === 'since' || role === 'expires') b.fields[role] = normalizeDate(value);
    else b.fields[role] = value.trim().replace(/^[`*_"']+|[`*_"']+$/g, '');
  }
  return b;
}

/**
 * A line inside an open block that is not one of its keys: an item of its file list (kept),
 * a key orch does not use (kept), or anything else (the block ends: false).
 */
export function blockOtherLine(b: Block, i: number, raw: string, kv: RegExpExecArray | null): boolean {
  // Keys orch does not use (`role:`, `- **Current Task:**`) belong to the entry; they do not end it.
  if (kv) {
    b.end = i;
    b.listIndent = -1;
    return true;
  }
  const item = BULLET.exec(raw);
  if (!item || b.listIndent < 0 || item[1].length < b.listIndent || /^\d/.test(item[2])) return false;
  const start = item[0].length;
  let end = raw.length;
  while (end > start && /\s/.test(raw[end - 1])) end--;
  // `- lib/billing/** — provider code`: the path, not its description.
  const group = pathGroup(raw.slice(start, end));
  if (group) end = start + group.end;
  b.regions.push({ line: i, start, end, list: splitPathList(raw.slice(start, end)), itemLine: true });
  b.end = i;
  return true;
}

export function endBlock(sec: SectionScan, b: Block | null): void {
  if (!b) return;
  const { ctx, active } = sec;
  const hasPaths = namesPaths(b.regions);
  // Outside a lock section: a block with lock keys, or one whose status says it holds its files.
  const held =
    (b.status === 'locked' || b.status === 'working') && (b.agentText !== undefined || sec.headingHolder !== undefined);
  if (!active && !b.distinctive && !held) return;
  if (b.status === 'inactive') return;
  if (hasPaths) {
    if (!b.fields.task && sec.headingTask) b.fields.task = sec.headingTask;
    let agent = b.agent ?? null;
    if (b.agentText === undefined) agent = sec.headingHolder ?? sec.sectionHolder?.agent ?? null;
    const why =
      b.agentText !== undefined
        ? `${JSON.stringify(b.agentText)} is not an agent name`
        : 'this entry names files but no agent; add `Locked by: <agent>`';
    const record: LockRecord = { kind: 'block', start: b.start, end: b.end, regions: b.regions };
    for (const region of b.regions) emit(ctx, record, region, { ...b.fields }, agent, why);
  } else if (active && b.agent && b.distinctive && !b.noneListed && !sec.sectionHolder) {
    problem(ctx, b.start, 'lock entry names an agent but no files; add `LOCKED_FILES: <path>, <path>`');
  } else if (active && b.agentText !== undefined && !b.agent && b.distinctive) {
    problem(ctx, b.start, `${JSON.stringify(b.agentText)} is not an agent name; ` + ROW_HINT);
  }
}
