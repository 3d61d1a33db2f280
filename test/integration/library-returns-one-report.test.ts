// The library's checks return the Report the JSON format prints, whatever they judge: the
// index, named files, a range, an edit about to happen (README: "Use from a program").
import { afterAll, expect, it } from 'vitest';
import { checkFiles, checkRange, checkStaged, guard } from '../../src/index.js';
import { INTRUDER, intruderCommit, lockedArena } from '../helpers/statusAttack.js';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it('checkStaged, checkFiles, checkRange and guard each return one Report naming the lock conflict', async () => {
  const arena = lockedArena(tempRepo);
  const { repo } = arena;
  const env = { ...repo.env, ...INTRUDER };
  const shape = (r: unknown) => Object.keys(r as object).filter((k) => k !== 'notes' && k !== 'skipped');

  repo.write('src/app.js', 'export const v = 2;\n');
  repo.ok(['add', 'src/app.js']);
  const staged = await checkStaged({ cwd: repo.dir, env });
  const files = await checkFiles({ cwd: repo.dir, env, files: ['src/app.js'] });
  const edit = await guard({ cwd: repo.dir, env, path: 'src/app.js' });
  intruderCommit(arena, 'frontend edits the app');
  const range = await checkRange({ cwd: repo.dir, env, context: 'check', range: `${arena.base}..HEAD` });

  for (const report of [staged, files, edit, range]) {
    expect(shape(report)).toEqual(['ok', 'context', 'agent', 'findings']);
    expect(report.ok).toBe(false);
    expect(report.findings.map((f) => [f.rule, f.severity, f.path])).toContainEqual([
      'lock-conflict',
      'error',
      'src/app.js',
    ]);
  }
  expect(staged.agent).toBe('frontend');
  expect(range.context).toBe('check');
});
