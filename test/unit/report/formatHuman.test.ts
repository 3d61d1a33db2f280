import { describe, expect, it } from 'vitest';
import { formatHuman } from '../../../src/report/formatHuman.js';
import type { Report } from '../../../src/report/report.js';
import type { Finding } from '../../../src/types.js';

const lockConflict: Finding = {
  rule: 'lock-conflict',
  severity: 'error',
  path: 'api/openapi.yaml',
  message:
    'api/openapi.yaml is locked by backend-architect (task T-12, since 2026-11-26T09:00Z, expires 2026-11-26T17:00Z). Wait for the lock to be released or ask backend-architect.',
  holder: 'backend-architect',
  fix: 'orch unlock api/openapi.yaml --steal --reason "<why>"',
};

const placeholder: Finding = {
  rule: 'no-placeholder',
  severity: 'warning',
  path: 'db/migrations/001.sql',
  line: 14,
  message: 'Added line carries a placeholder marker (TODO).',
};

function report(findings: Finding[], extra: Partial<Report> = {}): Report {
  return {
    ok: !findings.some((f) => f.severity === 'error'),
    context: 'pre-commit',
    agent: 'frontend-dev',
    findings,
    ...extra,
  };
}

const ESC = '\u001b';

describe('formatHuman', () => {
  it('prints nothing at all for a clean report', () => {
    expect(formatHuman(report([]), { color: true })).toBe('');
    expect(formatHuman(report([]), { color: false })).toBe('');
  });

  it('shows a lock conflict with rule, path, the holder-bearing message and the fix line', () => {
    const out = formatHuman(report([lockConflict]), { color: false });
    const lines = out.split('\n');
    expect(lines[0]).toBe('✖ error lock-conflict api/openapi.yaml');
    expect(lines[1]).toBe(`  ${lockConflict.message}`);
    expect(lines[2]).toBe('  → orch unlock api/openapi.yaml --steal --reason "<why>"');
    // holder is already in the message: not printed a second time
    expect(out.match(/backend-architect/g)).toHaveLength(2);
    expect(out).toContain('orch: 1 error — commit blocked.');
    expect(out).toContain('ORCH_SKIP=lock-conflict git commit …');
    expect(out).toContain('skipping is recorded');
    expect(out).toContain('orch explain lock-conflict');
    expect(out.endsWith('\n')).toBe(true);
    expect(out).not.toContain(ESC);
  });

  it('adds :line when known and the short sha when the finding names a commit', () => {
    const out = formatHuman(report([{ ...placeholder, commit: '0123456789abcdef0123456789abcdef01234567' }]), {
      color: false,
    });
    expect(out.split('\n')[0]).toBe('⚠ warning no-placeholder db/migrations/001.sql:14 (commit 0123456)');
  });

  it('leaves the path out when a finding has none and prints no fix line without a fix', () => {
    const out = formatHuman(
      report([{ rule: 'status-integrity', severity: 'error', path: null, message: 'Log entries were rewritten.' }]),
      { color: false },
    );
    expect(out.split('\n').slice(0, 2)).toEqual(['✖ error status-integrity', '  Log entries were rewritten.']);
    expect(out).not.toContain('→');
  });

  it('ends with a warnings-only summary and no skip advice when nothing blocks', () => {
    const out = formatHuman(report([placeholder]), { color: false });
    expect(out.trimEnd().split('\n').at(-1)).toBe('orch: 1 warning.');
    expect(out).not.toContain('ORCH_SKIP');
    expect(out).not.toContain('blocked');
  });

  it('counts errors and warnings, lists errors first, and offers to skip every blocking rule', () => {
    const contract: Finding = {
      rule: 'contract-owner',
      severity: 'error',
      path: 'db/schema.prisma',
      message: 'Owned by database-architect.',
    };
    const out = formatHuman(report([placeholder, lockConflict, contract, lockConflict]), { color: false });
    const headers = out.split('\n').filter((l) => /^[✖⚠]/.test(l));
    expect(headers.map((h) => h.split(' ')[2])).toEqual([
      'lock-conflict',
      'contract-owner',
      'lock-conflict',
      'no-placeholder',
    ]);
    expect(out).toContain('orch: 3 errors, 1 warning — commit blocked.');
    expect(out).toContain('ORCH_SKIP=lock-conflict,contract-owner git commit …');
    expect(out).toContain('orch explain lock-conflict · orch explain contract-owner');
  });

  it('words the verdict and the retry for the context', () => {
    expect(formatHuman(report([lockConflict], { context: 'pre-push' }), { color: false })).toContain('— push blocked.');
    expect(formatHuman(report([lockConflict], { context: 'pre-push' }), { color: false })).toContain(
      'ORCH_SKIP=lock-conflict git push …',
    );
    const ci = formatHuman(report([lockConflict], { context: 'ci' }), { color: false });
    expect(ci).toContain('orch: 1 error — check failed.');
    // skipping cannot be done from a CI job: only the explanation is offered
    expect(ci).not.toContain('ORCH_SKIP=');
    expect(ci).toContain('orch explain lock-conflict');
    expect(formatHuman(report([lockConflict], { context: 'pre-receive' }), { color: false })).toContain(
      '— push rejected.',
    );
  });

  it('colours severity marks and the verdict only when asked to', () => {
    const plain = formatHuman(report([lockConflict, placeholder]), { color: false });
    const coloured = formatHuman(report([lockConflict, placeholder]), { color: true });
    expect(plain).not.toContain(ESC);
    expect(coloured).toContain(`${ESC}[31m✖ error${ESC}[39m`);
    expect(coloured).toContain(`${ESC}[33m⚠ warning${ESC}[39m`);
    // stripping the escapes gives back the plain text exactly
    // eslint-disable-next-line no-control-regex
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(plain);
  });

  it('keeps a hostile path or message from injecting terminal escapes or fake lines', () => {
    const out = formatHuman(
      report([
        {
          rule: 'lock-conflict',
          severity: 'error',
          path: `evil\n✔ all good\u001b[2J.txt`,
          message: `line one\r\nline two\u001b]0;x\u0007`,
        },
      ]),
      { color: false },
    );
    expect(out).not.toContain(ESC);
    expect(out).not.toContain('\u0007');
    expect(out.split('\n')[0]).toBe('✖ error lock-conflict evil\\n✔ all good\\u001b[2J.txt');
    // a multi-line message stays multi-line, indented under its finding
    expect(out.split('\n').slice(1, 3)).toEqual(['  line one', '  line two\\u001b]0;x\\u0007']);
  });

  it('says so when rules were skipped, even with no findings', () => {
    expect(formatHuman(report([], { skipped: { all: true, rules: [] } }), { color: false })).toBe(
      'orch: all rules skipped (ORCH_SKIP=1) — skipping is recorded.\n',
    );
    expect(
      formatHuman(report([], { skipped: { all: false, rules: ['lock-conflict', 'no-placeholder'] } }), {
        color: false,
      }),
    ).toBe('orch: skipped lock-conflict, no-placeholder (ORCH_SKIP) — skipping is recorded.\n');
    expect(formatHuman(report([], { skipped: { all: false, rules: [] } }), { color: false })).toBe('');
  });

  it('prints notes before the verdict', () => {
    const out = formatHuman(report([placeholder], { notes: ['3 commits checked'] }), { color: false });
    const tail = out.trimEnd().split('\n').slice(-2);
    expect(tail).toEqual(['orch: 3 commits checked', 'orch: 1 warning.']);
  });
});
