// The state one scan of a status file shares between its readers of tables, blocks and
// lines: what was found so far, and how a lock or an unreadable line is recorded.
import type { Lock, StatusProblem } from '../types.js';
import type { LockFields } from './parseFields.js';
import { UNKNOWN_HOLDER } from './readHolder.js';
import type { SectionKind, Structure } from './scanStructure.js';
import type { ListRegion, LockRecord, ScanLock, ScanReview, TableInfo } from './scanTypes.js';

export const ROW_HINT = 'write it as a row `| path | agent | task | since | expires | note |`';

export interface ScanContext {
  structure: Structure;
  lines: string[];
  tables: TableInfo[];
  records: LockRecord[];
  locks: ScanLock[];
  reviews: ScanReview[];
  problems: StatusProblem[];
}

/** One section being read. */
export interface SectionScan {
  ctx: ScanContext;
  kind: SectionKind;
  active: boolean;
  index: number;
  /** `## T-42 Checkout flow` over an entry names its task. */
  headingTask?: string;
  /** `### backend-architect` over an entry names its holder. */
  headingHolder?: string;
  /**
   * The one holder a `Locked by:` / `Owner:` line of this section names: the bullets of the
   * section that list paths are its scope, and their words after the path describe them.
   */
  sectionHolder?: { agent: string; fields: LockFields };
}

export function problem(ctx: ScanContext, i: number, message: string): void {
  const text = ctx.lines[i];
  ctx.problems.push({ line: i + 1, message, text: text.length > 300 ? text.slice(0, 300) + '…' : text });
}

/**
 * Records the locks of one region. `agent` null: the path is locked but its holder could not
 * be read — it is held by UNKNOWN_HOLDER (blocks everyone) and the line is reported.
 */
export function emit(
  ctx: ScanContext,
  record: LockRecord,
  region: ListRegion,
  f: LockFields,
  agent: string | null,
  why?: string,
): void {
  if (ctx.records[ctx.records.length - 1] !== record) ctx.records.push(record);
  const segments = region.list.segments;
  const unknown: string[] = [];
  for (let k = 0; k < segments.length; k++) {
    const seg = segments[k];
    if (seg.invalid) {
      problem(
        ctx,
        region.line,
        `lock path ${seg.invalid}; fix the path on this line (a lock path is relative to the repository root; a leading / is the root)`,
      );
      continue;
    }
    if (seg.path === null) continue;
    const lock: Lock = { path: seg.path, agent: agent ?? UNKNOWN_HOLDER, line: region.line + 1 };
    if (f.task) lock.task = f.task;
    if (f.since) lock.since = f.since;
    if (f.expires) lock.expires = f.expires;
    if (f.note) lock.note = f.note;
    ctx.locks.push({ lock, record, region, segment: k });
    if (agent === null) unknown.push(seg.path);
  }
  if (unknown.length) {
    problem(
      ctx,
      region.line,
      `${why ?? 'no holder can be read for this lock'}: ${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} treated as locked by an unknown holder, which blocks every agent; fix this line so that it names the holder (one name, such as backend-architect)`,
    );
  }
}

/** Whether some segment of the regions names a path (or a path that cannot be used). */
export function namesPaths(regions: ListRegion[]): boolean {
  return regions.some((r) => r.list.segments.some((s) => s.path !== null || s.invalid !== undefined));
}
