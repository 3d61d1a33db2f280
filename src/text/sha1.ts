// SHA-1 in plain JavaScript, for the cache keys and content ids the edit-time hooks
// compute: loading node:crypto (which loads the stream machinery with it) costs a hook
// more than hashing the few kilobytes it needs. Same digest as crypto's createHash('sha1').

/** Hex SHA-1 of the UTF-8 bytes of `text`, or of `bytes`. */
export function sha1Hex(input: string | Uint8Array): string {
  const msg = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const len = msg.length;
  const words = ((len + 8) >>> 6) + 1;
  const w = new Int32Array(words * 16);
  for (let i = 0; i < len; i++) w[i >>> 2] |= msg[i] << (24 - (i & 3) * 8);
  w[len >>> 2] |= 0x80 << (24 - (len & 3) * 8);
  // bit length, as a 64-bit big-endian number in the last two words
  w[words * 16 - 2] = Math.floor(len / 0x20000000);
  w[words * 16 - 1] = (len * 8) | 0;
  let h0 = 0x67452301,
    h1 = 0xefcdab89 | 0,
    h2 = 0x98badcfe | 0,
    h3 = 0x10325476,
    h4 = 0xc3d2e1f0 | 0;
  const x = new Int32Array(80);
  for (let off = 0; off < w.length; off += 16) {
    for (let t = 0; t < 16; t++) x[t] = w[off + t];
    for (let t = 16; t < 80; t++) {
      const v = x[t - 3] ^ x[t - 8] ^ x[t - 14] ^ x[t - 16];
      x[t] = (v << 1) | (v >>> 31);
    }
    let a = h0,
      b = h1,
      c = h2,
      d = h3,
      e = h4;
    for (let t = 0; t < 80; t++) {
      const f = t < 20 ? (b & c) | (~b & d) : t < 40 ? b ^ c ^ d : t < 60 ? (b & c) | (b & d) | (c & d) : b ^ c ^ d;
      const k = t < 20 ? 0x5a827999 : t < 40 ? 0x6ed9eba1 : t < 60 ? 0x8f1bbcdc | 0 : 0xca62c1d6 | 0;
      const tmp = (((a << 5) | (a >>> 27)) + f + e + k + x[t]) | 0;
      e = d;
      d = c;
      c = (b << 30) | (b >>> 2);
      b = a;
      a = tmp;
    }
    h0 = (h0 + a) | 0;
    h1 = (h1 + b) | 0;
    h2 = (h2 + c) | 0;
    h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0;
  }
  return [h0, h1, h2, h3, h4].map((h) => (h >>> 0).toString(16).padStart(8, '0')).join('');
}
