import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  SHIPPED_HOOKS,
  hookShim,
  huskyBlock,
  shippedHook,
  shippedHooksDir,
} from '../../../src/integrations/hookShim.js';
import { shellQuote } from '../../../src/shellQuote.js';

/** What the shim's `hints` variable holds once sh has read the hints line. */
function hintsSeenBySh(text: string): string {
  // the assignment spans one line per path
  const line = text.slice(text.indexOf('\nhints=') + 1, text.indexOf('\norch=$ORCH_BIN'));
  const r = spawnSync('sh', ['-c', `${line}\nprintf %s "$hints"`], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

describe('hookShim', () => {
  it.each(['pre-commit', 'commit-msg', 'post-commit', 'pre-push', 'pre-receive'])(
    '%s is valid POSIX sh that never calls npx',
    (hook) => {
      const text = hookShim(hook, ['tools/node_modules/.bin/orch']);
      expect(text.startsWith('#!/bin/sh\n')).toBe(true);
      expect(text).not.toMatch(/\bnpx\b/);
      if (hook === 'commit-msg') {
        // commit-msg starts no Node.js process: trailers come from git interpret-trailers
        expect(text).not.toContain('orch hook');
        expect(text).toContain('git interpret-trailers --in-place --if-exists addIfDifferent');
      } else {
        expect(text).toContain(`hook ${hook} "$@"`);
        expect(hintsSeenBySh(text)).toBe('tools/node_modules/.bin/orch');
      }
      const r = spawnSync('sh', ['-n'], { input: text, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
    },
  );

  it('is the shipped file, unchanged, when orch was found only where the file looks anyway', () => {
    for (const hook of SHIPPED_HOOKS) {
      const file = path.join(shippedHooksDir(), hook);
      expect(hookShim(hook, []), hook).toBe(fs.readFileSync(file, 'utf8'));
      expect(hookShim(hook, ['node_modules/.bin/orch']), hook).toBe(fs.readFileSync(file, 'utf8'));
      // executable, so a server administrator can copy it as it is
      expect(fs.statSync(file).mode & 0o111, hook).not.toBe(0);
      const r = spawnSync('sh', ['-n', file], { encoding: 'utf8' });
      expect(r.status, `${hook}: ${r.stderr}`).toBe(0);
    }
  });

  it('writes install paths as data: sh reads back exactly the names, whatever they hold', () => {
    const odd = [
      'pkg$(touch INJECTED)/node_modules/.bin/orch',
      "it's/node_modules/.bin/orch",
      'back`id`tick/x',
      'a b/"q"/\\n/$HOME',
    ];
    const text = hookShim('pre-commit', ['node_modules/.bin/orch', ...odd]);
    expect(hintsSeenBySh(text)).toBe(['node_modules/.bin/orch', ...odd].join('\n'));
    // a name with a newline cannot be one line of the list: left out (found on PATH instead)
    expect(hintsSeenBySh(hookShim('pre-commit', ['a\nb/orch', 'web/orch']))).toBe('web/orch');
  });

  it('finds orch before a chained hook that reads standard input passes it on', () => {
    for (const hook of ['pre-push', 'pre-receive']) {
      const text = shippedHook(hook);
      expect(text).toContain('input=$(cat)');
      // every use of $orch comes after the lookup that sets it
      const set = text.indexOf('orch=$ORCH_BIN');
      const uses = [...text.matchAll(/"\$orch" hook/g)].map((m) => m.index!);
      expect(uses.length).toBe(2);
      for (const at of uses) expect(at).toBeGreaterThan(set);
    }
    expect(shippedHook('pre-commit')).not.toContain('input=$(cat)');
  });

  it('the four files that look for orch look for it the same way', () => {
    const lookup = (hook: string) => {
      const text = shippedHook(hook);
      return text.slice(text.indexOf('# Which orch'), text.indexOf('  echo "orch: cannot run'));
    };
    for (const hook of ['post-commit', 'pre-push', 'pre-receive'])
      expect(lookup(hook), hook).toBe(lookup('pre-commit'));
  });

  it('husky blocks are valid sh too', () => {
    for (const hook of ['pre-commit', 'commit-msg', 'post-commit']) {
      const r = spawnSync('sh', ['-n'], { input: huskyBlock(hook), encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
    }
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
