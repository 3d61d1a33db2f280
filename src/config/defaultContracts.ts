// Where API contracts and database schemas usually live, so `orch init` can protect
// them without the user listing every framework's layout. Patterns are picomatch globs
// matched with `{ dot: true }`, the same way lock paths are matched, and every pattern
// starts with `**/` so monorepos (`packages/db/prisma/...`) are covered too.
import type { ContractConfig } from './schema.js';

// Where the proof of a contract usually lives (rule contract-proof): test directories and
// test files of the common runners (jest/vitest `*.test.*`, `*.spec.*`, go `*_test.go`,
// pytest `test_*.py`).
const TESTS = [
  '**/test/**',
  '**/tests/**',
  '**/__tests__/**',
  '**/spec/**',
  '**/e2e/**',
  '**/*.test.*',
  '**/*.spec.*',
  '**/*_test.*',
  '**/test_*.py',
];

export function defaultContracts(): ContractConfig[] {
  return [
    {
      name: 'contract',
      paths: [
        // OpenAPI and Swagger
        '**/openapi.{yaml,yml,json}',
        '**/*.openapi.{yaml,yml,json}',
        '**/swagger.{yaml,yml,json}',
        // GraphQL
        '**/*.graphql',
        '**/*.graphqls',
        // protobuf
        '**/*.proto',
        '**/buf.yaml',
      ],
      owners: ['backend-architect'],
      requireLock: true,
      proof: [...TESTS],
    },
    {
      name: 'schema',
      paths: [
        // Prisma
        '**/prisma/schema.prisma',
        '**/prisma/migrations/**',
        // Alembic and Flask-Migrate
        '**/alembic/versions/*.py',
        '**/migrations/versions/*.py',
        // Flyway (versioned and repeatable; Flyway scans subdirectories)
        '**/db/migration/**/V*__*.sql',
        '**/db/migration/**/R__*.sql',
        // Rails
        '**/db/schema.rb',
        '**/db/structure.sql',
        '**/db/migrate/*.rb',
        // Entity Framework Core (`Migrations/`, `Data/Migrations/`, `AppDbMigrations/`)
        '**/*Migrations/**/*.cs',
        // Supabase
        '**/supabase/migrations/*.sql',
        // plain SQL migration directories (dbmate, sqlx, diesel, node-pg-migrate, …)
        '**/migrations/**/*.sql',
        // Django
        '**/migrations/[0-9][0-9][0-9][0-9]_*.py',
        // golang-migrate
        '**/*.up.sql',
        '**/*.down.sql',
        // Liquibase
        '**/db/changelog/**',
      ],
      owners: ['database-architect'],
      requireLock: true,
      // migration tests: the test files above, and files named as migration tests anywhere
      proof: [...TESTS, '**/*migration*test*', '**/*migration*spec*'],
    },
  ];
}
