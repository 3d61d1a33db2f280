import { within } from './buildServiceDir.js';
import type { ComposeBuild } from './composeTypes.js';

/** Whether a compose build builds directory `dir`: its context or its Dockerfile lies in it. */
export function buildsDirectory(build: ComposeBuild, dir: string): boolean {
  if (build.context !== null && build.context !== '' && within(dir, build.context)) return true;
  return build.dockerfile !== null && within(dir, build.dockerfile);
}
