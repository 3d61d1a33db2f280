import { posix } from 'node:path';

export interface SnippetSpec {
  /** The service directory, repository-relative. */
  dir: string;
  /** The compose file the snippet goes into, repository-relative. */
  composeFile: string;
  /** The service's Dockerfile, repository-relative, when it is not `<dir>/Dockerfile`. */
  dockerfile?: string;
}

/** A compose service name from a directory: its last segment, lower-cased, compose's characters only. */
export function serviceNameFor(dir: string): string {
  const base = dir.slice(dir.lastIndexOf('/') + 1).toLowerCase();
  const name = base.replace(/[^a-z0-9._-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '');
  return name === '' ? 'app' : name;
}

/** The lines to add under `services:` of the compose file to build `dir`. */
export function composeSnippet(spec: SnippetSpec): string {
  const slash = spec.composeFile.lastIndexOf('/');
  const composeDir = slash === -1 ? '.' : spec.composeFile.slice(0, slash);
  const rel = (p: string) => {
    const r = posix.relative(composeDir, p);
    return r === '' ? '.' : r.startsWith('../') ? r : `./${r}`;
  };
  const name = serviceNameFor(spec.dir);
  const context = rel(spec.dir);
  if (!spec.dockerfile || spec.dockerfile === `${spec.dir}/Dockerfile`)
    return `services:\n  ${name}:\n    build: ${context}`;
  const df = spec.dockerfile.startsWith(spec.dir + '/')
    ? spec.dockerfile.slice(spec.dir.length + 1)
    : posix.relative(spec.dir, spec.dockerfile);
  return `services:\n  ${name}:\n    build:\n      context: ${context}\n      dockerfile: ${df}`;
}
