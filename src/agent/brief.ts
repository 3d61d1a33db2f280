// `orch brief`: "read WORK_STATUS.md and orchestration-index.md FIRST", made automatic.
// What an agent must know before it starts, sized for a model's context: each list stops
// at `limit` entries and says how many more there are, and the index contributes only its
// first section (or where to read it). Wired as the SessionStart context of each harness
// that has one (see the README, "Edit-time guard for coding agents").
import fs from 'node:fs';
import path from 'node:path';
import { isExpired, lockExpiry, formatStatusTime } from '../locks/lockTimes.js';
import type { Lock } from '../types.js';
import { prepareCheck, type CheckEnv } from '../check/prepareCheck.js';
import { sameAgent } from '../identity/resolveIdentity.js';

export interface BriefOptions extends CheckEnv {
  /** Entries per list before "and N more". */
  limit?: number;
}

const INDEX_LINES = 25;
const MAX_CHARS = 6000;

export async function brief(opts: BriefOptions): Promise<string> {
  const limit = Math.max(1, opts.limit ?? 12);
  const { repo, config, identity, status, now } = await prepareCheck(opts);
  const me = identity.isAgent ? identity.name : null;
  const active = status.combined.locks.filter((l) => !isExpired(l, now, config.locks.ttl));
  const mine = active.filter((l) => sameAgent(l.agent, me));
  const others = active.filter((l) => !sameAgent(l.agent, me));
  const out: string[] = ['# orch brief: read this before you change anything', ''];

  if (me)
    out.push(`You are: ${me} (from ${sourceName(identity.source)}). Locks and commits are checked under this name.`);
  else {
    out.push(
      `WARNING: no agent identity is set${identity.name ? ` — you would commit as the person ${identity.name}` : ''}.`,
      'Set one before you edit: export ORCH_AGENT=<your agent name> (or git config orch.agent <name>).',
    );
  }
  out.push('');
  section(out, 'Your locks', mine, limit, (l) => lockLine(l, config.locks.ttl, false));
  section(out, "Other agents' locks (do not edit these paths)", others, limit, (l) =>
    lockLine(l, config.locks.ttl, true),
  );

  const owned = config.contracts.filter((c) => c.owners.some((o) => sameAgent(o, me)));
  const foreign = config.contracts.filter((c) => !c.owners.some((o) => sameAgent(o, me)));
  section(
    out,
    'Contracts you own',
    owned,
    limit,
    (c) =>
      `${c.name}: ${c.paths.slice(0, 4).join(', ')}${c.paths.length > 4 ? ', …' : ''}${c.requireLock ? ' (lock before editing)' : ''}`,
  );
  section(
    out,
    'Contracts you must not touch',
    foreign,
    limit,
    (c) =>
      `${c.name} (owned by ${c.owners.join(', ')}): ${c.paths.slice(0, 4).join(', ')}${c.paths.length > 4 ? ', …' : ''}`,
  );

  const waiting = status.combined.reviews.filter((r) => r.state === 'requested' && sameAgent(r.reviewer, me));
  section(
    out,
    'Reviews waiting for you',
    waiting,
    limit,
    (r) => `${r.path} (requested by ${r.requestedBy}${r.at ? `, ${r.at}` : ''}): orch review approve ${r.path}`,
  );

  const tasks = new Map<string, { agents: Set<string>; paths: number }>();
  for (const l of active) {
    const key = l.task ?? '(no task)';
    const t = tasks.get(key) ?? { agents: new Set<string>(), paths: 0 };
    t.agents.add(l.agent);
    t.paths++;
    tasks.set(key, t);
  }
  section(
    out,
    'Tasks in progress',
    [...tasks],
    limit,
    ([task, t]) => `${task}: ${[...t.agents].join(', ')} (${t.paths} path${t.paths === 1 ? '' : 's'})`,
  );

  out.push(...indexSection(repo.top, config.indexFile), '');
  out.push(
    "The protocol: lock before you edit (orch lock <path> --task <id>); never edit another agent's locked path or a contract you do not own — ask its holder or owner;",
    'commit only your own files; when a task is done, update ' + config.indexFile + ' and run orch done <task>.',
  );
  const text = out.join('\n');
  return text.length > MAX_CHARS
    ? text.slice(0, MAX_CHARS) + `\n… (cut at ${MAX_CHARS} characters: orch status shows everything)`
    : text;
}

function section<T>(out: string[], title: string, items: T[], limit: number, line: (item: T) => string): void {
  out.push(`## ${title}: ${items.length ? items.length : 'none'}`);
  for (const item of items.slice(0, limit)) out.push(`- ${line(item)}`);
  if (items.length > limit) out.push(`- … and ${items.length - limit} more (orch status)`);
  out.push('');
}

function lockLine(l: Lock, ttl: string | undefined, holder: boolean): string {
  const exp = lockExpiry(l, ttl);
  const bits = [
    l.task ? `task ${l.task}` : null,
    l.since ? `since ${l.since}` : null,
    exp ? `until ${formatStatusTime(exp)}` : null,
  ].filter(Boolean);
  return `${l.path}${holder ? ` — ${l.agent}` : ''}${bits.length ? ` (${bits.join(', ')})` : ''}`;
}

function sourceName(source: string): string {
  return (
    {
      flag: '--agent',
      env: 'ORCH_AGENT',
      'git-config': 'git config orch.agent',
      'email-map': 'your git email, mapped in the orch configuration',
    }[source] ?? source
  );
}

/** The index's first section (its title and what follows, up to the second heading). */
function indexSection(top: string, indexFile: string): string[] {
  let text: string;
  try {
    text = fs.readFileSync(path.join(top, indexFile), 'utf8');
  } catch {
    return [`## ${indexFile}: not found — create it to record tasks and decisions.`];
  }
  const lines = text.split(/\r?\n/);
  const out: string[] = [];
  let headings = 0;
  for (const line of lines) {
    if (/^#{1,3}\s/.test(line) && ++headings > 1) break;
    out.push(line);
    if (out.length >= INDEX_LINES) break;
  }
  while (out.length && out[out.length - 1].trim() === '') out.pop();
  const more = out.length < lines.filter((l) => l.trim() !== '').length;
  return [
    `## ${indexFile} (first section)`,
    ...out.map((l) => `> ${l}`),
    ...(more ? [`(the rest: read ${indexFile})`] : []),
  ];
}
