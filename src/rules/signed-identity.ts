import { sameAgent } from '../identity/sameAgent.js';
import { sshFingerprint } from '../identity/allowedSigners.js';
import type { Rule } from './rule.js';

const GOOD = new Set(['G', 'U']);

export const rule: Rule = {
  id: 'signed-identity',
  defaultSeverity: () => 'error',
  summary: 'With identity.signed, each commit in CI is signed by a key of the agent it claims.',
  docs: `signed-identity — opt-in (identity.signed): every commit of a CI range, a push or a
pre-receive check must carry a good signature made with a key that belongs to the
identity it claims (its Agent: trailer, the agents table's email map, or the author).

Why: ORCH_AGENT is an environment variable; an agent can set it to another agent's name
and commit as that agent. With signed commits the name must match the key.

Which keys belong to whom (read from the base revision, never from the pushed head):
  - agents.<name>.signingKeys: ssh public keys ("ssh-ed25519 AAAA…") or gpg key ids;
  - identity.allowedSigners: an ssh allowed-signers file in the repository, whose
    principals are agent names (or people's emails).
Local hooks do not check signatures (the commit is not signed yet when they run).

What to do: sign commits with the agent's own key (git config gpg.format ssh;
git config user.signingkey <key>; git config commit.gpgsign true), and commit under the
agent's own name.

Config: identity.signed, identity.allowedSigners, agents.<name>.signingKeys.`,
  check(input) {
    const commit = input.changes.commit;
    if (!input.config.identity.signed || !commit?.signature) return [];
    const sig = commit.signature;
    const who = input.identity.name ?? commit.authorEmail;
    if (!GOOD.has(sig.status)) {
      return [
        {
          rule: 'signed-identity',
          path: null,
          message: `the commit claims ${who} but ${describe(sig.status)}.`,
          fix: `Sign commits with ${who}'s own key (git commit -S), or ask a person to re-sign them.`,
        },
      ];
    }
    const keys = Object.entries(input.config.agents).find(([name]) => sameAgent(name, who))?.[1].signingKeys ?? [];
    const keyMatches = keys.some((k) => {
      const fp = sshFingerprint(k);
      return fp ? fp === sig.key : normaliseKeyId(k) !== '' && normaliseKeyId(sig.key).endsWith(normaliseKeyId(k));
    });
    if (sameAgent(sig.signer, who) || keyMatches) return [];
    return [
      {
        rule: 'signed-identity',
        path: null,
        holder: sig.signer || undefined,
        message: `the commit claims ${who} but is signed by ${sig.signer || 'an unknown key'} (${sig.key || 'no key id'}).`,
        fix: `Commit as ${sig.signer || 'yourself'} (ORCH_AGENT=${sig.signer || '<your name>'}), or sign with ${who}'s key.`,
      },
    ];
  },
};

function normaliseKeyId(k: string): string {
  return k.replace(/^0x/i, '').replace(/\s+/g, '').toUpperCase();
}

function describe(status: string): string {
  switch (status) {
    case 'N':
      return 'it is not signed';
    case 'B':
      return 'its signature is bad';
    case 'E':
      return 'its signature cannot be checked (the key is not in the allowed signers)';
    case 'X':
    case 'Y':
      return 'its signature or key has expired';
    case 'R':
      return 'it is signed with a revoked key';
    default:
      return `its signature is not good (git status ${status})`;
  }
}
