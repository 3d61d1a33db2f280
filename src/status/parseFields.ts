import { classifyStatus, type StatusClass } from './classifyStatus.js';
import { isPlaceholder } from './isPlaceholder.js';
import { normalizeAgent } from './normalizeAgent.js';
import { normalizeDate, parseDate } from './normalizeDate.js';

export interface LockFields {
  agent?: string;
  since?: string;
  expires?: string;
  task?: string;
  note?: string;
  status?: StatusClass;
}

// A date inside free text: 2026-01-18, 2025-11-08 12:00, 2026-11-26T09:00:00+02:00, … UTC.
const DATE_IN_TEXT =
  /\d{4}[-/]\d{1,2}[-/]\d{1,2}(?:(?:T| )\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?)?(?:Z|[+-]\d{2}(?::?\d{2})?|\s?(?:UTC|GMT|KST|JST|CEST|CET|EEST|EET|PST|PDT|MST|MDT|EST|EDT|AEST|AEDT)\b)?/;
const TASK = /^(#\d+|[A-Z][A-Z0-9]*-\d+[A-Za-z0-9-]*|T-?\d+|TASK[-_ ]?\d+)$/i;
const STATUS_WORD =
  /^(?:\p{Extended_Pictographic}|\uFE0F|\s)*(locked|in use|claimed|free|available|released|unlocked|done|complete|completed|finished|active|in progress|wip|expired)?(?:\p{Extended_Pictographic}|\uFE0F|\s)*$/iu;

type Slot = 'agent' | 'since' | 'expires' | 'task' | 'note';
const LABELS: Array<[Slot, RegExp]> = [
  ['agent', /^(?:locked by|held by|claimed by|owned by|by)\s*:?\s+(.+)$/i],
  ['agent', /^(?:owner|agent|holder|assignee|who)\s*:\s*(.+)$/i],
  ['expires', /^(?:until|till|expires?(?: at| on)?|expiry|eta|due)\s*(?::\s*|\s+(?=\d))(.+)$/i],
  [
    'since',
    /^(?:since|locked at|locked on|locked|started(?: at| on)?|acquired|claimed at|from|at|on)\s*(?::\s*|\s+(?=\d))(.+)$/i,
  ],
  ['task', /^(?:task|ticket|issue)(?:\s*id)?\s*[:#]\s*(.+)$/i],
  ['task', /^(?:task|ticket|issue)\s+(#?\S*\d\S*)$/i],
  ['note', /^(?:notes?|reason|purpose|why)\s*:\s*(.+)$/i],
];

/**
 * Reads the free-text part of a bullet or line after its path: "Agent Name - 2026-01-18 - task",
 * "(backend-architect, T-12)", "locked by @claude since 2026-01-18 until 2026-01-19 — reason".
 * With `agentKnown`, the first free word goes to the task instead of the agent.
 */
export function parseFields(rest: string, options: { agentKnown?: boolean } = {}): LockFields {
  const out: LockFields = {};
  let agentSet = options.agentKnown === true;
  const put = (slot: Slot, value: string) => {
    const v = value.trim();
    if (!v || isPlaceholder(v)) return;
    if (slot === 'agent') {
      if (agentSet) return put('task', v);
      out.agent = normalizeAgent(v);
      agentSet = true;
    } else if (slot === 'since' || slot === 'expires') {
      if (out[slot] !== undefined) return put(slot === 'since' ? 'expires' : 'note', v);
      out[slot] = normalizeDate(v);
    } else if (slot === 'task') {
      if (out.task !== undefined) return put('note', v);
      out.task = v.replace(/^[`*_]+|[`*_]+$/g, '').trim();
    } else {
      out.note = out.note ? `${out.note}; ${v}` : v;
    }
  };
  const piece = (raw: string, hint?: Slot) => {
    const p = raw
      .trim()
      .replace(/^[,;:]+|[,;:]+$/g, '')
      .trim();
    if (!p || isPlaceholder(p)) return;
    const d = DATE_IN_TEXT.exec(p);
    if (d && (d.index > 0 || d[0].length < p.length)) {
      // Split "claude since 2026-01-18 until 2026-01-19" around its dates.
      let before = p.slice(0, d.index).trim();
      const after = p.slice(d.index + d[0].length);
      let slot: Slot | undefined;
      const lead = /(?:^|\s)(until|till|expires?|expiry|eta|due|through|since|at|on|from|started|locked)\s*:?$/i.exec(
        before,
      );
      if (lead) {
        slot = /^(since|at|on|from|started|locked)$/i.test(lead[1]) ? 'since' : 'expires';
        before = before.slice(0, lead.index).trim();
      }
      if (before) piece(before, hint);
      put(slot ?? (out.since === undefined ? 'since' : 'expires'), d[0]);
      if (after.trim()) piece(after);
      return;
    }
    if (hint) return put(hint, p);
    for (const [slot, re] of LABELS) {
      const m = re.exec(p);
      if (!m) continue;
      return put(slot, m[1]);
    }
    if (parseDate(p)) return put(out.since === undefined ? 'since' : 'expires', p);
    if (p.length <= 40 && STATUS_WORD.test(p) && /[A-Za-z\p{Extended_Pictographic}]/u.test(p)) {
      const st = classifyStatus(p);
      if (st !== 'unknown' && st !== 'empty') {
        out.status = st;
        return;
      }
    }
    if (TASK.test(p)) return put(out.task === undefined ? 'task' : 'note', p);
    if (!agentSet) return put('agent', p);
    return put(out.task === undefined ? 'task' : 'note', p);
  };

  let text = rest.trim().replace(/^(?:[-–—|:,→>=]+\s*)+/, '');
  if (/^\(.*\)$/.test(text)) text = text.slice(1, -1);
  // Field separators: " - ", " — ", " | ", ", ", and parentheses.
  for (const part of text.split(/\s+[-–—|·]\s+|\s*[()]\s*|,\s+|;\s+/)) piece(part);
  return out;
}
