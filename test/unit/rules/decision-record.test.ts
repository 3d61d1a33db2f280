import { describe, expect, it } from 'vitest';
import type { ConfigInput } from '../../../src/config/schema.js';
import { rule } from '../../../src/rules/decision-record.js';
import type { ChangeSet, FileChange } from '../../../src/types.js';
import { makeChangeSet } from '../../helpers/changeSet.js';
import { makeRuleInput } from '../../helpers/makeRuleInput.js';

const INDEX = 'orchestration-index.md';
const contracts = [{ name: 'api', paths: ['api/**/*.yaml'], owners: ['backend-architect'] }];
const config: ConfigInput = { contracts, services: { roots: ['services/*'] } };
const COMPOSE_V1 = 'services:\n  orders:\n    build: services/orders\n';
const COMPOSE_V2 = `${COMPOSE_V1}  billing:\n    image: billing:1.0\n`;

const check = (changes: ChangeSet, extra: ConfigInput = {}) =>
  rule.check(makeRuleInput({ changes, config: { ...config, ...extra } }));
const change = (files: FileChange[], old: Record<string, string> = {}, after: Record<string, string> = {}) =>
  makeChangeSet({ files, old, new: after });

describe('decision-record', () => {
  it('reports a new contract file without an index change, naming the file and the orch decide command', async () => {
    expect(await check(change([{ status: 'A', path: 'api/v2/orders.yaml' }]))).toEqual([
      {
        rule: 'decision-record',
        path: 'api/v2/orders.yaml',
        message: `the new contract file api/v2/orders.yaml is added without a decision record: ${INDEX} is not changed.`,
        fix: `orch decide "<title>" --context "<why>" --decision "<what was decided>" [--consequences "<what follows>"], then commit ${INDEX} with this change.`,
      },
    ]);
    expect(rule.defaultSeverity('pre-commit')).toBe('warning');
    expect(rule.defaultSeverity('ci')).toBe('warning');
  });

  it('passes when the change also changes the index, but not when it deletes it', async () => {
    const added: FileChange = { status: 'A', path: 'api/v2/orders.yaml' };
    expect(await check(change([added, { status: 'M', path: INDEX }]))).toEqual([]);
    expect(await check(change([added, { status: 'D', path: INDEX }]))).toHaveLength(1);
    expect(
      await check(change([added, { status: 'M', path: 'docs/decisions.md' }]), { indexFile: 'docs/decisions.md' }),
    ).toEqual([]);
  });

  it('counts a file copied or moved into a contract, not an edit, a move within it, or a submodule', async () => {
    expect(await check(change([{ status: 'C', path: 'api/v2/a.yaml', oldPath: 'api/v1/a.yaml' }]))).toHaveLength(1);
    expect(await check(change([{ status: 'R', path: 'api/v2/a.yaml', oldPath: 'drafts/a.yaml' }]))).toHaveLength(1);
    expect(await check(change([{ status: 'R', path: 'api/v2/a.yaml', oldPath: 'api/v1/a.yaml' }]))).toEqual([]);
    expect(await check(change([{ status: 'M', path: 'api/v1/a.yaml' }]))).toEqual([]);
    expect(await check(change([{ status: 'A', path: 'api/spec.yaml', submodule: true }]))).toEqual([]);
  });

  it('reports a new service directory under services.roots, by its first marker file', async () => {
    const files: FileChange[] = [
      { status: 'A', path: 'services/billing/Dockerfile' },
      { status: 'A', path: 'services/billing/main.go' },
    ];
    const [f, ...rest] = await check(change(files, {}, { 'services/billing/Dockerfile': 'FROM golang:1.23\n' }));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ path: 'services/billing/Dockerfile' });
    expect(f.message).toBe(
      `the new service services/billing/ is added without a decision record: ${INDEX} is not changed.`,
    );
    // a directory that had a marker already is no new service
    const old = { 'services/orders/package.json': '{}' };
    expect(await check(change([{ status: 'A', path: 'services/orders/Dockerfile' }], old))).toEqual([]);
  });

  it('reports a service name no compose file had before, with its file and line', async () => {
    const files: FileChange[] = [{ status: 'M', path: 'docker-compose.yml' }];
    const findings = await check(
      change(files, { 'docker-compose.yml': COMPOSE_V1 }, { 'docker-compose.yml': COMPOSE_V2 }),
    );
    expect(findings.map((f) => f.message)).toEqual([
      `the new compose service "billing" (docker-compose.yml, line 4) is added without a decision record: ${INDEX} is not changed.`,
    ]);
    // a service moved from one compose file to another is not new
    const moved = change(
      [
        { status: 'M', path: 'docker-compose.yml' },
        { status: 'A', path: 'compose.billing.yml' },
      ],
      { 'docker-compose.yml': COMPOSE_V2 },
      { 'docker-compose.yml': COMPOSE_V1, 'compose.billing.yml': 'services:\n  billing:\n    image: billing:1.0\n' },
    );
    expect(await check(moved)).toEqual([]);
  });

  it('judges the whole range: the index may change in a later commit, and the finding names the adding commit', async () => {
    const sha = 'abcdefabcdefabcdefabcdefabcdefabcdefabcd';
    const adding = makeChangeSet({ files: [{ status: 'A', path: 'api/v2/orders.yaml' }], commit: { sha } });
    const range = makeChangeSet({ kind: 'range', files: adding.files, commits: [adding] });
    const [f] = await rule.check({ ...makeRuleInput({ changes: adding, config, context: 'pre-push' }), range });
    expect(f.commit).toBe(sha);
    expect(f.message).toContain('is added (commit abcdefabcdef) without a decision record');
    const recorded = makeChangeSet({ kind: 'range', files: [...adding.files, { status: 'M', path: INDEX }] });
    expect(
      await rule.check({ ...makeRuleInput({ changes: adding, config, context: 'pre-push' }), range: recorded }),
    ).toEqual([]);
  });
});
