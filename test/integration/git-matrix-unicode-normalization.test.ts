// The same visible name in two Unicode spellings: NFC "café" (é, U+00E9) and NFD "café"
// (e + U+0301), as macOS and some editors write it. Linux keeps them apart as bytes, but a
// person sees one name: a lock in either form covers the other, when committing and locking.
import { afterAll, expect, it } from 'vitest';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

const NFC = 'docs/caf\u00e9/men\u00fc.md';
const NFD = NFC.normalize('NFD');

it.each([
  ['NFC lock, NFD commit', NFC, NFD],
  ['NFD lock, NFC commit', NFD, NFC],
])('%s: blocked', (_name, locked, committed) => {
  expect(locked).not.toBe(committed);
  expect(locked.normalize('NFC')).toBe(committed.normalize('NFC'));
  const repo = tempRepo();
  repo.ok(['config', 'core.precomposeunicode', 'false']);
  expect(repo.orch(['lock', locked], { env: { ORCH_AGENT: 'agent-b' } }).code).toBe(0);
  repo.write(committed, 'x\n');
  repo.ok(['add', '--', committed]);
  expect(repo.ok(['diff', '--cached', '--name-only', '-z']).split('\0')).toContain(committed);
  const r = repo.commit('a edits the file', { env: { ORCH_AGENT: 'agent-a' } });
  expect(r.code, r.out).toBe(1);
  expect(r.stderr).toContain('is locked by agent-b');
  // and the other spelling cannot be locked by someone else either
  const l = repo.orch(['lock', committed], { env: { ORCH_AGENT: 'agent-a' } });
  expect(l.code).toBe(1);
  // the holder commits under either spelling
  expect(repo.commit('b edits it', { env: { ORCH_AGENT: 'agent-b' } }).code).toBe(0);
});

it('a glob lock in NFC covers NFD paths', () => {
  const repo = tempRepo();
  expect(repo.orch(['lock', 'docs/caf\u00e9/**'], { env: { ORCH_AGENT: 'agent-b' } }).code).toBe(0);
  repo.write(NFD, 'x\n');
  repo.ok(['add', '--', NFD]);
  const r = repo.commit('a edits the file', { env: { ORCH_AGENT: 'agent-a' } });
  expect(r.code).toBe(1);
  expect(r.stderr).toContain('is locked by agent-b');
});
