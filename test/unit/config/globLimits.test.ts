import { describe, expect, it } from 'vitest';
import { configSchema } from '../../../src/config/schema.js';
import { defaultContracts } from '../../../src/config/defaultContracts.js';

// Every configured glob is matched against the paths of every change: one that
// backtracks badly would stall each check, so it is refused when the config is read.
describe('configured globs get the limits of lock globs', () => {
  const costly = '**/*a*a*a*a*a*a*a*b';
  const issues = (input: unknown) => {
    const r = configSchema.safeParse(input);
    return r.success ? [] : r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  };

  it('refuses a costly glob in contracts, services, review, locks.required and placeholders, naming the key', () => {
    expect(issues({ contracts: [{ name: 'api', paths: ['api/**', costly], owners: ['backend-architect'] }] })).toEqual([
      {
        path: 'contracts.0.paths.1',
        message: expect.stringContaining(`the glob "${costly}" is too costly to match: it has 8 wildcards (at most 3)`),
      },
    ]);
    expect(issues({ services: { roots: [costly] } })[0].path).toBe('services.roots.0');
    expect(issues({ services: { ignore: ['x/{a,b}/{c,d}/{e,f}/{g,h}/{i,j}/{k,l}/{m,n}'] } })[0].message).toContain(
      'alternatives',
    );
    expect(issues({ review: { paths: [costly] } })[0].path).toBe('review.paths.0');
    expect(issues({ locks: { required: [costly] } })[0].path).toBe('locks.required.0');
    expect(issues({ placeholders: { paths: [costly] } })[0].path).toBe('placeholders.paths.0');
    // a leading "**/" is not counted, but only once
    expect(issues({ review: { paths: ['**/*a*a*a'] } })).toEqual([]);
    expect(issues({ review: { paths: ['**/**/*a*a*a'] } })[0].message).toContain('4 wildcards');
  });

  it('accepts the defaults, the contracts orch init writes, and ordinary globs', () => {
    expect(issues({})).toEqual([]);
    expect(issues({ contracts: defaultContracts() })).toEqual([]);
    expect(
      issues({
        contracts: [
          { name: 'db', paths: ['db/migrations/**/*.sql', '**/*.proto', 'api/{v1,v2}/*.yaml'], owners: ['dba'] },
        ],
      }),
    ).toEqual([]);
  });
});
