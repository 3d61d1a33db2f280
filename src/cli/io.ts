// What a command may touch of the outside world, passed in so the library can be driven
// without a process (and tested that way).
export interface IO {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  /** Reads all of standard input (hooks that git feeds, guard payloads). */
  readStdin(): Promise<string>;
}

export function processIO(): IO {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    readStdin: () =>
      new Promise((resolve, reject) => {
        // already read by the edit hooks' own entry (bin/orch.js), which then handed over
        const early = (globalThis as { __orchStdin?: string }).__orchStdin;
        if (early !== undefined) return resolve(early);
        if (process.stdin.isTTY) return resolve('');
        const chunks: Buffer[] = [];
        process.stdin.on('data', (c: Buffer) => chunks.push(c));
        process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        process.stdin.on('error', reject);
      }),
  };
}
