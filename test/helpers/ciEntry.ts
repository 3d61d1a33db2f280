// Runs `orch ci` from the sources, for range tests written before the command is wired
// into the CLI's command table; the same IO and exit-code path as bin/orch.js.
import { run } from '../../src/cli/ciCommand.js';
import { processIO } from '../../src/cli/io.js';
import { reportError } from '../../src/cli/main.js';

const io = processIO();
run(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.exitCode = reportError(e, io);
  },
);
