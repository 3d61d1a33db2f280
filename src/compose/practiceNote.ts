// The note a review request for docker-expert carries: the Dockerfile practices the file
// misses, by id and line, so the reviewer starts from them. Loads the Dockerfile parser
// only when a Dockerfile changed.
import type { FileChange } from '../types.js';
import { isDockerfile } from './isDockerfile.js';

export type NoteFor = (path: string, content: string) => string | undefined;

export async function practiceNote(files: readonly FileChange[]): Promise<NoteFor | undefined> {
  if (!files.some((f) => f.status !== 'D' && isDockerfile(f.path))) return undefined;
  const { dockerfilePractices } = await import('./dockerfilePractices.js');
  return (path, content) => {
    if (!isDockerfile(path)) return undefined;
    const problems = dockerfilePractices(content);
    if (problems.length === 0) return undefined;
    return `check first: ${problems.map((p) => `${p.id} line ${p.line}`).join(', ')}`;
  };
}
