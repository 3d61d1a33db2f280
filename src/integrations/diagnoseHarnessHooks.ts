// `orch doctor` for the harness hooks: for each harness whose project configuration
// exists, whether it calls orch at every event `orch init --agent-hooks` wires, and
// whether the identity its sessions will resolve is an agent (a session that resolves to a
// person takes no locks, and its edits are judged as a person's).
import fs from 'node:fs';
import path from 'node:path';
import type { Identity } from '../types.js';
import { findOrchHook, readSettings } from './planAgentHooks.js';
import { HARNESS_SPECS } from './planHarnessHooks.js';

export interface HarnessDiagnosis {
  level: 'ok' | 'warn' | 'fail';
  topic: string;
  message: string;
  fix?: string;
}

export function diagnoseHarnessHooks(top: string, identity: Identity): HarnessDiagnosis[] {
  const out: HarnessDiagnosis[] = [];
  for (const spec of Object.values(HARNESS_SPECS)) {
    if (!fs.existsSync(path.join(top, spec.file))) continue;
    const topic = `${spec.label} hooks`;
    const fix = `Run \`orch init --agent-hooks ${spec.harness}\`.`;
    let settings: Record<string, unknown>;
    try {
      settings = readSettings(top, spec).settings;
    } catch (e) {
      out.push({ level: 'fail', topic, message: (e as Error).message, fix });
      continue;
    }
    const missing = spec.events.filter((e) => !findOrchHook(spec, settings, e)).map((e) => e.event);
    const wired = spec.events.length - missing.length;
    if (missing.length) {
      out.push({
        level: wired ? 'fail' : 'warn',
        topic,
        message: `${spec.file} does not call orch at ${missing.join(', ')}${wired ? '' : ' (orch is not wired into this harness)'}.`,
        fix,
      });
      continue;
    }
    out.push(
      identity.isAgent
        ? {
            level: 'ok',
            topic,
            message: `${spec.file} calls orch at every event; sessions started from here act as ${identity.name}`,
          }
        : {
            level: 'fail',
            topic,
            message: `${spec.file} calls orch, but a session started from here resolves to ${identity.name ? `the person ${identity.name}` : 'no one'}, not an agent: it takes no locks and its edits are judged as a person's.`,
            fix: `Start ${spec.label} with ORCH_AGENT=<agent name>, or set \`git config orch.agent <name>\` in this worktree.`,
          },
    );
  }
  return out;
}
