import { isDockerfile } from './isDockerfile.js';

/** Files whose presence makes a directory a service, matched by exact name. */
export const MARKER_NAMES: readonly string[] = [
  'package.json',
  'go.mod',
  'pyproject.toml',
  'requirements.txt',
  'Pipfile',
  'Cargo.toml',
  'pom.xml',
  'build.gradle',
  'build.gradle.kts',
  'composer.json',
  'Gemfile',
  'mix.exs',
  'Dockerfile',
];

const NAMES = new Set(MARKER_NAMES);

/** Whether a file name (or path) marks its directory as a service: a manifest, `*.csproj` or a Dockerfile. */
export function isServiceMarker(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return NAMES.has(base) || (base.endsWith('.csproj') && base.length > '.csproj'.length) || isDockerfile(base);
}
