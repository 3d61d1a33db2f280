import { describe, expect, it } from 'vitest';
import { readCompose } from '../../../src/compose/readCompose.js';

describe('readCompose', () => {
  it('reads the short and long build forms, contexts without ./, and default Dockerfile names', () => {
    const f = readCompose(
      [
        'services:',
        '  a:',
        '    build: ./services/a',
        '  b:',
        '    build:',
        '      context: services/b',
        '      dockerfile: docker/prod.Dockerfile',
        '      target: prod',
        '  c:',
        '    image: redis',
      ].join('\n'),
      'docker-compose.yml',
    );
    expect(f.errors).toEqual([]);
    expect(
      f.services.map((s) => ({ name: s.name, line: s.line, ctx: s.build?.context, df: s.build?.dockerfile })),
    ).toEqual([
      { name: 'a', line: 2, ctx: 'services/a', df: 'services/a/Dockerfile' },
      { name: 'b', line: 4, ctx: 'services/b', df: 'services/b/docker/prod.Dockerfile' },
      { name: 'c', line: 9, ctx: undefined, df: undefined },
    ]);
    expect(f.services[1].build).toMatchObject({ line: 5, contextLine: 6, dockerfileLine: 7, target: 'prod' });
    expect(f.services[2].image).toBe('redis');
  });

  it('resolves contexts against the compose file directory, including ../ from a nested file', () => {
    const f = readCompose('services:\n  api:\n    build: ../api\n  self:\n    build: .\n', 'deploy/local/compose.yaml');
    expect(f.dir).toBe('deploy/local');
    expect(f.services.map((s) => s.build!.context)).toEqual(['deploy/api', 'deploy/local']);
  });

  it('marks contexts it cannot check instead of guessing', () => {
    const f = readCompose(
      [
        'services:',
        '  remote: { build: "https://github.com/org/repo.git#main" }',
        '  abs: { build: /srv/app }',
        '  out: { build: ../../elsewhere }',
        '  unset: { build: { context: ., dockerfile: "${NOPE}" } }',
        '  inline: { build: { context: ., dockerfile_inline: "FROM scratch" } }',
      ].join('\n'),
      'app/compose.yaml',
    );
    const byName = Object.fromEntries(f.services.map((s) => [s.name, s.build!]));
    expect(byName.remote).toMatchObject({ context: null, contextExternal: 'remote', dockerfile: null });
    expect(byName.abs).toMatchObject({ context: null, contextExternal: 'absolute' });
    expect(byName.out).toMatchObject({ context: null, contextExternal: 'outside' });
    expect(byName.unset).toMatchObject({
      context: 'app',
      dockerfile: null,
      dockerfileExternal: 'unresolved',
      unresolved: ['NOPE'],
    });
    expect(byName.inline).toMatchObject({ context: 'app', dockerfile: null, inline: true });
  });

  it('takes ${VAR} and ${VAR:-default} from the env given, with defaults when unset', () => {
    const text =
      'services:\n  web:\n    build:\n      context: ${CTX:-./web}\n      dockerfile: ${DF}\n    image: ${REG-docker.io}/web:${TAG:-latest}\n    profiles: ["${P:-dev}"]\n';
    const f = readCompose(text, 'compose.yaml', { DF: 'Dockerfile.dev', TAG: '1.2' });
    expect(f.services[0].build).toMatchObject({ context: 'web', dockerfile: 'web/Dockerfile.dev', unresolved: [] });
    expect(f.services[0].image).toBe('docker.io/web:1.2');
    expect(f.services[0].profiles).toEqual(['dev']);
  });

  it('sees builds merged in from anchors, and reads extends and include', () => {
    const text = [
      'include:',
      '  - ./more/compose.db.yml',
      '  - path: [other.yml]',
      'x-base: &base',
      '  build: ./svc',
      'services:',
      '  one:',
      '    <<: *base',
      '  two:',
      '    extends: { file: common.yml, service: base }',
      '  three:',
      '    extends: one',
    ].join('\n');
    const f = readCompose(text, 'compose.yaml');
    expect(f.errors).toEqual([]);
    expect(f.includes).toEqual(['more/compose.db.yml', 'other.yml']);
    expect(f.services[0].build).toMatchObject({ context: 'svc', line: 7 });
    expect(f.services[1].extends).toEqual({ service: 'base', file: 'common.yml' });
    expect(f.services[2].extends).toEqual({ service: 'one' });
  });

  it('returns YAML errors as data with line and column, never throws', () => {
    const f = readCompose('services:\n  web:\n    build: ./web\n   image: bad-indent\n', 'compose.yaml');
    expect(f.services).toEqual([]);
    expect(f.errors.length).toBeGreaterThan(0);
    expect(f.errors[0].line).toBe(4);
    expect(f.errors[0].column).toBeGreaterThan(0);
    expect(f.errors[0].message).toMatch(/^not valid YAML/);
  });

  it('reports duplicate service keys, which compose rejects', () => {
    const f = readCompose('services:\n  web:\n    image: a\n  web:\n    image: b\n', 'compose.yaml');
    expect(f.errors).toHaveLength(1);
    expect(f.errors[0].line).toBe(4);
  });

  it('reports compose shapes that are wrong with the line of the key', () => {
    expect(readCompose('- a\n- b\n', 'compose.yaml').errors[0]).toMatchObject({ line: 1 });
    expect(readCompose('name: x\nservices:\n  - web\n', 'compose.yaml').errors[0]).toMatchObject({
      line: 2,
      message: expect.stringContaining('"services"'),
    });
    expect(readCompose('services:\n  web:\n    build: [a]\n', 'compose.yaml').errors[0]).toMatchObject({
      line: 3,
      message: expect.stringContaining('"build"'),
    });
  });

  it('reads an empty file as a compose file without services', () => {
    expect(readCompose('# nothing yet\n', 'compose.extras.yaml')).toMatchObject({ services: [], errors: [] });
  });

  it('reads format-1 files whose services sit at the top level', () => {
    const f = readCompose('web:\n  build: ./web\ndb:\n  image: postgres\n', 'docker-compose.yml');
    expect(f.services.map((s) => s.name)).toEqual(['web', 'db']);
    expect(f.services[0].build!.context).toBe('web');
  });

  it('points lineAt at the key of a data path', () => {
    const f = readCompose('services:\n  web:\n    ports:\n      - "80"\n      - "443"\n', 'compose.yaml');
    expect(f.lineAt!(['services', 'web', 'ports', 1])).toBe(5);
    expect(f.lineAt!(['services', 'web', 'nope'])).toBe(2);
  });
});
