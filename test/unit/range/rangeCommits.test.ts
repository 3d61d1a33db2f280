import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentTrailer, commitIdentity } from '../../../src/identity/commitIdentity.js';
import { configAtRevision } from '../../../src/check/configAtRevision.js';
import { rangeNotes } from '../../../src/range/rangeNotes.js';
import { readStatusHead, statusHead } from '../../../src/status/readStatusHead.js';
import { readStatus } from '../../../src/status/readStatus.js';
import type { CommitInfo } from '../../../src/types.js';

const config = { agents: { 'frontend-specialist': { emails: ['fe@agents.test'], signingKeys: [] } } };

function commit(over: Partial<CommitInfo>): CommitInfo {
  return {
    sha: '1234567890abcdef1234567890abcdef12345678',
    parents: ['f'.repeat(40)],
    subject: 'Do a thing',
    message: 'Do a thing',
    authorEmail: 'dev@corp.test',
    authorName: 'Dev',
    trailers: {},
    ...over,
  };
}

describe('commitIdentity', () => {
  it('takes the last Agent: trailer, before the email map', () => {
    expect(
      commitIdentity(
        commit({ trailers: { agent: ['old', 'backend-architect'] }, authorEmail: 'fe@agents.test' }),
        config,
      ),
    ).toEqual({
      name: 'backend-architect',
      source: 'trailer',
      isAgent: true,
    });
  });

  it('maps the author email when there is no trailer, else treats the author as a person', () => {
    expect(commitIdentity(commit({ authorEmail: 'FE@agents.test' }), config)).toMatchObject({
      name: 'frontend-specialist',
      source: 'email-map',
      isAgent: true,
    });
    expect(commitIdentity(commit({}), config)).toEqual({ name: 'dev@corp.test', source: 'git-email', isAgent: false });
  });

  it("keeps a person a person when orch's hook wrote their email as the agent", () => {
    expect(commitIdentity(commit({ trailers: { agent: ['dev@corp.test'] } }), config)).toMatchObject({
      name: 'dev@corp.test',
      isAgent: false,
    });
    expect(commitIdentity(commit({ trailers: { agent: ['fe@agents.test'] } }), config)).toMatchObject({
      name: 'frontend-specialist',
      isAgent: true,
    });
  });

  it('ignores an "unknown" agent trailer', () => {
    expect(agentTrailer({ trailers: { agent: ['unknown'] } })).toBeUndefined();
  });
});

describe('rangeNotes', () => {
  it("names commits made with ORCH_SKIP and commits without orch's trailer, not merges", () => {
    const notes = rangeNotes([
      commit({
        sha: 'a'.repeat(40),
        subject: 'skipped one',
        trailers: { agent: ['x'], 'orch-skip': ['lock-conflict'] },
      }),
      commit({ sha: 'b'.repeat(40), subject: 'no hooks' }),
      commit({ sha: 'c'.repeat(40), subject: 'fine', trailers: { agent: ['x'] } }),
      commit({ sha: 'd'.repeat(40), subject: "Merge branch 'x'", parents: ['1'.repeat(40), '2'.repeat(40)] }),
    ]);
    expect(notes).toEqual([
      'commit aaaaaaa "skipped one" was made with ORCH_SKIP=lock-conflict; it was checked here all the same.',
      '1 commit carries no Agent: trailer (a person\'s, or made without orch\'s hooks, e.g. with --no-verify): bbbbbbb "no hooks"; judged by author email.',
    ]);
  });

  it('stays one line for many commits without trailers', () => {
    const many = Array.from({ length: 25 }, (_, i) => commit({ sha: String(i).padStart(40, '0'), subject: `c${i}` }));
    const notes = rangeNotes(many);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/^25 commits carry no Agent: trailer .* and 15 more; judged by author email\.$/);
  });
});

describe('statusHead', () => {
  const dir = path.resolve(import.meta.dirname, '../../fixtures/status');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.md'));

  it('reads the same locks, reviews and problems as the whole file, for every status fixture', () => {
    for (const f of files) {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      const whole = readStatus(text, { source: 'WORK_STATUS.md' });
      const head = readStatusHead(text, 'WORK_STATUS.md');
      expect({ locks: head.locks, reviews: head.reviews, problems: head.problems }, f).toEqual({
        locks: whole.locks,
        reviews: whole.reviews,
        problems: whole.problems,
      });
    }
  });

  it('cuts a trailing Log section and nothing else', () => {
    const top = '# Work Status\n\n## Locks\n\n| Path | Agent |\n| --- | --- |\n| a.ts | x |\n\n';
    expect(statusHead(`${top}## Log\n\n- 2026-01-01T00:00Z x: M a.ts\n`)).toBe(top);
    // a section after the log, or a fence in it, keeps the whole text
    const after = `${top}## Log\n\n- entry\n\n## Locked: payments\n\n- \`pay/\` - y\n`;
    expect(statusHead(after)).toBe(after);
    const fenced = `${top}## Log\n\n\`\`\`\n## Locks\n\`\`\`\n`;
    expect(statusHead(fenced)).toBe(fenced);
  });

  it('loses nothing that looks like a lock inside the log', () => {
    const text =
      '## Locks\n\n| Path | Agent |\n|---|---|\n| a | b |\n\n## Log\n\nLOCK [x.ts] [bob] [2026-01-01]\n- `y/` - Agent Z - 2026-01-18 - task\nalice -> z.ts\n';
    expect(statusHead(text)).not.toBe(text);
    expect(readStatusHead(text, 'S.md').locks).toEqual(readStatus(text, { source: 'S.md' }).locks);
  });
});

describe('configAtRevision', () => {
  const blobs = (files: Record<string, string>) => async (spec: string) => {
    const name = spec.slice(spec.indexOf(':') + 1);
    return name in files ? Buffer.from(files[name]) : null;
  };

  it('reads the first configuration file the revision has, in the search order', async () => {
    const r = await configAtRevision(
      blobs({ '.orchrc.yaml': 'statusFile: STATUS.md\n', 'package.json': '{"orch":{"statusFile":"P.md"}}' }),
      'base',
    );
    expect(r.configFile).toBe('.orchrc.yaml');
    expect(r.config.statusFile).toBe('STATUS.md');
  });

  it('reads package.json only when it has an "orch" key, else the defaults', async () => {
    expect((await configAtRevision(blobs({ 'package.json': '{"name":"x"}' }), 'base')).configFile).toBeNull();
    expect(
      (await configAtRevision(blobs({ 'package.json': '{"orch":{"statusFile":"P.md"}}' }), 'base')).config.statusFile,
    ).toBe('P.md');
  });

  it('says which revision a broken file was read from', async () => {
    await expect(configAtRevision(blobs({ '.orchrc.json': '{ "statusFile": }' }), 'a'.repeat(40))).rejects.toThrow(
      /\.orchrc\.json.*read from aaaaaaaaaaaa/s,
    );
    await expect(configAtRevision(blobs({ 'orch.config.js': 'export default {}' }), 'base')).rejects.toThrow(
      /JavaScript/,
    );
  });
});
