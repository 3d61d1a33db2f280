import type { PathList } from './splitPathList.js';

/**
 * The list text without the segments in `drop`, keeping the separators as written
 * ("a, b<br>c" minus b gives "a<br>c"). Covers the first to the last segment of `text`.
 */
export function rewriteList(text: string, list: PathList, drop: Set<number>): string {
  let out = '';
  let first = true;
  list.segments.forEach((seg, k) => {
    if (drop.has(k)) return;
    if (!first) out += list.seps[k - 1];
    out += text.slice(seg.start, seg.end);
    first = false;
  });
  return out;
}
