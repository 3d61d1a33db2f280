import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { planPreCommitFramework } from '../../../src/integrations/planPreCommitFramework.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

function project(text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'orch-precommit-'));
  dirs.push(dir);
  fs.writeFileSync(path.join(dir, '.pre-commit-config.yaml'), text);
  return dir;
}

const CONFIG = `# See https://pre-commit.com for more information
repos:
  # formatting
  - repo: https://github.com/psf/black
    rev: 24.1.0
    hooks:
      - id: black
  - repo: local
    hooks:
      - id: mypy
        name: mypy
        entry: mypy
        language: system
        types: [python]
`;

describe('planPreCommitFramework', () => {
  it('adds a local entry first, with the fields the framework needs, keeping comments and other repos', async () => {
    const dir = project(CONFIG);
    const plan = await planPreCommitFramework(dir, 'orch', false);
    const text = plan.changes[0].content!;
    expect(text).toContain('# See https://pre-commit.com for more information');
    expect(text).toContain('# formatting');
    const cfg = parse(text);
    expect(cfg.repos.map((r: { repo: string }) => r.repo)).toEqual(['local', 'https://github.com/psf/black', 'local']);
    const [orch, msg, post] = cfg.repos[0].hooks;
    expect(orch).toMatchObject({
      id: 'orch',
      entry: 'orch hook pre-commit',
      language: 'system',
      pass_filenames: false,
      always_run: true,
      stages: ['pre-commit'],
    });
    expect(msg).toMatchObject({
      id: 'orch-commit-msg',
      entry: 'orch hook commit-msg',
      language: 'system',
      stages: ['commit-msg'],
    });
    expect(msg.pass_filenames).toBeUndefined(); // the framework passes the message file
    expect(post).toMatchObject({ id: 'orch-post-commit', stages: ['post-commit'], pass_filenames: false });
    expect(cfg.default_install_hook_types).toEqual(['pre-commit', 'commit-msg', 'post-commit']);
    expect(cfg.repos[2].hooks[0].id).toBe('mypy');
    expect(plan.notes.join('\n')).toContain('pre-commit install');
  });

  it('joins a first repo that is already local, and is idempotent', async () => {
    const dir = project(
      'default_install_hook_types: [pre-commit]\nrepos:\n- repo: local\n  hooks:\n  - id: mypy\n    name: mypy\n    entry: mypy\n    language: system\n',
    );
    const plan = await planPreCommitFramework(dir, 'node_modules/.bin/orch', true);
    const text = plan.changes[0].content!;
    const cfg = parse(text);
    expect(cfg.repos).toHaveLength(1);
    expect(cfg.repos[0].hooks.map((h: { id: string }) => h.id)).toEqual([
      'orch',
      'orch-commit-msg',
      'orch-post-commit',
      'mypy',
    ]);
    expect(cfg.repos[0].hooks[0].entry).toBe('node_modules/.bin/orch hook pre-commit');
    expect(cfg.default_install_hook_types).toEqual(['pre-commit', 'commit-msg', 'post-commit']);
    expect(text).toContain('\n- repo: local\n'); // unindented sequences stay so
    fs.writeFileSync(path.join(dir, '.pre-commit-config.yaml'), text);
    expect((await planPreCommitFramework(dir, 'node_modules/.bin/orch', true)).changes).toEqual([]);
  });

  it('counts orch used from its remote repository as present', async () => {
    const dir = project(
      'default_install_hook_types: [pre-commit, commit-msg, post-commit]\nrepos:\n  - repo: https://example.invalid/orchguard\n    rev: v0.1.0\n    hooks:\n      - id: orch\n      - id: orch-commit-msg\n      - id: orch-post-commit\n',
    );
    expect((await planPreCommitFramework(dir, 'orch', true)).changes).toEqual([]);
  });
});
