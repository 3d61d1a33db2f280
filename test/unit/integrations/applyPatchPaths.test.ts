import { describe, expect, it } from 'vitest';
import { applyPatchPaths, looksLikePatch } from '../../../src/integrations/applyPatchPaths.js';

describe('applyPatchPaths', () => {
  it('reads every header: Add, Update, Delete and the Move target', () => {
    const patch = [
      '*** Begin Patch',
      '*** Add File: src/new.ts',
      '+export {}',
      '*** Update File: src/old.ts',
      '*** Move to: src/moved.ts',
      '@@',
      '-a',
      '+b',
      '*** Delete File: src/gone.ts',
      '*** End Patch',
    ].join('\n');
    expect(applyPatchPaths(patch, '/repo')).toEqual([
      '/repo/src/new.ts',
      '/repo/src/old.ts',
      '/repo/src/moved.ts',
      '/repo/src/gone.ts',
    ]);
  });
  it('takes absolute paths as given and ignores header-like text inside hunks', () => {
    const patch =
      '*** Begin Patch\n*** Update File: /repo/a.ts\n@@\n-*** Update File: not/a/header\n+x\n*** End Patch\n';
    expect(applyPatchPaths(patch, '/elsewhere')).toEqual(['/repo/a.ts']);
  });
  it('knows a patch handed to the shell', () => {
    expect(looksLikePatch("apply_patch <<'EOF'\n*** Begin Patch\n*** End Patch\nEOF")).toBe(true);
    expect(looksLikePatch('echo "*** Begin Patch"')).toBe(false);
  });
});
