// The arguments the edit hooks' fast paths understand: `--harness <name>` and
// `--agent <name>`, as `orch init --agent-hooks` writes them. Anything else (help, a
// format, a typo) is null: the full command reads it and says what is wrong.
import { HARNESSES, type Harness } from '../integrations/parseGuardInput.js';

export function editHookArgs(args: string[]): { harness?: Harness; agentFlag?: string } | null {
  let harness: Harness | undefined;
  let agentFlag: string | undefined;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--harness' && (HARNESSES as readonly string[]).includes(args[i + 1]))
      harness = args[++i] as Harness;
    else if (args[i] === '--agent' && args[i + 1]) agentFlag = args[++i];
    else return null;
  }
  return { harness, agentFlag };
}
