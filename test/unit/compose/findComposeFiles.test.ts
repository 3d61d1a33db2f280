import { describe, expect, it } from 'vitest';
import { findComposeFiles } from '../../../src/compose/findComposeFiles.js';
import { isDockerfile } from '../../../src/compose/isDockerfile.js';
import { isServiceMarker } from '../../../src/compose/isServiceMarker.js';

describe('findComposeFiles', () => {
  it('recognises the usual compose names at any depth', () => {
    const yes = [
      'docker-compose.yml',
      'docker-compose.yaml',
      'compose.yml',
      'compose.yaml',
      'docker-compose.prod.yml',
      'docker-compose.override.yaml',
      'docker-compose-load.yaml',
      'compose.observability.yaml',
      'compose.tests.yml',
      'services/payment/docker-compose.yaml',
    ];
    const no = [
      'compose.json',
      'my-compose.yml',
      'docker-compose.yml.bak',
      'composer.yaml',
      'docs/compose.md',
      'k8s/deployment.yaml',
    ];
    expect(findComposeFiles([...yes, ...no])).toEqual(yes);
  });

  it('adds the files services.compose names', () => {
    expect(
      findComposeFiles(['deploy/stack.yml', 'deploy/other.yml'], { services: { compose: ['deploy/stack.yml'] } }),
    ).toEqual(['deploy/stack.yml']);
  });
});

describe('service markers and Dockerfiles', () => {
  it.each([
    ['services/a/package.json', true],
    ['services/a/go.mod', true],
    ['a/build.gradle.kts', true],
    ['a/Api.csproj', true],
    ['a/Dockerfile.dev', true],
    ['a/api.Dockerfile', true],
    ['a/README.md', false],
    ['a/go.sum', false],
    ['a/Dockerfile.dockerignore', false],
  ])('%s marks a service: %s', (path, expected) => {
    expect(isServiceMarker(path)).toBe(expected);
  });

  it('tells Dockerfiles from files that merely start with the name', () => {
    expect(['Dockerfile', 'x/Dockerfile.prod', 'x/web.Dockerfile'].every(isDockerfile)).toBe(true);
    expect(
      ['Dockerfiles/readme', 'x/.Dockerfile', 'x/app.Dockerfile.dockerignore', 'x/Dockerfile-notes.md'].some(
        isDockerfile,
      ),
    ).toBe(false);
  });
});
