import { describe, it, expect } from 'vitest';
import picomatch from 'picomatch';
import { defaultContracts } from '../../../src/config/defaultContracts.js';
import { contractSchema } from '../../../src/config/schema.js';

const groups = defaultContracts();
const groupOf = (path: string): string[] =>
  groups.filter((g) => picomatch(g.paths, { dot: true })(path)).map((g) => g.name);

describe('defaultContracts', () => {
  it('has a contract group for backend-architect and a schema group for database-architect, both requiring a lock', () => {
    expect(groups.map((g) => [g.name, g.owners, g.requireLock])).toEqual([
      ['contract', ['backend-architect'], true],
      ['schema', ['database-architect'], true],
    ]);
    for (const g of groups) expect(() => contractSchema.parse(g)).not.toThrow();
  });

  it.each([
    // OpenAPI and Swagger
    ['api/openapi.yaml', 'contract'],
    ['openapi.json', 'contract'],
    ['services/orders/openapi.yml', 'contract'],
    ['specs/orders.openapi.yaml', 'contract'],
    ['docs/swagger.json', 'contract'],
    ['swagger.yaml', 'contract'],
    // GraphQL
    ['schema.graphql', 'contract'],
    ['api/graph/orders.graphqls', 'contract'],
    // protobuf
    ['proto/orders/v1/orders.proto', 'contract'],
    ['buf.yaml', 'contract'],
    // Prisma
    ['prisma/schema.prisma', 'schema'],
    ['packages/db/prisma/schema.prisma', 'schema'],
    ['prisma/migrations/20240101120000_init/migration.sql', 'schema'],
    // Alembic and Flask-Migrate
    ['alembic/versions/1a2b3c_add_orders.py', 'schema'],
    ['migrations/versions/4d5e6f_add_users.py', 'schema'],
    // Flyway
    ['db/migration/V1__init.sql', 'schema'],
    ['src/main/resources/db/migration/V2_1__orders.sql', 'schema'],
    ['db/migration/R__views.sql', 'schema'],
    // Rails
    ['db/schema.rb', 'schema'],
    ['db/structure.sql', 'schema'],
    ['db/migrate/20240101120000_create_orders.rb', 'schema'],
    // EF Core
    ['src/Orders.Api/Migrations/20240101120000_Init.cs', 'schema'],
    ['Data/Migrations/AppDbContextModelSnapshot.cs', 'schema'],
    // Supabase
    ['supabase/migrations/20240101120000_init.sql', 'schema'],
    // Django
    ['shop/migrations/0001_initial.py', 'schema'],
    ['apps/orders/migrations/0012_order_total.py', 'schema'],
    // golang-migrate
    ['migrations/000001_create_users.up.sql', 'schema'],
    ['db/000001_create_users.down.sql', 'schema'],
    // Liquibase
    ['db/changelog/db.changelog-master.yaml', 'schema'],
    ['src/main/resources/db/changelog/changes/001-init.xml', 'schema'],
  ])('%s is in the %s group', (path, group) => {
    expect(groupOf(path)).toEqual([group]);
  });

  it.each([
    'docs/openapi-notes.md',
    'src/migrations.ts',
    'src/migrations/index.ts',
    'shop/migrations/__init__.py',
    'db/migrate/README.md',
    'db/migration/notes.sql',
    'prisma/seed.ts',
    'app/models/schema.rb',
    'src/graphql/resolvers.ts',
    'protocol.md',
    'README.md',
  ])('%s is in no group', (path) => {
    expect(groupOf(path)).toEqual([]);
  });

  it('returns a fresh copy each time, so callers may edit it', () => {
    const a = defaultContracts();
    a[0].owners.push('someone');
    expect(defaultContracts()[0].owners).toEqual(['backend-architect']);
  });
});
