// Loaded with `node --import` in front of orch by bench/profile.mjs: records when this
// process started on the monotonic clock the CPU profile uses, and Node.js's own
// milestones, so the profile's samples can be placed in time from process start.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const hrUs = Number(process.hrtime.bigint() / 1000n);
const preloadMs = performance.now();

// orch's entry calls main(process.argv.slice(2), processIO()), and processIO() is the first
// code to touch process.stdout (a lazy getter): its first use marks the call of main()
let mainMs = null;
const stdout = Object.getOwnPropertyDescriptor(process, 'stdout');
if (stdout?.get && stdout.configurable) {
  Object.defineProperty(process, 'stdout', {
    configurable: true,
    enumerable: stdout.enumerable,
    get() {
      if (mainMs === null) mainMs = performance.now();
      return stdout.get.call(this);
    },
  });
}
process.on('exit', () => {
  const t = performance.nodeTiming;
  const out = {
    pid: process.pid,
    argv: process.argv.slice(2),
    originUs: hrUs - preloadMs * 1000,
    preloadMs,
    exitMs: performance.now(),
    mainMs,
    nodeStart: t.nodeStart,
    v8Start: t.v8Start,
    environment: t.environment,
    bootstrapComplete: t.bootstrapComplete,
  };
  fs.writeFileSync(path.join(process.env.ORCH_BENCH_PROF_DIR, `timing-${process.pid}.json`), JSON.stringify(out));
});
