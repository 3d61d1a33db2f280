// One Log line per commit: "- 2026-11-26T09:05Z backend-architect T-12: M api/openapi.yaml, A services/orders/Dockerfile".
import type { FileChange } from '../types.js';

/** Paths with separators or control characters are quoted, so an entry stays one readable line. */
function logPath(p: string): string {
  return /[,"\\\u0000-\u001f\u007f]|^\s|\s$/.test(p) ? JSON.stringify(p) : p;
}

export function formatLogEntry(e: {
  at: string;
  agent: string;
  task?: string;
  files: FileChange[];
  maxPaths: number;
  suffix?: string;
}): string {
  const items = e.files.map((f) =>
    f.oldPath && (f.status === 'R' || f.status === 'C')
      ? `${f.status} ${logPath(f.oldPath)} -> ${logPath(f.path)}`
      : `${f.status} ${logPath(f.path)}`,
  );
  const shown = items.slice(0, e.maxPaths);
  const more = items.length - shown.length;
  const list = shown.join(', ') + (more > 0 ? `, +${more} more` : '');
  return `- ${e.at} ${e.agent}${e.task ? ` ${e.task}` : ''}: ${list}${e.suffix ?? ''}`;
}
