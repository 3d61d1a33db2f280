// The loader hook of trace-loads.mjs (runs on Node.js's loader thread).
import fs from 'node:fs';

export async function load(url, context, nextLoad) {
  const t0 = process.hrtime.bigint();
  const result = await nextLoad(url, context);
  const size = typeof result.source === 'string' ? Buffer.byteLength(result.source) : (result.source?.byteLength ?? 0);
  fs.appendFileSync(process.env.ORCH_BENCH_TRACE, JSON.stringify({ url, us: Number(t0 / 1000n), size }) + '\n');
  return result;
}
