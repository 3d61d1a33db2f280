// orch edits the status file as UTF-8 text. A file in another encoding would come back
// with every byte that is not UTF-8 replaced (U+FFFD), outside the rows orch edits: so it
// is refused (exit 2) before anything is written, and the message says which line.
import { isUtf8 } from 'node:buffer';
import { OrchError } from '../errors.js';

/** Throws when `bytes` is not UTF-8, naming `name`, the first such line and its byte. */
export function checkUtf8(bytes: Buffer, name: string): void {
  if (isUtf8(bytes)) return;
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 0x0a) continue;
    const row = bytes.subarray(start, i);
    if (!isUtf8(row)) {
      const bad = row.findIndex((b) => b >= 0x80);
      throw new OrchError(
        `${name} line ${line} is not UTF-8 (byte 0x${row[Math.max(0, bad)].toString(16).toUpperCase()}): orch writes the status file as UTF-8 and would change bytes it does not own, so it changed nothing.`,
        {
          hint: `Convert the file to UTF-8 (for Latin-1: iconv -f latin1 -t utf-8 ${name} > ${name}.utf8 && mv ${name}.utf8 ${name}), stage it, and run the command again.`,
        },
      );
    }
    line++;
    start = i + 1;
  }
}
