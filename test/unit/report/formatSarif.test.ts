import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { formatSarif, type SarifRuleMeta } from '../../../src/report/formatSarif.js';
import type { Report } from '../../../src/report/report.js';
import type { Finding } from '../../../src/types.js';

// The SARIF 2.1.0 schema as published (rtm.5, the one code-scanning services validate
// against), shipped by @microsoft/jest-sarif. It is written in draft-04; ajv 8 reads
// draft-07, and the schema uses no keyword whose meaning differs between the two
// except the root `id`, which draft-07 spells `$id`.
const require = createRequire(import.meta.url);
const schemaPath = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
const { id, $schema: _draft, ...schemaBody } = JSON.parse(readFileSync(schemaPath, 'utf8'));
// Strict, so a keyword ajv did not understand would fail here rather than be skipped;
// strictRequired off because the schema's anyOf branches require properties they
// declare elsewhere, and unicodeRegExp off because its `language` pattern is not valid
// under the u flag.
const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, unicodeRegExp: false });
// ajv-formats is not installed: RFC 3986 character checks stand in for it.
const uriChars = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#[\]]|%[0-9A-Fa-f]{2})*$/;
ajv.addFormat('uri', (s: string) => uriChars.test(s) && /^[A-Za-z][A-Za-z0-9+.-]*:/.test(s));
ajv.addFormat('uri-reference', (s: string) => uriChars.test(s));
ajv.addFormat('date-time', (s: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.test(s));
const validate = ajv.compile({ $id: id, ...schemaBody });

function expectValid(text: string) {
  const ok = validate(JSON.parse(text));
  expect(validate.errors ?? []).toEqual([]);
  expect(ok).toBe(true);
}

const rules: SarifRuleMeta[] = [
  {
    id: 'lock-conflict',
    summary: "Changed paths must not fall under another agent's lock.",
    docs: 'Blocks changes to files locked by another agent in WORK_STATUS.md.\n\nFix: wait, ask the holder, or `orch unlock --steal`.',
    severity: 'error',
  },
  {
    id: 'no-placeholder',
    summary: 'No placeholder markers in contracts.',
    docs: 'Flags TODO and friends.',
    severity: 'warning',
  },
  { id: 'lock-required', summary: 'Lock before you change.', docs: '', severity: 'off' },
];

const sha = '0123456789abcdef0123456789abcdef01234567';
const findings: Finding[] = [
  {
    rule: 'lock-conflict',
    severity: 'error',
    path: 'api/openapi.yaml',
    line: 12,
    message: 'locked by backend-architect',
    holder: 'backend-architect',
    fix: 'orch unlock api/openapi.yaml --steal --reason "<why>"',
    commit: sha,
  },
  { rule: 'no-placeholder', severity: 'warning', path: 'app/(shop)/[id]/pä ge#1%.ts', message: 'TODO' },
  { rule: 'status-parse', severity: 'warning', path: null, message: 'unreadable line' },
  { rule: 'lock-conflict', severity: 'error', path: 'services/orders/', message: 'directory locked', commit: sha },
];

const report: Report = { ok: false, context: 'ci', agent: 'frontend-dev', findings };

describe('formatSarif', () => {
  it('is valid SARIF 2.1.0 with findings with and without path, line and commit', () => {
    const text = formatSarif(report, rules, { toolVersion: '0.1.0' });
    expect(text.endsWith('\n')).toBe(true);
    expectValid(text);
  });

  it('is valid with no findings and no rule metadata', () => {
    const text = formatSarif({ ok: true, context: 'ci', agent: null, findings: [] }, [], { toolVersion: '0.1.0' });
    expectValid(text);
    expect(JSON.parse(text).runs[0].results).toEqual([]);
  });

  it('the validator rejects what the schema forbids', () => {
    const log = JSON.parse(formatSarif(report, rules, { toolVersion: '0.1.0' }));
    log.runs[0].results[0].level = 'fatal';
    expect(validate(log)).toBe(false);
    const noName = JSON.parse(formatSarif(report, rules, { toolVersion: '0.1.0' }));
    delete noName.runs[0].tool.driver.name;
    expect(validate(noName)).toBe(false);
    const rawPath = JSON.parse(formatSarif(report, rules, { toolVersion: '0.1.0' }));
    rawPath.runs[0].results[1].locations[0].physicalLocation.artifactLocation.uri = 'app/pä ge.ts';
    expect(validate(rawPath)).toBe(false);
  });

  it("describes one run by orchguard with rule metadata from the rules' docs", () => {
    const log = JSON.parse(formatSarif(report, rules, { toolVersion: '1.2.3' }));
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const driver = log.runs[0].tool.driver;
    expect(driver.name).toBe('orchguard');
    expect(driver.version).toBe('1.2.3');
    expect(driver.rules.map((r: { id: string }) => r.id)).toEqual([
      'lock-conflict',
      'no-placeholder',
      'lock-required',
      'status-parse',
    ]);
    expect(driver.rules[0]).toEqual({
      id: 'lock-conflict',
      shortDescription: { text: rules[0].summary },
      fullDescription: { text: 'Blocks changes to files locked by another agent in WORK_STATUS.md.' },
      help: { text: rules[0].docs },
      defaultConfiguration: { level: 'error' },
    });
    expect(driver.rules[1].defaultConfiguration).toEqual({ level: 'warning' });
    expect(driver.rules[2].defaultConfiguration).toEqual({ enabled: false });
    expect(driver.rules[3].shortDescription).toEqual({ text: 'status-parse' });
  });

  it('maps each finding to a result pointing at its rule, repository file and line', () => {
    const log = JSON.parse(formatSarif(report, rules, { toolVersion: '0.1.0' }));
    const [conflict, placeholder, parse, dir] = log.runs[0].results;
    expect(conflict).toEqual({
      ruleId: 'lock-conflict',
      ruleIndex: 0,
      level: 'error',
      message: { text: 'locked by backend-architect\nFix: orch unlock api/openapi.yaml --steal --reason "<why>"' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'api/openapi.yaml', uriBaseId: '%SRCROOT%' },
            region: { startLine: 12 },
          },
        },
      ],
      properties: {
        commit: sha,
        holder: 'backend-architect',
        fix: 'orch unlock api/openapi.yaml --steal --reason "<why>"',
      },
    });
    expect(placeholder.ruleIndex).toBe(1);
    expect(placeholder.level).toBe('warning');
    const loc = placeholder.locations[0].physicalLocation;
    expect(loc.region).toBeUndefined();
    expect(loc.artifactLocation.uri).toBe('app/(shop)/%5Bid%5D/p%C3%A4%20ge%231%25.ts');
    expect(decodeURIComponent(loc.artifactLocation.uri)).toBe('app/(shop)/[id]/pä ge#1%.ts');
    expect(placeholder.properties).toBeUndefined();
    expect(parse.ruleId).toBe('status-parse');
    expect(parse.ruleIndex).toBe(3);
    expect(parse.locations).toBeUndefined();
    expect(dir.locations[0].physicalLocation.artifactLocation.uri).toBe('services/orders/');
    expect(dir.properties).toEqual({ commit: sha });
  });

  it('records the context, agent and skipping on the run', () => {
    const log = JSON.parse(
      formatSarif({ ...report, skipped: { all: false, rules: ['no-placeholder'] } }, rules, { toolVersion: '0.1.0' }),
    );
    expect(log.runs[0].properties).toEqual({
      context: 'ci',
      agent: 'frontend-dev',
      skipped: { all: false, rules: ['no-placeholder'] },
    });
  });
});
