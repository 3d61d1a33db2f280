import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { registerMergeDriver } from '../helpers/registerMergeDriver.js';
import { cleanupAll, tempRepo, type TempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

const as = (agent: string) => ({ env: { ORCH_AGENT: agent } });
const logLines = (text: string) => text.split('\n').filter((l) => /^- \d{4}-/.test(l));
const lockRows = (text: string) =>
  text
    .split('\n')
    .filter(
      (l) =>
        /^\| (?!Path |---)/.test(l) && /\| \d{4}-\d\d-\d\dT/.test(l) && !/\| (requested|approved|rejected)/.test(l),
    );

/** An agent locks a path, writes it and commits: the commit carries the lock and its Log entry. */
function work(repo: TempRepo, agent: string, file: string, task: string): void {
  const lock = repo.orch(['lock', file, '--task', task], as(agent));
  expect(lock.code, lock.out).toBe(0);
  repo.write(file, `${agent} was here\n`);
  repo.ok(['add', '-A']);
  const c = repo.commit(`${agent}: ${file}`, as(agent));
  expect(c.code, c.out).toBe(0);
}

function setup(): TempRepo {
  const repo = tempRepo();
  registerMergeDriver(repo);
  work(repo, 'backend-architect', 'api/openapi.yaml', 'T-12');
  return repo;
}

describe('merge driver: WORK_STATUS.md merges by meaning', () => {
  it('two branches that each add locks and log entries merge with no conflict and nothing lost; a lock released on one side stays released', () => {
    const repo = setup();
    repo.ok(['checkout', '-q', '-b', 'feature']);
    work(repo, 'dba', 'db/schema.sql', 'T-4');
    work(repo, 'dba', 'db/seed.sql', 'T-4');
    // the backend releases its lock on the branch (finishing T-12, noted in the index)
    const unlock = repo.orch(['unlock', 'api/openapi.yaml'], as('backend-architect'));
    expect(unlock.code, unlock.out).toBe(0);
    repo.write('orchestration-index.md', '# Tasks\n\n- T-12 v2 orders endpoints: done\n');
    repo.ok(['add', 'WORK_STATUS.md', 'orchestration-index.md']);
    const release = repo.commit('release the api', as('backend-architect'));
    expect(release.code, release.out).toBe(0);

    repo.ok(['checkout', '-q', 'main']);
    work(repo, 'frontend-dev', 'web/app.tsx', 'T-3');
    work(repo, 'docs-writer', 'docs/guide.md', 'T-5');

    const ours = repo.ok(['show', 'main:WORK_STATUS.md']);
    const theirs = repo.ok(['show', 'feature:WORK_STATUS.md']);
    // a plain line merge of the two would conflict: both appended rows and entries at the same place
    const base = repo.ok(['show', `${repo.ok(['merge-base', 'main', 'feature']).trim()}:WORK_STATUS.md`]);
    repo.write('.x/base', base);
    repo.write('.x/ours', ours);
    repo.write('.x/theirs', theirs);
    expect(repo.git(['merge-file', '-p', '.x/ours', '.x/base', '.x/theirs']).code).toBeGreaterThan(0);
    fs.rmSync(path.join(repo.dir, '.x'), { recursive: true });

    const m = repo.git(['merge', '--no-edit', 'feature'], as('frontend-dev'));
    expect(m.code, m.out).toBe(0);
    expect(repo.ok(['ls-files', '-u'])).toBe('');
    const merged = repo.ok(['show', 'HEAD:WORK_STATUS.md']);
    expect(merged).not.toMatch(/^(<<<<<<<|=======|>>>>>>>)/m);
    expect(repo.read('WORK_STATUS.md')).toBe(merged);

    // every lock both branches hold, once; the released one gone
    const rows = lockRows(merged);
    for (const [file, agent] of [
      ['web/app.tsx', 'frontend-dev'],
      ['docs/guide.md', 'docs-writer'],
      ['db/schema.sql', 'dba'],
      ['db/seed.sql', 'dba'],
    ]) {
      expect(rows.filter((r) => r.startsWith(`| ${file} | ${agent} |`))).toHaveLength(1);
    }
    expect(rows).toHaveLength(4);
    expect(merged).not.toContain('| api/openapi.yaml |');
    expect(repo.orch(['status', '--format', 'json']).stdout).not.toContain('api/openapi.yaml');

    // every entry of either side, once, in time order
    const entries = logLines(merged);
    const expected = [...new Set([...logLines(ours), ...logLines(theirs)])];
    expect([...entries].sort()).toEqual([...expected].sort());
    expect(entries.map((e) => e.slice(2, 19))).toEqual(entries.map((e) => e.slice(2, 19)).sort());
    for (const what of [
      'A db/schema.sql',
      'A db/seed.sql',
      'A web/app.tsx',
      'A docs/guide.md',
      'A api/openapi.yaml',
      'A orchestration-index.md',
    ]) {
      expect(entries.filter((e) => e.includes(what))).toHaveLength(1);
    }
  });

  it('prose both sides changed differently is the only conflict; rows and entries still merge', () => {
    const repo = setup();
    const intro = 'Agents lock files here before editing them';
    repo.ok(['checkout', '-q', '-b', 'feature']);
    repo.write(
      'WORK_STATUS.md',
      repo.read('WORK_STATUS.md').replace(intro, 'Every agent locks files here before editing them'),
    );
    repo.ok(['add', 'WORK_STATUS.md']);
    expect(repo.commit('reword the intro').code).toBe(0);
    work(repo, 'dba', 'db/schema.sql', 'T-4');
    repo.ok(['checkout', '-q', 'main']);
    repo.write(
      'WORK_STATUS.md',
      repo.read('WORK_STATUS.md').replace(intro, 'Agents must lock files here before editing them'),
    );
    repo.ok(['add', 'WORK_STATUS.md']);
    expect(repo.commit('reword the intro too').code).toBe(0);
    work(repo, 'frontend-dev', 'web/app.tsx', 'T-3');

    const m = repo.git(['merge', '--no-edit', 'feature'], as('frontend-dev'));
    expect(m.code).toBe(1);
    expect(repo.ok(['diff', '--name-only', '--diff-filter=U'])).toBe('WORK_STATUS.md\n');
    const text = repo.read('WORK_STATUS.md');
    expect(text.match(/^<<<<<<< /gm)).toHaveLength(1);
    const hunk = text.slice(text.indexOf('<<<<<<<'), text.indexOf('>>>>>>>'));
    expect(hunk).toContain('Every agent locks');
    expect(hunk).toContain('Agents must lock');
    expect(hunk).not.toContain('| ');
    for (const row of [
      '| db/schema.sql | dba |',
      '| web/app.tsx | frontend-dev |',
      '| api/openapi.yaml | backend-architect |',
    ]) {
      expect(text.split('\n').filter((l) => l.startsWith(row))).toHaveLength(1);
    }
    expect(logLines(text).filter((e) => /A (db\/schema\.sql|web\/app\.tsx|api\/openapi\.yaml)$/.test(e))).toHaveLength(
      3,
    );
  });

  it('entries one branch archived (log.maxEntries) stay archived: each entry is in the Log or the archive, once', () => {
    const repo = setup();
    const cfg = JSON.parse(repo.read('.orchrc.json'));
    repo.write('.orchrc.json', JSON.stringify({ ...cfg, log: { maxEntries: 4 } }, null, 2));
    // the archive is a Log too: both branches append to it, so it merges with the same driver
    repo.write('.gitattributes', repo.read('.gitattributes') + 'WORK_STATUS.archive.md merge=orch-status\n');
    repo.ok(['add', '.orchrc.json', '.gitattributes']);
    expect(repo.commit('limit the log').code).toBe(0);
    work(repo, 'writer', 'base-1.txt', 'T-1');
    work(repo, 'writer', 'base-2.txt', 'T-1');
    repo.ok(['checkout', '-q', '-b', 'feature']);
    work(repo, 'dba', 'db/schema.sql', 'T-4');
    repo.ok(['checkout', '-q', 'main']);
    for (const f of ['web/a.tsx', 'web/b.tsx', 'web/c.tsx']) work(repo, 'frontend-dev', f, 'T-3');
    const archivedOnMain = logLines(repo.read('WORK_STATUS.archive.md'));
    expect(archivedOnMain.length).toBeGreaterThan(0);

    const m = repo.git(['merge', '--no-edit', 'feature'], as('frontend-dev'));
    expect(m.code, m.out).toBe(0);
    const log = logLines(repo.ok(['show', 'HEAD:WORK_STATUS.md']));
    const archive = logLines(repo.ok(['show', 'HEAD:WORK_STATUS.archive.md']));
    const everything = [...archive, ...log];
    for (const what of [
      'api/openapi.yaml',
      'base-1.txt',
      'base-2.txt',
      'db/schema.sql',
      'web/a.tsx',
      'web/b.tsx',
      'web/c.tsx',
    ]) {
      expect(
        everything.filter((e) => e.endsWith(`A ${what}`)),
        what,
      ).toHaveLength(1);
    }
    for (const e of archivedOnMain) expect(log).not.toContain(e);
  });

  it('a CRLF status file merges and stays CRLF', () => {
    const repo = tempRepo();
    registerMergeDriver(repo);
    repo.write('WORK_STATUS.md', repo.read('WORK_STATUS.md').replace(/\n/g, '\r\n'));
    repo.ok(['add', 'WORK_STATUS.md']);
    expect(repo.commit('CRLF').code).toBe(0);
    repo.ok(['checkout', '-q', '-b', 'feature']);
    work(repo, 'dba', 'db/schema.sql', 'T-4');
    repo.ok(['checkout', '-q', 'main']);
    work(repo, 'frontend-dev', 'web/app.tsx', 'T-3');
    const m = repo.git(['merge', '--no-edit', 'feature'], as('frontend-dev'));
    expect(m.code, m.out).toBe(0);
    const merged = repo.ok(['show', 'HEAD:WORK_STATUS.md']);
    expect(merged.replace(/\r\n/g, '')).not.toContain('\n');
    expect(merged).toContain('| db/schema.sql | dba |');
    expect(merged).toContain('| web/app.tsx | frontend-dev |');
  });

  it('refuses to run without its file arguments, with a message and exit 2', () => {
    const repo = tempRepo({ commitSetup: false });
    const r = repo.orch(['merge-driver', 'only-one']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('expected the files %O %A %B and the path %P');
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
    const missing = repo.orch(['merge-driver', 'no-base', 'no-ours', 'no-theirs', 'WORK_STATUS.md']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read');
  });
});
