import { describe, expect, it } from 'vitest';
import { appendDecision } from '../../../src/text/appendDecision.js';

const record = {
  title: 'Use PostgreSQL',
  context: 'relational data',
  decision: 'PostgreSQL 16',
  agent: 'backend-architect',
  at: '2026-12-04T17:50Z',
};
const block =
  '### 2026-12-04T17:50Z — Use PostgreSQL\n\n- By: backend-architect\n- Context: relational data\n- Decision: PostgreSQL 16';

describe('appendDecision', () => {
  it('creates the file, or the section at the end, when missing', () => {
    expect(appendDecision(null, record)).toBe(`# Orchestration index\n\n## Decisions\n\n${block}\n`);
    expect(appendDecision('# Index\n\n## Services\n- a\n\n', record)).toBe(
      `# Index\n\n## Services\n- a\n\n## Decisions\n\n${block}\n`,
    );
  });

  it('appends at the end of an existing section, before the next heading, leaving the rest byte for byte', () => {
    const text = '# Index\n\n## Decisions\n\n### old\n- By: x\n\n## Services\n- a\n';
    expect(appendDecision(text, record)).toBe(
      `# Index\n\n## Decisions\n\n### old\n- By: x\n\n${block}\n\n## Services\n- a\n`,
    );
  });

  it('ignores a Decisions heading inside a code fence or an HTML comment, and keeps CRLF', () => {
    const text = '# Index\r\n\r\n```md\r\n## Decisions\r\n```\r\n<!--\r\n## Decisions\r\n-->\r\n';
    const out = appendDecision(text, record);
    expect(out.startsWith(text.trimEnd())).toBe(true);
    expect(out.match(/^## Decisions\r$/gm)).toHaveLength(3);
    expect(out.endsWith(`## Decisions\r\n\r\n${block.replace(/\n/g, '\r\n')}\r\n`)).toBe(true);
  });

  it('keeps every field on one line: no new heading, fence or comment can be smuggled in', () => {
    const out = appendDecision(null, {
      ...record,
      title: '# Title\n## Locks',
      context: 'a\n```\nb',
      decision: 'x <!-- hide',
    });
    expect(out).toContain('### 2026-12-04T17:50Z — Title ## Locks\n');
    expect(out).toContain('- Context: a ``` b\n');
    expect(out).toContain('- Decision: x &lt;!-- hide\n');
    expect(out.match(/^##? /gm)).toHaveLength(2);
  });
});
