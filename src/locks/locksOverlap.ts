// Whether two lock paths can cover a common file — used when taking a lock, where both
// sides may be directories or globs, unlike commit-time matching of concrete files.
import picomatch from 'picomatch';
import { globMatcher } from '../match/globMatcher.js';
import { globComplexity } from '../match/globComplexity.js';
import { isGlobPath } from './lockIndex.js';

function under(child: string, parent: string): boolean {
  return parent === '' || child === parent || child.startsWith(parent + '/');
}

/**
 * A lock with glob characters covers its path as written, and what it matches unless
 * `isLiteral` says that path exists in a committed tree (see buildLockIndex).
 */
export function locksOverlap(
  a: string,
  b: string,
  ignoreCase: boolean,
  isLiteral: (p: string) => boolean = () => false,
): boolean {
  const fold = (s: string) => (ignoreCase ? s.normalize('NFC').toLowerCase() : s.normalize('NFC')).replace(/\/+$/, '');
  const ga = isGlobPath(a) && !isLiteral(a);
  const gb = isGlobPath(b) && !isLiteral(b);
  const x = fold(a);
  const y = fold(b);
  // as written: one path the same as or under the other
  if (under(x, y) || under(y, x)) return true;
  if (!ga && !gb) return false;
  if (ga && gb) {
    const bx = picomatch.scan(x).base;
    const by = picomatch.scan(y).base;
    return under(bx, by) || under(by, bx);
  }
  const [glob, lit] = ga ? [x, y] : [y, x];
  const pattern = (ga ? a : b).endsWith('/') ? glob + '/**' : glob;
  const base = picomatch.scan(glob).base;
  // a glob too costly to match here overlaps whatever shares its static base directory
  if (!globComplexity(pattern).affordable(lit.length + 2)) return under(base, lit) || under(lit, base);
  const isMatch = globMatcher([pattern], { ignoreCase });
  // the glob matches the literal path or something under it (a directory lock), or the
  // literal path is a directory holding where the glob starts
  return isMatch(lit) || under(base, lit) || isMatch(lit + '/x');
}
