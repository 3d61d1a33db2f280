// init edits .orchrc.json only when the person running it asked for a change (--strict,
// --remote): parsed, changed, written back with the file's own indentation and final newline.
import { OrchError } from '../errors.js';

export function editJsonConfig(text: string, edit: (json: Record<string, unknown>) => void): string {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new OrchError(`.orchrc.json is not valid JSON (${(e as Error).message}); orch init did not change it.`, {
      hint: 'Fix the file, then run orch init again.',
    });
  }
  if (!json || typeof json !== 'object' || Array.isArray(json))
    throw new OrchError('.orchrc.json does not hold an object; orch init did not change it.');
  edit(json as Record<string, unknown>);
  const indent = /\n([ \t]+)"/.exec(text)?.[1] ?? '  ';
  return JSON.stringify(json, null, indent) + (text.endsWith('\n') || !text ? '\n' : '');
}
