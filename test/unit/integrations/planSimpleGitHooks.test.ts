import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planSimpleGitHooks, withOrch } from '../../../src/integrations/planSimpleGitHooks.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'orch-sgh-'));
  dirs.push(dir);
  for (const [f, t] of Object.entries(files)) fs.writeFileSync(path.join(dir, f), t);
  return dir;
}

describe('withOrch', () => {
  it('puts orch in front of the existing command', () => {
    expect(withOrch('npx lint-staged', 'pre-commit', 'orch hook pre-commit')).toBe(
      'orch hook pre-commit && npx lint-staged',
    );
    expect(withOrch(undefined, 'pre-commit', 'orch hook pre-commit')).toBe('orch hook pre-commit');
    // post-commit: the user's step runs whatever orch did
    expect(withOrch('./notify.sh', 'post-commit', 'x || orch hook post-commit')).toBe(
      'x || orch hook post-commit; ./notify.sh',
    );
  });
  it('replaces only what orch wrote earlier, and leaves a hand-written orch call alone', () => {
    expect(
      withOrch('orch hook pre-commit && npx lint-staged', 'pre-commit', 'node_modules/.bin/orch hook pre-commit'),
    ).toBe('node_modules/.bin/orch hook pre-commit && npx lint-staged');
    expect(withOrch('npx lint-staged && orch hook pre-commit', 'pre-commit', 'orch hook pre-commit')).toBeUndefined();
  });
});

describe('planSimpleGitHooks', () => {
  it('edits the package.json key, keeping other keys, key order and indentation', () => {
    const pkg = {
      name: 'app',
      scripts: { prepare: 'simple-git-hooks' },
      'simple-git-hooks': { 'pre-commit': 'npx lint-staged', 'pre-push': 'npm test' },
      'lint-staged': { '*.ts': 'eslint --fix' },
    };
    const dir = project({ 'package.json': JSON.stringify(pkg, null, 4) + '\n' });
    const plan = planSimpleGitHooks(dir, 'package.json', 'node_modules/.bin/orch', true);
    const text = plan.changes[0].content!;
    expect(text).toMatch(/^\{\n {4}"name"/);
    const out = JSON.parse(text);
    expect(Object.keys(out)).toEqual(['name', 'scripts', 'simple-git-hooks', 'lint-staged']);
    expect(out['lint-staged']).toEqual(pkg['lint-staged']);
    expect(out['simple-git-hooks']['pre-commit']).toBe('node_modules/.bin/orch hook pre-commit && npx lint-staged');
    expect(out['simple-git-hooks']['pre-push']).toBe('node_modules/.bin/orch hook pre-push "$@" && npm test');
    // simple-git-hooks deletes hook files its config does not name: orch names its own
    expect(out['simple-git-hooks']['commit-msg']).toContain('node_modules/.bin/orch hook commit-msg "$1"');
    expect(out['simple-git-hooks']['post-commit']).toContain('node_modules/.bin/orch hook post-commit');
    expect(plan.notes.join('\n')).toContain('npx simple-git-hooks');
  });

  it('is idempotent', () => {
    const dir = project({ '.simple-git-hooks.json': '{ "pre-commit": "npx lint-staged" }' });
    const first = planSimpleGitHooks(dir, '.simple-git-hooks.json', 'orch', true);
    expect(JSON.parse(first.changes[0].content!)['pre-commit']).toBe('orch hook pre-commit && npx lint-staged');
    fs.writeFileSync(path.join(dir, '.simple-git-hooks.json'), first.changes[0].content!);
    expect(planSimpleGitHooks(dir, '.simple-git-hooks.json', 'orch', true).changes).toEqual([]);
  });

  it('does not edit a JavaScript configuration, and says what to add', () => {
    const dir = project({ 'simple-git-hooks.js': "module.exports = { 'pre-commit': 'npx lint-staged' }\n" });
    const plan = planSimpleGitHooks(dir, 'simple-git-hooks.js', 'orch', true);
    expect(plan.changes).toEqual([]);
    expect(plan.notes[0]).toContain("'pre-commit': 'orch hook pre-commit && <the existing command>'");
  });
});
