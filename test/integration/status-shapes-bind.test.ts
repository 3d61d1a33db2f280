// Every shape of status file the reader knows binds at the commit: for each fixture of
// test/fixtures/status/ written as WORK_STATUS.md, a lock it yields blocks another agent's
// commit of that path and lets its holder commit; a lock whose holder cannot be read binds
// every agent, the would-be holder included.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

const dir = path.join(import.meta.dirname, '../fixtures/status');
const SHAPES = [
  'agent-first-bullets',
  'agent-sections',
  'work-tables',
  'key-value-lists',
  'descriptions-not-holders',
  'templates-and-examples',
  'lock-path-forms',
  'problems',
];
const UNKNOWN = '(unknown holder)';

interface Expected {
  locks: Array<{ path: string; agent: string; expires?: string }>;
}

/** A file the lock covers: the path itself, a file under a directory, a name a glob matches. */
function fileUnder(lockPath: string): string {
  const p = lockPath.endsWith('/') ? `${lockPath}probe.txt` : lockPath;
  return p.replace(/\*\*/g, 'deep').replace(/\*/g, 'probe');
}

// Contract files (openapi.yaml) answer to another rule; expired locks only warn.
const usable = (l: Expected['locks'][number]) => !l.expires && !/openapi|\.proto$|\.graphql$/.test(l.path);

describe('each status shape binds at the commit', () => {
  const repo = tempRepo();
  const person = { ORCH_AGENT: '' };

  for (const shape of SHAPES) {
    it(`${shape}.md: an outsider is blocked, the holder is not`, () => {
      repo.write('WORK_STATUS.md', fs.readFileSync(path.join(dir, `${shape}.md`)));
      repo.ok(['add', 'WORK_STATUS.md']);
      // a person rewrites the whole file (the setup, not what is tested): no hooks
      const setup = repo.commit(`status: ${shape}`, { env: person, args: ['--no-verify'] });
      expect(setup.code, setup.out).toBe(0);
      const expected = JSON.parse(fs.readFileSync(path.join(dir, `${shape}.expected.json`), 'utf8')) as Expected;
      const known = expected.locks.find((l) => l.agent !== UNKNOWN && usable(l));
      const unknown = expected.locks.find((l) => l.agent === UNKNOWN && usable(l));
      expect(known ?? unknown, 'the fixture yields a lock to try').toBeDefined();

      // every written form of a path (/src/app.js, ./lib/util.js, lib//double.js…) binds
      const tries = shape === 'lock-path-forms' ? expected.locks.filter(usable) : [known, unknown];
      for (const lock of tries.filter((l) => l !== undefined)) {
        const file = fileUnder(lock.path);
        repo.write(file, `${shape}\n`);
        repo.ok(['add', '--', file]);
        const outsider = repo.commit(`outsider edits ${file}`, { env: { ORCH_AGENT: 'outsider-agent' } });
        expect(outsider.code, outsider.out).toBe(1);
        expect(outsider.stderr).toContain('lock-conflict');
        expect(outsider.stderr).toContain(`locked by ${lock.agent}`);
        if (lock.agent === UNKNOWN) {
          // nobody can claim it by name, and the warning says which line to fix
          const claimant = repo.commit(`claims ${file}`, { env: { ORCH_AGENT: 'someone-else' } });
          expect(claimant.code).toBe(1);
          expect(outsider.stderr).toContain('status-parse');
          expect(outsider.stderr).toContain('fix this line');
          repo.ok(['reset', '-q', '--', file]);
          fs.rmSync(path.join(repo.dir, file));
          continue;
        }
        const holder = repo.commit(`holder edits ${file}`, { env: { ORCH_AGENT: lock.agent } });
        expect(holder.code, holder.out).toBe(0);
      }
    });
  }

  it('lines the shapes must not read bind nobody', () => {
    repo.write('WORK_STATUS.md', fs.readFileSync(path.join(dir, 'templates-and-examples.md')));
    repo.ok(['add', 'WORK_STATUS.md']);
    expect(repo.commit('status: templates', { env: person, args: ['--no-verify'] }).code).toBe(0);
    for (const file of [
      'src/example.ts',
      'src/hidden.ts',
      'src/fenced.ts',
      'src/illustration.ts',
      'src/template/x.ts',
      'src/example-bullet.ts',
    ]) {
      repo.write(file, 'x\n');
      repo.ok(['add', '--', file]);
      const r = repo.commit(`outsider edits ${file}`, { env: { ORCH_AGENT: 'outsider-agent' } });
      expect(r.code, r.out).toBe(0);
    }
  });
});
