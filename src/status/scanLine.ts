// Lines of a lock section that are not tables or blocks: `LOCK [path] [agent] [timestamp]`,
// path-first bullets (`- \`path/\` - agent - date - task`), agent-first bullets
// (`- @agent - \`path\` - task`), `agent -> path, path` and `agent: path` lines.
import type { StatusClass } from './classifyStatus.js';
import { classifyStatus } from './classifyStatus.js';
import { isPathLike, isStrongPath } from './isPathLike.js';
import { isPlaceholder } from './isPlaceholder.js';
import { parseFields, type LockFields } from './parseFields.js';
import { readHolder } from './readHolder.js';
import { emit, problem, ROW_HINT, type SectionScan } from './scanContext.js';
import type { ListRegion } from './scanTypes.js';
import { splitPathList } from './splitPathList.js';

export const LOCK_LINE = /^(\s*(?:[-*+]\s+)?`?)(LOCK|UNLOCK)`?:?[ \t]+/;
const BULLET = /^(\s*)([-*+]|\d{1,3}[.)])\s+/;
// What a template writes where a path goes.
const TEMPLATE_AGENT = /^(agents?|name|holder|owner|who|user)$/i;
const TEMPLATE_PATH =
  /^(path|paths|file|files|path\/to\/[\w.*/-]*|dir\/?|directory\/?|folder\/?|glob|pattern|resource)$/i;

export function lockLine(sec: SectionScan, i: number, raw: string, unlock: boolean, argsAt: number): void {
  const { ctx, active } = sec;
  const args = lockArgs(raw, argsAt);
  const pathArg = args[0];
  const agentArg = args[1];
  if (!pathArg) {
    if (active) problem(ctx, i, 'LOCK line without a path; write `LOCK [path] [agent] [timestamp]`');
    return;
  }
  const list = splitPathList(raw.slice(pathArg.start, pathArg.end));
  const agent = agentArg ? readHolder(agentArg.text) : null;
  // `LOCK [path] [agent] [timestamp]` itself: the format, not a lock.
  if (TEMPLATE_PATH.test(pathArg.text.trim()) && (!agent || TEMPLATE_AGENT.test(agent))) return;
  if (unlock) {
    // An append-only lock journal: UNLOCK releases the LOCK lines before it.
    const paths = new Set(list.segments.map((s) => s.path).filter((p) => p !== null));
    for (let k = ctx.locks.length - 1; k >= 0; k--) {
      const l = ctx.locks[k];
      if (l.record.kind !== 'line' || !paths.has(l.lock.path)) continue;
      if (agent && l.lock.agent.toLowerCase() !== agent.toLowerCase()) continue;
      ctx.locks.splice(k, 1);
    }
    return;
  }
  // Outside a lock section only a complete LOCK line (a lock journal) counts.
  if (!agent && !active) return;
  if (!list.segments.some((s) => s.path !== null || s.invalid)) {
    if (active) problem(ctx, i, 'LOCK line without a path; write `LOCK [path] [agent] [timestamp]`');
    return;
  }
  const rest = args.slice(2);
  const fields = parseFields(rest.map((a) => a.text).join(rest.some((a) => a.bracket) ? ' | ' : ' '), {
    agentKnown: true,
  });
  if (fields.status === 'inactive') return;
  const why =
    agentArg && !isPlaceholder(agentArg.text)
      ? `${JSON.stringify(agentArg.text)} is not an agent name`
      : 'this LOCK line names no agent (write `LOCK [path] [agent] [timestamp]`)';
  const region: ListRegion = { line: i, start: pathArg.start, end: pathArg.end, list, itemLine: false };
  emit(ctx, { kind: 'line', start: i, end: i, regions: [region] }, region, fields, agent, why);
}

export function freeLine(sec: SectionScan, i: number, raw: string): void {
  const { ctx } = sec;
  const bullet = BULLET.exec(raw);
  let pos = bullet ? bullet[0].length : /^\s*/.exec(raw)![0].length;
  let status: StatusClass = 'empty';
  const box = /^\[([ xX])\]\s+/.exec(raw.slice(pos));
  if (box) {
    if (box[1] !== ' ') status = 'inactive';
    pos += box[0].length;
  }
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: the class matches emoji and their joiners one code point at a time, on purpose
  const emoji = /^[\p{Extended_Pictographic}\uFE0F\u200D]+\s*/u.exec(raw.slice(pos));
  if (emoji) {
    const st = classifyStatus(emoji[0]);
    if (st !== 'unknown' && st !== 'empty' && status !== 'inactive') status = st;
    pos += emoji[0].length;
  }
  const content = raw.slice(pos);
  if (isPlaceholder(content)) return;
  const line = (start: number, end: number, text: string, fields: LockFields, agent: string | null, why: string) => {
    if (status === 'inactive' || fields.status === 'inactive') return;
    const region: ListRegion = { line: i, start, end, list: splitPathList(text), itemLine: false };
    emit(ctx, { kind: 'line', start: i, end: i, regions: [region] }, region, fields, agent, why);
  };

  // `path/` - Agent Name - 2026-01-18 - task
  const group = pathGroup(content);
  if (group) {
    const paths = content.slice(0, group.end);
    const fields = parseFields(content.slice(group.end));
    const own = fields.agent ? readHolder(fields.agent) : null;
    // A name of its own wins: a `Locked by:` line added to the section never takes over a
    // lock that names its holder. Without one, the section's holder holds it, and the
    // words after the path describe it.
    const held = sec.sectionHolder;
    if (!own && held)
      return line(
        pos,
        pos + group.end,
        paths,
        { ...held.fields, ...parseFields(content.slice(group.end), { agentKnown: true }) },
        held.agent,
        '',
      );
    const agent = own ?? (fields.agent ? null : (sec.headingHolder ?? null));
    const why = fields.agent
      ? `${JSON.stringify(fields.agent)} is not an agent name`
      : 'this lock line names no agent (write it as `- `path` - agent - date - task`)';
    return line(pos, pos + group.end, paths, fields, agent, why);
  }

  // agent -> path, path
  const arrow = /\s*(->|→|=>|⟶)\s*/.exec(content);
  if (arrow && arrow.index > 0) {
    const agent = readHolder(content.slice(0, arrow.index), { lead: true });
    const rightAt = arrow.index + arrow[0].length;
    const right = content.slice(rightAt);
    const g = agent && !isPathLike(agent) ? pathGroup(right) : null;
    if (g)
      return line(
        pos + rightAt,
        pos + rightAt + g.end,
        right.slice(0, g.end),
        parseFields(right.slice(g.end), { agentKnown: true }),
        agent,
        '',
      );
  }

  // agent: path, path — and agent-first bullets: @agent - `path` - task
  const lead =
    /^(@?[\p{L}\p{N}][\p{L}\p{N}._-]*|\*\*[^*]{1,60}\*\*|__[^_]{1,60}__|`[^`]{1,60}`)(\s*:\s+|\s+[-–—|·]\s+|\s+(?=`)|(?<=:\*\*|:__)\s+)/u.exec(
      content,
    );
  if (lead) {
    const agent = readHolder(lead[1], { lead: true });
    const right = content.slice(lead[0].length);
    const g = agent && !isPathLike(agent) ? pathGroup(right) : null;
    if (g) {
      const start = pos + lead[0].length;
      return line(
        start,
        start + g.end,
        right.slice(0, g.end),
        parseFields(right.slice(g.end), { agentKnown: true }),
        agent,
        '',
      );
    }
  }

  // Anything else is prose unless it names a path and does not read like a sentence.
  if (status === 'inactive' || !sec.active || !mentionsPath(content)) return;
  const words = content.trim().split(/\s+/).length;
  if (words > 14 || (words >= 4 && /[.!?:]$/.test(content.trim()))) return;
  problem(ctx, i, 'could not read this line as a lock; ' + ROW_HINT);
}

/** The path group a bullet or line starts with: backticked paths, a bold or linked path, or bare path tokens. */
export function pathGroup(s: string): { end: number } | null {
  if (s.startsWith('`')) {
    const firstClose = s.indexOf('`', 1);
    if (firstClose < 0 || !isPathLike(s.slice(1, firstClose), true)) return null;
    let end = firstClose + 1;
    for (;;) {
      const m = /^\s*(?:,|;|\band\b|&|\+|<br\s*\/?>)?\s*`/i.exec(s.slice(end, end + 40));
      if (!m) break;
      const close = s.indexOf('`', end + m[0].length);
      if (close < 0) break;
      end = close + 1;
    }
    return { end };
  }
  if (s.startsWith('**') || s.startsWith('__')) {
    const close = s.indexOf(s.slice(0, 2), 2);
    if (close > 2 && isPathLike(s.slice(2, close))) return { end: close + 2 };
    return null;
  }
  if (s.startsWith('[')) {
    const link = /^\[([^\]]{1,300})\]\([^)\s]*\)/.exec(s);
    if (link) return isPathLike(link[1]) ? { end: link[0].length } : null;
  }
  const tok = /^[^\s,;]+/.exec(s);
  if (!tok || !isPathLike(tok[0])) return null;
  let end = tok[0].length;
  for (;;) {
    const m = /^\s*[,;]\s*([^\s,;]+)/.exec(s.slice(end, end + 400));
    if (!m || !isPathLike(m[1])) break;
    end += m[0].length;
  }
  // "Node.js agents will…" is a sentence; "src/api/ claude" and "app.ts - claude" are locks.
  const after = s.slice(end);
  if (after.trim() && !isStrongPath(tok[0]) && !/^\s*([-–—|:(→]|->|=>|by\b|locked\b|until\b|since\b|@)/i.test(after))
    return null;
  return { end };
}

function mentionsPath(s: string): boolean {
  for (const m of s.matchAll(/`([^`]{1,300})`/g)) if (isPathLike(m[1], true)) return true;
  return s.split(/\s+/).some((w) => isStrongPath(w.replace(/^[(["']+|[)\]"',.;:]+$/g, '')));
}

/** Arguments of a LOCK line: `[bracketed]` (brackets may nest: `[app/[id]/page.tsx]`), `backticked` or bare words. */
function lockArgs(raw: string, from: number): Array<{ start: number; end: number; text: string; bracket: boolean }> {
  const args: Array<{ start: number; end: number; text: string; bracket: boolean }> = [];
  let i = from;
  while (i < raw.length && args.length < 12) {
    while (i < raw.length && /\s/.test(raw[i])) i++;
    if (i >= raw.length) break;
    if (raw[i] === '[') {
      const close = matchingBracket(raw, i);
      if (close > i) {
        args.push({ start: i + 1, end: close, text: raw.slice(i + 1, close), bracket: true });
        i = close + 1;
        continue;
      }
    }
    if (raw[i] === '`') {
      const close = raw.indexOf('`', i + 1);
      if (close > i) {
        args.push({ start: i, end: close + 1, text: raw.slice(i + 1, close), bracket: true });
        i = close + 1;
        continue;
      }
    }
    let j = i;
    while (j < raw.length && !/\s/.test(raw[j])) j++;
    args.push({ start: i, end: j, text: raw.slice(i, j), bracket: false });
    i = j;
  }
  return args;
}

export function matchingBracket(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '[') depth++;
    else if (s[i] === ']' && --depth === 0) return i;
  }
  return -1;
}
