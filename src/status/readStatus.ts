import type { StatusDoc } from '../types.js';
import { readSteals } from './readSteals.js';
import { scanStatus } from './scanStatus.js';

export interface ReadStatusOptions {
  /** Recorded on every lock (the status file's path). */
  source?: string;
  /** Also read steal entries from the Log section (off by default: the log is not parsed on the hot path). */
  steals?: boolean;
}

/**
 * Reads WORK_STATUS.md in any of the forms people write: lock tables with any column names,
 * bullets, `LOCK` lines, `agent -> path` lines, `KEY: value` and YAML-like blocks. Never throws;
 * lines of a lock section it cannot read come back as `problems`.
 */
export function readStatus(text: string, options: ReadStatusOptions = {}): StatusDoc {
  try {
    const scan = scanStatus(typeof text === 'string' ? text : String(text ?? ''));
    const locks = scan.locks.map((l) =>
      options.source === undefined ? l.lock : { ...l.lock, source: options.source },
    );
    return {
      locks,
      reviews: scan.reviews.map((r) => r.review),
      problems: scan.problems,
      steals: options.steals ? readSteals(text) : [],
    };
  } catch (error) {
    // Reading must never stop a hook; an internal failure is reported like an unreadable line.
    return {
      locks: [],
      reviews: [],
      problems: [
        {
          line: 1,
          message: `could not read the status file: ${error instanceof Error ? error.message : String(error)}`,
          text: '',
        },
      ],
      steals: [],
    };
  }
}
