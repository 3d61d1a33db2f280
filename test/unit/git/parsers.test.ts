import { describe, expect, it } from 'vitest';
import { parseRawDiff } from '../../../src/git/parseRawDiff.js';
import { parseConfigList, configValue, configBool } from '../../../src/git/parseConfigList.js';
import { parseBatchOutput, blobText } from '../../../src/git/blobReader.js';
import { repoInfoQuery } from '../../../src/git/repoInfo.js';

const Z = '0'.repeat(40);
const A = 'a'.repeat(40);
const B = 'b'.repeat(40);

describe('parseRawDiff', () => {
  it('reads adds, modifications, deletions, renames and copies with both paths', () => {
    const out = [
      `:000000 100644 ${Z} ${A} A`,
      'new file.txt',
      `:100644 100644 ${A} ${B} M`,
      'src/mod.ts',
      `:100644 000000 ${A} ${Z} D`,
      'gone.md',
      `:100644 100644 ${A} ${A} R100`,
      'old/name.ts',
      'new/name.ts',
      `:100644 100644 ${A} ${B} C075`,
      'src/a.ts',
      'src/b.ts',
      '',
    ].join('\0');
    // the ids of both sides, without git's zeros for "no object"
    expect(parseRawDiff(out)).toEqual([
      { status: 'A', path: 'new file.txt', newBlob: A },
      { status: 'M', path: 'src/mod.ts', oldBlob: A, newBlob: B },
      { status: 'D', path: 'gone.md', oldBlob: A },
      { status: 'R', path: 'new/name.ts', oldPath: 'old/name.ts', oldBlob: A, newBlob: A },
      { status: 'C', path: 'src/b.ts', oldPath: 'src/a.ts', oldBlob: A, newBlob: B },
    ]);
  });

  it('keeps newlines and quotes in paths as they are (-z output is never quoted)', () => {
    const out = `:000000 100644 ${Z} ${A} A\0line\nbreak "q".txt\0`;
    expect(parseRawDiff(out)[0].path).toBe('line\nbreak "q".txt');
  });

  it('marks submodule pointers', () => {
    const out = `:160000 160000 ${A} ${B} M\0vendor/lib\0`;
    expect(parseRawDiff(out)).toEqual([{ status: 'M', path: 'vendor/lib', submodule: true, oldBlob: A, newBlob: B }]);
  });

  it('gives nothing for empty output', () => {
    expect(parseRawDiff('')).toEqual([]);
  });
});

describe('parseConfigList', () => {
  it('reads keys case-insensitively, keeps every value, last one wins', () => {
    const map = parseConfigList(
      'user.email\na@x\0Orch.Agent\nbackend\0core.ignorecase\ntrue\0user.email\nb@x\0core.bare\0',
    );
    expect(configValue(map, 'user.email')).toBe('b@x');
    expect(map.get('user.email')).toEqual(['a@x', 'b@x']);
    expect(configValue(map, 'orch.agent')).toBe('backend');
    expect(configBool(map, 'core.ignoreCase')).toBe(true);
    expect(configBool(map, 'core.bare')).toBe(true); // a key without value is true
    expect(configBool(map, 'missing')).toBe(false);
  });
});

describe('parseBatchOutput', () => {
  it('splits blobs and missing entries, keeping bytes intact', () => {
    const body = Buffer.from('hé\nllo\n');
    const out = Buffer.concat([
      Buffer.from(`${A} blob ${body.length}\n`),
      body,
      Buffer.from('\n'),
      Buffer.from('HEAD:nope missing\n'),
      Buffer.from(`${B} blob 3\n`),
      Buffer.from([0, 1, 2]),
      Buffer.from('\n'),
    ]);
    const [one, two, three] = parseBatchOutput(out, 3);
    expect(one?.toString()).toBe('hé\nllo\n');
    expect(two).toBeNull();
    expect(three).toEqual(Buffer.from([0, 1, 2]));
    expect(blobText(three)).toBeNull(); // binary
    expect(blobText(one)).toBe('hé\nllo\n');
  });
});

describe('repoInfoQuery', () => {
  it('resolves relative dirs against cwd and uses the git dir as top for a bare repository', () => {
    const q = repoInfoQuery('/w/repo/sub');
    expect(q.parse('false\n/w/repo/.git\n../.git\n../.git/hooks\n/w/repo\n')).toEqual({
      bare: false,
      gitDir: '/w/repo/.git',
      commonDir: '/w/repo/.git',
      hooksDir: '/w/repo/.git/hooks',
      top: '/w/repo',
    });
    const bare = repoInfoQuery('/srv/r.git').parse('true\n/srv/r.git\n.\nhooks\n');
    expect(bare.top).toBe('/srv/r.git');
    expect(bare.bare).toBe(true);
  });
});
