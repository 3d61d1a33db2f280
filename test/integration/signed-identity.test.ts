import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

function keypair(dir: string, name: string): { key: string; pub: string } {
  const key = path.join(dir, name);
  const r = spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', name, '-f', key]);
  expect(r.status).toBe(0);
  return { key, pub: fs.readFileSync(`${key}.pub`, 'utf8').trim() };
}

it.skipIf(spawnSync('ssh-keygen', ['-?']).error !== undefined)(
  'with identity.signed, CI catches an agent that sets ORCH_AGENT to someone else’s name',
  () => {
    const repo = tempRepo();
    const keys = path.join(path.dirname(repo.dir), 'keys');
    fs.mkdirSync(keys);
    const backend = keypair(keys, 'backend');
    const frontend = keypair(keys, 'frontend');
    const cfg = JSON.parse(repo.read('.orchrc.json'));
    repo.write(
      '.orchrc.json',
      JSON.stringify(
        {
          ...cfg,
          identity: { signed: true },
          agents: {
            'backend-architect': { signingKeys: [backend.pub] },
            'frontend-specialist': { signingKeys: [frontend.pub] },
          },
        },
        null,
        2,
      ),
    );
    repo.ok(['add', '.orchrc.json']);
    expect(repo.commit('sign commits').code).toBe(0);
    const base = repo.ok(['rev-parse', 'HEAD']).trim();
    repo.ok(['config', 'gpg.format', 'ssh']);

    const signedAs = (key: string, agent: string, file: string, message: string) => {
      repo.write(file, `${message}\n`);
      repo.ok(['add', file]);
      const r = repo.git(['-c', `user.signingkey=${key}`, 'commit', '-q', '-S', '-m', message], {
        env: { ORCH_AGENT: agent },
      });
      expect(r.code, r.out).toBe(0);
      return repo.ok(['rev-parse', 'HEAD']).trim();
    };
    signedAs(backend.key, 'backend-architect', 'src/a.ts', 'honest backend commit');
    let r = repo.orch(['ci', '--base', base, '--head', 'HEAD', '--format', 'json']);
    expect(r.code, r.out).toBe(0);

    // frontend signs with its own key but claims to be backend-architect
    const forged = signedAs(frontend.key, 'backend-architect', 'src/b.ts', 'impersonation');
    r = repo.orch(['ci', '--base', base, '--head', 'HEAD', '--format', 'json']);
    expect(r.code).toBe(1);
    const findings = JSON.parse(r.stdout).findings.filter((f: { rule: string }) => f.rule === 'signed-identity');
    expect(findings).toHaveLength(1);
    expect(findings[0].commit).toBe(forged);
    expect(findings[0].message).toContain('claims backend-architect but is signed by frontend-specialist');

    // an unsigned commit is caught too
    repo.write('src/c.ts', 'c\n');
    repo.ok(['add', 'src/c.ts']);
    expect(repo.commit('unsigned', { env: { ORCH_AGENT: 'backend-architect' } }).code).toBe(0);
    r = repo.orch(['ci', '--base', base, '--head', 'HEAD', '--format', 'json']);
    expect(
      JSON.parse(r.stdout)
        .findings.map((f: { message: string }) => f.message)
        .join('\n'),
    ).toContain('it is not signed');
  },
);
