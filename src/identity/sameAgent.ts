// How agent names compare: a leading @ and surrounding space do not count, nor does case
// (a name written in a status row by hand is the same agent as the one in ORCH_AGENT).
export function normaliseName(name: string): string {
  return name.trim().replace(/^@+/, '').trim();
}

export function sameAgent(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  return normaliseName(a).toLowerCase() === normaliseName(b).toLowerCase();
}
