import { afterAll, expect, it } from 'vitest';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it('blocks a migration that adds a TODO at that line, and only for lines the change adds', () => {
  const repo = tempRepo();
  const dba = { ORCH_AGENT: 'database-architect' };
  expect(repo.orch(['lock', 'db/migrations/', 'prisma/schema.prisma'], { env: dba }).code).toBe(0);
  repo.ok(['add', 'WORK_STATUS.md']);
  expect(repo.commit('locks', { env: dba }).code).toBe(0);

  repo.write(
    'db/migrations/001_orders.sql',
    'create table orders (\n  id bigint primary key,\n  -- TODO: fill later\n  total numeric\n);\n',
  );
  repo.ok(['add', 'db/migrations']);
  const blocked = repo.commit('migration with a placeholder', { env: dba });
  expect(blocked.code).toBe(1);
  expect(blocked.stderr).toContain('no-placeholder');
  expect(blocked.stderr).toContain('db/migrations/001_orders.sql:3');

  repo.write('db/migrations/001_orders.sql', 'create table orders (\n  id bigint primary key,\n  total numeric\n);\n');
  repo.ok(['add', 'db/migrations']);
  const clean = repo.commit('migration without it', { env: dba });
  expect(clean.code, clean.out).toBe(0);

  // a schema whose existing lines carry TODO is not blocked for an unrelated added line
  repo.write('prisma/schema.prisma', 'model User {\n  id Int @id // TODO: uuid\n}\n');
  repo.ok(['add', 'prisma']);
  expect(repo.commit('schema', { env: { ...dba, ORCH_SKIP: 'no-placeholder' } }).code).toBe(0);
  repo.write('prisma/schema.prisma', 'model User {\n  id Int @id // TODO: uuid\n  email String @unique\n}\n');
  repo.ok(['add', 'prisma']);
  const unrelated = repo.commit('add email', { env: dba });
  expect(unrelated.code, unrelated.out).toBe(0);
});
