import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSignatures } from '../../../src/git/signaturesQuery.js';
import { allowedSigners, sshFingerprint } from '../../../src/identity/allowedSigners.js';

describe('signatures', () => {
  it('parses git log %H %G? %GK %GS records', () => {
    const a = 'a'.repeat(40);
    const b = 'b'.repeat(40);
    const out = `${a}\0G\0SHA256:abc\0backend-architect\x1e\n${b}\0N\0\0\x1e\n`;
    expect(parseSignatures(out)).toEqual(
      new Map([
        [a, { status: 'G', key: 'SHA256:abc', signer: 'backend-architect' }],
        [b, { status: 'N', key: '', signer: '' }],
      ]),
    );
  });

  it('builds allowed signers from the agents table and the repository file', () => {
    const text = allowedSigners(
      {
        agents: {
          'backend-architect': { emails: [], signingKeys: ['ssh-ed25519 AAAAC3Nz backend', 'ABCDEF0123456789'] },
        },
      },
      '# people\nalice@example.test ssh-ed25519 AAAAB\n',
    );
    expect(text).toBe('backend-architect ssh-ed25519 AAAAC3Nz\nalice@example.test ssh-ed25519 AAAAB\n');
  });

  it('computes the fingerprint ssh-keygen prints', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'orch-fp-'));
    try {
      const r = spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', path.join(dir, 'k')]);
      if (r.error) return; // no ssh-keygen here
      const pub = fs.readFileSync(path.join(dir, 'k.pub'), 'utf8');
      const printed = spawnSync('ssh-keygen', ['-l', '-E', 'sha256', '-f', path.join(dir, 'k.pub')], {
        encoding: 'utf8',
      }).stdout.split(' ')[1];
      expect(sshFingerprint(pub)).toBe(printed);
      expect(sshFingerprint('not a key')).toBeNull();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
