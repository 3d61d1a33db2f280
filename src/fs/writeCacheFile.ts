// What orch keeps between runs to go faster (compiled globs, parsed status heads, validated
// configurations): written whole through a temporary file and a rename, so a reader never
// sees half of one, but never fsynced and never an error — a cache that is lost or cannot
// be written is only work to do again.
import fs from 'node:fs';
import path from 'node:path';

export function writeCacheFile(file: string, value: unknown): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}`);
    fs.writeFileSync(tmp, JSON.stringify(value));
    fs.renameSync(tmp, file);
  } catch {
    // a read-only git dir: the work is done again next time
  }
}
