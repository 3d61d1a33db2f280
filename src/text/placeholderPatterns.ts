// The markers that say "not finished": what the protocol rejects in contracts and
// schemas. The built-in list is tuned against false alarms: TODO-style markers count in
// capitals or after a comment sign, so a `type Todo` in a to-do app's schema passes;
// "mock"/"fake"/"dummy" count only next to a word for data; example.com on an OpenAPI
// `example:` line is the documented way to show a value and passes.
import { OrchError } from '../errors.js';

export interface PlaceholderPattern {
  /** As shown to users (`orch explain no-placeholder`, the configuration). */
  source: string;
  regex: RegExp;
}

/** Built-in patterns: [source, flags]. Flags without `i` mark capitals-only markers. */
export const DEFAULT_PLACEHOLDER_PATTERNS: readonly (readonly [string, string])[] = [
  [String.raw`\b(?:TODO|FIXME|XXX|TBD)\b`, ''],
  [String.raw`(?:#|\/\/|--|\/\*|<!--|^\s*\*)\s*(?<marker>todo|fixme|xxx|tbd)\b`, 'i'],
  [String.raw`\blorem\s+ipsum\b`, 'i'],
  [String.raw`\bplaceholder\b(?!["']?\s*[:=])`, 'i'],
  [
    String.raw`\b(?:mock(?:ed)?|fake|dummy)[\s_-]?(?:data|values?|users?|records?|rows?|responses?|payloads?|entr(?:y|ies)|emails?|names?|ids?|tokens?|keys?|secrets?|passwords?|addresse?s?|urls?|content|text|implementation)\b`,
    'i',
  ],
  [String.raw`(?<!\b(?:x-)?examples?["']?\s*:[^,{}[\]]*)\bexample\.(?:com|org|net)\b`, 'i'],
  [String.raw`\bchange[_-]?me\b`, 'i'],
  [
    String.raw`\byour[_-](?:[a-z0-9]+[_-])*?(?:api[_-]?key|key|token|secret|password|passwd|domain|host|hostname|url|id|name|email|value)(?:[_-]here)?\b`,
    'i',
  ],
  [String.raw`(?<![a-z0-9])(?:key|token|secret|password|value|text|name|url)[_-]here\b`, 'i'],
  [String.raw`\b0{8}-0{4}-0{4}-0{4}-0{12}\b`, ''],
  [String.raw`\b0{24,}\b`, ''],
];

let defaults: PlaceholderPattern[] | undefined;

/**
 * The patterns in force: the configured ones (`placeholders.patterns`, compiled
 * case-insensitive) replace the built-in list. Throws OrchError naming the key of an
 * invalid regular expression.
 */
export function placeholderPatterns(configured?: readonly string[]): PlaceholderPattern[] {
  if (!configured) {
    defaults ??= DEFAULT_PLACEHOLDER_PATTERNS.map(([source, flags]) => ({ source, regex: new RegExp(source, flags) }));
    return defaults;
  }
  return configured.map((source, i) => {
    try {
      return { source, regex: new RegExp(source, 'i') };
    } catch (e) {
      throw new OrchError(
        `Configuration key placeholders.patterns[${i}] is not a valid regular expression: ${JSON.stringify(source)} (${(e as Error).message}).`,
        {
          hint: 'Write a JavaScript regular expression without slashes or flags (matching is case-insensitive), e.g. "\\\\bTODO\\\\b", or remove the key to use the built-in list.',
          cause: e,
        },
      );
    }
  });
}
