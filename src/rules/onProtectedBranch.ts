import { globMatcher } from '../match/globMatcher.js';
import type { RuleInput } from './rule.js';

/**
 * Whether the branch is one where the review and proof gates block (review.branches):
 * "@default" is the repository's default branch.
 */
export function onProtectedBranch(input: Pick<RuleInput, 'branch' | 'defaultBranch' | 'config'>): boolean {
  const { branch, defaultBranch } = input;
  // An unknown branch gets the strict answer: the gate must not open for want of a name.
  if (!branch) return true;
  const patterns = input.config.review.branches;
  const defaults = defaultBranch ? [defaultBranch] : ['main', 'master'];
  if (patterns.includes('@default') && defaults.includes(branch)) return true;
  return globMatcher(patterns.filter((p) => p !== '@default'))(branch);
}
