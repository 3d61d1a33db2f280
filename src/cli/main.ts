// The thin CLI: find the command, load only its module, turn results and errors into
// output and an exit code. No stack trace reaches a user unless ORCH_DEBUG is set.
import { OrchError, isOrchError } from '../errors.js';
import { pickFormat } from '../report/pickFormat.js';
import type { IO } from './io.js';
import { orchInvocation, withInvocation } from '../report/orchInvocation.js';
// Commands an agent runs all day are part of the entry bundle: a module loaded on demand
// costs a file resolution, a read and a compile, and esbuild cuts code shared between
// on-demand modules into many small chunks. Only set-up and diagnosis commands, which pull
// in YAML and the hook-manager integrations, are loaded when called.
import * as checkCommand from './checkCommand.js';
import * as ciCommand from './ciCommand.js';
import * as doneCommand from './doneCommand.js';
import * as guardCommand from './guardCommand.js';
import * as hookCommand from './hookCommand.js';
import * as lockCommand from './lockCommand.js';
import * as mergeDriverCommand from './mergeDriverCommand.js';
import * as reviewCommand from './reviewCommand.js';
import * as statusCommand from './statusCommand.js';
import * as unlockCommand from './unlockCommand.js';
import { HELP, USAGE, msg, unknownCommand } from './messages.js';
import { saveGlobCache } from '../match/globMatcher.js';
import { saveStatusCache } from '../status/statusParseCache.js';

type Command = { run(args: string[], io: IO): Promise<number> };

const COMMANDS: Record<string, () => Promise<Command>> = {
  init: () => import('./initCommand.js'),
  lock: async () => lockCommand,
  unlock: async () => unlockCommand,
  status: async () => statusCommand,
  check: async () => checkCommand,
  hook: async () => hookCommand,
  doctor: () => import('./doctorCommand.js'),
  explain: () => import('./explainCommand.js'),
  done: async () => doneCommand,
  review: async () => reviewCommand,
  ci: async () => ciCommand,
  guard: async () => guardCommand,
  'post-edit': () => import('./postEditCommand.js'),
  brief: () => import('./briefCommand.js'),
  session: () => import('./sessionCommand.js'),
  'merge-driver': async () => mergeDriverCommand,
  sync: () => import('./syncCommand.js'),
  decide: () => import('./decideCommand.js'),
};

declare const ORCH_VERSION: string;

export async function main(args: string[], outerIo: IO): Promise<number> {
  let io = outerIo;
  try {
    // global options may come before the command (`orch --format json status`)
    const { argv, env } = leadingGlobals(args, io.env);
    io = env === io.env ? io : { ...io, env };
    const [name, ...rest] = argv;
    // every command validates the format it was asked for, used or not
    pickFormat({ flag: formatFlagIn(rest), env: io.env });
    if (!name || name === '-h' || name === '--help' || name === 'help') {
      const topic = name === 'help' ? rest[0] : undefined;
      io.stdout.write((topic && HELP[topic] ? HELP[topic] : USAGE) + '\n');
      return 0;
    }
    if (name === '-v' || name === '--version' || name === 'version') {
      io.stdout.write(`${typeof ORCH_VERSION === 'string' ? ORCH_VERSION : 'dev'}\n`);
      return 0;
    }
    const load = COMMANDS[name];
    if (!load) {
      io.stderr.write(
        HELP[name] ? `orch: "${name}" is not available in this version of orch.\n` : unknownCommand(name) + '\n',
      );
      return 2;
    }
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout.write(HELP[name] + '\n');
      return 0;
    }
    const command = await load();
    const code = await command.run(rest, io);
    saveGlobCache();
    saveStatusCache();
    return code;
  } catch (e) {
    return reportError(e, io);
  }
}

const GLOBAL_ENV: Record<string, string> = { '--format': 'ORCH_FORMAT', '--agent': 'ORCH_AGENT' };

/** `--format X` / `--agent X` before the command: the same as after it (passed as their variables, which they beat). */
function leadingGlobals(argv: string[], env: NodeJS.ProcessEnv): { argv: string[]; env: NodeJS.ProcessEnv } {
  let i = 0;
  let out = env;
  while (i < argv.length) {
    const m = /^(--format|--agent)(?:=(.*))?$/s.exec(argv[i]);
    if (!m) break;
    const value = m[2] ?? argv[i + 1];
    if (value === undefined || (m[2] === undefined && value.startsWith('-'))) {
      throw new OrchError(`orch: option '${m[1]} <value>' argument missing`, { hint: 'See `orch --help`.' });
    }
    if (m[1] === '--format') pickFormat({ flag: value, env: {} });
    out = { ...out, [GLOBAL_ENV[m[1]]]: value };
    i += m[2] === undefined ? 2 : 1;
  }
  return { argv: i === 0 ? argv : argv.slice(i), env: out };
}

/** The value of a `--format` among a command's arguments (the last one wins, as in parseArgs). */
function formatFlagIn(args: string[]): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--') break;
    if (args[i] === '--format') value = args[++i] ?? '';
    else if (args[i].startsWith('--format=')) value = args[i].slice('--format='.length);
  }
  return value;
}

export function reportError(e: unknown, io: IO): number {
  if (isOrchError(e)) {
    const message = e.message.startsWith('orch') ? e.message : `orch: ${e.message}`;
    // a hint's command runs as printed (`npx orch …` for a local install)
    const hint = e.hint ? withInvocation(e.hint, orchInvocation(io.env)) : undefined;
    io.stderr.write(message + (hint ? `\n  ${hint}` : '') + '\n');
    if (io.env.ORCH_DEBUG) io.stderr.write(String(e.stack) + '\n');
    return e.exitCode;
  }
  io.stderr.write(msg.internal(e instanceof Error ? e.message : String(e)) + '\n');
  if (io.env.ORCH_DEBUG) io.stderr.write(String(e instanceof Error ? e.stack : e) + '\n');
  return 2;
}
