// What the check stage hands to every formatter: one shape for all four formats, so a
// format never needs to know how the findings were collected.
import type { Context, Finding } from '../types.js';

export interface Report {
  /** False when at least one finding is an error. */
  ok: boolean;
  context: Context;
  /** The committing agent's name (or the person's email); null when unknown. */
  agent: string | null;
  findings: Finding[];
  /** What ORCH_SKIP switched off; kept in the report so skipping stays visible. */
  skipped?: { all: boolean; rules: string[] };
  /** Short lines worth showing besides findings (e.g. "3 commits checked"). */
  notes?: string[];
}
