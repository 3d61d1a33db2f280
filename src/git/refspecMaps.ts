// Which refs a configured fetch refspec brings where (one `*` at most, as git allows).

/** Whether a fetch refspec brings `src` into `dst` ("+refs/heads/*:refs/remotes/origin/*"). */
export function refspecMaps(spec: string, src: string, dst: string): boolean {
  const [from, to] = spec.replace(/^\+/, '').split(':');
  if (!from || !to) return false;
  const star = from.indexOf('*');
  if (star === -1) return from === src && to === dst;
  const head = from.slice(0, star);
  const tail = from.slice(star + 1);
  if (!src.startsWith(head) || !src.endsWith(tail) || src.length < head.length + tail.length) return false;
  const middle = src.slice(head.length, src.length - tail.length);
  return to.replace('*', middle) === dst;
}
