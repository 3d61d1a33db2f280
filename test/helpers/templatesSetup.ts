// vitest globalSetup: one directory per test run for the repository templates of
// repoTemplates.ts, removed when the run ends.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    repoTemplates: string;
  }
}

export default function setup(project: TestProject): () => void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'orch-templates-'));
  project.provide('repoTemplates', dir);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
