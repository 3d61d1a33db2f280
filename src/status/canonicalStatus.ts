// The WORK_STATUS.md that `orch init` creates: the canonical form of the README's "WORK_STATUS.md", empty.
export const CANONICAL_STATUS = `# Work Status

Agents lock files here before editing them (\`orch lock <path> --task <id>\`), and release
them when done (\`orch unlock\`, \`orch done <task>\`). orch checks every commit against
this table and appends one Log entry per commit.

## Locks

| Path | Agent | Task | Since | Expires | Note |
| --- | --- | --- | --- | --- | --- |

## Reviews

| Path | Requested by | Reviewer | State | At |
| --- | --- | --- | --- | --- |

## Log

`;
