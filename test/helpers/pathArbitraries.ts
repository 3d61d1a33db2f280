// Paths that broke the write→read round trip before, as fast-check generators: unicode,
// spaces, backticks, backslashes, `|`, `<`, `*`, `[`, emphasis, words that mean "nothing".
import fc from 'fast-check';

export const CHARS = ['a', 'b', 'z', '0', 'é', '日', '🙂', ' ', '`', '\\', '|', '<', '>', '*', '[', ']', '_', '~', '-', '.', '!', '#', '(', ')', ',', ';', '"', "'", '{', '}', '&', '@', '+', '=', ':', '?'];
const WORDS = ['none', 'None', '-', '—', 'n/a', 'N/A', '**', '*', '__x__', '**b**', '<!--', '-->', '<br>', '`', '```', '[x](y)', 'TBD', '<path>', '...', 'nobody', '{agent}'];
const segment = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: 6 }).map((c) => c.join('')) },
  { weight: 2, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: fc.stringMatching(/^[a-z][a-z0-9_.-]{0,6}$/) },
);
/** What `orch lock` can be asked to write: no empty, `.` or `..` segment (toRepoPath resolves those). */
export const lockablePath = fc
  .tuple(fc.array(segment, { minLength: 1, maxLength: 3 }), fc.boolean())
  .map(([parts, dir]) => parts.join('/') + (dir ? '/' : ''))
  .filter((p) => p.split('/').every((s, i, a) => (s !== '' || i === a.length - 1) && s !== '.' && s !== '..'));

