// The roster as `orch status` and `orch doctor` show it: who, and from which files.
import path from 'node:path';
import type { Config } from '../config/schema.js';
import { DEFAULT_DEFINITIONS, readRoster, type Roster } from './readRoster.js';

export interface RosterView {
  agents: Array<{ name: string; file: string }>;
  /** Where definitions were looked for, and whether that is the built-in list. */
  globs: string[];
  configured: boolean;
}

export async function rosterView(
  repo: { top: string; commonDir: string; bare: boolean },
  config: Pick<Config, 'agentDefinitions'>,
): Promise<RosterView> {
  const roster: Roster | null = repo.bare
    ? null
    : await readRoster(repo.top, config.agentDefinitions, path.join(repo.commonDir, 'orch'));
  const configured = !!config.agentDefinitions?.length;
  return {
    agents: roster?.agents ?? [],
    globs: configured ? config.agentDefinitions! : DEFAULT_DEFINITIONS,
    configured,
  };
}

/** Human lines for `orch status`. */
export function rosterLines(view: RosterView): string[] {
  if (!view.agents.length) return [`Roster: no agent definitions found (looked in ${view.globs.join(', ')}).`];
  const files = [...new Set(view.agents.map((a) => path.posix.dirname(a.file)))];
  return [
    `Roster (${view.agents.length}, from ${files.join(', ')}):`,
    ...view.agents.map((a) => `  ${a.name} — ${a.file}`),
  ];
}

/** One `orch doctor` check. */
export function rosterDiagnosis(view: RosterView): {
  level: 'ok' | 'warn';
  topic: string;
  message: string;
  fix?: string;
} {
  if (!view.agents.length) {
    return {
      level: view.configured ? 'warn' : 'ok',
      topic: 'roster',
      message: `no agent definitions found in ${view.globs.join(', ')}; agent names are not checked against a roster`,
      ...(view.configured
        ? { fix: 'Check agentDefinitions in the orch configuration: each file needs front matter with a name.' }
        : {}),
    };
  }
  const names = view.agents.map((a) => a.name);
  const dup = names.filter((n, i) => names.findIndex((m) => m.toLowerCase() === n.toLowerCase()) !== i);
  const from = [...new Set(view.agents.map((a) => path.posix.dirname(a.file)))].join(', ');
  if (dup.length) {
    return {
      level: 'warn',
      topic: 'roster',
      message: `${names.length} agents from ${from}; defined twice: ${[...new Set(dup)].join(', ')}`,
      fix: 'Give each agent definition its own name.',
    };
  }
  return {
    level: 'ok',
    topic: 'roster',
    message: `${names.length} agents from ${from}${view.configured ? ' (agentDefinitions)' : ''}: ${names.join(', ')}`,
  };
}
