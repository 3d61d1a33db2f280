// SessionStart: each harness's configured session-start hook gives the agent the brief —
// who it is, its own locks and the other agent's — as that harness's context.
import { afterAll, expect, it } from 'vitest';
import {
  EVENTS,
  fixture,
  configuredCommand,
  runHook,
  sessionContext,
  type HarnessName,
} from '../helpers/harnessHooks.js';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it("the session-start brief names the agent, its own lock, the other agent's lock and the index, for every harness", {
  timeout: 600_000,
}, () => {
  const repo = tempRepo();
  expect(repo.orch(['init', '--agent-hooks', 'all']).code).toBe(0);
  repo.write(
    'orchestration-index.md',
    '# Orchestration index\n\nServices: orders (backend-architect).\n\n## Decisions\n\n- D-1 use postgres\n',
  );
  repo.ok(['add', 'orchestration-index.md']);
  repo.ok(['commit', '-q', '-m', 'index', '--no-verify']);
  expect(repo.orch(['lock', 'src/orders/', '--task', 'T-1'], { env: { ORCH_AGENT: 'backend-architect' } }).code).toBe(
    0,
  );
  expect(
    repo.orch(['lock', 'web/cart.tsx', '--task', 'T-2'], { env: { ORCH_AGENT: 'frontend-specialist' } }).code,
  ).toBe(0);
  for (const harness of ['claude', 'codex', 'gemini', 'cursor'] as HarnessName[]) {
    const command = configuredCommand(repo, harness, EVENTS[harness].start);
    const r = runHook(repo, command, fixture(repo, harness, 'session-start'), { ORCH_AGENT: 'frontend-specialist' });
    const text = sessionContext(harness, r);
    expect(text, harness).toContain('You are: frontend-specialist');
    expect(text).toMatch(/Your locks: 1\n- web\/cart\.tsx \(task T-2/);
    expect(text).toMatch(/Other agents' locks[^\n]*: 1\n- src\/orders\/ — backend-architect \(task T-1/);
    expect(text).toContain('Contracts you must not touch');
    expect(text).toContain('Services: orders (backend-architect).');
    expect(text).not.toContain('D-1 use postgres'); // only the first section
  }
  // a session with no agent name is warned, loudly
  const anon = runHook(
    repo,
    configuredCommand(repo, 'claude', 'SessionStart'),
    fixture(repo, 'claude', 'session-start'),
  );
  expect(sessionContext('claude', anon)).toContain('WARNING: no agent identity is set');
});

it('orch brief stays bounded: past --limit it counts what it leaves out', { timeout: 600_000 }, () => {
  const repo = tempRepo();
  const paths = Array.from({ length: 30 }, (_, i) => `pkg/file-${i}.ts`);
  expect(repo.orch(['lock', ...paths, '--task', 'T-9'], { env: { ORCH_AGENT: 'backend-architect' } }).code).toBe(0);
  const r = repo.orch(['brief', '--limit', '5'], { env: { ORCH_AGENT: 'qa' } });
  expect(r.code, r.out).toBe(0);
  expect(r.stdout).toContain("Other agents' locks (do not edit these paths): 30");
  expect(r.stdout).toContain('… and 25 more (orch status)');
  expect(r.stdout.match(/^- pkg\/file-/gm)?.length).toBe(5);
});
