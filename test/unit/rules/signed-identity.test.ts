import { describe, expect, it } from 'vitest';
import type { ConfigInput } from '../../../src/config/schema.js';
import { rule } from '../../../src/rules/signed-identity.js';
import type { CommitSignature } from '../../../src/types.js';
import { makeChangeSet } from '../../helpers/changeSet.js';
import { makeRuleInput, type RuleInputSpec } from '../../helpers/makeRuleInput.js';

// a public key and its fingerprint as `ssh-keygen -lf` prints it (and git's %GK gives it)
const SSH_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIP8jqm2+N+c6PpE/OgGU96NZIclJWb5YzslQZJGZRP/5 qa';
const SSH_FINGERPRINT = 'SHA256:QGHTFOxR9Kwdy2Dxa8k97fkGFZvCSJBYAV53ZoGp4l4';

const signed = (extra: ConfigInput = {}): ConfigInput => ({ ...extra, identity: { signed: true } });

function check(signature: CommitSignature | undefined, spec: Partial<RuleInputSpec> = {}) {
  const changes = makeChangeSet({
    kind: 'commit',
    files: [{ status: 'M', path: 'src/a.ts' }],
    commit: { authorEmail: 'bot@acme.test', ...(signature ? { signature } : {}) },
  });
  return rule.check(makeRuleInput({ changes, context: 'ci', config: signed(), ...spec }));
}

describe('signed-identity', () => {
  it('reports a commit signed by another agent than it claims, naming the signer, the key and the fix', async () => {
    const findings = await check({ status: 'G', signer: 'qa', key: SSH_FINGERPRINT });
    expect(findings).toEqual([
      {
        rule: 'signed-identity',
        path: null,
        holder: 'qa',
        message: `the commit claims backend-architect but is signed by qa (${SSH_FINGERPRINT}).`,
        fix: "Commit as qa (ORCH_AGENT=qa), or sign with backend-architect's key.",
      },
    ]);
    expect(rule.defaultSeverity('ci')).toBe('error');
  });

  it('passes a good signature by the agent it claims (names compare without case), also of unknown validity', async () => {
    expect(await check({ status: 'G', signer: 'Backend-Architect', key: 'ABCD' })).toEqual([]);
    expect(await check({ status: 'U', signer: 'backend-architect', key: 'ABCD' })).toEqual([]);
  });

  it("passes a signature made with one of the agent's signingKeys: an ssh key by fingerprint, a gpg id by suffix", async () => {
    const agents = (signingKeys: string[]) => signed({ agents: { 'backend-architect': { signingKeys } } });
    expect(await check({ status: 'G', signer: '', key: SSH_FINGERPRINT }, { config: agents([SSH_KEY]) })).toEqual([]);
    const gpg = { status: 'G', signer: 'Someone <x@acme.test>', key: '9F3A1B2C3D4E5F60' };
    expect(await check(gpg, { config: agents(['0x3d4e 5f60']) })).toEqual([]);
    expect(await check(gpg, { config: agents(['0x11112222']) })).toHaveLength(1);
    // another agent's key is no proof
    const others = signed({ agents: { qa: { signingKeys: [SSH_KEY] } } });
    expect(await check({ status: 'G', signer: '', key: SSH_FINGERPRINT }, { config: others })).toHaveLength(1);
  });

  it('says why a signature is not good, for each of git’s verdicts', async () => {
    const why = async (status: string) => (await check({ status, signer: '', key: '' }))[0].message;
    expect(await why('N')).toBe('the commit claims backend-architect but it is not signed.');
    expect(await why('B')).toContain('its signature is bad');
    expect(await why('E')).toContain('cannot be checked (the key is not in the allowed signers)');
    expect(await why('X')).toContain('its signature or key has expired');
    expect(await why('Y')).toContain('its signature or key has expired');
    expect(await why('R')).toContain('signed with a revoked key');
    expect(await why('Q')).toContain('its signature is not good (git status Q)');
    const [f] = await check({ status: 'N', signer: '', key: '' });
    expect(f.fix).toBe(
      "Sign commits with backend-architect's own key (git commit -S), or ask a person to re-sign them.",
    );
    expect(f).not.toHaveProperty('holder');
  });

  it('judges a commit without a known agent by its author, and names an unknown key', async () => {
    const [f] = await check({ status: 'G', signer: '', key: '' }, { agent: null });
    expect(f.message).toBe('the commit claims bot@acme.test but is signed by an unknown key (no key id).');
    expect(f.fix).toBe("Commit as yourself (ORCH_AGENT=<your name>), or sign with bot@acme.test's key.");
    expect(f.holder).toBeUndefined();
    // a person's commit signed under their own email passes
    const person = { agent: 'dev@acme.test', person: true };
    expect(await check({ status: 'G', signer: 'dev@acme.test', key: 'k' }, person)).toEqual([]);
  });

  it('is off unless identity.signed, and silent where no signature was collected (local hooks)', async () => {
    expect(await check({ status: 'N', signer: '', key: '' }, { config: {} })).toEqual([]);
    expect(await check(undefined)).toEqual([]);
    const index = makeChangeSet({ files: [{ status: 'M', path: 'src/a.ts' }] });
    expect(await rule.check(makeRuleInput({ changes: index, config: signed() }))).toEqual([]);
  });
});
