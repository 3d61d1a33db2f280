// Reads a compose file from one side of a change set, with the `.env` beside it. Results
// are kept per change set: several rules read the same compose files in one run.
import type { ChangeSet } from '../types.js';
import type { ComposeFile } from './composeTypes.js';
import { parseDotEnv } from './parseDotEnv.js';
import { readCompose } from './readCompose.js';

type Side = 'old' | 'new';
const memo = new WeakMap<ChangeSet, Map<string, Promise<unknown>>>();

function cached<T>(changes: ChangeSet, key: string, make: () => Promise<T>): Promise<T> {
  let m = memo.get(changes);
  if (!m) memo.set(changes, (m = new Map()));
  let p = m.get(key) as Promise<T> | undefined;
  if (!p) m.set(key, (p = make()));
  return p;
}

/** The compose file at `path` on `side`, or null when it is absent there. */
export function readComposeAt(changes: ChangeSet, path: string, side: Side): Promise<ComposeFile | null> {
  return cached(changes, `compose\0${side}\0${path}`, async () => {
    const slash = path.lastIndexOf('/');
    const dir = slash === -1 ? '' : path.slice(0, slash);
    const [text, envText] = await Promise.all([
      changes.read(path, side),
      changes.read(dir === '' ? '.env' : `${dir}/.env`, side),
    ]);
    if (text === null) return null;
    return readCompose(text, path, envText === null ? {} : parseDotEnv(envText));
  });
}
