// The process entry: everything else is a library that returns an exit code.
import { processIO } from './io.js';
import { main } from './main.js';

main(process.argv.slice(2), processIO()).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    // main() catches everything; this is the last line of defence against a stack trace
    process.stderr.write(`orch: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  },
);
