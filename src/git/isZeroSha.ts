/** git's "no object" id (40 zeros, or 64 in a SHA-256 repository): a new or deleted ref in hook input and CI events. */
export function isZeroSha(sha: string | null | undefined): boolean {
  return typeof sha === 'string' && /^0{40}(0{24})?$/.test(sha.trim());
}
