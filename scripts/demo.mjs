// `npm run demo`: the main job in one minute. Makes a throw-away repository, installs
// orch's hooks, lets one agent lock a file, shows another agent's commit being blocked
// and the holder's commit going through.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const orch = path.resolve(import.meta.dirname, '../bin/orch.js');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'orch-demo-'));
const bin = path.join(dir, '.bin');
fs.mkdirSync(bin);
fs.symlinkSync(orch, path.join(bin, 'orch'));
const env = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !k.startsWith('GIT_') && !k.startsWith('ORCH_')),
);
env.PATH = `${bin}${path.delimiter}${process.env.PATH}`;
const repo = path.join(dir, 'shop');
fs.mkdirSync(repo);

function step(title) {
  process.stdout.write(`\n\x1b[1m▸ ${title}\x1b[22m\n`);
}
function sh(cmd, args, extraEnv = {}, show = true) {
  const shown = cmd === process.execPath ? ['orch', ...args.slice(1)] : [cmd, ...args];
  const label =
    Object.entries(extraEnv)
      .map(([k, v]) => `${k}=${v} `)
      .join('') + shown.map((a) => (/\s/.test(a) ? JSON.stringify(a) : a)).join(' ');
  if (show) process.stdout.write(`$ ${label}\n`);
  const r = spawnSync(cmd, args, { cwd: repo, env: { ...env, ...extraEnv }, encoding: 'utf8' });
  const out = (r.stdout + r.stderr).trimEnd();
  if (show && out) process.stdout.write(out.replace(/^/gm, '  ') + '\n');
  if (show) process.stdout.write(`  (exit ${r.status})\n`);
  return r.status;
}
const git = (args, e, show) => sh('git', args, e, show);
const run = (args, e) => sh(process.execPath, [orch, ...args], e);

step('A repository with orch installed');
git(['init', '-q', '-b', 'main'], {}, false);
git(['config', 'user.name', 'Demo'], {}, false);
git(['config', 'user.email', 'demo@example.test'], {}, false);
git(['config', 'commit.gpgsign', 'false'], {}, false);
run(['init']);
// a person commits the set-up: agents may not change orch's own configuration
git(['add', '.orchrc.json', 'WORK_STATUS.md', '.gitattributes'], {}, false);
git(['commit', '-q', '-m', 'Set up orch'], {}, false);

step('backend-architect locks the API contract before editing it, and commits it');
run(['lock', 'api/openapi.yaml', '--task', 'T-12', '--ttl', '8h', '--note', 'v2 orders endpoints'], {
  ORCH_AGENT: 'backend-architect',
});
fs.mkdirSync(path.join(repo, 'api'));
fs.writeFileSync(
  path.join(repo, 'api/openapi.yaml'),
  'openapi: 3.1.0\ninfo: { title: shop, version: "1" }\npaths: {}\n',
);
git(['add', 'api/openapi.yaml', 'WORK_STATUS.md'], {}, false);
git(['commit', '-q', '-m', 'Add the orders API contract'], { ORCH_AGENT: 'backend-architect' });
run(['status'], { ORCH_AGENT: 'backend-architect' });

step('frontend-specialist edits the locked file and tries to commit: blocked');
fs.appendFileSync(path.join(repo, 'api/openapi.yaml'), 'components: {}\n');
git(['add', 'api/openapi.yaml'], {}, false);
const blocked = git(['commit', '-m', 'Add a field to the API'], { ORCH_AGENT: 'frontend-specialist' });

step('backend-architect, who holds the lock, commits the same change: allowed');
const allowed = git(['commit', '-q', '-m', 'Add orders endpoints'], { ORCH_AGENT: 'backend-architect' });
git(['log', '--format=%h %s%n    %(trailers:key=Agent,valueonly,separator=%x2C )'], {});

fs.rmSync(dir, { recursive: true, force: true });
const ok = blocked === 1 && allowed === 0;
process.stdout.write(
  ok
    ? "\nDemo finished: the foreign commit was blocked (exit 1) and the holder's went through.\n"
    : '\nDemo did not behave as expected.\n',
);
process.exitCode = ok ? 0 : 1;
