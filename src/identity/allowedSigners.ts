// The allowed-signers text for ssh verification: each agent's configured public keys with
// the agent's name as principal, plus the repository's own allowed-signers file (both as
// they are at the base revision).
import { createHash } from 'node:crypto';
import type { Config } from '../config/schema.js';

const SSH_KEY = /^(ssh-(ed25519|rsa|dss)|ecdsa-sha2-\S+|sk-\S+)\s+[A-Za-z0-9+/=]+/;

export function allowedSigners(config: Pick<Config, 'agents'>, fileText: string | null): string {
  const lines: string[] = [];
  for (const [name, agent] of Object.entries(config.agents)) {
    for (const key of agent.signingKeys) {
      const m = SSH_KEY.exec(key.trim());
      if (m) lines.push(`${name.replace(/\s+/g, '-')} ${m[0]}`);
    }
  }
  if (fileText) lines.push(...fileText.split(/\r?\n/).filter((l) => l.trim() && !l.trimStart().startsWith('#')));
  return lines.join('\n') + '\n';
}

/** "SHA256:…" as ssh-keygen prints it (and git's %GK shows for ssh signatures). */
export function sshFingerprint(publicKey: string): string | null {
  const m = SSH_KEY.exec(publicKey.trim());
  if (!m) return null;
  const blob = Buffer.from(m[0].split(/\s+/)[1], 'base64');
  return 'SHA256:' + createHash('sha256').update(blob).digest('base64').replace(/=+$/, '');
}
