import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/loadConfig.js';
import { OrchError } from '../../../src/errors.js';
import { buildChild } from '../fs/buildChild.js';
import { spawnChild } from '../fs/spawnChild.js';
import { whyNotAsNobody } from '../../helpers/otherUser.js';

let top: string;
beforeEach(() => {
  top = mkdtempSync(join(tmpdir(), 'orch-config-'));
});
afterEach(() => {
  rmSync(top, { recursive: true, force: true });
});

function write(name: string, content: string | Buffer): string {
  const file = join(top, name);
  writeFileSync(file, content);
  return file;
}

async function loadError(): Promise<OrchError> {
  try {
    await loadConfig(top);
  } catch (e) {
    expect(e).toBeInstanceOf(OrchError);
    return e as OrchError;
  }
  throw new Error('expected loadConfig to throw');
}

describe('loadConfig', () => {
  it('gives the defaults and no file path when there is no configuration', async () => {
    const { config, filepath } = await loadConfig(top);
    expect(filepath).toBeNull();
    expect(config.statusFile).toBe('WORK_STATUS.md');
    expect(config.rules).toEqual({});
  });

  it('reads .orchrc.json', async () => {
    const file = write(
      '.orchrc.json',
      '{ "$schema": "./node_modules/orchguard/schema.json", "statusFile": "STATUS.md" }',
    );
    const { config, filepath } = await loadConfig(top);
    expect(filepath).toBe(file);
    expect(config.statusFile).toBe('STATUS.md');
  });

  it('prefers .orchrc.json over every other place', async () => {
    write('.orchrc.yaml', 'statusFile: FROM-YAML.md\n');
    write('package.json', JSON.stringify({ orch: { statusFile: 'FROM-PACKAGE.md' } }));
    write('.orchrc.json', '{"statusFile": "FROM-JSON.md"}');
    expect((await loadConfig(top)).config.statusFile).toBe('FROM-JSON.md');
  });

  it('follows the search order: .orchrc, .orchrc.yaml, .orchrc.yml, orch.config.js, orch.config.mjs, package.json', async () => {
    write('package.json', JSON.stringify({ name: 'x', orch: { statusFile: 'package.md' } }));
    expect((await loadConfig(top)).config.statusFile).toBe('package.md');
    write('orch.config.mjs', 'export default { statusFile: "mjs.md" };');
    expect((await loadConfig(top)).config.statusFile).toBe('mjs.md');
    write('orch.config.js', 'export default { statusFile: "js.md" };');
    write('package.json', JSON.stringify({ name: 'x', type: 'module', orch: { statusFile: 'package.md' } }));
    expect((await loadConfig(top)).config.statusFile).toBe('js.md');
    write('.orchrc.yml', 'statusFile: yml.md\n');
    expect((await loadConfig(top)).config.statusFile).toBe('yml.md');
    write('.orchrc.yaml', 'statusFile: yaml.md\n');
    expect((await loadConfig(top)).config.statusFile).toBe('yaml.md');
    const rc = write('.orchrc', 'statusFile: rc.md\n');
    const result = await loadConfig(top);
    expect(result.config.statusFile).toBe('rc.md');
    expect(result.filepath).toBe(rc);
  });

  it('follows cosmiconfig\'s "$import" in .orchrc.json', async () => {
    write('shared.json', '{"statusFile": "SHARED.md", "indexFile": "SHARED-INDEX.md"}');
    write('.orchrc.json', '{"$import": "./shared.json", "indexFile": "OWN-INDEX.md"}');
    const { config } = await loadConfig(top);
    expect(config.statusFile).toBe('SHARED.md');
    expect(config.indexFile).toBe('OWN-INDEX.md');
  });

  it('passes over a package.json without an "orch" key', async () => {
    write('package.json', JSON.stringify({ name: 'app' }));
    expect(await loadConfig(top)).toMatchObject({ filepath: null, config: { statusFile: 'WORK_STATUS.md' } });
  });

  it('does not look above the repository root', async () => {
    write('.orchrc.json', '{"statusFile": "PARENT.md"}');
    const repo = join(top, 'repo');
    mkdirSync(repo);
    expect((await loadConfig(repo)).filepath).toBeNull();
  });

  it('reports a JSON syntax error with file, line and column', async () => {
    const file = write('.orchrc.json', '{\n  "statusFile": "S.md",\n}\n');
    const e = await loadError();
    expect(e.exitCode).toBe(2);
    expect(e.message).toContain(`${file}:2:23: invalid JSON: trailing comma before '}'`);
  });

  it('reports a YAML syntax error with file and line', async () => {
    const file = write('.orchrc.yml', 'statusFile: [S.md\nindexFile: I.md\n');
    expect((await loadError()).message).toMatch(
      new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: invalid YAML`),
    );
  });

  it('reports validation problems with the file path', async () => {
    const file = write('.orchrc.yaml', 'rules:\n  lock-conflct: error\n');
    const e = await loadError();
    expect(e.message).toContain(`${file}: invalid configuration (1 problem)`);
    expect(e.message).toContain('rules.lock-conflct: unknown rule id. Did you mean "lock-conflict"?');
  });

  it('names the orch key when package.json#orch is invalid', async () => {
    const file = write(
      'package.json',
      JSON.stringify({ orch: { contracts: [{ name: 'api', paths: ['a'], owners: 'x' }] } }),
    );
    const e = await loadError();
    expect(e.message).toContain(`${file} (key "orch"): invalid configuration`);
    expect(e.message).toContain('contracts[0].owners: expected a list of agent names');
  });

  it('treats an empty file as an error, on the JSON and the YAML path alike', async () => {
    const json = write('.orchrc.json', '');
    expect((await loadError()).message).toBe(
      `${json} is empty: expected a JSON object such as { "statusFile": "WORK_STATUS.md" }.`,
    );
    rmSync(json);
    const yaml = write('.orchrc.yaml', '\n\n');
    expect((await loadError()).message).toContain(`${yaml} is empty`);
  });

  it('refuses a binary file, naming it', async () => {
    const file = write('.orchrc.json', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff]));
    expect((await loadError()).message).toContain(`${file} is not a text file`);
  });

  it('refuses a file that is not UTF-8', async () => {
    const file = write('.orchrc.json', Buffer.from('{"statusFile": "caf\xe9.md"}', 'latin1'));
    expect((await loadError()).message).toBe(`${file} is not valid UTF-8 text.`);
  });

  it('reports a JavaScript configuration that throws, naming the file', async () => {
    const file = write('orch.config.mjs', 'throw new Error("boom");\n');
    const e = await loadError();
    expect(e.message).toContain(file);
    expect(e.message).toContain('boom');
  });

  it('reports a JavaScript configuration that exports nothing', async () => {
    const file = write('orch.config.mjs', 'export const unused = 1;\n');
    expect((await loadError()).message).toBe(`${file} exports no configuration.`);
  });

  it('refuses a configuration file it may not read, naming it', async (ctx) => {
    // Permission bits do not stop root, so the loader runs as "nobody" in a child process.
    const child = await buildChild();
    try {
      chmodSync(top, 0o755);
      if (process.getuid?.() === 0) {
        const why = whyNotAsNobody([child, top]);
        if (why) ctx.skip(why);
      }
      for (const name of ['.orchrc.json', '.orchrc.yaml']) {
        const file = write(name, name.endsWith('json') ? '{}' : 'statusFile: S.md\n');
        chmodSync(file, 0o000);
        const run = spawnChild(child, ['load-config', top], process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {});
        const { lines, stderr } = await run.exited;
        expect(stderr).toBe('');
        expect(lines[0]).toMatchObject({ orch: true, message: `${file} cannot be read: permission denied.` });
        expect(lines[0].hint).toContain(`chmod a+r "${file}"`);
        rmSync(file);
      }
    } finally {
      rmSync(join(child, '..'), { recursive: true, force: true });
    }
  });
});
