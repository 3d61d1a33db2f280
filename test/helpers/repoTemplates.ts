// A temp repository's set-up (git init, an identity, `orch init`, the first commit through
// the hooks) is the same in every test that asks for the same kind, and starting git and
// orch for it again in each test is most of what a short integration test costs. So a test
// run makes each kind once, in the directory templatesSetup.ts provides, and every
// tempRepo() copies it: each test still gets a repository, home and bin of its own, with
// nothing shared after the copy. Nothing in the copied files names the directory they were
// made in (hooks and configuration use paths relative to the repository; `bin/orch` links
// to this checkout's bin/orch.js), so a copy works as a set-up made in place would. What
// differs: the set-up commit and its Log entry carry the time the template was made,
// earlier in the same run, and the home already holds the code cache the set-up wrote.
import fs from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';

export interface TemplateKind {
  init?: boolean;
  bin?: boolean;
  bare?: boolean;
  commitSetup?: boolean;
}

/** The provided directory, or undefined when the run has none (each set-up is then made in place). */
function templatesRoot(): string | undefined {
  try {
    return inject('repoTemplates');
  } catch {
    return undefined;
  }
}

/**
 * The directory holding the set-up of this kind (home/, bin/ and the repository `name`),
 * made by `build(dir)` the first time any test of the run asks for it.
 */
export function templateFor(kind: TemplateKind, name: string, build: (dir: string) => void): string | undefined {
  const root = templatesRoot();
  if (!root || !fs.existsSync(root)) return undefined;
  const key = [
    kind.bare ? 'bare' : kind.init === false ? 'plain' : kind.commitSetup === false ? 'init' : 'committed',
    kind.bin === false ? 'nobin' : 'bin',
    encodeURIComponent(name),
  ].join('-');
  const dir = path.join(root, key);
  if (fs.existsSync(dir)) return dir;
  const tmp = fs.mkdtempSync(`${dir}.tmp-`);
  try {
    build(tmp);
    fs.renameSync(tmp, dir); // in one step: a test file running beside this one sees all or nothing
  } catch (e) {
    fs.rmSync(tmp, { recursive: true, force: true });
    if (!fs.existsSync(dir)) throw e; // not merely another file that made it first
  }
  return dir;
}

/** Copies a template into `base` (an empty directory), links and file modes as they are. */
export function copyTemplate(template: string, base: string): void {
  fs.cpSync(template, base, { recursive: true, verbatimSymlinks: true, preserveTimestamps: true });
}
