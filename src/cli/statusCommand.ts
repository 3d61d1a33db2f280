import { isExpired, lockExpiry, formatStatusTime } from '../locks/lockTimes.js';
import { prepareCheck } from '../check/prepareCheck.js';
import { sameAgent } from '../identity/resolveIdentity.js';
import { rosterLines, rosterView } from '../roster/describeRoster.js';
import type { IO } from './io.js';
import { AGENT_FLAG, FORMAT_FLAG, parseFlags } from './parseFlags.js';

export async function run(args: string[], io: IO): Promise<number> {
  const { values, positionals } = parseFlags('status', args, {
    ...AGENT_FLAG,
    ...FORMAT_FLAG,
    mine: { type: 'boolean' },
  });
  if (positionals.length) io.stderr.write(`orch status: ignoring arguments: ${positionals.join(' ')}\n`);
  const prepared = await prepareCheck({ cwd: io.cwd, env: { ...io.env, ORCH_SKIP: '' }, agentFlag: values.agent });
  const { config, identity, now } = prepared;
  const locks = prepared.status.combined.locks.filter((l) => !values.mine || sameAgent(l.agent, identity.name));
  const rows = locks.map((l) => {
    const exp = lockExpiry(l, config.locks.ttl);
    return {
      path: l.path,
      agent: l.agent,
      task: l.task ?? null,
      since: l.since ?? null,
      expires: exp ? formatStatusTime(exp) : (l.expires ?? null),
      expired: isExpired(l, now, config.locks.ttl),
      note: l.note ?? null,
      source: l.source ?? config.statusFile,
      line: l.line,
    };
  });
  const reviews = prepared.status.own.reviews;
  const roster = await rosterView(prepared.repo, config);
  const format = values.format ?? io.env.ORCH_FORMAT ?? 'human';
  if (format === 'json') {
    io.stdout.write(
      JSON.stringify({
        agent: identity.name,
        identitySource: identity.source,
        locks: rows,
        reviews,
        problems: prepared.status.own.problems,
        roster,
      }) + '\n',
    );
    return 0;
  }
  const out: string[] = [];
  out.push(`Agent: ${identity.name ?? '(none)'} (from ${identity.source})`);
  if (rows.length === 0) out.push(values.mine ? 'You hold no locks.' : 'No locks.');
  else {
    out.push('', `Locks (${rows.length}):`);
    for (const r of rows) {
      const bits = [
        r.task && `task ${r.task}`,
        r.since && `since ${r.since}`,
        r.expires && `until ${r.expires}`,
      ].filter(Boolean);
      const where = r.source === config.statusFile ? '' : `  [${r.source}]`;
      out.push(
        `  ${r.expired ? '(expired) ' : ''}${r.path} — ${r.agent}${bits.length ? ` (${bits.join(', ')})` : ''}${r.note ? ` — ${r.note}` : ''}${where}`,
      );
    }
  }
  if (reviews.length) {
    out.push('', `Reviews (${reviews.length}):`);
    for (const r of reviews)
      out.push(
        `  ${r.path} — ${r.state}: requested by ${r.requestedBy}, reviewer ${r.reviewer}${r.at ? ` (${r.at})` : ''}`,
      );
  }
  out.push('', ...rosterLines(roster));
  for (const p of prepared.status.own.problems) out.push(`warning: ${config.statusFile}:${p.line}: ${p.message}`);
  io.stdout.write(out.join('\n') + '\n');
  return 0;
}
