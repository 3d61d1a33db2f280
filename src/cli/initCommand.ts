import path from 'node:path';
import { initRepo } from '../setup/initRepo.js';
import type { HookManagers } from '../integrations/detectHookManagers.js';
import type { IO } from './io.js';
import { parseFlags } from './parseFlags.js';
import { OrchError } from '../errors.js';

const MANAGER_NAMES: Record<string, string> = {
  husky: 'husky',
  lefthook: 'lefthook',
  'simple-git-hooks': 'simple-git-hooks',
  'pre-commit': 'the pre-commit framework',
};

export async function run(args: string[], io: IO): Promise<number> {
  const { values, positionals } = parseFlags('init', args, {
    strict: { type: 'boolean' },
    'dry-run': { type: 'boolean' },
    'agent-hooks': { type: 'string', multiple: true },
    remote: { type: 'string' },
  });
  if (positionals.length)
    throw new OrchError(`orch init: unexpected argument ${positionals[0]}.`, { hint: 'See `orch init --help`.' });
  const dryRun = Boolean(values['dry-run']);
  const agentHooks = ((values['agent-hooks'] as unknown as string[] | undefined) ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  const { repo, managers, changes, notes } = await initRepo({
    cwd: io.cwd,
    strict: values.strict,
    dryRun,
    agentHooks,
    io,
  });
  const rel = (f: string) => path.relative(repo.top, f) || f;
  io.stdout.write(describeManagers(managers, rel(repo.hooksDir)) + '\n');
  if (changes.length === 0) {
    io.stdout.write('orch is already set up here. Nothing to change.\n');
  } else {
    io.stdout.write(dryRun ? 'orch init would:\n' : 'orch init:\n');
    for (const c of changes) {
      const verb =
        c.action === 'rename'
          ? `rename ${rel(c.file)} → ${rel(c.to!)}`
          : c.action === 'git-config'
            ? `git config ${c.key} "${c.content}"`
            : `${c.action} ${rel(c.file)}`;
      io.stdout.write(`  ${verb} — ${c.why}\n`);
      if (dryRun && c.detail) io.stdout.write(c.detail.replace(/^/gm, '      ') + '\n');
    }
  }
  if (values.remote !== undefined) {
    const { initRemote } = await import('../remote/initRemote.js');
    const createdConfig = changes.some((c) => c.action === 'create' && path.basename(c.file) === '.orchrc.json');
    const r = await initRemote({ cwd: io.cwd, remote: values.remote, dryRun, createdConfig });
    io.stdout.write(`Locks shared through ${r.target.label}:\n${r.done.map((d) => `  ${d}\n`).join('')}`);
    notes.push(...r.notes);
  }
  for (const n of notes) io.stdout.write(`${dryRun ? 'Then' : 'Next'}: ${n}\n`);
  const created = changes.filter(
    (c) =>
      c.action !== 'git-config' &&
      c.action !== 'rename' &&
      /WORK_STATUS\.md$|\.orchrc\.json$|\.md$/.test(c.file) &&
      !c.file.includes('/.husky/'),
  );
  if (!dryRun && created.length) {
    io.stdout.write(
      `Next: commit ${created.map((c) => rel(c.file)).join(', ')}, and tell each agent its name (ORCH_AGENT or \`git config orch.agent NAME\`).\n`,
    );
  }
  return 0;
}

/** One line saying what runs the hooks, and which other managers were seen and left alone. */
export function describeManagers(m: HookManagers, hooksDir: string): string {
  const others = m.found.filter((f) => f !== m.primary);
  const head = m.primary
    ? `Hooks: ${MANAGER_NAMES[m.primary.manager]} (${m.primary.config}${m.primary.installed ? '' : ', hooks not installed yet'}).`
    : `Hooks: orch's own, in ${hooksDir}${m.orchShims ? '' : ' (no hook manager found)'}.`;
  if (!others.length) return head;
  return `${head} Also found (not what git runs; left unchanged): ${others.map((o) => `${MANAGER_NAMES[o.manager]} (${o.config})`).join(', ')}.`;
}
