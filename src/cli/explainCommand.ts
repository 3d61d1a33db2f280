import { RULES, loadRule } from '../rules/registry.js';
import type { IO } from './io.js';
import { parseFlags } from './parseFlags.js';
import { OrchError } from '../errors.js';

export async function run(args: string[], io: IO): Promise<number> {
  const { positionals } = parseFlags('explain', args, {});
  const id = positionals[0];
  if (!id) {
    const rules = await Promise.all(RULES.map((r) => r.load()));
    const width = Math.max(...rules.map((r) => r.id.length));
    for (const r of rules) io.stdout.write(`${r.id.padEnd(width)}  ${r.summary}\n`);
    return 0;
  }
  const rule = await loadRule(id);
  if (!rule) {
    throw new OrchError(`unknown rule "${id}".`, {
      hint: `Known rules: ${RULES.map((r) => r.id).join(', ')}.`,
    });
  }
  io.stdout.write(rule.docs.trimEnd() + '\n');
  return 0;
}
