import { globMatcher } from '../match/globMatcher.js';

// docker-compose.yml, compose.yaml, docker-compose.prod.yml, docker-compose-load.yaml,
// compose.override.yaml …, at any depth.
const COMPOSE_NAME = /^(?:docker-compose(?:[.-][^/]+)?|compose(?:\.[^/]+)?)\.ya?ml$/;

/** Whether `path` (repository-relative) names a compose file, by name or by `services.compose`. */
export function isComposeFile(path: string, extra: readonly string[] = []): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (COMPOSE_NAME.test(base)) return true;
  return extra.length > 0 && globMatcher(extra)(path);
}
