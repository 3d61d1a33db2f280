// The trailers of a commit message, found the way git finds them (trailer.c), so that
// `Agent:` and `Orch-Skip:` mean in a range what `git interpret-trailers --parse` says
// they mean. Commit messages carry no patch, so a `---` line does not end the message
// (git's own %(trailers) reads commit messages the same way).

const GIT_GENERATED = ['Signed-off-by: ', '(cherry picked from commit '];

/**
 * Trailer keys lower-cased, values in order of appearance, continuation lines unfolded
 * into one value. The first paragraph (the subject) never holds trailers; the trailer
 * block is the last paragraph when every line of it is a trailer, or when at least a
 * quarter of it is and one line is git-generated (Signed-off-by, cherry-pick notes).
 */
export function parseTrailers(message: string): Record<string, string[]> {
  const lines = message.replace(/\r\n?/g, '\n').split('\n');
  const block = trailerBlock(lines);
  const out: Record<string, string[]> = {};
  let last: { key: string; index: number } | undefined;
  for (const line of block) {
    if (line.startsWith('#')) {
      last = undefined;
      continue;
    }
    if (/^\s/.test(line)) {
      // a continuation line: unfolded into the trailer above it
      if (last && line.trim()) out[last.key][last.index] = `${out[last.key][last.index]} ${line.trim()}`.trim();
      continue;
    }
    const sep = separatorAt(line);
    if (sep < 1) {
      last = undefined;
      continue;
    }
    const key = line.slice(0, sep).trim().toLowerCase();
    const value = line.slice(sep + 1).trim();
    (out[key] ??= []).push(value);
    last = { key, index: out[key].length - 1 };
  }
  return out;
}

/** Where `token:` ends in a line: git's find_separator (alphanumerics and '-', then optional blanks). */
function separatorAt(line: string): number {
  let whitespace = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === ':') return i;
    if (!whitespace && /[A-Za-z0-9-]/.test(c)) continue;
    if (i > 0 && (c === ' ' || c === '\t')) {
      whitespace = true;
      continue;
    }
    break;
  }
  return -1;
}

const blank = (l: string) => l.trim() === '';

function trailerBlock(all: string[]): string[] {
  // trailing blank and comment lines are not part of the message
  let end = all.length;
  while (end > 0 && (blank(all[end - 1]) || all[end - 1].startsWith('#'))) end--;
  const lines = all.slice(0, end);

  let endOfTitle = 0;
  while (endOfTitle < lines.length && (lines[endOfTitle].startsWith('#') || !blank(lines[endOfTitle]))) endOfTitle++;

  let trailers = 0;
  let others = 0;
  let maybeContinuation = 0;
  let recognized = false;
  let onlySpaces = true;
  for (let i = lines.length - 1; i >= endOfTitle; i--) {
    const line = lines[i];
    if (line.startsWith('#')) {
      others += maybeContinuation;
      maybeContinuation = 0;
      continue;
    }
    if (blank(line)) {
      if (onlySpaces) continue;
      others += maybeContinuation;
      if ((recognized && trailers * 3 >= others) || (trailers > 0 && others === 0)) return lines.slice(i + 1);
      return [];
    }
    onlySpaces = false;
    if (GIT_GENERATED.some((p) => line.startsWith(p))) {
      trailers++;
      maybeContinuation = 0;
      recognized = true;
      continue;
    }
    if (separatorAt(line) >= 1 && !/^\s/.test(line)) {
      trailers++;
      maybeContinuation = 0;
    } else if (/^\s/.test(line)) {
      maybeContinuation++;
    } else {
      others += 1 + maybeContinuation;
      maybeContinuation = 0;
    }
  }
  return [];
}
