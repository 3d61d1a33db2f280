// What the line scanner returns: every lock and review it read, with where it came from
// (line, cell, path segment), so an edit can touch exactly those bytes.
import type { Lock, Review, StatusProblem } from '../types.js';
import type { LockRole, ReviewRole } from './mapColumns.js';
import type { SectionKind, Structure } from './scanStructure.js';
import type { PathList } from './splitPathList.js';
import type { RowCell } from './splitRow.js';

/** A place in one line that holds a list of paths (a cell, a bullet's path group, a YAML item). */
export interface ListRegion {
  /** 0-based line index. */
  line: number;
  /** Offsets in the line. */
  start: number;
  end: number;
  list: PathList;
  /** The whole line is this one item (a nested list entry): emptying it deletes the line. */
  itemLine: boolean;
}

/** The lines one lock entry occupies. */
export interface LockRecord {
  kind: 'row' | 'line' | 'block';
  /** 0-based, inclusive. */
  start: number;
  end: number;
  regions: ListRegion[];
}

export interface ScanLock {
  lock: Lock;
  record: LockRecord;
  region: ListRegion;
  segment: number;
}

export interface TableInfo {
  /** 0-based line of the header row; -1 when none. */
  header: number;
  separator: number;
  /** The table's last line (its last row, or the separator/header when it has none). */
  last: number;
  rows: number[];
  kind: SectionKind;
  lockRoles: Array<LockRole | null>;
  reviewRoles: Array<ReviewRole | null>;
  /** Has path and agent columns, so a lock can be written into it. */
  lockTable: boolean;
  reviewTable: boolean;
  /** Some row writes its path in backticks; new rows follow suit. */
  backticks: boolean;
  indent: string;
  leadingPipe: boolean;
  trailingPipe: boolean;
  /** Index into Structure.sections. */
  section: number;
  /** Column of each lock role, -1 when the table has none. */
  col: Record<LockRole, number>;
  /**
   * A work table (rows are agents or tasks, with a files column and a status column): a row
   * whose status says in progress or locked holds its files wherever the table stands.
   */
  workTable?: boolean;
}

export interface ScanReview {
  review: Review;
  table: TableInfo;
  line: number;
  cells: RowCell[];
  region: ListRegion;
  segment: number;
}

export interface StatusScan {
  structure: Structure;
  tables: TableInfo[];
  records: LockRecord[];
  locks: ScanLock[];
  reviews: ScanReview[];
  problems: StatusProblem[];
}
