import type { ComposeBuild, ComposeFile } from './composeTypes.js';

/**
 * The directory a compose build stands for: its context, or — when the context is the
 * project itself (`context: .` with `dockerfile: src/ad/Dockerfile`) — the Dockerfile's
 * directory. Null when it cannot be told or it is the repository root.
 */
export function buildServiceDir(file: Pick<ComposeFile, 'dir'>, build: ComposeBuild): string | null {
  const ctx = build.context;
  if (ctx === null) return null;
  const projectLevel = ctx === '' || within(ctx, file.dir);
  if (projectLevel && build.dockerfile) {
    const slash = build.dockerfile.lastIndexOf('/');
    const dfDir = slash === -1 ? '' : build.dockerfile.slice(0, slash);
    if (dfDir !== '' && within(ctx, dfDir)) return dfDir;
  }
  return ctx === '' ? null : ctx;
}

/** `inner` is `outer` or below it ('' is the repository root). */
export function within(outer: string, inner: string): boolean {
  return outer === '' || inner === outer || inner.startsWith(outer + '/');
}
