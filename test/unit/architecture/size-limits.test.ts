// No file in src/ over 400 lines and no function over 120 (sizes as formatted at line width
// 120). Anything over the limit fails, with every offender and its size.
import { describe, expect, it } from 'vitest';
import { functionSizes, lineCount, sourceFiles } from '../../helpers/sourceSizes.js';
import { ROOT } from '../../helpers/tempRepo.js';

const MAX_FILE_LINES = 400;
const MAX_FUNCTION_LINES = 120;

/** Every size over `max`, as "name: size (limit …)". */
function offenders(sizes: [string, number][], max: number): string[] {
  return sizes.filter(([, n]) => n > max).map(([name, n]) => `${name}: ${n} lines (limit ${max})`);
}

describe('size limits in src/', () => {
  const files = sourceFiles(ROOT);

  it(`no file over ${MAX_FILE_LINES} lines`, () => {
    const sizes = files.map((f): [string, number] => [f.file, lineCount(f.text)]);
    expect(offenders(sizes, MAX_FILE_LINES).join('\n')).toBe('');
  });

  it(`no function over ${MAX_FUNCTION_LINES} lines`, () => {
    const sizes = files.flatMap((f) => functionSizes(f).map((s): [string, number] => [s.id, s.lines]));
    expect(offenders(sizes, MAX_FUNCTION_LINES).join('\n')).toBe('');
  });

  it('counts what a reader counts', () => {
    const text = `export function a() {\n${'  x();\n'.repeat(130)}}\nconst b = () => {\n  return 1;\n};\nclass C {\n  m() {\n    return [1].map((v) => {\n      return v;\n    });\n  }\n}\n`;
    const sizes = Object.fromEntries(functionSizes({ file: 'src/x.ts', text }).map((s) => [s.id, s.lines]));
    expect(sizes).toEqual({ 'src/x.ts:a': 132, 'src/x.ts:b': 3, 'src/x.ts:C.m': 5, 'src/x.ts:C.m/<anonymous>': 3 });
    expect(offenders([['src/x.ts:a', 132]], MAX_FUNCTION_LINES)).toEqual(['src/x.ts:a: 132 lines (limit 120)']);
    expect(offenders([['src/x.ts:a', 120]], MAX_FUNCTION_LINES)).toEqual([]);
    expect(lineCount('a\nb\n')).toBe(2);
  });
});
