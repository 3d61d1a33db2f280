/** An agent name as written, without `@`, `**`, backticks or a link around it. Case is kept. */
export function normalizeAgent(text: string): string {
  let a = text.trim();
  if (/^[A-Za-z0-9][^`*_@[\]]*$/.test(a)) return a;
  const link = /^\[([^\]]*)\]\([^)]*\)$/.exec(a);
  if (link) a = link[1].trim();
  for (let guard = 0; guard < 4; guard++) {
    const before = a;
    a = a.replace(/^(\*\*|__|\*|_|`)(.*)\1$/s, '$2').trim();
    if (a.startsWith('@')) a = a.slice(1).trim();
    if (a === before) break;
  }
  return a;
}
