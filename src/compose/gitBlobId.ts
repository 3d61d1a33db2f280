import { createHash } from 'node:crypto';

/**
 * The id git gives a blob with this text (`git hash-object`): sha1 by default, sha256
 * for repositories in that object format. A review records it so an approval can be
 * matched to the exact content it covers.
 */
export function gitBlobId(text: string, algorithm: 'sha1' | 'sha256' = 'sha1'): string {
  const body = Buffer.from(text, 'utf8');
  return createHash(algorithm).update(`blob ${body.length}\0`).update(body).digest('hex');
}
