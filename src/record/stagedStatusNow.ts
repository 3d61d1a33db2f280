// The staged copy of the status file, read under orch's status lock. The check handed on
// an early read (Prepared.stagedStatus, started while the rules ran): it stands while the
// index's stamp is the one taken before it began, else the file is read again.
import type { Prepared } from '../check/prepareCheck.js';
import { indexStamp } from '../git/indexStamp.js';
import { readIndexEntry } from '../git/readIndexEntry.js';

export async function stagedStatusNow(prepared: Prepared, statusFile: string): ReturnType<typeof readIndexEntry> {
  const early = prepared.stagedStatus;
  if (early && early.path === statusFile && indexStamp(early.indexFile) === early.stamp) {
    try {
      return await early.entry;
    } catch {
      // read it again below
    }
  }
  return readIndexEntry(statusFile, prepared.repo.git);
}
