// Which configured contract groups a path belongs to. A path may fall in several groups;
// each one's owners and lock requirement apply.
import type { ContractConfig } from '../config/schema.js';
import { globMatcher } from './globMatcher.js';

export function contractMatcher(
  contracts: readonly ContractConfig[],
  options: { ignoreCase?: boolean } = {},
): (path: string) => ContractConfig[] {
  if (contracts.length === 0) return () => [];
  const groups = contracts.map((c) => ({ contract: c, test: globMatcher(c.paths, options) }));
  return (path) => {
    const found: ContractConfig[] = [];
    for (const g of groups) if (g.test(path)) found.push(g.contract);
    return found;
  };
}
