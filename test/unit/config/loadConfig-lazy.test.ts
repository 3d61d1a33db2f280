import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';

// Every hook loads the configuration: the common JSON case must not pay for cosmiconfig.
const cosmiconfigImports = vi.hoisted(() => ({ count: 0 }));
vi.mock('cosmiconfig', async (importOriginal) => {
  cosmiconfigImports.count++;
  return importOriginal();
});

const { loadConfig } = await import('../../../src/config/loadConfig.js');

const top = mkdtempSync(join(tmpdir(), 'orch-config-lazy-'));
afterAll(() => rmSync(top, { recursive: true, force: true }));

it('loads cosmiconfig only when a YAML or JavaScript file needs it', async () => {
  await loadConfig(top); // no configuration
  writeFileSync(join(top, 'package.json'), JSON.stringify({ orch: { statusFile: 'P.md' } }));
  expect((await loadConfig(top)).config.statusFile).toBe('P.md');
  writeFileSync(join(top, '.orchrc.json'), '{"statusFile": "J.md"}');
  expect((await loadConfig(top)).config.statusFile).toBe('J.md');
  expect(cosmiconfigImports.count).toBe(0);

  rmSync(join(top, '.orchrc.json'));
  writeFileSync(join(top, '.orchrc.yaml'), 'statusFile: Y.md\n');
  expect((await loadConfig(top)).config.statusFile).toBe('Y.md');
  expect(cosmiconfigImports.count).toBe(1);
});
