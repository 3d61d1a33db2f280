// A fix of several lines (here: the compose snippet a new service needs) is printed as
// lines under its arrow, never as one line with a literal "\n".
import { afterAll, expect, it } from 'vitest';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it('prints the snippet of a new service fix line by line', () => {
  const repo = tempRepo();
  repo.write('docker-compose.yml', 'services:\n  web:\n    build: ./services/web\n');
  repo.write('services/web/Dockerfile', 'FROM node:20\n');
  repo.write('services/web/package.json', '{}\n');
  repo.ok(['add', '-A']);
  repo.ok(['commit', '-q', '--no-verify', '-m', 'web']);

  repo.write('services/orders/package.json', '{"name":"orders"}\n');
  repo.ok(['add', '-A']);
  const r = repo.orch(['check', '--staged']);
  const out = r.stderr;
  expect(out).toContain('new-service-container');
  expect(out).not.toContain('\\n');
  const lines = out.split('\n');
  const arrow = lines.findIndex((l) =>
    /^ {2}→ Create services\/orders\/Dockerfile, then add to docker-compose\.yml:$/.test(l),
  );
  expect(arrow, out).toBeGreaterThan(-1);
  // the snippet follows, one line each, indented under the arrow
  const snippet = lines.slice(arrow + 1).filter((l) => l.startsWith('    '));
  expect(snippet.join('\n')).toMatch(/orders:/);
  expect(snippet.join('\n')).toMatch(/build:/);
});
