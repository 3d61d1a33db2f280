// `orch init --agent-hooks <harness>`: merges every orch event into a harness's own project
// configuration — the pre-edit guard, the post-edit record, the session-start brief, the
// stop check and the session-end release — keeping every other key, event and hook. An
// event that already runs the orch command is left as it is (an entry an earlier orch
// wrote without --harness is brought up to date), so a second run changes nothing.
//
// Two shapes: Claude Code, Codex CLI and Gemini CLI nest command hooks under matcher
// groups (`hooks.<Event>: [{matcher, hooks: [{type: "command", command}]}]`); Cursor lists
// them directly (`{version: 1, hooks: {<event>: [{command, matcher?}]}}`).
import fs from 'node:fs';
import path from 'node:path';
import { OrchError } from '../errors.js';
import { formatJsonLike } from './formatJsonLike.js';
import type { Harness } from './parseGuardInput.js';
import type { IntegrationPlan } from './plannedChange.js';

export interface HookEvent {
  event: string;
  matcher?: string;
  /** The orch subcommand and its arguments, e.g. "guard --harness claude". */
  sub: string;
}

export interface HarnessSpec {
  harness: Harness;
  label: string;
  /** Repository-relative configuration file. */
  file: string;
  shape: 'grouped' | 'flat';
  events: HookEvent[];
  /** How the command reaches a local install (node_modules/.bin/orch). */
  localBin(hint: string): string;
  notes?: string[];
}

/** orch's command for an event, as this spec writes it. */
export function hookCommand(spec: HarnessSpec, hints: readonly string[], sub: string): string {
  return `${hints.length ? spec.localBin(hints[0]) : 'orch'} ${sub}`;
}

/** True when `command` runs orch's `sub` (the first word of it), by any path to orch. */
export function runsOrch(command: unknown, sub: string): boolean {
  const word = sub
    .split(' ')
    .slice(0, sub.startsWith('session') ? 2 : 1)
    .join(' ');
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[\\s/"'])orch(\\.js)?"? ${escaped}(\\s|$)`).test(String(command ?? ''));
}

export function readSettings(
  top: string,
  spec: HarnessSpec,
): { text: string | null; settings: Record<string, unknown> } {
  const file = path.join(top, spec.file);
  let text: string | null = null;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT')
      throw new OrchError(`cannot read ${spec.file}: ${(e as Error).message}`);
  }
  const fix = { hint: `Fix ${spec.file}, then run \`orch init --agent-hooks ${spec.harness}\` again.` };
  let settings: Record<string, unknown> = {};
  if (text !== null && text.trim() !== '') {
    try {
      settings = JSON.parse(text) as Record<string, unknown>;
    } catch (e) {
      throw new OrchError(`${spec.file} is not valid JSON: ${(e as Error).message}`, fix);
    }
    if (!settings || typeof settings !== 'object' || Array.isArray(settings))
      throw new OrchError(`${spec.file}: expected a JSON object.`, fix);
  }
  if (
    settings.hooks !== undefined &&
    (typeof settings.hooks !== 'object' || settings.hooks === null || Array.isArray(settings.hooks))
  ) {
    throw new OrchError(`${spec.file}: "hooks" is not an object.`, fix);
  }
  for (const [event, list] of Object.entries((settings.hooks ?? {}) as Record<string, unknown>)) {
    if (!Array.isArray(list)) throw new OrchError(`${spec.file}: "hooks.${event}" is not a list.`, fix);
  }
  return { text, settings };
}

type Entry = Record<string, unknown>;

/** The orch hook of an event in a parsed configuration, with the group that holds it. */
export function findOrchHook(
  spec: HarnessSpec,
  settings: Record<string, unknown>,
  e: HookEvent,
): { group: Entry; hook: Entry } | null {
  const list = ((settings.hooks ?? {}) as Record<string, unknown>)[e.event];
  if (!Array.isArray(list)) return null;
  for (const group of list as Entry[]) {
    if (!group || typeof group !== 'object') continue;
    const hooks = spec.shape === 'flat' ? [group] : Array.isArray(group.hooks) ? (group.hooks as Entry[]) : [];
    const hook = hooks.find((h) => h && typeof h === 'object' && runsOrch(h.command, e.sub));
    if (hook) return { group, hook };
  }
  return null;
}

export function planAgentHooks(top: string, hints: readonly string[], spec: HarnessSpec): IntegrationPlan {
  const { text, settings } = readSettings(top, spec);
  if (spec.shape === 'flat' && settings.version === undefined) settings.version = 1;
  const hooks = (settings.hooks ??= {}) as Record<string, Entry[]>;
  const added: string[] = [];
  for (const e of spec.events) {
    const command = hookCommand(spec, hints, e.sub);
    const found = findOrchHook(spec, settings, e);
    if (found) {
      // written by an orch that did not name the harness: the same hook, brought up to date
      if (!/--harness\b/.test(String(found.hook.command)) && runsOrch(found.hook.command, e.sub)) {
        found.hook.command = String(found.hook.command).replace(
          /( guard| post-edit| brief| session (stop|end))\b.*$/,
          ` ${e.sub}`,
        );
        const single = spec.shape === 'flat' || (Array.isArray(found.group.hooks) && found.group.hooks.length === 1);
        if (e.matcher && single) found.group.matcher = e.matcher;
        added.push(`${e.event} (updated)`);
      }
      continue;
    }
    const list = (hooks[e.event] ??= []);
    if (spec.shape === 'flat') list.push({ command, ...(e.matcher ? { matcher: e.matcher } : {}) });
    else list.push({ ...(e.matcher ? { matcher: e.matcher } : {}), hooks: [{ type: 'command', command }] });
    added.push(e.event);
  }
  if (!added.length) return { changes: [], notes: [] };
  return {
    changes: [
      {
        file: path.join(top, spec.file),
        action: text === null ? 'create' : 'update',
        why: `${spec.label} runs orch at ${added.join(', ')}`,
        content: formatJsonLike(text !== null && text.trim() !== '' ? text : null, settings),
        detail: spec.events
          .map((e) => `hooks.${e.event} += ${e.matcher ? `[${e.matcher}] ` : ''}${hookCommand(spec, hints, e.sub)}`)
          .join('\n'),
      },
    ],
    notes: spec.notes ?? [],
  };
}
