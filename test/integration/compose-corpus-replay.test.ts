// The public projects' compose files (test/fixtures/compose, see SOURCES.txt and the
// licences beside them) run in production: committed into a repository with a Dockerfile
// at every path their DOCKERFILES.txt lists, compose-consistency must find nothing in
// them, through the pre-commit hook and through `orch ci`. Every finding of another rule
// is explained below.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { orchCi } from '../helpers/rangeHooks.js';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';
import { loadProject, PROJECTS } from '../unit/compose/corpusProject.js';

afterAll(cleanupAll);

type Finding = { rule: string; severity: string; path: string; line?: number; message: string };

// A Dockerfile that follows every practice, so the stubs add no findings of their own.
const STUB = 'FROM alpine:3.20\nUSER 10001\nHEALTHCHECK CMD ["true"]\nCMD ["true"]\n';

const OUTSIDE_COMPOSE: Record<string, string[]> = {
  'example-voting-app': [],
  // the Android build of the demo's mobile app
  'opentelemetry-demo': ['src/react-native-app'],
  // robot-shop ships fluentd for its Kubernetes logging set-up, not in compose
  'robot-shop': ['fluentd'],
};

it.each(PROJECTS)('%s: no compose-consistency finding at pre-commit or in CI', (name) => {
  const repo = tempRepo();
  const base = repo.ok(['rev-parse', 'HEAD']).trim();
  const project = loadProject(name);
  for (const [file, text] of Object.entries(project.texts)) repo.write(file, text);
  for (const d of project.dockerfiles) repo.write(d, STUB);
  // the licence travels with the files
  fs.copyFileSync(
    path.join(import.meta.dirname, '../fixtures/compose', name, 'LICENSE'),
    path.join(repo.dir, 'LICENSE'),
  );
  repo.ok(['add', '-A']);
  const commit = repo.commit(`import ${name}`);
  expect(commit.code, commit.out).toBe(0);
  expect(commit.stderr).not.toContain('compose-consistency');

  const ci = orchCi(repo, ['--base', base, '--head', 'HEAD', '--format', 'json']);
  const findings = JSON.parse(ci.stdout).findings as Finding[];
  expect(findings.filter((f) => f.rule === 'compose-consistency')).toEqual([]);
  const outside: string[] = [];
  for (const f of findings) {
    switch (f.rule) {
      // nobody has approved the imported Dockerfiles and compose files yet
      case 'container-review':
        expect(f.message).toMatch(/awaits review by docker-expert/);
        break;
      // the import adds services without a decision in orchestration-index.md
      case 'decision-record':
        expect(f.severity).toBe('warning');
        expect(f.message).toMatch(/new (compose service|service)/);
        break;
      // Dockerfiles the project builds outside compose (a mobile app, a log shipper): the
      // stub import adds them at once, and no compose service builds them
      case 'new-service-container':
        expect(f.message).toContain('no compose service builds it');
        outside.push(f.path);
        break;
      default:
        throw new Error(`unexplained finding: ${JSON.stringify(f)}`);
    }
  }
  expect(outside.sort()).toEqual(OUTSIDE_COMPOSE[name]);
});
