// Which configured contract groups a path belongs to. A path may fall in several groups;
// each one's owners and lock requirement apply.
import { globMatcher } from './globMatcher.js';

// Generic over the group's shape, so that matching needs nothing from the configuration
// module (which depends on this folder for glob validation).
export function contractMatcher<C extends { paths: readonly string[] }>(
  contracts: readonly C[],
  options: { ignoreCase?: boolean } = {},
): (path: string) => C[] {
  if (contracts.length === 0) return () => [];
  const groups = contracts.map((c) => ({ contract: c, test: globMatcher(c.paths, options) }));
  return (path) => {
    const found: C[] = [];
    for (const g of groups) if (g.test(path)) found.push(g.contract);
    return found;
  };
}
