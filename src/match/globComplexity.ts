// picomatch compiles a glob to a backtracking regular expression. Wildcards that can match
// the same characters one after another (`*a*a*a*b`, `**a**a**`, `{a,aa}` repeated) make a
// failed match cost about L^W / W! steps for a path of L characters and W wildcards: seconds
// or hours on a long path. Lock globs come from WORK_STATUS.md, which anyone can edit, and
// paths from commits, which anyone can make. So taking a lock on a glob past these limits is
// refused, and a glob is only handed to picomatch for a path short enough to match it quickly.

export const GLOB_LIMITS = {
  length: 512,
  /** `*` runs (`**` too), `*(…)`, `+(…)` and `!(…)` groups. */
  wildcards: 3,
  /** Product of the number of alternatives of every brace group. */
  alternatives: 64,
  braceDepth: 2,
  /** Steps (L^W / W!) a match may cost before the caller must fall back to a cheaper test. */
  steps: 2_000_000,
} as const;

export interface GlobComplexity {
  wildcards: number;
  /** Why the glob may not be taken as a lock, or null. */
  problem: string | null;
  /** Whether matching a path of `length` characters costs a bounded number of steps. */
  affordable(length: number): boolean;
}

export function globComplexity(pattern: string): GlobComplexity {
  let wildcards = 0;
  let alternatives = 1;
  let depth = 0;
  let maxDepth = 0;
  const commas: number[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      i++;
    } else if (c === '[') {
      // one character, whatever the class says: skip to its end
      const end = pattern.indexOf(']', i + 2);
      if (end > 0) i = end;
    } else if (c === '*') {
      // a run of stars is one wildcard; a star right before `(` also repeats a group
      let run = 1;
      while (pattern[i + 1] === '*') {
        i++;
        run++;
      }
      wildcards += run > 1 && pattern[i + 1] === '(' ? 2 : 1;
    } else if ((c === '+' || c === '!') && pattern[i + 1] === '(') {
      // `+(x)` repeats; `!(x)` compiles to a negated `*`
      wildcards++;
    } else if (c === '{') {
      depth++;
      maxDepth = Math.max(maxDepth, depth);
      commas.push(0);
    } else if (c === ',' && depth > 0) {
      commas[commas.length - 1]++;
    } else if (c === '}' && depth > 0) {
      depth--;
      const n = commas.pop()!;
      // `{1..20}` is a range: a handful of alternatives once compiled
      alternatives *= n > 0 ? n + 1 : 4;
    }
  }
  const steps = (length: number) => {
    let s = 1;
    for (let k = 0; k < wildcards; k++) s = (s * (length + 1)) / (k + 1);
    return s * Math.min(alternatives, GLOB_LIMITS.alternatives);
  };
  let problem: string | null = null;
  if (pattern.length > GLOB_LIMITS.length)
    problem = `it is ${pattern.length} characters long (at most ${GLOB_LIMITS.length})`;
  else if (wildcards > GLOB_LIMITS.wildcards)
    problem = `it has ${wildcards} wildcards (at most ${GLOB_LIMITS.wildcards})`;
  else if (maxDepth > GLOB_LIMITS.braceDepth)
    problem = `its braces nest ${maxDepth} deep (at most ${GLOB_LIMITS.braceDepth})`;
  else if (alternatives > GLOB_LIMITS.alternatives)
    problem = `its brace groups expand to ${alternatives} alternatives (at most ${GLOB_LIMITS.alternatives})`;
  return {
    wildcards,
    problem,
    affordable: (length) => problem === null && steps(length) <= GLOB_LIMITS.steps,
  };
}

/**
 * Why a configured glob (contracts, services, review, required locks) is refused, or null:
 * the limits of lock globs, where a leading globstar segment ("anywhere") is not counted — it only
 * tries each directory of a path as a start, and the globs `orch init` writes use it.
 */
export function configGlobProblem(pattern: string): string | null {
  if (pattern.length > GLOB_LIMITS.length) return globComplexity(pattern).problem;
  return globComplexity(pattern.replace(/^\*\*\//, '')).problem;
}
