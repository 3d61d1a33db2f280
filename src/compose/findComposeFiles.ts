import { isComposeFile } from './isComposeFile.js';

export interface ComposeFilesConfig {
  services?: { compose?: readonly string[] };
}

/** The compose files among `paths` (repository-relative), in the order given. */
export function findComposeFiles(paths: readonly string[], config: ComposeFilesConfig = {}): string[] {
  const extra = config.services?.compose ?? [];
  return paths.filter((p) => isComposeFile(p, extra));
}
