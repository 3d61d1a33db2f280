// Writes a blob into the object database the way git does (zlib-deflated "blob <size>\0"
// + content, under objects/xx/yyyy, written to a temporary file and renamed), so the record
// step needs no `git hash-object` process on every commit.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';

export function writeLooseObject(objectsDir: string, content: string, algorithm: 'sha1' | 'sha256' = 'sha1'): string {
  const body = Buffer.from(content, 'utf8');
  const raw = Buffer.concat([Buffer.from(`blob ${body.length}\0`), body]);
  const sha = createHash(algorithm).update(raw).digest('hex');
  const dir = path.join(objectsDir, sha.slice(0, 2));
  const file = path.join(dir, sha.slice(2));
  if (fs.existsSync(file)) return sha;
  fs.mkdirSync(dir, { recursive: true });
  const tmp = path.join(dir, `tmp_obj_orch_${process.pid}_${Math.random().toString(36).slice(2)}`);
  try {
    // level 1, as git writes loose objects (core.looseCompression defaults to best speed)
    fs.writeFileSync(tmp, deflateSync(raw, { level: 1 }), { mode: 0o444 });
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  return sha;
}
