import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it('orch explain documents the new rules; orch review request asks the consumers of a contract and docker-expert for a Dockerfile', () => {
  const repo = tempRepo();
  const list = repo.orch(['explain']);
  expect(list.code).toBe(0);
  for (const id of ['contract-proof', 'contract-review', 'decision-record', 'dockerfile-practice']) {
    expect(list.stdout).toMatch(new RegExp(`^${id} +\\S`, 'm'));
    const doc = repo.orch(['explain', id]);
    expect(doc.code, id).toBe(0);
    expect(doc.stdout.startsWith(`${id} — `), id).toBe(true);
    expect(doc.stdout, id).toContain(`rules["${id}"]`);
  }
  expect(repo.orch(['explain', 'compose-consistency']).stdout).toContain('depends_on');
  expect(repo.orch(['decide', '--help']).stdout).toContain('Usage: orch decide');

  const configPath = path.join(repo.dir, '.orchrc.json');
  const config = JSON.parse(fs.readFileSync(configPath, 'utf8'));
  config.contracts[0].consumers = ['frontend-specialist', 'mobile-developer'];
  fs.writeFileSync(configPath, JSON.stringify(config, null, 2) + '\n');
  repo.write('api/openapi.yaml', 'openapi: 3.1.0\n');
  repo.write('Dockerfile', 'FROM node:22\nUSER node\n');
  const r = repo.orch(['review', 'request', 'api/openapi.yaml', 'Dockerfile'], {
    env: { ORCH_AGENT: 'backend-architect' },
  });
  expect(r.code, r.out).toBe(0);
  const status = repo.read('WORK_STATUS.md');
  expect(status).toMatch(/^\| api\/openapi\.yaml \| backend-architect \| frontend-specialist \| requested/m);
  expect(status).toMatch(/^\| api\/openapi\.yaml \| backend-architect \| mobile-developer \| requested/m);
  expect(status).toMatch(/^\| Dockerfile \| backend-architect \| docker-expert \| requested/m);
  expect(status).not.toMatch(/^\| api\/openapi\.yaml \| backend-architect \| docker-expert/m);
});
