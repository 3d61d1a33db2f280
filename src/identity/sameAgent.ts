// How agent names compare: a leading @ and surrounding space do not count, nor does case
// (a name written in a status row by hand is the same agent as the one in ORCH_AGENT).
export function normaliseName(name: string): string {
  return name.trim().replace(/^@+/, '').trim();
}

/**
 * The holder of a lock whose line names no readable agent (README: WORK_STATUS.md). Such a
 * lock binds every agent, whatever name it gives, until the line is fixed.
 */
export const UNKNOWN_HOLDER = '(unknown holder)';

export function sameAgent(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  if (a === UNKNOWN_HOLDER || b === UNKNOWN_HOLDER) return false;
  return normaliseName(a).toLowerCase() === normaliseName(b).toLowerCase();
}
