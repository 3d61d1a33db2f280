// Every configuration form the README lists loads from the installed package, not only
// from the sources: the packed bundle carries what YAML configurations need.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { packedTarball } from '../helpers/packedTarball.js';
import { cleanupAll, tempRepo } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

const FORMS: Array<[file: string, text: (status: string) => string]> = [
  ['.orchrc.json', (s) => JSON.stringify({ statusFile: s })],
  ['.orchrc', (s) => `statusFile: ${s}\n`],
  ['.orchrc.yaml', (s) => `# team settings\nstatusFile: ${s}\n`],
  ['.orchrc.yml', (s) => `statusFile: "${s}"\n`],
  ['orch.config.js', (s) => `module.exports = { statusFile: ${JSON.stringify(s)} };\n`],
  ['orch.config.mjs', (s) => `export default { statusFile: ${JSON.stringify(s)} };\n`],
  [
    'package.json',
    (s) => JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, orch: { statusFile: s } }),
  ],
];

it('npm pack → install into a fresh project → each of the seven configuration forms is the one orch uses', () => {
  const repo = tempRepo({ init: false, bin: false });
  // the same tarball packed-tarball.test.ts installs, packed once per build (test/helpers/packedTarball.ts)
  const tarball = packedTarball();
  expect(fs.existsSync(tarball)).toBe(true);
  const plainPackage = JSON.stringify({ name: 'consumer', version: '1.0.0', private: true });
  repo.write('package.json', plainPackage);
  const install = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--offline', '--ignore-scripts', tarball], {
    cwd: repo.dir,
    encoding: 'utf8',
    env: { ...repo.env, npm_config_cache: path.join(process.env.HOME ?? '/root', '.npm') },
  });
  expect(install.status, install.stdout + install.stderr).toBe(0);
  const bin = path.join(repo.dir, 'node_modules/.bin/orch');
  // the installed package has no yaml package of its own to fall back on
  expect(fs.existsSync(path.join(repo.dir, 'node_modules/yaml'))).toBe(false);

  for (const [file, text] of FORMS) {
    const status = `STATUS-${file.replace(/[^a-z]/g, '')}.md`;
    repo.write(file, text(status));
    const r = spawnSync(bin, ['lock', 'src/app.ts', '--task', 'T-1'], {
      cwd: repo.dir,
      encoding: 'utf8',
      env: { ...repo.env, ORCH_AGENT: 'backend-architect' },
    });
    expect(r.status, `${file}: ${r.stdout}${r.stderr}`).toBe(0);
    expect(r.stderr).not.toContain('Cannot find module');
    // the lock went into the status file that configuration names
    expect(fs.readFileSync(path.join(repo.dir, status), 'utf8'), file).toMatch(
      /\| src\/app\.ts \| backend-architect \| T-1 \|/,
    );
    if (file === 'package.json') repo.write('package.json', plainPackage);
    else fs.rmSync(path.join(repo.dir, file));
  }
  // a YAML mistake is reported by the installed package too, with the file and line
  repo.write('.orchrc.yaml', 'statusFile: [unclosed\n');
  const bad = spawnSync(bin, ['status'], { cwd: repo.dir, encoding: 'utf8', env: repo.env });
  expect(bad.status).toBe(2);
  expect(bad.stderr).toContain('.orchrc.yaml');
  expect(bad.stderr).not.toContain('Cannot find module');
});
