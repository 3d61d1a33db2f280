import path from 'node:path';
import { initRepo } from '../engine/initRepo.js';
import type { IO } from './io.js';
import { parseFlags } from './parseFlags.js';
import { OrchError } from '../errors.js';

export async function run(args: string[], io: IO): Promise<number> {
  const { values, positionals } = parseFlags('init', args, {
    strict: { type: 'boolean' },
    'dry-run': { type: 'boolean' },
  });
  if (positionals.length) throw new OrchError(`orch init: unexpected argument ${positionals[0]}.`, { hint: 'See `orch init --help`.' });
  const dryRun = Boolean(values['dry-run']);
  const { repo, manager, changes } = await initRepo({ cwd: io.cwd, strict: values.strict, dryRun });
  const rel = (f: string) => path.relative(repo.top, f) || f;
  if (changes.length === 0) {
    io.stdout.write(`orch is already set up here (hooks via ${manager === 'husky' ? 'husky' : repo.hooksDir}). Nothing to change.\n`);
    return 0;
  }
  io.stdout.write(dryRun ? 'orch init would:\n' : 'orch init:\n');
  for (const c of changes) {
    const verb =
      c.action === 'rename'
        ? `rename ${rel(c.file)} → ${rel(c.to!)}`
        : c.action === 'git-config'
          ? `git config ${c.key} "${c.content}"`
          : `${c.action} ${rel(c.file)}`;
    io.stdout.write(`  ${verb} — ${c.why}\n`);
  }
  if (!dryRun) io.stdout.write('Next: commit WORK_STATUS.md and .orchrc.json, and tell each agent its name (ORCH_AGENT or `git config orch.agent NAME`).\n');
  return 0;
}
