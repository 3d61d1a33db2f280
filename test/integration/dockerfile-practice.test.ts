import { afterAll, expect, it } from 'vitest';
import { orchCi } from '../helpers/rangeHooks.js';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

const dev = { ORCH_AGENT: 'backend-architect' };
type Finding = {
  rule: string;
  severity: string;
  path: string;
  line?: number;
  commit?: string;
  message: string;
  fix?: string;
};

const CARELESS = `FROM node
ARG NPM_TOKEN
ENV DB_PASSWORD=changeme
RUN apt-get update && apt-get install -y curl
ADD . /app
CMD node /app/server.js
`;

const CAREFUL = `FROM node:22-slim AS build
WORKDIR /app
COPY package.json ./
RUN --mount=type=secret,id=npm_token npm install
FROM node:22-slim
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
COPY --from=build /app /app
USER node
HEALTHCHECK CMD curl -fsS http://localhost:3000/health || exit 1
CMD ["node", "/app/server.js"]
`;

it("dockerfile-practice warns on each practice, quoting the line and the fix, lists them in docker-expert's review request, and passes a careful Dockerfile", () => {
  const repo = tempRepo();
  const base = repo.ok(['rev-parse', 'HEAD']).trim();
  repo.write('services/api/Dockerfile', CARELESS);
  repo.write('services/api/package.json', '{"name":"api"}\n');
  repo.write('docker-compose.yml', 'services:\n  api:\n    build: ./services/api\n    ports:\n      - "3000:3000"\n');
  repo.ok(['add', '-A']);
  const commit = repo.commit('api container', { env: dev });
  expect(commit.code, commit.out).toBe(0); // warnings only
  const expected: [number, string, string][] = [
    [1, 'FROM node', 'floating-base'],
    [1, 'FROM node', 'root-user'],
    [1, 'FROM node', 'no-healthcheck'],
    [2, 'ARG NPM_TOKEN', 'secret-name'],
    [3, 'ENV DB_PASSWORD=changeme', 'secret-name'],
    [4, 'RUN apt-get update && apt-get install -y curl', 'apt-recommends'],
    [4, 'RUN apt-get update && apt-get install -y curl', 'apt-lists'],
    [5, 'ADD . /app', 'add-for-copy'],
    [6, 'CMD node /app/server.js', 'shell-form'],
  ];
  for (const [line, quote, id] of expected) {
    expect(commit.stderr).toContain(`services/api/Dockerfile:${line} "${quote}"`);
    expect(commit.stderr).toContain(`[${id}]`);
  }
  expect(commit.stderr).toContain('Use COPY: COPY . /app');
  expect(commit.stderr).toContain('Use the exec form: CMD ["node", "/app/server.js"]');
  expect(commit.stderr).not.toMatch(/error dockerfile-practice/);

  // the review request for docker-expert starts from the same list
  const row = repo
    .ok(['show', 'HEAD:WORK_STATUS.md'])
    .split('\n')
    .find((l) => l.startsWith('| services/api/Dockerfile |'))!;
  expect(row).toMatch(/\| docker-expert \| requested \(blob [0-9a-f]+; check first: /);
  for (const [line, , id] of expected) expect(row).toContain(`${id} line ${line}`);

  // in CI: the same findings, warnings, naming the commit
  const head = repo.ok(['rev-parse', 'HEAD']).trim();
  const ci = orchCi(repo, ['--base', base, '--head', head, '--format', 'json']);
  const found = (JSON.parse(ci.stdout).findings as Finding[]).filter((f) => f.rule === 'dockerfile-practice');
  expect(found.map((f) => [f.line, f.message.match(/\[([a-z-]+)\]/)![1]])).toEqual(
    expected.map(([line, , id]) => [line, id]),
  );
  expect(
    found.every((f) => f.severity === 'warning' && f.commit === head && f.path === 'services/api/Dockerfile' && f.fix),
  ).toBe(true);

  // the careful version: nothing to say
  repo.write('services/api/Dockerfile', CAREFUL);
  repo.ok(['add', '-A']);
  const careful = repo.commit('api container, carefully', { env: dev });
  expect(careful.code, careful.out).toBe(0);
  expect(careful.stderr).not.toContain('dockerfile-practice');
  const ci2 = orchCi(repo, ['--base', head, '--head', 'HEAD', '--format', 'json']);
  expect((JSON.parse(ci2.stdout).findings as Finding[]).filter((f) => f.rule === 'dockerfile-practice')).toEqual([]);
});
