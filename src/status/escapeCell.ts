/** A value as a table cell: one line, `|` escaped, `-` when empty. */
export function escapeCell(value: string | undefined | null): string {
  const v = (value ?? '')
    .replace(/\r?\n|\r/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();
  return v === '' ? '-' : v;
}
