// ORCH_DEBUG=git prints every git command orch runs — its arguments, duration and exit
// code — to stderr. Checked against git itself: a `git` first on PATH logs each time orch
// starts it, and the two lists must be the same.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { cleanupAll, tempRepo, type TempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

const SEP = '\x1f';

/**
 * Puts a logging git where hooks find git. git puts its exec-path first on a hook's PATH,
 * so the logging git goes into a copy of that directory (links to the real programs), and
 * GIT_EXEC_PATH names the copy.
 */
function loggingGit(repo: TempRepo): { env: NodeJS.ProcessEnv; log: string } {
  const realGit = spawnSync('sh', ['-c', 'command -v git'], { encoding: 'utf8', env: repo.env }).stdout.trim();
  const execPath = repo.ok(['--exec-path']).trim();
  const dir = path.join(path.dirname(repo.dir), 'git-core');
  const log = path.join(path.dirname(repo.dir), 'git-calls.log');
  fs.mkdirSync(dir);
  for (const f of fs.readdirSync(execPath)) if (f !== 'git') fs.symlinkSync(path.join(execPath, f), path.join(dir, f));
  // only git processes orch started count: the hook shims run a few of their own. orch runs
  // git processes at once: each writes its line with one write, so lines never interleave.
  fs.writeFileSync(
    path.join(dir, 'git'),
    `#!/bin/sh
case $(ps -o args= -p $PPID 2>/dev/null) in
  *bin/orch*) line=; for a in "$@"; do line="$line$a${SEP}"; done; printf '%s\\n' "$line" >> '${log}' ;;
esac
exec '${realGit}' "$@"
`,
    { mode: 0o755 },
  );
  return { env: { GIT_EXEC_PATH: dir }, log };
}

/** Reads back one sh word list as the trace prints it: plain words and '…' runs ('\\'' for a quote). */
function unquote(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === "'") {
      const end = line.indexOf("'", i + 1);
      word += line.slice(i + 1, end);
      i = end;
      inWord = true;
    } else if (ch === '\\') {
      word += line[++i];
      inWord = true;
    } else if (ch === ' ') {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += ch;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}

function traced(stderr: string): string[] {
  const calls: string[] = [];
  for (const line of stderr.split('\n')) {
    const m = /^orch: git (.*) {2}\((\d+\.\d) ms, exit (\d+); in (.+)\)$/.exec(line);
    if (m) calls.push(JSON.stringify(unquote(m[1])));
  }
  return calls.sort();
}

function logged(log: string): string[] {
  const text = fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '';
  fs.rmSync(log, { force: true });
  return text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.stringify(l.split(SEP).slice(0, -1)))
    .sort();
}

it('ORCH_DEBUG=git: a commit shows every git command orch ran, synchronous ones too, with its duration and exit code', () => {
  const repo = tempRepo();
  const { env, log } = loggingGit(repo);
  const agent = { ORCH_AGENT: 'backend-architect' };
  // a route whose name looks like a glob: whether it is a file of HEAD is asked synchronously
  // (committedPathSync) while the commit's locks are matched, and must be traced too
  repo.write('app/[id]/page.tsx', 'export default 1;\n');
  repo.ok(['add', 'app']);
  repo.ok(['commit', '-q', '-m', 'a route']);
  expect(repo.orch(['lock', 'app/[id]/page.tsx', '--task', 'T-2'], { env: { ORCH_AGENT: 'frontend' } }).code).toBe(0);
  expect(repo.orch(['lock', 'src/app.js', '--task', 'T-1'], { env: agent }).code).toBe(0);
  repo.write('src/app.js', "console.log('it''s');\n");
  repo.write('docs/my notes.md', 'notes\n');
  repo.ok(['add', '-A']);
  fs.rmSync(log, { force: true });

  const r = repo.commit('backend writes the app', { env: { ...agent, ...env, ORCH_DEBUG: 'git' } });
  expect(r.code, r.out).toBe(0);
  const seen = traced(r.stderr);
  expect(seen.length).toBeGreaterThan(0);
  expect(seen).toEqual(logged(log));
  expect(seen).toContain(JSON.stringify(['cat-file', '-e', 'HEAD:app/[id]/page.tsx']));
  // each line says how long git took and how it ended
  expect(r.stderr).toMatch(/^orch: git \S+.* {2}\(\d+\.\d ms, exit 0; in \//m);

  // a refused commit too, and the synchronous read of the staged status file (it is
  // missing from the working tree here)
  repo.write('src/app.js', 'changed\n');
  repo.ok(['add', 'src/app.js']);
  fs.rmSync(path.join(repo.dir, 'WORK_STATUS.md'));
  const refused = repo.commit('frontend edits the app', { env: { ORCH_AGENT: 'frontend', ...env, ORCH_DEBUG: 'git' } });
  expect(refused.code).not.toBe(0);
  expect(refused.stderr).toContain('src/app.js is locked by backend-architect');
  const again = traced(refused.stderr);
  expect(again).toContain(JSON.stringify(['cat-file', 'blob', ':WORK_STATUS.md']));
  expect(again).toEqual(logged(log));

  // ORCH_DEBUG=1, which error messages ask for, shows the git commands too
  const one = repo.orch(['status'], { env: { ORCH_DEBUG: '1' } });
  expect(one.code, one.out).toBe(0);
  expect(one.stderr).toMatch(/^orch: git config -z --list {2}\(\d+\.\d ms, exit 0; in /m);

  // without ORCH_DEBUG, nothing of the kind
  repo.ok(['checkout', '--', 'WORK_STATUS.md']);
  const quiet = repo.commit('frontend edits the app', { env: { ORCH_AGENT: 'frontend', ...env } });
  expect(quiet.code).not.toBe(0);
  expect(quiet.stderr).not.toMatch(/^orch: git /m);
});
