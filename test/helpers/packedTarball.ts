// `npm pack` of this checkout, made once and shared by the tests that install it (each
// installs into its own directory, so they share the tarball and nothing else). Kept in the
// temp dir under the hash of everything the package ships: a new build packs anew.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './tempRepo.js';

function shippedHash(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { files: string[] };
  const hash = createHash('sha256');
  const add = (rel: string) => {
    const abs = path.join(ROOT, rel);
    const st = fs.statSync(abs, { throwIfNoEntry: false });
    if (!st) return;
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(abs).sort()) add(path.join(rel, name));
    } else {
      hash.update(`${rel}\0${st.mode & 0o111}\0`).update(fs.readFileSync(abs));
    }
  };
  for (const entry of ['package.json', ...pkg.files]) add(entry.replace(/\/$/, ''));
  return hash.digest('hex').slice(0, 16);
}

/** The path of orchguard-<version>.tgz, packed from this checkout as it is now. */
export function packedTarball(): string {
  const dir = path.join(os.tmpdir(), `orch-pack-${shippedHash()}`);
  const find = () => fs.readdirSync(dir).find((f) => f.endsWith('.tgz'));
  if (fs.existsSync(dir) && find()) return path.join(dir, find()!);
  const tmp = fs.mkdtempSync(`${dir}.tmp-`);
  const pack = spawnSync('npm', ['pack', '--silent', '--pack-destination', tmp], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, npm_config_loglevel: 'error' },
  });
  if (pack.status !== 0) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw new Error(`npm pack failed (${pack.status}): ${pack.stderr}`);
  }
  try {
    fs.renameSync(tmp, dir); // in one step: a test running beside this one sees all or nothing
  } catch {
    fs.rmSync(tmp, { recursive: true, force: true }); // another test packed it first
  }
  return path.join(dir, find()!);
}
