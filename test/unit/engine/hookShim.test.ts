import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { hookShim, huskyBlock } from '../../../src/engine/hookShim.js';
import { shellQuote } from '../../../src/shellQuote.js';

describe('hookShim', () => {
  it.each(['pre-commit', 'commit-msg', 'pre-push', 'pre-receive'])('%s is valid POSIX sh that never calls npx', (hook) => {
    const text = hookShim(hook, ['tools/node_modules/.bin/orch']);
    expect(text.startsWith('#!/bin/sh\n')).toBe(true);
    expect(text).not.toMatch(/\bnpx\b/);
    if (hook === 'commit-msg') {
      // commit-msg starts no Node.js process: trailers come from git interpret-trailers
      expect(text).not.toContain('orch hook');
      expect(text).toContain('git interpret-trailers --in-place --if-exists addIfDifferent');
    } else {
      expect(text).toContain(`hook ${hook} "$@"`);
      expect(text).toContain('"$PWD/tools/node_modules/.bin/orch"');
    }
    const r = spawnSync('sh', ['-n'], { input: text, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
  });
  it('husky blocks are valid sh too', () => {
    for (const hook of ['pre-commit', 'commit-msg', 'post-commit']) {
      const r = spawnSync('sh', ['-n'], { input: huskyBlock(hook), encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
    }
  });
  it('passes stdin to both a chained hook and orch for hooks git feeds', () => {
    expect(hookShim('pre-push', [])).toContain('input=$(cat)');
    expect(hookShim('pre-commit', [])).not.toContain('input=$(cat)');
  });
});

describe('shellQuote', () => {
  it('leaves plain words and quotes the rest', () => {
    expect(shellQuote('api/openapi.yaml')).toBe('api/openapi.yaml');
    expect(shellQuote('docs/my notes.md')).toBe("'docs/my notes.md'");
    expect(shellQuote("it's")).toBe("'it'\\''s'");
    expect(shellQuote('-dash')).toBe('./-dash');
    expect(shellQuote('app/(shop)/[id]')).toBe("'app/(shop)/[id]'");
  });
});
