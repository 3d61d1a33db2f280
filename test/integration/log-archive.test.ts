import { afterAll, expect, it } from 'vitest';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

const entries = (text: string) => text.split('\n').filter((l) => /^- \d{4}-/.test(l));

it('past log.maxEntries the oldest entries move to the archive in the same commit, none lost', () => {
  const repo = tempRepo();
  const cfg = JSON.parse(repo.read('.orchrc.json'));
  repo.write('.orchrc.json', JSON.stringify({ ...cfg, log: { maxEntries: 3 } }, null, 2));
  repo.ok(['add', '.orchrc.json']);
  expect(repo.commit('limit the log').code).toBe(0);
  for (let i = 0; i < 6; i++) {
    repo.write(`f${i}.txt`, `${i}\n`);
    repo.ok(['add', `f${i}.txt`]);
    const r = repo.commit(`file ${i}`, { env: { ORCH_AGENT: 'writer' } });
    expect(r.code, r.out).toBe(0);
  }
  const status = entries(repo.ok(['show', 'HEAD:WORK_STATUS.md']));
  const archive = entries(repo.ok(['show', 'HEAD:WORK_STATUS.archive.md']));
  expect(status).toHaveLength(3);
  expect(status.pop()).toContain('A f5.txt');
  const all = [...archive, ...entries(repo.ok(['show', 'HEAD:WORK_STATUS.md']))].join('\n');
  for (let i = 0; i < 6; i++) expect(all).toContain(`A f${i}.txt`);
  expect(repo.ok(['status', '--porcelain'])).toBe('');
});
