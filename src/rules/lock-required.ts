import { globMatcher } from '../match/globMatcher.js';
import { sameAgent } from '../identity/sameAgent.js';
import { buildLockIndex } from '../locks/lockIndex.js';
import { isExpired } from '../locks/lockTimes.js';
import { shellQuote } from '../shellQuote.js';
import type { RawFinding } from '../types.js';
import { touchedPaths } from './lock-conflict.js';
import type { Rule } from './rule.js';

export const rule: Rule = {
  id: 'lock-required',
  defaultSeverity: () => 'error',
  summary: 'Changed paths under locks.required must be locked by the committer.',
  docs: `lock-required — opt-in: a changed path matching locks.required must be covered by an
active lock that the committing agent holds.

The protocol says "lock files in WORK_STATUS.md before any modification". This rule makes
that literal for the paths you list. \`orch init --strict\` turns it on for every path
(locks.required: ["**"]). The status file, the orchestration index and the log archive
are never required to be locked.

What to do: take the lock first, then commit:
  orch lock <path> --task <id>

Config: locks.required (globs), rules["lock-required"].`,
  check(input) {
    const patterns = input.config.locks.required;
    if (patterns.length === 0) return [];
    const required = globMatcher(patterns, { ignoreCase: input.ignoreCase });
    const exempt = new Set([input.config.statusFile, input.config.indexFile, input.config.log.archiveFile]);
    const own = input.status.locks.filter(
      (l) => sameAgent(l.agent, input.identity.name) && !isExpired(l, input.now, input.config.locks.ttl),
    );
    const index = buildLockIndex(own, { ignoreCase: input.ignoreCase, existsLiterally: input.existsLiterally });
    const findings: RawFinding[] = [];
    for (const { path } of touchedPaths(input)) {
      if (exempt.has(path) || !required(path)) continue;
      if (index.match(path).length > 0) continue;
      findings.push({
        rule: 'lock-required',
        path,
        message: `${path} must be locked by ${input.identity.name ?? 'the committer'} before it is changed (locks.required).`,
        fix: `orch lock ${shellQuote(path)} --task <id>`,
      });
    }
    return findings;
  },
};
