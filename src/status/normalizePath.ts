/** Repository-relative with forward slashes, without a leading `./`; everything else as written. */
export function normalizePath(text: string): string {
  const r = normalizeLockPath(text);
  return 'path' in r ? r.path : text.trim();
}

/**
 * A lock path as people write it, in the form changed paths take: `/src/app.js` (a leading
 * `/` is the repository root), `./src/`, `src//app.js` and `src/../src/app.js` all name
 * `src/app.js`. A path that climbs out of the repository, or names all of it, cannot be
 * used as a lock path: `invalid` says why.
 */
export function normalizeLockPath(text: string): { path: string } | { invalid: string } {
  let p = text.trim();
  if (p.includes('\\')) p = p.replace(/\\/g, '/');
  if (/^[A-Za-z]:\//.test(p)) return { invalid: `${JSON.stringify(text.trim())} is an absolute path on one machine` };
  // The common case, already clean: nothing to resolve.
  if (p && p[0] !== '/' && !p.includes('//') && !/(^|\/)\.\.?(\/|$)/.test(p)) return { path: p };
  const dir = /\/$/.test(p) || /(^|\/)\.\.?$/.test(p);
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length === 0) return { invalid: `${JSON.stringify(text.trim())} climbs out of the repository` };
      out.pop();
      continue;
    }
    out.push(part);
  }
  if (out.length === 0) return { invalid: `${JSON.stringify(text.trim())} names the whole repository` };
  return { path: out.join('/') + (dir ? '/' : '') };
}
