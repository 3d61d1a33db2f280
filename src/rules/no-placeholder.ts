// Contracts and schemas are what other agents build against; the protocol rejects
// deliverables with placeholder or mock data. Only added lines are judged, so a file
// that already carries a TODO does not block every later edit of it.
import { contractMatcher } from '../match/contractMatcher.js';
import { globMatcher } from '../match/globMatcher.js';
import { addedLines } from '../text/addedLines.js';
import { DEFAULT_PLACEHOLDER_PATTERNS, placeholderPatterns } from '../text/placeholderPatterns.js';
import type { RawFinding } from '../types.js';
import type { Rule } from './rule.js';

const MAX_QUOTE = 120;

function normalise(line: string): string {
  return line.trim().replace(/\s+/g, ' ');
}

function quoteLine(text: string): string {
  const t = text.trim();
  return t.length > MAX_QUOTE ? t.slice(0, MAX_QUOTE - 1) + '…' : t;
}

export const rule: Rule = {
  id: 'no-placeholder',
  defaultSeverity: () => 'error',
  summary:
    'Added lines in contracts and schemas carry placeholder or mock markers (TODO, lorem ipsum, example.com, …).',
  docs: `no-placeholder — no placeholders or mock data in contracts and schemas.

What it checks: the added lines of a change (compared line by line with the previous
version; lines that were already there, even moved or re-indented, do not count) in
every path of a configured contract group and every path in placeholders.paths. Each
finding names the file and the line on the new side and quotes the marker. Deleted
files are not read.

Built-in markers (regular expressions; TODO-style markers count in capitals, or in any
case right after a comment sign, so a "type Todo" in a schema passes):
${DEFAULT_PLACEHOLDER_PATTERNS.map(([source, flags]) => `  ${source}${flags.includes('i') ? '   (any case)' : ''}`).join('\n')}
That is: TODO, FIXME, XXX, TBD; lorem ipsum; "placeholder" (not as a field name such as
"placeholder:"); mock/fake/dummy data, users, values, emails, tokens…; example.com,
example.org and example.net URLs and emails (except as the value of an OpenAPI
"example:" key); changeme / change_me; your-api-key, YOUR_TOKEN_HERE and the like;
all-zero identifiers such as 00000000-0000-0000-0000-000000000000.

Why: the protocol rejects designs and deliverables based on placeholder or mock data;
other agents generate clients and run migrations from these files.

How to fix: replace the marker with the real value (or remove the line), then commit
again. If a match is a false alarm, set your own list in placeholders.patterns or lower
the rule to a warning.

Config keys: placeholders.patterns (case-insensitive JavaScript regular expressions;
they replace the built-in list; a named group (?<marker>…) chooses the part quoted in
the finding), placeholders.paths (globs checked besides contract paths),
contracts[].paths, rules["no-placeholder"].`,
  async check(input) {
    const { config, changes } = input;
    // compiled first, so a bad pattern is reported even when no checked path changed
    const patterns = placeholderPatterns(config.placeholders.patterns);
    const inContract = contractMatcher(config.contracts, { ignoreCase: input.ignoreCase });
    const inExtra = globMatcher(config.placeholders.paths, { ignoreCase: input.ignoreCase });
    if (patterns.length === 0) return [];

    const checked = changes.files.filter(
      (f) => f.status !== 'D' && !f.submodule && (inContract(f.path).length > 0 || inExtra(f.path)),
    );
    const perFile = await Promise.all(
      checked.map(async (f) => {
        const oldPath = f.status === 'A' ? null : (f.oldPath ?? f.path);
        const [before, after] = await Promise.all([
          oldPath === null ? Promise.resolve(null) : changes.read(oldPath, 'old'),
          changes.read(f.path, 'new'),
        ]);
        if (after === null) return [];
        const findings: RawFinding[] = [];
        // a line the old side already had word for word was moved, not written: not new
        let oldLines: Set<string> | undefined;
        const existed = (text: string) =>
          (oldLines ??= new Set((before ?? '').split('\n').map(normalise))).has(normalise(text));
        for (const { line, text } of addedLines(before, after, { ignoreWhitespace: true })) {
          for (const { regex } of patterns) {
            const m = regex.exec(text);
            if (!m) continue;
            if (existed(text)) break;
            // a pattern may name the part to quote: (?<marker>...)
            const marker = (m.groups?.marker ?? m[0]).trim() || m[0];
            findings.push({
              rule: 'no-placeholder',
              path: f.path,
              line,
              message: `${f.path}:${line} adds the placeholder marker "${marker}": ${quoteLine(text)}`,
              fix: `Replace "${marker}" on line ${line} of ${f.path} with the real content (or remove the line), then commit again.`,
            });
            break;
          }
        }
        return findings;
      }),
    );
    return perFile.flat();
  },
};
