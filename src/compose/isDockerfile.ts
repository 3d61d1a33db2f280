/** Whether a file name (or path) is a Dockerfile: `Dockerfile`, `Dockerfile.*`, `*.Dockerfile`. */
export function isDockerfile(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1);
  // `Dockerfile.dockerignore` and `app.Dockerfile.dockerignore` are ignore files, not Dockerfiles.
  if (base.endsWith('.dockerignore')) return false;
  return (
    base === 'Dockerfile' ||
    base.startsWith('Dockerfile.') ||
    (base.endsWith('.Dockerfile') && base.length > '.Dockerfile'.length)
  );
}
