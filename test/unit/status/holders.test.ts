import { describe, expect, it } from 'vitest';
import { UNKNOWN_HOLDER, readHolder } from '../../../src/status/readHolder.js';
import { normalizeLockPath } from '../../../src/status/normalizePath.js';
import { readStatus } from '../../../src/status/readStatus.js';

const locks = (text: string) => readStatus(text).locks.map((l) => [l.path, l.agent]);

describe('holders are names, never phrases', () => {
  it('reads one token (optionally @-prefixed) or a capitalised display name', () => {
    expect(readHolder('@reviewer-bot')).toBe('reviewer-bot');
    expect(readHolder('**qa_bot.2**')).toBe('qa_bot.2');
    expect(readHolder('🤖 backend-architect (Claude)')).toBe('backend-architect');
    expect(readHolder('Dana Scully')).toBe('Dana Scully');
    for (const phrase of [
      '??? maybe',
      'provider code',
      'the search folks',
      '<agent>',
      '{agent}',
      'Locked',
      'in progress',
      '',
    ]) {
      expect(readHolder(phrase), phrase).toBeNull();
    }
  });

  it('a lock line whose holder is not a name is a status-parse warning and binds everyone', () => {
    const doc = readStatus('## Locks\n\nsvc/api/ locked by ??? maybe\n');
    expect(doc.locks.map((l) => [l.path, l.agent])).toEqual([['svc/api/', UNKNOWN_HOLDER]]);
    expect(doc.problems).toEqual([
      expect.objectContaining({
        line: 3,
        message: expect.stringMatching(
          /"\?\?\? maybe" is not an agent name.*svc\/api\/.*unknown holder.*blocks every agent.*fix this line/,
        ),
      }),
    ]);
  });

  it('a description after a path is not the holder: the block or section names it', () => {
    expect(locks('## LOCKED: billing\n\n- **Locked by:** Dana\n\n- `lib/billing/**` — provider code\n')).toEqual([
      ['lib/billing/**', 'Dana'],
    ]);
    expect(locks('## Locks\n\n- `lib/billing/**` — provider code\n')).toEqual([['lib/billing/**', UNKNOWN_HOLDER]]);
  });

  it('a Locked by: line added to a section does not take over the locks that name their holder', () => {
    const doc =
      '## Active Locks\n\nLocked by: frontend\n\n- `src/app.js` - backend-architect - 2026-10-02\n- `src/db/` — schema work\n';
    expect(locks(doc)).toEqual([
      ['src/app.js', 'backend-architect'],
      ['src/db/', 'frontend'],
    ]);
  });
});

describe('lock paths as people write them', () => {
  it('normalises a leading /, ./, // and .. to the repository-relative path', () => {
    expect(normalizeLockPath('/src/app.js')).toEqual({ path: 'src/app.js' });
    expect(normalizeLockPath('/src/')).toEqual({ path: 'src/' });
    expect(normalizeLockPath('./src/app.js')).toEqual({ path: 'src/app.js' });
    expect(normalizeLockPath('src//app.js')).toEqual({ path: 'src/app.js' });
    expect(normalizeLockPath('src/../src/app.js')).toEqual({ path: 'src/app.js' });
    expect(normalizeLockPath('src/lib/..')).toEqual({ path: 'src/' });
  });

  it('reports a path that leaves the repository instead of dropping it silently', () => {
    const doc = readStatus('## Locks\n\n| Path | Agent |\n| --- | --- |\n| ../etc/passwd | a |\n| / | b |\n');
    expect(doc.locks).toEqual([]);
    expect(doc.problems.map((p) => [p.line, /climbs out|whole repository/.test(p.message)])).toEqual([
      [5, true],
      [6, true],
    ]);
  });
});
