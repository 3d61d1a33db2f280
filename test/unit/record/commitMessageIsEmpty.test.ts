import { expect, it } from 'vitest';
import { cleanupModeOf, commitMessageIsEmpty } from '../../../src/record/commitMessageIsEmpty.js';

it('answers as git does after its cleanup', () => {
  expect(commitMessageIsEmpty('\n# Please enter\n#\n\n', 'strip')).toBe(true);
  expect(commitMessageIsEmpty('\n; Please enter\n', 'strip', ';')).toBe(true);
  expect(commitMessageIsEmpty('\n; Please enter\n', 'strip', '#')).toBe(false);
  expect(commitMessageIsEmpty('\nSigned-off-by: A <a@x>\n', 'whitespace')).toBe(true);
  expect(commitMessageIsEmpty('# a title\n', 'whitespace')).toBe(false);
  expect(
    commitMessageIsEmpty('\n# ------------------------ >8 ------------------------\ndiff --git a/x b/x\n', 'strip'),
  ).toBe(true);
  expect(commitMessageIsEmpty('Fix it\n# comment\n', 'strip')).toBe(false);
  expect(commitMessageIsEmpty('\n', 'verbatim')).toBe(false);
  expect(commitMessageIsEmpty('', 'verbatim')).toBe(true);
});

it('uses the configured mode, else what git picks with and without an editor', () => {
  expect(cleanupModeOf('verbatim', {}, 1)).toBe('verbatim');
  expect(cleanupModeOf(undefined, { GIT_EDITOR: ':' }, 1)).toBe('whitespace');
  expect(cleanupModeOf('default', {}, 1)).toBe('strip');
});
