// util.parseArgs (no dependency, no startup cost) with errors a user can act on.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { OrchError } from '../errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

export interface ParsedFlags<O extends Options> {
  values: { [K in keyof O]?: O[K]['type'] extends 'string' ? string : boolean } & { help?: boolean };
  positionals: string[];
}

export function parseFlags<O extends Options>(command: string, args: string[], options: O): ParsedFlags<O> {
  try {
    return parseArgs({
      args,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    }) as ParsedFlags<O>;
  } catch (e) {
    const msg = (e as Error).message.replace(/\. To specify a positional argument.*$/s, '');
    throw new OrchError(`orch ${command}: ${msg.charAt(0).toLowerCase()}${msg.slice(1)}`, {
      hint: `See \`orch ${command} --help\`.`,
    });
  }
}

export const FORMAT_FLAG = { format: { type: 'string' as const } };
export const AGENT_FLAG = { agent: { type: 'string' as const } };
