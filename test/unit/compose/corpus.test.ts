import { describe, expect, it } from 'vitest';
import { findComposeFiles } from '../../../src/compose/findComposeFiles.js';
import { inferServiceRoots } from '../../../src/compose/inferServiceRoots.js';
import { parseDotEnv } from '../../../src/compose/parseDotEnv.js';
import { readCompose } from '../../../src/compose/readCompose.js';
import type { ComposeFile } from '../../../src/compose/composeTypes.js';
import { loadProject, PROJECTS } from './corpusProject.js';

function readAll(name: string): ComposeFile[] {
  const p = loadProject(name);
  const composePaths = findComposeFiles(Object.keys(p.texts));
  return composePaths.map((file) => {
    const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '';
    const env = p.texts[dir === '' ? '.env' : `${dir}/.env`];
    return readCompose(p.texts[file], file, env ? parseDotEnv(env) : {});
  });
}

describe('the compose corpus', () => {
  it.each(PROJECTS)('%s: every build resolves to a directory and a Dockerfile listed in DOCKERFILES.txt', (name) => {
    const p = loadProject(name);
    const files = readAll(name);
    expect(files.length).toBeGreaterThan(0);
    let builds = 0;
    for (const f of files) {
      expect(f.errors, f.file).toEqual([]);
      for (const s of f.services) {
        if (!s.build) continue;
        builds++;
        const b = s.build;
        expect(b.unresolved, `${f.file} ${s.name}`).toEqual([]);
        expect(b.context, `${f.file} ${s.name}`).not.toBeNull();
        expect(p.dockerfiles, `${f.file} ${s.name}`).toContain(b.dockerfile);
        // The context is a directory that holds (at some depth) a listed Dockerfile, or the root.
        const ctx = b.context!;
        expect(
          ctx === '' || p.dockerfiles.some((d) => d.startsWith(ctx + '/')),
          `${f.file} ${s.name} context ${ctx}`,
        ).toBe(true);
      }
    }
    expect(builds).toBeGreaterThan(0);
  });

  it('finds every compose file of each project by name', () => {
    expect(findComposeFiles(Object.keys(loadProject('robot-shop').texts)).sort()).toEqual([
      'dispatch/docker-compose.yaml',
      'docker-compose-load.yaml',
      'docker-compose.yaml',
      'payment/docker-compose.yaml',
    ]);
    expect(findComposeFiles(Object.keys(loadProject('opentelemetry-demo').texts))).toHaveLength(7);
    expect(findComposeFiles(Object.keys(loadProject('example-voting-app').texts)).sort()).toEqual([
      'docker-compose.images.yml',
      'docker-compose.yml',
      'result/docker-compose.test.yml',
    ]);
  });

  it('opentelemetry-demo: Dockerfiles named through ${VAR} in .env resolve to their service directories', () => {
    const compose = readAll('opentelemetry-demo').find((f) => f.file === 'compose.yaml')!;
    const ad = compose.services.find((s) => s.name === 'ad')!;
    expect(ad.build).toMatchObject({
      context: '',
      dockerfile: 'src/ad/Dockerfile',
      dockerfileRaw: './src/ad/Dockerfile',
    });
    expect(ad.line).toBe(32);
    expect(ad.build!.dockerfileLine).toBe(37);
    const cart = compose.services.find((s) => s.name === 'cart')!;
    expect(cart.build!.dockerfile).toBe('src/cart/src/Dockerfile');
    expect(ad.image).toBe('ghcr.io/open-telemetry/demo:latest-ad');
  });

  it('robot-shop: nested per-service compose files resolve ../ contexts from their own directory', () => {
    const files = readAll('robot-shop');
    const dispatch = files.find((f) => f.file === 'dispatch/docker-compose.yaml')!;
    expect(dispatch.services.map((s) => [s.name, s.build?.context ?? null, s.build?.dockerfile ?? null])).toEqual([
      ['rabbitmq', null, null],
      ['payment', 'payment', 'payment/Dockerfile'],
      ['dispatch', 'dispatch', 'dispatch/Dockerfile'],
    ]);
    const main = files.find((f) => f.file === 'docker-compose.yaml')!;
    const web = main.services.find((s) => s.name === 'web')!;
    expect(web.build).toMatchObject({ context: 'web', contextLine: 144, line: 143 });
    // ${REPO} and ${TAG} come from robot-shop/.env.
    expect(web.image).toBe('robotshop/rs-web:2.1.0');
  });

  it('example-voting-app: profiles do not hide a service, build targets are read', () => {
    const files = readAll('example-voting-app');
    const main = files.find((f) => f.file === 'docker-compose.yml')!;
    const seed = main.services.find((s) => s.name === 'seed')!;
    expect(seed.profiles).toEqual(['seed']);
    expect(seed.build!.context).toBe('seed-data');
    expect(main.services.find((s) => s.name === 'vote')!.build).toMatchObject({
      context: 'vote',
      target: 'dev',
      dockerfile: 'vote/Dockerfile',
    });
    const test = files.find((f) => f.file === 'result/docker-compose.test.yml')!;
    expect(test.services.filter((s) => s.build).map((s) => s.build!.context)).toEqual([
      'result/tests',
      'vote',
      'result',
      'worker',
    ]);
  });

  it('infers the service roots each project uses', () => {
    expect(inferServiceRoots(readAll('robot-shop'))).toEqual(['*']);
    expect(inferServiceRoots(readAll('example-voting-app'))).toEqual(['*']);
    // src/cart/src/Dockerfile lies inside the service src/cart: no root src/cart/*.
    expect(inferServiceRoots(readAll('opentelemetry-demo'))).toEqual(['src/*']);
  });
});
