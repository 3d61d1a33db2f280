// The note a review request for docker-expert carries: the Dockerfile practices the file
// misses, by id and line, so the reviewer starts from them. Loads the Dockerfile parser
// only when a Dockerfile changed.
import type { ChangeSet } from '../types.js';
import type { ComposeFilesConfig } from './findComposeFiles.js';
import { isDockerfile } from './isDockerfile.js';

export type NoteFor = (path: string, content: string) => string | undefined;

export async function practiceNote(changes: ChangeSet, config: ComposeFilesConfig): Promise<NoteFor | undefined> {
  if (!changes.files.some((f) => f.status !== 'D' && isDockerfile(f.path))) return undefined;
  const [{ dockerfilePractices }, { practiceOptions }] = await Promise.all([
    import('./dockerfilePractices.js'),
    import('./practiceOptions.js'),
  ]);
  const optionsFor = await practiceOptions(changes, config);
  return (path, content) => {
    if (!isDockerfile(path)) return undefined;
    const problems = dockerfilePractices(content, optionsFor(path));
    if (problems.length === 0) return undefined;
    return `check first: ${problems.map((p) => `${p.id} line ${p.line}`).join(', ')}`;
  };
}
