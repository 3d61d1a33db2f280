// Loaded with `node --import` by bench/profile.mjs: registers a loader hook that writes
// every module URL this process loads, with the time, to $ORCH_BENCH_TRACE; and notes
// every child process (git) the process starts, with its arguments and duration.
import { createRequire, register, syncBuiltinESMExports } from 'node:module';
import fs from 'node:fs';

const trace = process.env.ORCH_BENCH_TRACE;
const nowUs = () => Number(process.hrtime.bigint() / 1000n);
const note = (o) => fs.appendFileSync(trace, JSON.stringify(o) + '\n');
note({ origin: true, us: nowUs() - performance.now() * 1000 });
register(new URL('./trace-hooks.mjs', import.meta.url));

const cp = createRequire(import.meta.url)('node:child_process');
const { spawn, spawnSync, execFile, execFileSync } = cp;
cp.spawn = function (cmd, args, ...rest) {
  const t0 = nowUs();
  const child = spawn.call(this, cmd, args, ...rest);
  child.on('close', (code) =>
    note({ spawn: [cmd, ...(Array.isArray(args) ? args : [])], us: t0, ms: (nowUs() - t0) / 1000, code }),
  );
  return child;
};
cp.spawnSync = function (cmd, args, ...rest) {
  const t0 = nowUs();
  const r = spawnSync.call(this, cmd, args, ...rest);
  note({
    spawn: [cmd, ...(Array.isArray(args) ? args : [])],
    us: t0,
    ms: (nowUs() - t0) / 1000,
    code: r.status,
    sync: true,
  });
  return r;
};
cp.execFile = function (cmd, args, ...rest) {
  const t0 = nowUs();
  const child = execFile.call(this, cmd, args, ...rest);
  child.on('close', (code) =>
    note({ spawn: [cmd, ...(Array.isArray(args) ? args : [])], us: t0, ms: (nowUs() - t0) / 1000, code }),
  );
  return child;
};
cp.execFileSync = function (cmd, args, ...rest) {
  const t0 = nowUs();
  try {
    return execFileSync.call(this, cmd, args, ...rest);
  } finally {
    note({ spawn: [cmd, ...(Array.isArray(args) ? args : [])], us: t0, ms: (nowUs() - t0) / 1000, sync: true });
  }
};
syncBuiltinESMExports();
