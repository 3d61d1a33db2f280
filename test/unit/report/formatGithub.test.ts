import { describe, expect, it } from 'vitest';
import { formatGithub } from '../../../src/report/formatGithub.js';
import type { Report } from '../../../src/report/report.js';
import type { Finding } from '../../../src/types.js';

function report(findings: Finding[], extra: Partial<Report> = {}): Report {
  return {
    ok: !findings.some((f) => f.severity === 'error'),
    context: 'ci',
    agent: 'frontend-dev',
    findings,
    ...extra,
  };
}

const lock: Finding = {
  rule: 'lock-conflict',
  severity: 'error',
  path: 'api/openapi.yaml',
  line: 7,
  message: 'locked by backend-architect',
  holder: 'backend-architect',
  commit: 'abcdef0123456789abcdef0123456789abcdef01',
};

function many(severity: Finding['severity'], n: number): Finding[] {
  return Array.from({ length: n }, (_, i) => ({
    rule: 'no-placeholder',
    severity,
    path: `f${i}.sql`,
    message: `m${i}`,
  }));
}

const annotations = (stdout: string, kind: string) => stdout.split('\n').filter((l) => l.startsWith(`::${kind} `));

describe('formatGithub', () => {
  it('writes one annotation per finding with file, line and title', () => {
    const { stdout, summary } = formatGithub(report([lock]));
    expect(stdout.split('\n')[0]).toBe(
      '::error file=api/openapi.yaml,line=7,title=orch lock-conflict (abcdef0)::locked by backend-architect',
    );
    expect(stdout).toContain('\norch: 1 error — check failed.\n');
    expect(summary).toBeUndefined();
  });

  it('uses ::warning for warnings and leaves file and line out when unknown', () => {
    const { stdout } = formatGithub(
      report([{ rule: 'status-integrity', severity: 'warning', path: null, line: 3, message: 'm' }]),
    );
    expect(stdout.split('\n')[0]).toBe('::warning title=orch status-integrity::m');
  });

  it('escapes %, CR and LF in the message and also : and , in properties', () => {
    const { stdout } = formatGithub(
      report([
        {
          rule: 'lock-conflict',
          severity: 'error',
          path: 'a:b,c%d\ne.txt',
          message: '100% sure:\r\nnext, line',
          fix: 'orch unlock "a:b,c"',
        },
      ]),
    );
    const line = stdout.split('\n')[0];
    expect(line).toBe(
      '::error file=a%3Ab%2Cc%25d%0Ae.txt,title=orch lock-conflict::100%25 sure:%0D%0Anext, line%0A→ orch unlock "a:b,c"',
    );
    // the finding is one line: a newline in a file name cannot start a forged command
    expect(stdout.split('\n').filter((l) => l.startsWith('::'))).toHaveLength(1);
  });

  it('annotates at most 10 errors and 10 warnings and says how many more', () => {
    const { stdout } = formatGithub(report([...many('error', 13), ...many('warning', 11)]));
    expect(annotations(stdout, 'error')).toHaveLength(10);
    expect(annotations(stdout, 'warning')).toHaveLength(10);
    const notices = annotations(stdout, 'notice');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('3 errors and 1 warning more not annotated');
    expect(notices[0]).toContain('--format json');
    expect(stdout).toContain('orch: 13 errors, 11 warnings — check failed.');
  });

  it('keeps the first ten of each severity, in order, and only notes the severity that overflowed', () => {
    const { stdout } = formatGithub(report([...many('warning', 12), ...many('error', 2)]), { summaryTable: true });
    const warnings = annotations(stdout, 'warning');
    expect(warnings[0]).toContain('file=f0.sql');
    expect(warnings[9]).toContain('file=f9.sql');
    expect(annotations(stdout, 'error')).toHaveLength(2);
    const notices = annotations(stdout, 'notice');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('2 warnings more not annotated');
    expect(notices[0]).not.toContain('error');
    expect(notices[0]).toContain('step summary');
  });

  it('gives no notice at exactly ten of each', () => {
    const { stdout } = formatGithub(report([...many('error', 10), ...many('warning', 10)]));
    expect(annotations(stdout, 'notice')).toHaveLength(0);
  });

  it('builds a markdown table of every finding for the step summary', () => {
    const findings = [
      lock,
      ...many('warning', 14),
      {
        rule: 'contract-owner',
        severity: 'error',
        path: 'a|b`c.proto',
        message: 'x | y <script>\nz',
        fix: 'orch lock a|b',
      } as Finding,
    ];
    const { summary } = formatGithub(report(findings), { summaryTable: true });
    const lines = summary!.trimEnd().split('\n');
    expect(lines[0]).toBe('### orch: 2 errors, 14 warnings — check failed.');
    expect(lines[2]).toBe('| Severity | Rule | Path | Commit | Message | Fix |');
    expect(
      lines.filter((l) => l.startsWith('| ') && !l.startsWith('| Severity') && !l.startsWith('| ---')),
    ).toHaveLength(16);
    expect(lines[4]).toBe(
      '| error | `lock-conflict` | `api/openapi.yaml:7` | `abcdef0` | locked by backend-architect |  |',
    );
    expect(lines.at(-1)).toBe(
      '| error | `contract-owner` | ``a\\|b`c.proto`` |  | x \\| y &lt;script&gt;<br>z | `orch lock a\\|b` |',
    );
  });

  it('summarises a clean run in one line and prints nothing to the log', () => {
    expect(formatGithub(report([]), { summaryTable: true })).toEqual({
      stdout: '',
      summary: '### orch: no findings\n',
    });
  });

  it('reports skipped rules and notes as notices', () => {
    const { stdout } = formatGithub(
      report([], { skipped: { all: false, rules: ['lock-conflict'] }, notes: ['4 commits checked'] }),
    );
    expect(stdout).toBe(
      '::notice title=orch::Rules skipped (ORCH_SKIP): lock-conflict.\n::notice title=orch::4 commits checked\n',
    );
  });
});
