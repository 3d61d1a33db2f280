// Decided once, outside the formatters, so formatting stays a pure function of its input.
export type Env = Record<string, string | undefined>;

/**
 * Colour for `stream`? NO_COLOR (any non-empty value) wins over everything, as
 * no-color.org asks; then FORCE_COLOR ("0" or "false" disables, any other value —
 * even empty — enables, as Node and supports-color read it); otherwise only a TTY
 * that is not a dumb terminal gets colour, so hooks and agents piping the output get
 * plain text.
 */
export function useColor(stream: { isTTY?: boolean }, env: Env): boolean {
  const noColor = env.NO_COLOR;
  if (noColor !== undefined && noColor !== '') return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    const v = force.trim().toLowerCase();
    return !(v === '0' || v === 'false');
  }
  if (stream.isTTY !== true) return false;
  return env.TERM !== 'dumb';
}
