// The Log line `orch done` writes, and its reader: "- <time> <agent> done <task>: released <paths>".
export function formatDoneEntry(e: { at: string; agent: string; task: string; paths: string[] }): string {
  const released = e.paths.length ? `: released ${e.paths.join(', ')}` : '';
  return `- ${e.at} ${e.agent} done ${e.task}${released}`;
}

const DONE = /^\s*[-*]\s+\S+\s+(\S+)\s+done\s+(\S+?)(?::|\s*$)/;

export function parseDoneEntry(line: string): { agent: string; task: string } | null {
  const m = DONE.exec(line);
  return m ? { agent: m[1], task: m[2] } : null;
}
