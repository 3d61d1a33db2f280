// The roster warnings of one check (pre-commit, `orch check`): read the roster of the
// working tree (cached) and name every unknown agent name in use.
import path from 'node:path';
import type { Config } from '../config/schema.js';
import type { Finding, Identity, Lock } from '../types.js';
import { readRoster } from './readRoster.js';
import { rosterFindings } from './rosterFindings.js';

export interface RosterCheckInput {
  repo: { top: string; commonDir: string; bare: boolean };
  config: Config;
  identity: Identity;
  locks: Lock[];
}

export async function checkRoster(p: RosterCheckInput): Promise<Finding[]> {
  const setting = p.config.rules['unknown-agent'];
  if (setting === 'off' || p.repo.bare) return [];
  const roster = await readRoster(p.repo.top, p.config.agentDefinitions, path.join(p.repo.commonDir, 'orch'));
  const reviewsOn = p.config.rules['container-review'] !== 'off';
  const findings = rosterFindings({ roster, config: p.config, identity: p.identity, locks: p.locks, reviewsOn });
  return setting === 'error' ? findings.map((f) => ({ ...f, severity: 'error' as const })) : findings;
}
