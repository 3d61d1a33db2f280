// The configuration's single source of truth: the zod schema validates `.orchrc.json`
// and friends, and `schema.json` (for editors) is generated from it at build time.
import { z } from 'zod';
import { configGlobProblem } from '../match/globComplexity.js';
import { RULE_IDS } from '../types.js';

const severity = z
  .enum(['error', 'warning', 'warn', 'off'])
  .describe('"error" blocks, "warning" (or "warn") is printed, "off" skips the rule.');

// every configured glob is matched against every changed path: one that backtracks
// badly (`**/*a*a*a*a*b`) would stall each check, so it gets the limits of lock globs
const glob = z
  .string()
  .min(1)
  .superRefine((pattern, ctx) => {
    const problem = configGlobProblem(pattern);
    if (problem)
      ctx.addIssue({
        code: 'custom',
        message: `the glob "${pattern}" is too costly to match: ${problem}; use fewer wildcards, or list the paths`,
      });
  });

const globList = z.array(glob).describe('Glob patterns, repository-relative, forward slashes.');

export const agentSchema = z
  .object({
    emails: z.array(z.string()).default([]).describe('Author emails that identify this agent.'),
    signingKeys: z
      .array(z.string())
      .default([])
      .describe('Public keys (ssh "type base64") or key ids allowed to sign this agent\'s commits.'),
  })
  .strict();

export const contractSchema = z
  .object({
    name: z.string().min(1).describe('A name for the group, shown in findings.'),
    paths: globList,
    owners: z.array(z.string().min(1)).min(1).describe('Agents allowed to change these paths.'),
    requireLock: z.boolean().default(false).describe('The owner must also hold a lock covering the path.'),
    proof: globList
      .optional()
      .describe(
        'Implementation and tests that show the contract works: a change to the contract must also change one of them (rule contract-proof).',
      ),
    consumers: z
      .array(z.string().min(1))
      .optional()
      .describe(
        'Agents that build against the contract: each gets a review request when the owner changes it (rule contract-review).',
      ),
  })
  .strict();

export const configSchema = z
  .object({
    $schema: z.string().optional(),
    statusFile: z.string().min(1).default('WORK_STATUS.md').describe('The lock table, reviews and log.'),
    indexFile: z
      .string()
      .min(1)
      .default('orchestration-index.md')
      .describe('Project index that completed tasks must update.'),
    agents: z.record(z.string(), agentSchema).default({}).describe('Known agents, keyed by name.'),
    agentDefinitions: globList
      .optional()
      .describe(
        'Agent definition files (markdown with a `name` in its front matter) that make the roster. Absent: .claude/agents/**/*.md and other usual places.',
      ),
    configOwners: z
      .array(z.string())
      .default([])
      .describe('Agents allowed to change the orch configuration. Empty: people only, no agent.'),
    contracts: z.array(contractSchema).default([]),
    services: z
      .object({
        roots: globList
          .optional()
          .describe('Where service directories live, e.g. "services/*". Inferred from compose files when absent.'),
        ignore: globList.default([]).describe('Directories that are never services.'),
        compose: globList.default([]).describe('Extra compose files beyond the usual names.'),
      })
      .strict()
      .default({ ignore: [], compose: [] }),
    review: z
      .object({
        reviewer: z.string().default('docker-expert'),
        paths: globList.default(['**/Dockerfile', '**/Dockerfile.*', '**/*.Dockerfile', '**/*compose*.{yml,yaml}']),
        branches: globList
          .default(['@default', 'release/*'])
          .describe('Branches where unapproved container changes are errors; "@default" is the default branch.'),
      })
      .strict()
      .default({
        reviewer: 'docker-expert',
        paths: ['**/Dockerfile', '**/Dockerfile.*', '**/*.Dockerfile', '**/*compose*.{yml,yaml}'],
        branches: ['@default', 'release/*'],
      }),
    locks: z
      .object({
        ttl: z
          .string()
          .regex(/^\d+[smhdw]$/, 'a duration such as "30m", "8h" or "2d"')
          .optional()
          .describe('Locks older than this without an expiry count as expired. Absent: they never expire.'),
        defaultTtl: z
          .string()
          .regex(/^\d+[smhdw]$/, 'a duration such as "30m", "8h" or "2d"')
          .optional()
          .describe('Expiry written by `orch lock` when --ttl is not given.'),
        required: globList.default([]).describe('Paths that must be locked by the committer (rule lock-required).'),
        remote: z.string().optional().describe('Share locks through this git remote (e.g. "origin").'),
        branch: z.string().default('orch/locks').describe('The lock branch on the remote.'),
        fetchOnCommit: z.boolean().default(false),
        verify: z.enum(['strict', 'warn']).default('strict'),
        autoLock: z.boolean().default(false).describe('`orch guard` locks a free path for the editing agent.'),
        renewEvery: z
          .string()
          .regex(/^(\d+[smhdw]|off)$/, 'a duration such as "10m", or "off"')
          .default('10m')
          .describe('An agent\'s edit under its own expiring lock renews it, at most this often; "off": never.'),
      })
      .strict()
      .default({
        required: [],
        branch: 'orch/locks',
        fetchOnCommit: false,
        verify: 'strict',
        autoLock: false,
        renewEvery: '10m',
      }),
    log: z
      .object({
        enabled: z.boolean().default(true).describe('Append one log entry per commit.'),
        maxEntries: z.number().int().positive().default(1000),
        maxPaths: z.number().int().positive().default(10).describe('Paths listed per entry before "+N more".'),
        archiveFile: z.string().default('WORK_STATUS.archive.md'),
      })
      .strict()
      .default({ enabled: true, maxEntries: 1000, maxPaths: 10, archiveFile: 'WORK_STATUS.archive.md' }),
    placeholders: z
      .object({
        patterns: z
          .array(z.string())
          .optional()
          .describe('Regular expressions (case-insensitive) that mark placeholders; replaces the built-in list.'),
        paths: globList.default([]).describe('Paths checked besides contract paths.'),
      })
      .strict()
      .default({ paths: [] }),
    identity: z
      .object({
        signed: z
          .boolean()
          .default(false)
          .describe('In CI, each commit must be signed by a key of the agent it claims.'),
        allowedSigners: z.string().optional().describe('An ssh allowed-signers file, repository-relative.'),
      })
      .strict()
      .default({ signed: false }),
    allowReplaceRefs: z
      .boolean()
      .default(false)
      .describe('pre-receive accepts pushes to refs/replace/* (off: refused, as they change what history git shows).'),
    rules: z.partialRecord(z.enum(RULE_IDS), severity).default({}).describe('Severity per rule id.'),
  })
  .strict();

export type ConfigInput = z.input<typeof configSchema>;
export type Config = z.output<typeof configSchema>;
export type ContractConfig = z.output<typeof contractSchema>;
