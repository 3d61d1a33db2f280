// A new service: a directory under a service root that gains a marker (a manifest or a
// Dockerfile) in the change and had none before.
import type { ChangeSet } from '../types.js';
import { addedMarkerDirs } from './addedMarkerDirs.js';
import type { ComposeFile } from './composeTypes.js';
import { hadServiceMarker } from './hadServiceMarker.js';
import { inferServiceRoots } from './inferServiceRoots.js';
import { serviceDirMatcher, type ServicesConfig } from './serviceDirMatcher.js';

export interface NewService {
  /** Repository-relative directory. */
  dir: string;
  /** The marker files added in the change. */
  markers: string[];
}

export interface FindNewServicesOptions {
  /** The compose files of the new side; called only when roots must be inferred. */
  composeFiles: () => Promise<ComposeFile[]>;
  ignoreCase?: boolean;
}

export async function findNewServices(
  changes: ChangeSet,
  services: ServicesConfig,
  options: FindNewServicesOptions,
): Promise<NewService[]> {
  const added = addedMarkerDirs(changes.files);
  if (added.size === 0) return [];
  const configured = services.roots !== undefined;
  // Without configured roots every directory passes this first cut; the roots come from
  // compose files, read only once a candidate exists.
  let accept = serviceDirMatcher(services, configured ? [] : ['**'], options);
  let candidates = [...added].filter(([dir]) => accept(dir));
  if (candidates.length === 0) return [];
  if (!configured) {
    const roots = inferServiceRoots(await options.composeFiles());
    if (roots.length === 0) return [];
    accept = serviceDirMatcher(services, roots, options);
    candidates = candidates.filter(([dir]) => accept(dir));
    if (candidates.length === 0) return [];
  }
  const had = await Promise.all(candidates.map(([dir]) => hadServiceMarker(changes, dir)));
  return candidates.filter((_, i) => !had[i]).map(([dir, markers]) => ({ dir, markers }));
}
