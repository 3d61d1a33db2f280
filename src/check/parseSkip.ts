// ORCH_SKIP: "1" (or true/all) skips everything; "rule-a,rule-b" skips those rules.
import { RULE_IDS } from '../types.js';
import { OrchError } from '../errors.js';

export interface Skip {
  all: boolean;
  rules: string[];
}

export function parseSkip(value: string | undefined): Skip {
  const v = (value ?? '').trim();
  if (!v || v === '0' || v.toLowerCase() === 'false') return { all: false, rules: [] };
  if (/^(1|true|all|yes)$/i.test(v)) return { all: true, rules: [] };
  const rules = v.split(/[,\s]+/).filter(Boolean);
  const unknown = rules.filter((r) => !(RULE_IDS as readonly string[]).includes(r));
  if (unknown.length) {
    throw new OrchError(`ORCH_SKIP names unknown rule${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}.`, {
      hint: `Use ORCH_SKIP=1 to skip everything, or a comma-separated list of: ${RULE_IDS.join(', ')}.`,
    });
  }
  return { all: false, rules };
}
