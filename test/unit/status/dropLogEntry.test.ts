import { expect, it } from 'vitest';
import { appendLog } from '../../../src/status/appendLog.js';
import { dropLogEntry } from '../../../src/status/dropLogEntry.js';

const ENTRY = '- 2026-11-26T09:05Z frontend-developer: M src/app.ts';

it('undoes appendLog exactly, whatever the Log section looked like', () => {
  for (const text of [
    '# Work Status\n\n## Log\n',
    '# Work Status\n\n## Log\n\n- 2026-11-26T08:00Z a: M x\n',
    '# Work Status\n',
    '## Log\n\n## Next\ntext\n',
    '# Work Status\r\n\r\n## Log\r\n',
    '## Log\n\n- 2026-11-26T08:00Z a: M x\n\n## Notes\nprose\n',
  ]) {
    const once = appendLog(text, [ENTRY]);
    const undone = dropLogEntry(once, ENTRY);
    expect(appendLog(undone, [ENTRY])).toBe(once);
    if (text.includes('## Log')) expect(undone).toBe(text);
  }
});

it('removes only the last identical line, and leaves text without it alone', () => {
  const text = `## Log\n\n${ENTRY}\n- other\n${ENTRY}\n`;
  expect(dropLogEntry(text, ENTRY)).toBe(`## Log\n\n${ENTRY}\n- other\n`);
  expect(dropLogEntry(`## Log\n\n${ENTRY} and more\n`, ENTRY)).toBe(`## Log\n\n${ENTRY} and more\n`);
});
