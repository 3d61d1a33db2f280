import { logToken } from './pathCell.js';

export interface StealEntry {
  at: string;
  by: string;
  path: string;
  from: string;
  reason: string;
}

/** A value with spaces (or that would be read as part of the sentence) goes in backticks. */
function token(value: string): string {
  const v = value.replace(/[\r\n]+/g, ' ').trim();
  return /\s|^$|`|:$/.test(v) ? '`' + v.replace(/`/g, "'") + '`' : v;
}

/** `- 2026-11-26T09:05Z frontend-dev steal api/openapi.yaml from backend-architect: <reason>` */
export function formatStealEntry(entry: StealEntry): string {
  const reason = entry.reason.replace(/[\r\n]+/g, ' ').trim();
  // The path exactly: C-quoted when it has spaces, quotes, backticks or backslashes.
  return `- ${token(entry.at)} ${token(entry.by)} steal ${logToken(entry.path)} from ${token(entry.from)}: ${reason}`;
}
