// Fix lines are commands to run. `orch …` runs only where orch is on PATH; a project that
// installed orch locally (npm i -D orchguard) runs it as `npx orch …`. Hooks run with
// node_modules/.bin on PATH (husky, npm scripts) while the person reading the message does
// not have it: those directories do not count.
import fs from 'node:fs';
import path from 'node:path';

const COMMANDS =
  'init|lock|unlock|status|check|hook|ci|done|review|doctor|explain|merge-driver|guard|sync|brief|decide';
const ORCH_AT = new RegExp(`(^|[\\s\`"'(;&|])orch (?=(?:${COMMANDS})\\b)`, 'g');

/** `orch` when a shell finds it on PATH, `npx orch` for a copy installed in a project. */
export function orchInvocation(
  env: NodeJS.ProcessEnv,
  script: string | undefined = process.argv[1],
): 'orch' | 'npx orch' {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir || /[\\/]node_modules[\\/]\.bin[\\/]?$/.test(dir)) continue;
    try {
      fs.accessSync(path.join(dir, 'orch'), fs.constants.X_OK);
      return 'orch';
    } catch {
      // not here
    }
  }
  return script && /[\\/]node_modules[\\/]/.test(script) ? 'npx orch' : 'orch';
}

/** `text` with each `orch <command>` written as `invocation <command>`. */
export function withInvocation(text: string, invocation: string): string {
  return invocation === 'orch' ? text : text.replace(ORCH_AT, (_, lead: string) => `${lead}${invocation} `);
}
