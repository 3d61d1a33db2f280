import fc from 'fast-check';
import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { globMatcher, remembered, requiredLiteral } from '../../../src/match/globMatcher.js';

describe('globMatcher', () => {
  it('matches a list of patterns as picomatch matches any of them, one by one', () => {
    const segment = fc.constantFrom(
      'src',
      'SRC',
      'api',
      'db',
      'migrations',
      'a.ts',
      'b.sql',
      'x.proto',
      '[id]',
      '.env',
      'é',
      'É',
      'a*',
      'a)b',
      'x+y',
      'a|b',
    );
    const pattern = fc.constantFrom(
      '**/*.ts',
      'src/**',
      '**/migrations/**/*.sql',
      '**/*.{proto,sql}',
      'src/[a-c]*.ts',
      '**/.env',
      'db/*',
      '*',
      '**/é/**',
      'api/\\[id\\]/**',
      '!src/**',
      'src/**/db',
      '**/"a*"',
      "src/'a*'",
      '**/a)b',
      'src/x+y',
      'src/@(api|db)/**',
      '**/a|b',
      'src/+(a|b).ts',
      '**/[!a]*.sql',
      'migrations/**/*.{ts,sql}',
    );
    fc.assert(
      fc.property(
        fc.array(pattern, { minLength: 1, maxLength: 6 }),
        fc.array(segment, { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        (patterns, parts, nocase) => {
          const p = parts.join('/');
          const expected = patterns.some((g) => picomatch(g, { dot: true, nocase })(p));
          expect(globMatcher(patterns, { ignoreCase: nocase })(p), `${JSON.stringify(patterns)} ~ ${p}`).toBe(expected);
        },
      ),
      { numRuns: 400 },
    );
  });

  it("tests a path against a pattern only when it holds the pattern's longest literal piece", () => {
    expect(requiredLiteral('src/mod-9/**/*.ts', false)).toBe('src/mod-9');
    expect(requiredLiteral('**/*.openapi.{yaml,yml,json}', false)).toBe('.openapi.');
    expect(requiredLiteral('**/db/migration/**/V*__*.sql', true)).toBe('db/migration');
    expect(requiredLiteral('**/*', false)).toBeNull();
    expect(requiredLiteral('**/"a*"', false)).toBeNull(); // quotes are not in the path
    expect(requiredLiteral('src/é/**', true)).toBeNull();
  });
});

describe('remembered', () => {
  it('asks once per path, within its bound', () => {
    let asked = 0;
    const f = remembered((p: string) => {
      asked++;
      return p.length > 3 ? p : undefined;
    }, 2);
    expect([f('abcd'), f('abcd'), f('ab'), f('ab')]).toEqual(['abcd', 'abcd', undefined, undefined]);
    expect(asked).toBe(2);
    f('efgh'); // past the bound: what was known is dropped, answers stay right
    expect(f('abcd')).toBe('abcd');
    expect(asked).toBe(4);
  });
});
