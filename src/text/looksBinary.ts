/** Whether bytes are binary as git decides for diffs: a NUL in the first 8 KiB. */
export function looksBinary(b: Buffer): boolean {
  return b.subarray(0, 8000).includes(0);
}
