// The Log line `orch done` writes, and its reader: "- <time> <agent> done <task>: released <paths>".
// Task and paths are written as Log tokens (backticks or C quoting when they have spaces,
// quotes or backslashes), so the reader gives back exactly what was written.
import { LOG_TOKEN, logToken, readLogToken } from './pathCell.js';

export function formatDoneEntry(e: { at: string; agent: string; task: string; paths: string[] }): string {
  const released = e.paths.length ? `: released ${e.paths.map(logToken).join(', ')}` : '';
  return `- ${e.at} ${e.agent} done ${doneTask(e.task)}${released}`;
}

// A task with ':' would end at it (the separator before "released"): such a task is quoted too.
function doneTask(task: string): string {
  const t = logToken(task);
  return t === task && task.includes(':') ? '`' + task + '`' : t;
}

const DONE = new RegExp(
  `^\\s*[-*]\\s+\\S+\\s+(\\S+)\\s+done\\s+(${LOG_TOKEN.slice(1, -1).replace('|\\S+', '|\\S+?')})(?::|\\s*$)`,
);

export function parseDoneEntry(line: string): { agent: string; task: string; paths: string[] } | null {
  const m = DONE.exec(line);
  if (!m) return null;
  const rest = line.slice(m.index + m[0].length);
  return { agent: m[1], task: readLogToken(m[2]), paths: releasedPaths(rest) };
}

function releasedPaths(rest: string): string[] {
  const m = /^\s*released\s+/.exec(rest);
  if (!m) return [];
  const paths: string[] = [];
  let i = m[0].length;
  const s = rest.replace(/\r$/, '');
  while (i < s.length) {
    let end: number;
    if (s[i] === '"') {
      end = i + 1;
      while (end < s.length && s[end] !== '"') end += s[end] === '\\' ? 2 : 1;
      end++;
    } else if (s[i] === '`') {
      end = s.indexOf('`', i + 1) + 1 || s.length;
    } else {
      end = s.indexOf(', ', i);
      if (end < 0) end = s.length;
    }
    paths.push(readLogToken(s.slice(i, end).trimEnd()));
    i = end;
    if (s.startsWith(', ', i)) i += 2;
    else break;
  }
  return paths;
}
