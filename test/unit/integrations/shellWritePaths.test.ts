import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { shellWritePaths } from '../../../src/integrations/shellWritePaths.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'orch-shell-'));
fs.mkdirSync(path.join(dir, 'src'));
for (const f of ['a.js', 'b.js', 'c.ts']) fs.writeFileSync(path.join(dir, 'src', f), '');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const rel = async (command: string) => {
  const r = await shellWritePaths(command, dir);
  return { paths: r.paths.map((p) => path.relative(dir, p)), unknown: r.unknown };
};

describe('shellWritePaths', () => {
  it.each([
    ['echo x > src/app.js', ['src/app.js']],
    [
      'echo x >> src/app.js 2>/dev/null',
      ['src/app.js', '../../dev/null'.replace(/.*/, path.relative(dir, '/dev/null'))],
    ],
    ['cat a | tee -a src/app.js src/two.js', ['src/app.js', 'src/two.js']],
    ["sed -i.bak -e 's/a/b/' src/a.js src/b.js", ['src/a.js', 'src/b.js']],
    ["sed -n 's/a/b/p' src/a.js", []],
    ["perl -pi -e 's/a/b/' src/app.js", ['src/app.js']],
    ["perl -ne 'print' src/app.js", []],
    ['mv -f src/a.js src/z.js', ['src/a.js', 'src/z.js']],
    ['cp src/a.js src/b.js src/', ['src/src/a.js', 'src/src/b.js'].map((p) => p.replace('src/src', 'src'))],
    ['cp -r lib/x.js src/app.js', ['src/app.js']],
    ['rm -rf -- src/app.js', ['src/app.js']],
    ['truncate -s 0 src/app.js', ['src/app.js']],
    ['git checkout HEAD~1 -- src/app.js', ['src/app.js']],
    ['git restore -s main --staged --worktree src/app.js', ['src/app.js']],
    ['git rm --cached src/app.js', ['src/app.js']],
    // after `--` a word that looks like an option is a file
    ['git rm -- -notes.md', ['-notes.md']],
    ['git mv -- -a.js src/b.js', ['-a.js', 'src/b.js']],
    ['(cd src && touch app.js)', ['src/app.js']],
    ["sudo -u me sh -c 'echo > src/app.js'", ['src/app.js']],
    ['env FOO=1 rm src/app.js', ['src/app.js']],
    ['rm src/*.js', ['src/a.js', 'src/b.js']],
    ["rm 'src/*.js'", ['src/*.js']],
    ['echo "$(date)" > "src/quoted file.js"', ['src/quoted file.js']],
    ['for f in x; do echo > src/loop.js; done', ['src/loop.js']],
  ])('%s', async (command, expected) => {
    const r = await rel(command);
    expect(r.paths).toEqual(expected);
  });

  it('leaves commands that write nothing alone, and says when a target cannot be known', async () => {
    expect(await rel('ls -la && npm test | grep ok')).toEqual({ paths: [], unknown: false });
    expect(await rel('git checkout -b feature')).toEqual({ paths: [], unknown: false });
    expect(await rel('echo hi >&2')).toEqual({ paths: [], unknown: false });
    expect((await rel('rm "$TARGET"')).unknown).toBe(true);
    expect((await rel('echo x > $(mktemp)')).unknown).toBe(true);
    expect((await rel('cd "$DIR" && rm app.js')).unknown).toBe(true);
    // not shell at all: the shell would refuse it too
    expect(await rel('echo "unterminated')).toEqual({ paths: [], unknown: false });
  });
});
