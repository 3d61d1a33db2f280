import { describe, expect, it } from 'vitest';
import { formatJson } from '../../../src/report/formatJson.js';
import type { Report } from '../../../src/report/report.js';

const full: Report = {
  ok: false,
  context: 'ci',
  agent: 'frontend-dev',
  findings: [
    {
      rule: 'lock-conflict',
      severity: 'error',
      path: 'api/openapi.yaml',
      message: 'locked by backend-architect',
      holder: 'backend-architect',
      fix: 'orch unlock api/openapi.yaml --steal --reason "<why>"',
      commit: '0123456789abcdef0123456789abcdef01234567',
      line: 3,
    },
    { rule: 'status-integrity', severity: 'warning', path: null, message: 'm' },
  ],
  skipped: { all: false, rules: ['no-placeholder'] },
  notes: ['2 commits checked'],
};

describe('formatJson', () => {
  it('emits the contract keys first, in order, then skips and notes when there are any', () => {
    const text = formatJson(full);
    expect(text.endsWith('\n')).toBe(true);
    expect(text.slice(0, -1)).not.toContain('\n');
    const parsed = JSON.parse(text);
    expect(Object.keys(parsed)).toEqual(['ok', 'context', 'agent', 'findings', 'skipped', 'notes']);
    expect(Object.keys(parsed.findings[0])).toEqual([
      'rule',
      'severity',
      'path',
      'message',
      'holder',
      'fix',
      'commit',
      'line',
    ]);
    expect(parsed).toEqual({
      ok: false,
      context: 'ci',
      agent: 'frontend-dev',
      findings: [
        {
          rule: 'lock-conflict',
          severity: 'error',
          path: 'api/openapi.yaml',
          message: 'locked by backend-architect',
          holder: 'backend-architect',
          fix: 'orch unlock api/openapi.yaml --steal --reason "<why>"',
          commit: '0123456789abcdef0123456789abcdef01234567',
          line: 3,
        },
        { rule: 'status-integrity', severity: 'warning', path: null, message: 'm' },
      ],
      skipped: { all: false, rules: ['no-placeholder'] },
      notes: ['2 commits checked'],
    });
  });

  it('omits optional keys that are undefined but keeps a null path and a null agent', () => {
    const parsed = JSON.parse(
      formatJson({
        ok: true,
        context: 'pre-commit',
        agent: null,
        findings: [
          { rule: 'no-placeholder', severity: 'warning', path: null, message: 'x', holder: undefined, fix: undefined },
        ],
      }),
    );
    expect(parsed.agent).toBeNull();
    expect(Object.keys(parsed.findings[0])).toEqual(['rule', 'severity', 'path', 'message']);
    expect(parsed.findings[0].path).toBeNull();
  });

  it('gives an empty findings array when clean', () => {
    expect(formatJson({ ok: true, context: 'check', agent: 'a', findings: [] })).toBe(
      '{"ok":true,"context":"check","agent":"a","findings":[]}\n',
    );
  });

  it('round-trips paths and messages with quotes, newlines and unicode', () => {
    const path = 'app/(shop)/[id]/"é\n.ts';
    const parsed = JSON.parse(
      formatJson({
        ok: true,
        context: 'check',
        agent: null,
        findings: [{ rule: 'lock-conflict', severity: 'warning', path, message: 'a\tb' }],
      }),
    );
    expect(parsed.findings[0].path).toBe(path);
    expect(parsed.findings[0].message).toBe('a\tb');
  });
});
