import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha1Hex } from '../../../src/text/sha1.js';

describe('sha1Hex', () => {
  it("gives crypto's SHA-1 for texts of every length around the block boundaries, and for bytes", () => {
    for (const n of [0, 1, 3, 55, 56, 57, 63, 64, 65, 119, 120, 128, 1000, 70_000]) {
      const text = 'é|x\0'.repeat(n).slice(0, n);
      expect(sha1Hex(text), String(n)).toBe(createHash('sha1').update(text).digest('hex'));
    }
    const bytes = Buffer.from([0, 255, 128, 7, 10]);
    expect(sha1Hex(bytes)).toBe(createHash('sha1').update(bytes).digest('hex'));
  });
});
