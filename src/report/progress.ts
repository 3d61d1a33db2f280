// Progress for long runs (a CI range of many commits, init on a large repository): one
// line on stderr, redrawn in place. Only for a person watching: stderr is a TTY, the
// format is human, and not in CI (CI logs keep every redraw as a new line). Short runs
// print nothing at all: the line appears only once a run has taken longer than `delayMs`.

export interface Progress {
  /** `n` more items are done (default 1). */
  tick(n?: number): void;
  /** Sets how many items are done. */
  update(done: number): void;
  /** Clears the line; call it before printing results. */
  done(): void;
  readonly enabled: boolean;
}

export interface ProgressIO {
  stderr: { write(text: string): unknown; isTTY?: boolean };
  env: Record<string, string | undefined>;
}

export interface ProgressOptions {
  /** The report format in use (`--format`); falls back to ORCH_FORMAT. Only "human" shows progress. */
  format?: string;
  /** Milliseconds before the first draw (default 300). */
  delayMs?: number;
  /** Milliseconds between redraws (default 100). */
  intervalMs?: number;
  now?: () => number;
}

export function progressEnabled(io: ProgressIO, format?: string): boolean {
  if (io.stderr.isTTY !== true) return false;
  if (isTruthy(io.env.CI)) return false;
  const chosen = (format ?? io.env.ORCH_FORMAT ?? '').trim().toLowerCase();
  return chosen === '' || chosen === 'human';
}

export function createProgress(label: string, total: number, io: ProgressIO, options: ProgressOptions = {}): Progress {
  const enabled = progressEnabled(io, options.format);
  if (!enabled) return { tick() {}, update() {}, done() {}, enabled: false };
  const now = options.now ?? Date.now;
  const started = now();
  const delay = options.delayMs ?? 300;
  const interval = options.intervalMs ?? 100;
  let count = 0;
  let lastDraw = -Infinity;
  let drawn = false;
  let finished = false;

  const draw = (force: boolean) => {
    if (finished) return;
    const t = now();
    if (t - started < delay) return;
    if (!force && t - lastDraw < interval) return;
    lastDraw = t;
    const shown = Math.min(count, total);
    const pct = total > 0 ? ` (${Math.floor((shown / total) * 100)}%)` : '';
    io.stderr.write(`\r\x1b[2K${label} ${shown}/${total}${pct}`);
    drawn = true;
  };
  return {
    enabled: true,
    tick(n = 1) {
      count += n;
      draw(count >= total);
    },
    update(doneCount) {
      count = doneCount;
      draw(count >= total);
    },
    done() {
      if (drawn && !finished) io.stderr.write('\r\x1b[2K');
      finished = true;
    },
  };
}

function isTruthy(v: string | undefined): boolean {
  if (v === undefined) return false;
  const s = v.trim().toLowerCase();
  return s !== '' && s !== '0' && s !== 'false';
}
