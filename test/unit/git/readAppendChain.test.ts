import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readAppendChain } from '../../../src/git/readAppendChain.js';
import { appendedBytes } from '../../../src/text/insertedLines.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'orch-append-chain-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const env = { PATH: process.env.PATH, HOME: dir, GIT_CONFIG_NOSYSTEM: '1' };
spawnSync('git', ['init', '-q', dir], { env });

function blob(content: Buffer): string {
  const r = spawnSync('git', ['hash-object', '-w', '--stdin'], { cwd: dir, env, input: content });
  return r.stdout.toString().trim();
}

describe('readAppendChain', () => {
  it('gives each version as its predecessor plus a tail, or whole, exactly as comparing the bytes does', async () => {
    // versions large enough to cross git's pipe chunks and make the buffer grow
    const line = (i: number) =>
      `- 2026-11-26 10:${String(i % 60).padStart(2, '0')} agent-${i % 7} T-${i}: M src/module-${i}/file.ts\n`;
    let text =
      '# Work status\n\n## Locks\n\n| Path | Agent |\n| --- | --- |\n\n## Log\n\n' +
      Array.from({ length: 4000 }, (_, i) => line(i)).join('');
    const versions: (Buffer | null)[] = [Buffer.from(text)];
    const push = (t: string) => versions.push(Buffer.from((text = t)));
    for (let i = 4000; i < 4010; i++) push(text + line(i));
    push(text.replace('| --- | --- |\n', '| --- | --- |\n| api/ | backend |\n')); // a lock row above the Log
    push(text + line(1) + line(2) + line(3));
    push(text.slice(0, -1)); // the final newline taken away
    push(text + 'x\n'); // after a version without one: not an append
    push(text + Array.from({ length: 3000 }, (_, i) => line(i)).join('')); // a long tail
    push(text.slice(0, 1000)); // shorter
    push('');
    push('first line\n'); // after an empty version: an append
    versions.push(null); // a missing object
    push('after a missing one\n');
    versions.push(Buffer.concat([Buffer.from('after a missing one\n'), Buffer.from([0, 1, 2, 10])])); // binary

    const specs = versions.map((v, i) => (v === null ? `${'0'.repeat(39)}${i % 10}` : blob(v)));
    const links = await readAppendChain(specs, { cwd: dir, env: 'clean' });
    expect(links).toHaveLength(versions.length);
    versions.forEach((v, i) => {
      const link = links[i];
      if (v === null) {
        expect(link, `version ${i}`).toBeNull();
        return;
      }
      const prev = i > 0 ? versions[i - 1] : null;
      const tail = prev ? appendedBytes(prev, v) : null;
      if (tail) {
        expect(link && 'tail' in link ? link.tail.toString('hex') : link, `version ${i}`).toEqual(tail.toString('hex'));
        expect(link && 'tail' in link && link.binary, `version ${i}`).toBe(v.subarray(0, 8000).includes(0));
      } else {
        expect(link && 'whole' in link ? link.whole.equals(v) : link, `version ${i}`).toBe(true);
      }
    });
    // the binary one was an append (its bytes follow its predecessor) and says it is binary
    expect(links[links.length - 1]).toMatchObject({ binary: true });
  });
});
