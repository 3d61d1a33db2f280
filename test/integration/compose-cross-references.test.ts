import { afterAll, expect, it } from 'vitest';
import { commitNoVerify, orchCi } from '../helpers/rangeHooks.js';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

type Finding = { rule: string; severity: string; path: string; line?: number; message: string; fix?: string };

const BASE = `services:
  db:
    image: postgres:16
    volumes:
      - db-data:/var/lib/postgresql/data
    profiles: [storage]
  api:
    build: ./api
    ports:
      - "8080:8080"
volumes:
  db-data:
networks:
  back:
secrets:
  api-key:
    file: ./secrets/api-key.txt
`;

// Each line below breaks one cross-reference compose's schema cannot see.
const BROKEN = `services:
  web:
    image: nginx:1.27
    depends_on:
      - api
      - cache
    ports:
      - "8080:80"
    networks: [back, front]
  worker:
    depends_on:
      db:
        condition: service_healthy
      queue:
        condition: service_started
    env_file:
      - ./worker.env
    volumes:
      - db-data:/data
      - logs:/var/log/worker
    secrets:
      - api-key
      - db-password
    configs:
      - worker-config
`;

it('compose-consistency checks depends_on, named networks/volumes/secrets/configs, host ports, env_file and image-or-build across the project, with file and line', () => {
  const repo = tempRepo();
  repo.write('compose.yaml', BASE);
  repo.write('api/Dockerfile', 'FROM node:22\nUSER node\nCMD ["node", "server.js"]\n');
  repo.write('secrets/api-key.txt', 'not a real key\n');
  repo.ok(['add', '-A']);
  expect(repo.commit('api and db').code).toBe(0);
  const base = repo.ok(['rev-parse', 'HEAD']).trim();

  // the override file (read with compose.yaml by default) relies on the base file's services, volumes, networks and secrets
  repo.write('compose.override.yaml', BROKEN);
  repo.ok(['add', '-A']);
  const blocked = repo.commit('web and worker');
  expect(blocked.code).toBe(1);
  const expected: [number, RegExp][] = [
    [6, /service "web" in compose\.override\.yaml depends on "cache", which no compose file of the project defines/],
    [8, /service "web" in compose\.override\.yaml publishes host port 8080:80, which service "api" already publishes/],
    [9, /service "web" in compose\.override\.yaml uses the network "front", which is not declared/],
    [10, /service "worker" in compose\.override\.yaml has neither "image" nor "build"/],
    [14, /service "worker" in compose\.override\.yaml depends on "queue"/],
    [
      17,
      /service "worker" in compose\.override\.yaml reads the env_file \.\/worker\.env \(worker\.env\), which does not exist/,
    ],
    [20, /uses the volume "logs", which is not declared/],
    [23, /uses the secret "db-password", which is not declared/],
    [25, /uses the config "worker-config", which is not declared/],
  ];
  for (const [line, text] of expected) {
    expect(blocked.stderr, `line ${line}`).toMatch(text);
    expect(blocked.stderr, `line ${line}`).toContain(`(line ${line})`);
  }
  // what exists elsewhere in the project is not reported: db (profile storage, another file), db-data, back, api-key
  expect(blocked.stderr).not.toMatch(/depends on "(api|db)"/);
  expect(blocked.stderr).not.toMatch(/"(db-data|back|api-key)", which is not declared/);

  // the same through orch ci, over the range
  commitNoVerify(repo, 'web and worker, hooks skipped');
  const ci = orchCi(repo, ['--base', base, '--head', 'HEAD', '--format', 'json']);
  expect(ci.code).toBe(1);
  const found = (JSON.parse(ci.stdout).findings as Finding[]).filter((f) => f.rule === 'compose-consistency');
  expect(found.map((f) => [f.path, f.line, f.severity])).toEqual(
    expected.map(([line]) => ['compose.override.yaml', line, 'error']),
  );
  expect(found.every((f) => f.fix && f.fix.length > 0)).toBe(true);

  // services in different profiles do not clash over a port; with the fixes the change passes
  repo.write(
    'compose.override.yaml',
    `services:
  web:
    image: nginx:1.27
    depends_on: [api]
    ports:
      - "8081:80"
    networks: [back, front]
  worker:
    extends:
      file: compose.yaml
      service: api
    depends_on:
      db:
        condition: service_healthy
    env_file:
      - path: ./worker.env
        required: false
    volumes:
      - db-data:/data
      - ./logs:/var/log/worker
    secrets: [api-key]
  debug:
    image: nginx:1.27
    profiles: [debug]
    ports:
      - "9000:80"
  debug-alt:
    image: nginx:1.27
    profiles: [alt]
    ports:
      - "9000:80"
networks:
  front:
`,
  );
  repo.ok(['add', '-A']);
  const fixed = repo.commit('web and worker, fixed');
  expect(fixed.code, fixed.out).toBe(0);
  expect(fixed.stderr).not.toContain('compose-consistency');
  const clean = orchCi(repo, ['--base', base, '--head', 'HEAD', '--format', 'json']);
  expect((JSON.parse(clean.stdout).findings as Finding[]).filter((f) => f.rule === 'compose-consistency')).toEqual([]);
});
