import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../../src/config/parseConfigText.js';
import { OrchError } from '../../../src/errors.js';

function errorOf(text: string, file: string): OrchError {
  try {
    parseConfigText(text, file);
  } catch (e) {
    expect(e).toBeInstanceOf(OrchError);
    return e as OrchError;
  }
  throw new Error('expected parseConfigText to throw');
}

describe('parseConfigText: formats', () => {
  it('reads JSON from .orchrc.json, tolerating a byte-order mark', () => {
    const config = parseConfigText(
      '\uFEFF{ "statusFile": "STATUS.md", "rules": { "no-placeholder": "off" } }',
      '.orchrc.json',
    );
    expect(config.statusFile).toBe('STATUS.md');
    expect(config.rules['no-placeholder']).toBe('off');
  });

  it('reads YAML from .orchrc.yaml, .orchrc.yml and the extensionless .orchrc', () => {
    const yaml =
      'statusFile: STATUS.md\ncontracts:\n  - name: api\n    paths: ["api/**"]\n    owners: [backend-architect]\n';
    for (const name of ['.orchrc.yaml', '.orchrc.yml', '.orchrc']) {
      const config = parseConfigText(yaml, name);
      expect(config.statusFile).toBe('STATUS.md');
      expect(config.contracts[0].owners).toEqual(['backend-architect']);
    }
    // JSON is YAML too, as cosmiconfig reads .orchrc.
    expect(parseConfigText('{"indexFile": "INDEX.md"}', '.orchrc').indexFile).toBe('INDEX.md');
  });

  it('reads the "orch" key of a package.json, and gives the defaults without one', () => {
    const pkg = JSON.stringify({ name: 'app', orch: { statusFile: 'STATUS.md' } });
    expect(parseConfigText(pkg, 'package.json').statusFile).toBe('STATUS.md');
    expect(parseConfigText('{"name": "app"}', 'package.json').statusFile).toBe('WORK_STATUS.md');
  });

  it('names the orch key of package.json in validation errors', () => {
    const e = errorOf('{"orch": {"statusfile": "x"}}', 'sub/package.json');
    expect(e.message).toContain('sub/package.json (key "orch"): invalid configuration');
    expect(e.message).toContain('Did you mean "statusFile"?');
  });

  it('refuses JavaScript configuration, saying why and what to use instead', () => {
    for (const name of ['orch.config.js', 'orch.config.mjs']) {
      const e = errorOf('export default {}', name);
      expect(e.message).toContain(`${name} is a JavaScript configuration file`);
      expect(e.hint).toContain('.orchrc.json');
    }
  });

  it('refuses names it cannot tell the format of', () => {
    expect(errorOf('{}', 'orch.toml').message).toContain('must be JSON (.json) or YAML');
  });

  it('refuses "$import", which cannot be followed without the file system', () => {
    expect(errorOf('{"$import": "base.json"}', '.orchrc.json').message).toContain('"$import" cannot be followed');
  });
});

describe('parseConfigText: syntax errors', () => {
  it('points at a trailing comma by line and column', () => {
    const e = errorOf('{\n  "statusFile": "S.md",\n}\n', '.orchrc.json');
    expect(e.message).toMatch(/^\.orchrc\.json:2:23: invalid JSON: trailing comma before '}'/);
    expect(e.message).toContain('  2 |   "statusFile": "S.md",\n    |                       ^');
  });

  it('says comments are not JSON', () => {
    expect(errorOf('{\n  // locks\n  "statusFile": "S.md"\n}', '.orchrc.json').message).toMatch(
      /:2:3: invalid JSON: comments are not allowed in JSON/,
    );
  });

  it('suspects a missing comma between two properties', () => {
    const e = errorOf('{\n  "statusFile": "S.md"\n  "indexFile": "I.md"\n}', '.orchrc.json');
    expect(e.message).toMatch(
      /:3:3: invalid JSON: expected ',' or '}' after a property value, found '"' \(is a comma missing/,
    );
  });

  it('reports a file that ends too early with the line where the object opened', () => {
    const e = errorOf('{\n  "contracts": [\n    {"name": "api"\n', '.orchrc.json');
    expect(e.message).toMatch(/:4:1: invalid JSON: the file ends inside the object opened on line 3; a '}' is missing/);
  });

  it('explains single quotes and unquoted names', () => {
    expect(errorOf("{'statusFile': 'S.md'}", '.orchrc.json').message).toContain(
      'property names must be in double quotes',
    );
    expect(errorOf('{statusFile: "S.md"}', '.orchrc.json').message).toContain(
      ':1:2: invalid JSON: property names must be in double quotes',
    );
  });

  it('reports YAML errors with line and column', () => {
    const e = errorOf('statusFile: S.md\nstatusFile: T.md\n', '.orchrc.yaml');
    expect(e.message).toMatch(/^\.orchrc\.yaml:2:1: invalid YAML: Map keys must be unique/);
  });

  it('treats an empty or comment-only file as an error that says what to write', () => {
    const json = errorOf('  \n', '.orchrc.json');
    expect(json.message).toBe(
      '.orchrc.json is empty: expected a JSON object such as { "statusFile": "WORK_STATUS.md" }.',
    );
    expect(json.hint).toContain('{}');
    expect(errorOf('# nothing yet\n', '.orchrc.yaml').message).toContain('.orchrc.yaml is empty');
  });

  it('refuses binary content', () => {
    expect(errorOf('\u0000\u0001\u0002PK', '.orchrc.json').message).toContain('.orchrc.json is not a text file');
  });
});
