import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_BYTES, appendEdits, editLogPath, fileBlobId, readEdits } from '../../../src/store/editLog.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'orch-edits-'));
  dirs.push(d);
  return d;
};

describe('edit log', () => {
  it("computes git's blob id for a file (as git hash-object does), null when absent", () => {
    const d = tmp();
    fs.writeFileSync(path.join(d, 'f.txt'), 'hello\n');
    expect(fileBlobId(path.join(d, 'f.txt'), 'sha1')).toBe(
      execFileSync('git', ['hash-object', path.join(d, 'f.txt')], { encoding: 'utf8' }).trim(),
    );
    expect(fileBlobId(path.join(d, 'missing'), 'sha1')).toBeNull();
  });

  it('keeps the latest record of each path and skips a torn line', () => {
    const common = tmp();
    appendEdits(common, [
      { path: 'a', agent: 'x', at: 1, blob: '1' },
      { path: 'b', agent: 'y', at: 2, blob: null },
    ]);
    fs.appendFileSync(editLogPath(common), '{"path":"a","ag');
    fs.appendFileSync(editLogPath(common), '\n');
    appendEdits(common, [{ path: 'a', agent: 'z', at: 3, blob: '3' }]);
    const latest = readEdits(common);
    expect(latest.get('a')).toMatchObject({ agent: 'z', blob: '3' });
    expect(latest.get('b')).toMatchObject({ agent: 'y', blob: null });
  });

  it('stays bounded: past its size it keeps one record per path', () => {
    const common = tmp();
    const now = Date.now();
    for (let i = 0; i < 40; i++) {
      appendEdits(
        common,
        Array.from({ length: 100 }, (_, k) => ({
          path: `src/f${k}.ts`,
          agent: `agent-${i}`,
          at: now + i,
          blob: 'x'.repeat(40),
        })),
      );
    }
    expect(fs.statSync(editLogPath(common)).size).toBeLessThanOrEqual(MAX_BYTES);
    const latest = readEdits(common);
    expect(latest.size).toBe(100);
    expect(latest.get('src/f7.ts')?.agent).toBe('agent-39');
  });
});
