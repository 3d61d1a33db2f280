import { describe, expect, it } from 'vitest';
import { rule } from '../../../src/rules/status-integrity.js';
import { readStatus } from '../../../src/status/readStatus.js';
import { makeChangeSet } from '../../helpers/changeSet.js';
import { makeRuleInput } from '../../helpers/makeRuleInput.js';

const table = (rows: string[]) =>
  [
    '# Work Status',
    '',
    '## Locks',
    '',
    '| Path | Agent | Task | Since | Expires | Note |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    '## Log',
    '',
  ].join('\n');
const B = '| api/openapi.yaml | backend-architect | T-12 | 2026-11-26T09:00Z | - | - |';
const F = '| web/app.ts | frontend | T-3 | 2026-11-26T09:00Z | - | - |';

describe('status-integrity in remote mode (the lock rows are a view of the lock branch)', () => {
  const change = makeChangeSet({
    files: [{ status: 'M', path: 'WORK_STATUS.md' }],
    old: { 'WORK_STATUS.md': table([B, F]) },
    new: { 'WORK_STATUS.md': table([F]) },
  });

  it('lets the view drop a row whose lock the lock branch no longer holds', async () => {
    const input = makeRuleInput({ changes: change, agent: 'frontend' });
    input.lockBranch = readStatus(table([F]));
    expect(await rule.check(input)).toEqual([]);
  });

  it('still refuses removing a row of a lock the lock branch holds', async () => {
    const input = makeRuleInput({ changes: change, agent: 'frontend' });
    input.lockBranch = readStatus(table([B, F]));
    const found = await rule.check(input);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ rule: 'status-integrity', holder: 'backend-architect' });
  });

  it("without remote mode, removing another agent's row is refused as before", async () => {
    const found = await rule.check(makeRuleInput({ changes: change, agent: 'frontend' }));
    expect(found.map((f) => f.holder)).toEqual(['backend-architect']);
  });
});
