import { afterAll, describe, expect, it } from 'vitest';
import { cleanupAll, tempRepo, type TempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

const dev = { ORCH_AGENT: 'backend-architect' };

function composeRepo(): TempRepo {
  const repo = tempRepo();
  repo.write('services/users/go.mod', 'module users\n');
  repo.write('services/users/Dockerfile', 'FROM golang:1.22\nCOPY . .\nRUN go build -o /app\nCMD ["/app"]\n');
  repo.write('docker-compose.yml', 'services:\n  users:\n    build: ./services/users\n');
  repo.ok(['add', '-A']);
  expect(repo.commit('users service').code).toBe(0);
  return repo;
}

describe('new services ship a Dockerfile and a compose entry', () => {
  it('a new Go service with its Dockerfile and compose entry in one commit passes quietly', () => {
    const repo = composeRepo();
    repo.write('services/orders/go.mod', 'module orders\n');
    repo.write('services/orders/main.go', 'package main\nfunc main() {}\n');
    repo.write('services/orders/Dockerfile', 'FROM golang:1.22\nCOPY . .\nRUN go build -o /app\nCMD ["/app"]\n');
    repo.write(
      'docker-compose.yml',
      'services:\n  users:\n    build: ./services/users\n  orders:\n    build: ./services/orders\n',
    );
    repo.ok(['add', '-A']);
    const r = repo.commit('orders service', { env: dev });
    expect(r.code, r.out).toBe(0);
    expect(r.stderr).not.toContain('new-service-container');
  });

  it('a service with no compose entry gets the snippet to add (a warning at pre-commit)', () => {
    const repo = composeRepo();
    repo.write('services/billing/package.json', '{"name":"billing"}\n');
    repo.write('services/billing/Dockerfile', 'FROM node:20\nCOPY . .\nCMD ["node", "index.js"]\n');
    repo.ok(['add', '-A']);
    const json = JSON.parse(repo.orch(['check', '--format', 'json'], { env: dev }).stdout);
    expect(json.findings).toContainEqual(
      expect.objectContaining({ rule: 'new-service-container', severity: 'warning', path: 'services/billing' }),
    );
    const r = repo.commit('billing', { env: dev });
    expect(r.code, r.out).toBe(0);
    expect(r.stderr).toContain('new-service-container');
    expect(r.stderr).toContain('billing:');
    expect(r.stderr).toContain('build: ./services/billing');
  });

  it('a service whose Dockerfile is named through .env passes', () => {
    const repo = composeRepo();
    repo.write('.env', 'PAYMENTS_DOCKERFILE=./services/payments/Dockerfile.prod\n');
    repo.write('services/payments/requirements.txt', 'flask\n');
    repo.write('services/payments/Dockerfile.prod', 'FROM python:3.12-slim\nCOPY . .\nCMD ["python", "app.py"]\n');
    repo.write(
      'docker-compose.yml',
      'services:\n  users:\n    build: ./services/users\n  payments:\n    build:\n      context: .\n      dockerfile: ${PAYMENTS_DOCKERFILE}\n',
    );
    repo.ok(['add', '-A']);
    const r = repo.commit('payments', { env: dev });
    expect(r.code, r.out).toBe(0);
    expect(r.stderr).not.toContain('new-service-container');
    expect(r.stderr).not.toContain('compose-consistency');
  });

  it('deleting a service directory while its compose entry stays fails compose-consistency', () => {
    const repo = composeRepo();
    repo.ok(['rm', '-rq', 'services/users']);
    const r = repo.commit('drop users', { env: dev });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('compose-consistency');
    expect(r.stderr).toMatch(/docker-compose\.yml:3/);
  });

  it('a repository with no compose file at all stays silent', () => {
    const repo = tempRepo();
    repo.write('services/api/package.json', '{"name":"api"}\n');
    repo.ok(['add', '-A']);
    const r = repo.commit('api without containers', { env: dev });
    expect(r.code, r.out).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('an ignored directory stays silent', () => {
    const repo = composeRepo();
    const cfg = JSON.parse(repo.read('.orchrc.json'));
    repo.write('.orchrc.json', JSON.stringify({ ...cfg, services: { ignore: ['services/mobile'] } }, null, 2));
    repo.ok(['add', '.orchrc.json']);
    expect(repo.commit('ignore the app').code).toBe(0);
    repo.write('services/mobile/package.json', '{"name":"mobile"}\n');
    repo.ok(['add', '-A']);
    const r = repo.commit('mobile app', { env: dev });
    expect(r.code, r.out).toBe(0);
    expect(r.stderr).not.toContain('new-service-container');
  });
});
