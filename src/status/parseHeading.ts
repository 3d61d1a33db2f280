export interface Heading {
  /** 1–6 for `#` headings; 7 for a line that is bold and nothing else, read as a minor heading. */
  level: number;
  text: string;
}

/** An ATX heading (`## Locks`) or a whole-line bold pseudo-heading (`**Active Locks:**`). */
export function parseHeading(line: string): Heading | null {
  let i = 0;
  while (i < 3 && line.charCodeAt(i) === 32) i++;
  const c = line.charCodeAt(i);
  if (c === 35) {
    let j = i;
    while (line.charCodeAt(j) === 35) j++;
    const level = j - i;
    if (level > 6) return null;
    if (j < line.length && line[j] !== ' ' && line[j] !== '\t') return null;
    let text = line.slice(j).trim();
    // A closing run of `#` is decoration, unless it is the whole text.
    let k = text.length;
    while (k > 0 && text.charCodeAt(k - 1) === 35) k--;
    if (k === 0) text = '';
    else if (k < text.length && (text[k - 1] === ' ' || text[k - 1] === '\t')) text = text.slice(0, k).trim();
    return { level, text };
  }
  if (c === 42 || c === 95) {
    const t = line.trim();
    const mark = t.slice(0, 2);
    if (t.length < 5 || (mark !== '**' && mark !== '__')) return null;
    let end = t.length;
    if (t[end - 1] === ':') end--;
    if (t.slice(end - 2, end) !== mark) return null;
    const inner = t.slice(2, end - 2).trim();
    if (!inner || inner.includes(mark)) return null;
    return { level: 7, text: inner.replace(/:$/, '').trim() };
  }
  return null;
}
