// What `git push --porcelain` of one ref says happened. A fast-forward-only push is the
// lock branch's compare-and-swap: "rejected" (the remote moved on) and a lost race for
// the remote's ref lock both mean "read again and retry"; a hook that declined means the
// server refused this content, and an unreachable remote means nothing was sent.

export type PushOutcome =
  | { state: 'pushed' }
  | { state: 'stale'; reason: string }
  | { state: 'declined'; reason: string }
  | { state: 'unreachable'; reason: string };

export function parsePushPorcelain(stdout: string, stderr: string, code: number): PushOutcome {
  const line = stdout.split('\n').find((l) => /^[ +\-*=!]\t/.test(l));
  if (line) {
    const [flag, , summary = ''] = line.split('\t');
    if (flag !== '!') return { state: 'pushed' };
    const reason = summary.replace(/^\[(remote )?rejected\]\s*/, '').replace(/^\((.*)\)$/, '$1') || summary;
    if (/^\[rejected\]/.test(summary)) return { state: 'stale', reason };
    if (/hook declined/i.test(summary)) return { state: 'declined', reason: remoteLines(stderr) || reason };
    // the server lost a race for its own ref lock, or the old value moved under it
    if (/lock|failed to update ref|incorrect old value|expected|stale info/i.test(summary))
      return { state: 'stale', reason };
    return { state: 'declined', reason: remoteLines(stderr) || reason };
  }
  if (code === 0) return { state: 'pushed' };
  const reason = stderr
    .split('\n')
    .map((l) => l.trim())
    .filter(
      (l) =>
        l &&
        !/^hint:/i.test(l) &&
        !/^please make sure you have the correct access rights/i.test(l) &&
        !/^and the repository exists\.?$/i.test(l),
    )
    .map((l) => l.replace(/^(fatal|error):\s*/i, ''))
    .join('; ');
  return { state: 'unreachable', reason: reason || `git push exited with ${code}` };
}

/** The server's own words ("remote: …" lines), which say why a hook refused. */
function remoteLines(stderr: string): string {
  return stderr
    .split('\n')
    .filter((l) => l.startsWith('remote: '))
    .map((l) => l.slice('remote: '.length).trimEnd())
    .filter((l) => l.trim())
    .join('\n');
}
