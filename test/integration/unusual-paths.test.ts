import { afterAll, expect, it } from 'vitest';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it.each([
  ['spaces', 'docs/design notes/api plan.md'],
  ['unicode', 'src/café/naïve-ü.ts'],
  ['newline', 'odd/line\nbreak.txt'],
  ['leading dash', 'src/-dash.ts'],
])('blocks a locked path with %s and lets the holder commit it', (_kind, file) => {
  const repo = tempRepo();
  expect(repo.orch(['lock', file], { env: { ORCH_AGENT: 'owner' } }).code).toBe(0);
  repo.write(file, 'content\n');
  repo.ok(['add', '--', file]);
  const r = repo.commit('other agent', { env: { ORCH_AGENT: 'intruder' } });
  expect(r.code).toBe(1);
  expect(r.stderr).toContain('is locked by owner');
  const json = repo.orch(['check', '--format', 'json'], { env: { ORCH_AGENT: 'intruder' } });
  expect(JSON.parse(json.stdout).findings[0].path).toBe(file);
  expect(repo.commit('holder', { env: { ORCH_AGENT: 'owner' } }).code).toBe(0);
});
