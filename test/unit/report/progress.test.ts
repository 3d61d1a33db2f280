import { describe, expect, it } from 'vitest';
import { createProgress } from '../../../src/report/progress.js';

function sink(isTTY: boolean) {
  const chunks: string[] = [];
  return { stream: { isTTY, write: (t: string) => chunks.push(t) }, chunks };
}

describe('createProgress', () => {
  it('draws on a TTY once a run is slow, and clears the line when done', () => {
    let t = 0;
    const { stream, chunks } = sink(true);
    const p = createProgress(
      'checking commits',
      200,
      { stderr: stream, env: {} },
      { now: () => t, delayMs: 300, intervalMs: 100 },
    );
    p.tick(); // fast so far: nothing
    expect(chunks).toEqual([]);
    t = 400;
    p.tick(49);
    expect(chunks.at(-1)).toContain('checking commits 50/200 (25%)');
    t = 450;
    p.tick(); // within the redraw interval: not redrawn
    expect(chunks).toHaveLength(1);
    t = 600;
    p.update(200);
    expect(chunks.at(-1)).toContain('200/200 (100%)');
    p.done();
    expect(chunks.at(-1)).toBe('\r\x1b[2K');
  });

  it('stays quiet when stderr is not a TTY, in CI, and with a machine format', () => {
    const cases = [
      { tty: false, env: {} },
      { tty: true, env: { CI: 'true' } },
      { tty: true, env: { ORCH_FORMAT: 'json' } },
    ];
    for (const c of cases) {
      const { stream, chunks } = sink(c.tty);
      const p = createProgress('x', 10, { stderr: stream, env: c.env }, { delayMs: 0, now: () => 1000 });
      p.tick(10);
      p.done();
      expect(p.enabled).toBe(false);
      expect(chunks).toEqual([]);
    }
    const { stream, chunks } = sink(true);
    createProgress('x', 10, { stderr: stream, env: {} }, { format: 'sarif', delayMs: 0 }).tick(10);
    expect(chunks).toEqual([]);
  });

  it('prints nothing for a run that ends before the delay', () => {
    const { stream, chunks } = sink(true);
    const p = createProgress('x', 3, { stderr: stream, env: {} }, { now: () => 0 });
    p.tick(3);
    p.done();
    expect(chunks).toEqual([]);
  });
});
