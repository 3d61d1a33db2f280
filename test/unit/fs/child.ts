// Entry point of the child processes that fs tests spawn (bundled by buildChild.ts).
// Usage: node child.mjs <command> ...args; prints one JSON line per outcome.
import { closeSync, openSync, readFileSync, unlinkSync } from 'node:fs';
import { loadConfig } from '../../../src/config/loadConfig.js';
import { atomicWrite, atomicWriteSync } from '../../../src/fs/atomicWrite.js';
import { withFileLock } from '../../../src/fs/withFileLock.js';
import { isOrchError } from '../../../src/errors.js';

const [command, ...args] = process.argv.slice(2);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const say = (v: unknown) => process.stdout.write(`${JSON.stringify(v)}\n`);

async function main(): Promise<void> {
  switch (command) {
    case 'append': {
      // Append a line under the lock; `inside` detects two holders at once.
      const [lock, file, line, inside, startAt] = args;
      // All children start at one moment, so they race for the lock for real.
      if (startAt) await sleep(Number(startAt) - Date.now());
      await withFileLock(lock, async () => {
        try {
          closeSync(openSync(inside, 'wx'));
        } catch {
          say({ violation: true });
          process.exit(3);
        }
        let text = '';
        try {
          text = readFileSync(file, 'utf8');
        } catch {
          // first writer
        }
        await sleep(2 + Math.random() * 5);
        await atomicWrite(file, `${text}${line}\n`);
        unlinkSync(inside);
      });
      say({ ok: true });
      return;
    }
    case 'hold': {
      const [lock, ms, staleMs] = args;
      await withFileLock(
        lock,
        async () => {
          say({ held: true, pid: process.pid });
          await sleep(Number(ms));
        },
        staleMs ? { staleMs: Number(staleMs) } : {},
      );
      say({ released: true });
      return;
    }
    case 'write': {
      const [file, text, sync] = args;
      try {
        if (sync === 'sync') atomicWriteSync(file, text);
        else await atomicWrite(file, text);
        say({ ok: true });
      } catch (e) {
        say({
          orch: isOrchError(e),
          message: (e as Error).message,
          hint: isOrchError(e) ? e.hint : undefined,
          exitCode: isOrchError(e) ? e.exitCode : undefined,
        });
      }
      return;
    }
    case 'load-config': {
      try {
        const { filepath } = await loadConfig(args[0]);
        say({ ok: true, filepath });
      } catch (e) {
        say({ orch: isOrchError(e), message: (e as Error).message, hint: isOrchError(e) ? e.hint : undefined });
      }
      return;
    }
    case 'write-loop': {
      // Alternate two large, self-identifying contents until killed.
      const [file, a, b] = [args[0], readFileSync(args[1], 'utf8'), readFileSync(args[2], 'utf8')];
      for (let i = 0; ; i++) {
        atomicWriteSync(file, i % 2 === 0 ? b : a);
        if (i === 0) say({ started: true });
        if (i % 4 === 3) await sleep(0);
      }
    }
    default:
      throw new Error(`unknown command ${command}`);
  }
}

await main();
