import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { planLefthook } from '../../../src/integrations/planLefthook.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

function project(file: string, text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'orch-lefthook-'));
  dirs.push(dir);
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), text);
  return dir;
}

const JOBS = `# Hooks for this project
pre-commit:
  parallel: true # lint and test together
  jobs:
    # lint the staged files
    - name: lint
      run: npx eslint {staged_files}
      glob: "*.{js,ts}"

# before pushing
pre-push:
  jobs:
    - name: audit
      run: npm audit
`;

describe('planLefthook', () => {
  it('puts orch first in a jobs section, keeping comments, other jobs and other hooks', async () => {
    const dir = project('lefthook.yml', JOBS);
    const plan = await planLefthook(dir, 'lefthook.yml', 'orch', true);
    expect(plan.changes).toHaveLength(1);
    const text = plan.changes[0].content!;
    for (const kept of [
      '# Hooks for this project',
      '# lint and test together',
      '# lint the staged files',
      '# before pushing',
      'run: npx eslint {staged_files}',
      'glob: "*.{js,ts}"',
      'run: npm audit',
    ]) {
      expect(text).toContain(kept);
    }
    // the comment above lint still sits above lint, not above orch
    expect(text).toMatch(/# lint the staged files\n\s+- name: lint/);
    const cfg = parse(text);
    expect(cfg['pre-commit'].parallel).toBe(true);
    expect(cfg['pre-commit'].jobs.map((j: { name: string }) => j.name)).toEqual(['orch', 'lint']);
    expect(cfg['pre-commit'].jobs[0].run).toBe('orch hook pre-commit');
    // new sections follow the file's style (jobs) and pass the message file as {1}
    expect(cfg['commit-msg'].jobs[0]).toEqual({
      name: 'orch',
      run: expect.stringContaining('orch hook commit-msg {1}'),
    });
    expect(cfg['post-commit'].jobs[0].run).toContain('orch hook post-commit');
    // pre-push: orch first, with git's stdin (the pushed refs) passed through
    expect(cfg['pre-push'].jobs).toEqual([
      { name: 'orch', run: 'orch hook pre-push {0}', use_stdin: true },
      { name: 'audit', run: 'npm audit' },
    ]);
    expect(text).toMatch(/# before pushing\npre-push:/);
    expect(plan.notes.join('\n')).toContain('lefthook install');
  });

  it('uses commands: where the file does, and for new sections when the file has no jobs', async () => {
    const dir = project(
      '.lefthook.yaml',
      'pre-commit:\n  commands:\n    # formatting\n    prettier:\n      run: npx prettier --check {staged_files}\n',
    );
    const plan = await planLefthook(dir, '.lefthook.yaml', 'node_modules/.bin/orch', true);
    const text = plan.changes[0].content!;
    const cfg = parse(text);
    expect(Object.keys(cfg['pre-commit'].commands)).toEqual(['orch', 'prettier']);
    expect(cfg['pre-commit'].commands.orch.run).toBe('node_modules/.bin/orch hook pre-commit');
    expect(text).toMatch(/# formatting\n\s+prettier:/);
    expect(cfg['commit-msg'].commands.orch.run).toContain('node_modules/.bin/orch hook commit-msg {1}');
  });

  it('is idempotent, and brings a command orch wrote up to date when orch moved', async () => {
    const dir = project('lefthook.yml', JOBS);
    const first = await planLefthook(dir, 'lefthook.yml', 'orch', true);
    fs.writeFileSync(path.join(dir, 'lefthook.yml'), first.changes[0].content!);
    expect((await planLefthook(dir, 'lefthook.yml', 'orch', true)).changes).toEqual([]);
    // orch installed locally later: the same entries now name node_modules/.bin/orch
    const moved = await planLefthook(dir, 'lefthook.yml', 'node_modules/.bin/orch', true);
    const cfg = parse(moved.changes[0].content!);
    expect(cfg['pre-commit'].jobs.filter((j: { name: string }) => j.name === 'orch')).toHaveLength(1);
    expect(cfg['pre-commit'].jobs[0].run).toBe('node_modules/.bin/orch hook pre-commit');
    expect(cfg['commit-msg'].jobs[0].run).toContain('node_modules/.bin/orch hook commit-msg {1}');
  });

  it('leaves a hand-written orch command alone', async () => {
    const dir = project(
      'lefthook.yml',
      'pre-commit:\n  commands:\n    locks:\n      run: ORCH_FORMAT=json orch hook pre-commit\n',
    );
    const plan = await planLefthook(dir, 'lefthook.yml', 'orch', true);
    const cfg = parse(plan.changes[0].content!);
    expect(cfg['pre-commit'].commands).toEqual({ locks: { run: 'ORCH_FORMAT=json orch hook pre-commit' } });
    expect(cfg['commit-msg']).toBeDefined();
  });

  it('fills a file that holds only comments (what `lefthook install` writes)', async () => {
    const dir = project('lefthook.yml', '# EXAMPLE USAGE:\n#\n# pre-push:\n#   jobs:\n#     - run: yarn audit\n');
    const text = (await planLefthook(dir, 'lefthook.yml', 'orch', false)).changes[0].content!;
    expect(text.startsWith('# EXAMPLE USAGE:')).toBe(true);
    expect(parse(text)['pre-commit'].commands.orch.run).toBe('orch hook pre-commit');
  });

  it('keeps sequences unindented when the file writes them so', async () => {
    const dir = project('lefthook.yml', 'pre-commit:\n  jobs:\n  - name: lint\n    run: make lint\n');
    const text = (await planLefthook(dir, 'lefthook.yml', 'orch', true)).changes[0].content!;
    expect(text).toContain('  jobs:\n  - name: orch\n    run: orch hook pre-commit\n  - name: lint\n');
  });

  it('edits lefthook.json and says what to add to TOML', async () => {
    const dir = project(
      'lefthook.json',
      '{\n    "pre-commit": {\n        "commands": {\n            "lint": { "run": "make lint" }\n        }\n    }\n}\n',
    );
    const json = await planLefthook(dir, 'lefthook.json', 'orch', true);
    const text = json.changes[0].content!;
    expect(text).toMatch(/^\{\n {4}"pre-commit"/);
    expect(Object.keys(JSON.parse(text)['pre-commit'].commands)).toEqual(['orch', 'lint']);

    const tomlDir = project('lefthook.toml', '[pre-commit.commands.lint]\nrun = "make lint"\n');
    const toml = await planLefthook(tomlDir, 'lefthook.toml', 'orch', true);
    expect(toml.changes).toEqual([]);
    expect(toml.notes[0]).toContain('[pre-commit.commands.orch]');
    expect(toml.notes[0]).toContain('run = "orch hook pre-commit"');
  });

  it('refuses a file that is not YAML, naming it', async () => {
    const dir = project('lefthook.yml', 'pre-commit:\n  jobs: [\n');
    await expect(planLefthook(dir, 'lefthook.yml', 'orch', true)).rejects.toThrow(/lefthook\.yml is not valid YAML/);
  });
});
