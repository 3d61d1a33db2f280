import { globMatcher } from '../match/globMatcher.js';

export interface ServicesConfig {
  roots?: readonly string[];
  ignore: readonly string[];
}

// Directories that hold libraries, documentation or tooling rather than services; only
// consulted when the roots are inferred, so a configured root always wins.
const LIBRARY_ROOT = /^(?:packages|libs|lib)\//;
const NOT_A_SERVICE = new Set([
  'docs',
  'doc',
  'website',
  'site',
  'examples',
  'example',
  'scripts',
  'tools',
  'test',
  'tests',
  'e2e',
  'bench',
  'benchmarks',
  'node_modules',
  'vendor',
  'third_party',
]);

/**
 * A predicate over directories: true for a directory that can be a service — under
 * `roots` (configured, or `inferred` when not configured), not under `services.ignore`,
 * never the repository root, and, for inferred roots, not a library or tooling directory.
 */
export function serviceDirMatcher(
  services: ServicesConfig,
  inferred: readonly string[] = [],
  options: { ignoreCase?: boolean } = {},
): (dir: string) => boolean {
  const configured = services.roots !== undefined;
  const inRoot = globMatcher(configured ? services.roots! : inferred, options);
  const ignores = services.ignore.map((p) => p.replace(/\/+$/, '').replace(/^\.\//, '')).filter((p) => p !== '');
  const ignored = globMatcher(
    ignores.flatMap((p) => [p, `${p}/**`]),
    options,
  );
  return (dir) => {
    if (dir === '' || ignored(dir) || !inRoot(dir)) return false;
    if (configured) return true;
    if (LIBRARY_ROOT.test(dir)) return false;
    return !dir.split('/').some((seg) => seg.startsWith('.') || NOT_A_SERVICE.has(seg));
  };
}
