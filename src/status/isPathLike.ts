const BARE_NAMES =
  /^(Dockerfile|Containerfile|Makefile|Procfile|Jenkinsfile|Gemfile|Rakefile|Vagrantfile|LICENSE|README|CODEOWNERS|Brewfile|Justfile|Caddyfile)$/i;

/**
 * Whether a token names a file, directory or glob rather than a word: it has a `/` or `*`, a file
 * extension, a leading dot (`.env`), or is a well-known extensionless name (`Dockerfile`).
 * `quoted` marks text from backticks, where a path may contain spaces.
 */
export function isPathLike(token: string, quoted = false): boolean {
  const t = token.trim();
  if (!t || t.length > 400) return false;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(t)) return false;
  if (/\s/.test(t) && (!quoted || !t.includes('/'))) return false;
  if (/^[\d/.:\-+]+$/.test(t)) return false;
  if (t.includes('/') || t.includes('*') || t.includes('\\')) return true;
  if (/^\.[\w][\w.-]*$/.test(t)) return true;
  if (/^[\w@()[\]-][\w.@()[\]-]*\.[A-Za-z][A-Za-z0-9]{0,9}$/.test(t)) return true;
  return BARE_NAMES.test(t);
}

/** A path that is certainly one: with a directory separator or a glob. */
export function isStrongPath(token: string): boolean {
  return isPathLike(token) && /[/*\\]/.test(token);
}
