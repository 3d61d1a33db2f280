// Whether a change can concern containers at all, told from the file list alone: a compose
// file, a Dockerfile, a build manifest or a .env changed, or anything was deleted or renamed
// (a build context may have lost a file). False means the container rules and review
// requests have nothing to say, and their parsers need not load.
import type { FileChange } from '../types.js';

const CONTAINER_FILE =
  /(^|\/)(Dockerfile[^/]*|[^/]*\.Dockerfile|[^/]*compose[^/]*\.ya?ml|\.env|package\.json|go\.mod|pyproject\.toml|requirements\.txt|Pipfile|Cargo\.toml|pom\.xml|build\.gradle(\.kts)?|composer\.json|Gemfile|mix\.exs|[^/]*\.csproj)$/i;

/** A compose file, a Dockerfile, a build manifest or a .env. */
export function isContainerFile(path: string): boolean {
  return CONTAINER_FILE.test(path);
}

export function touchesContainers(files: FileChange[]): boolean {
  return files.some(
    (f) =>
      f.status === 'D' ||
      f.status === 'R' ||
      CONTAINER_FILE.test(f.path) ||
      (f.oldPath !== undefined && CONTAINER_FILE.test(f.oldPath)),
  );
}
