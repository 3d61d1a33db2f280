// simple-git-hooks: its configuration maps a hook to one shell command, written into the
// hook file as is. orch goes in front of the command already there — `orch hook
// pre-commit && npx lint-staged` — so a blocked commit stops before the rest runs; a hook
// with no command gets orch's alone. post-commit joins with `;`: the commit is made by
// then, and orch must not keep the user's own step from running.
// simple-git-hooks deletes hook files its configuration does not name, so every hook orch
// uses gets a key. JSON configurations are edited; JavaScript ones are not (their text
// is code), and init says what to add.
import fs from 'node:fs';
import path from 'node:path';
import { OrchError } from '../errors.js';
import { INSTALLED_HOOKS } from './hookShim.js';
import { formatJsonLike } from './formatJsonLike.js';
import { callsOrch, generatedCommandPattern, managerHookCommand } from './managerHookCommand.js';
import type { IntegrationPlan } from './plannedChange.js';

export const SIMPLE_GIT_HOOKS_KEY = 'simple-git-hooks';

/**
 * @param configFile  repository-relative: package.json (its "simple-git-hooks" key) or a file of its own
 */
export function planSimpleGitHooks(top: string, configFile: string, bin: string, installed: boolean): IntegrationPlan {
  const wanted = new Map<string, string>();
  for (const hook of INSTALLED_HOOKS) {
    const cmd = managerHookCommand(hook, bin, 'sh');
    if (cmd) wanted.set(hook, cmd.run);
  }
  const reinstall = 'then run `npx simple-git-hooks` so that it rewrites the hook files';
  if (!configFile.endsWith('.json')) {
    return {
      changes: [],
      notes: [
        `${configFile} is JavaScript, which orch does not edit. Put orch in front of each command there, ${reinstall}:\n` +
          [...wanted]
            .map(
              ([hook, run]) =>
                `    '${hook}': '${run.replace(/'/g, "\\'")}${hook === 'post-commit' ? '; ' : ' && '}<the existing command>',`,
            )
            .join('\n'),
      ],
    };
  }
  const file = path.join(top, configFile);
  const text = fs.readFileSync(file, 'utf8');
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch (e) {
    throw new OrchError(`${configFile} is not valid JSON: ${(e as Error).message}`, {
      hint: `Fix ${configFile}, then run \`orch init\` again.`,
    });
  }
  const inPackage = configFile === 'package.json';
  const hooks = (inPackage ? parsed[SIMPLE_GIT_HOOKS_KEY] : parsed) as Record<string, unknown> | string | undefined;
  if (typeof hooks === 'string' || !hooks || typeof hooks !== 'object' || Array.isArray(hooks)) {
    return {
      changes: [],
      notes: [
        `${configFile}: the "${SIMPLE_GIT_HOOKS_KEY}" entry is not an object of hook commands; add \`${wanted.get('pre-commit')} && \` in front of its pre-commit command yourself, ${reinstall}.`,
      ],
    };
  }
  const changed: string[] = [];
  for (const [hook, run] of wanted) {
    const current = hooks[hook];
    const next = withOrch(typeof current === 'string' ? current : undefined, hook, run);
    if (next !== undefined && next !== current) {
      hooks[hook] = next;
      changed.push(hook);
    }
  }
  const notes: string[] = [];
  if (changed.length === 0) {
    if (!installed)
      notes.push(`simple-git-hooks' hooks are not installed in this clone: run \`npx simple-git-hooks\`.`);
    return { changes: [], notes };
  }
  notes.push(
    `${configFile} changed: run \`npx simple-git-hooks\` so that it rewrites the hook files (orch does not run until then).`,
  );
  return {
    changes: [
      {
        file,
        action: 'update',
        why: `run orch first at ${changed.join(', ')} (simple-git-hooks${inPackage ? ', package.json' : ''})`,
        content: formatJsonLike(text, parsed),
        detail: changed.map((h) => `${h}: ${String(hooks[h])}`).join('\n'),
      },
    ],
    notes,
  };
}

/** The command with orch in front; undefined when it already calls orch in a way orch did not write. */
export function withOrch(current: string | undefined, hook: string, run: string): string | undefined {
  const joiner = hook === 'post-commit' ? '; ' : ' && ';
  if (current === undefined || current.trim() === '') return run;
  const ours = current.match(new RegExp(`^${generatedCommandPattern(hook)}(?= && |; |$)`));
  if (ours) return run + current.slice(ours[0].length);
  if (callsOrch(current, hook)) return undefined;
  return run + joiner + current;
}
