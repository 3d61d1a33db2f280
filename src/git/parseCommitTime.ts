// The committer time of a raw commit object ("committer Name <email> 1764147600 +0100").

export function parseCommitTime(body: string): Date | null {
  const header = body.slice(0, body.indexOf('\n\n') === -1 ? body.length : body.indexOf('\n\n'));
  const m = /^committer .* (\d+) [+-]\d{4}$/m.exec(header);
  return m ? new Date(Number(m[1]) * 1000) : null;
}
