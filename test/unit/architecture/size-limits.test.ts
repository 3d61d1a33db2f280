// No file in src/ over 400 lines and no function over 120. The files and functions that were
// over the limit (sizes as formatted at line width 120) are listed below with their size: each may
// only shrink (and leaves the list once it is under the limit). Anything else over the
// limit fails, with every offender and its size.
import { describe, expect, it } from 'vitest';
import { functionSizes, lineCount, sourceFiles } from '../../helpers/sourceSizes.js';
import { ROOT } from '../../helpers/tempRepo.js';

const MAX_FILE_LINES = 400;
const MAX_FUNCTION_LINES = 120;

/** Files over the limit, and their size when the check came in: to be split. */
const BIG_FILES: Record<string, number> = {
  'src/setup/initRepo.ts': 413,
};

/** Functions over the limit (file:name), and their size when the check came in: to be split. */
const BIG_FUNCTIONS: Record<string, number> = {
  'src/compose/dockerfilePractices.ts:dockerfilePractices': 139,
  'src/compose/readCompose.ts:readCompose': 133,
  'src/config/locateJsonError.ts:locateJsonError': 176,
  'src/setup/diagnose.ts:diagnose': 165,
  'src/tasks/lockPaths.ts:lockPaths': 140,
  'src/record/recordCommit.ts:recordCommit': 165,
  'src/integrations/planPreCommitFramework.ts:planPreCommitFramework': 133,
  'src/status/statusItems.ts:statusItems': 132,
};

/** Every size over `max` that the allow-list does not cover, as "name: size (limit …)". */
function offenders(sizes: [string, number][], max: number, allowed: Record<string, number>): string[] {
  return sizes
    .filter(([name, n]) => n > max && !(name in allowed && n <= allowed[name]))
    .map(([name, n]) =>
      name in allowed
        ? `${name}: ${n} lines, more than the ${allowed[name]} it had (it must shrink)`
        : `${name}: ${n} lines (limit ${max})`,
    );
}

describe('size limits in src/', () => {
  const files = sourceFiles(ROOT);

  it(`no file over ${MAX_FILE_LINES} lines`, () => {
    expect(
      offenders(
        files.map((f) => [f.file, lineCount(f.text)]),
        MAX_FILE_LINES,
        BIG_FILES,
      ).join('\n'),
    ).toBe('');
  });

  it(`no function over ${MAX_FUNCTION_LINES} lines`, () => {
    const sizes = files.flatMap((f) => functionSizes(f).map((s): [string, number] => [s.id, s.lines]));
    expect(offenders(sizes, MAX_FUNCTION_LINES, BIG_FUNCTIONS).join('\n')).toBe('');
  });

  it('counts what a reader counts', () => {
    const text = `export function a() {\n${'  x();\n'.repeat(130)}}\nconst b = () => {\n  return 1;\n};\nclass C {\n  m() {\n    return [1].map((v) => {\n      return v;\n    });\n  }\n}\n`;
    const sizes = Object.fromEntries(functionSizes({ file: 'src/x.ts', text }).map((s) => [s.id, s.lines]));
    expect(sizes).toEqual({ 'src/x.ts:a': 132, 'src/x.ts:b': 3, 'src/x.ts:C.m': 5, 'src/x.ts:C.m/<anonymous>': 3 });
    expect(offenders([['src/x.ts:a', 132]], MAX_FUNCTION_LINES, {})).toEqual(['src/x.ts:a: 132 lines (limit 120)']);
    expect(offenders([['src/x.ts:a', 132]], MAX_FUNCTION_LINES, { 'src/x.ts:a': 140 })).toEqual([]);
    expect(offenders([['src/x.ts:a', 141]], MAX_FUNCTION_LINES, { 'src/x.ts:a': 140 })).toHaveLength(1);
    expect(lineCount('a\nb\n')).toBe(2);
  });
});
