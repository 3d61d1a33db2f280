import { describe, expect, it } from 'vitest';
import { composeSnippet, serviceNameFor } from '../../../src/compose/composeSnippet.js';
import { readCompose } from '../../../src/compose/readCompose.js';
import { suggestComposeFile } from '../../../src/compose/suggestComposeFile.js';

describe('composeSnippet', () => {
  it('builds the directory relative to the compose file', () => {
    expect(composeSnippet({ dir: 'services/orders', composeFile: 'docker-compose.yml' })).toBe(
      'services:\n  orders:\n    build: ./services/orders',
    );
    expect(composeSnippet({ dir: 'services/orders', composeFile: 'deploy/compose.yaml' })).toBe(
      'services:\n  orders:\n    build: ../services/orders',
    );
  });

  it('names a Dockerfile that is not the default one', () => {
    expect(
      composeSnippet({ dir: 'apps/Web App', composeFile: 'compose.yaml', dockerfile: 'apps/Web App/Dockerfile.prod' }),
    ).toBe('services:\n  web-app:\n    build:\n      context: ./apps/Web App\n      dockerfile: Dockerfile.prod');
  });

  it('derives a valid compose service name from the directory', () => {
    expect(serviceNameFor('src/Payment.Service')).toBe('payment.service');
    expect(serviceNameFor('src/@scope')).toBe('scope');
  });
});

describe('suggestComposeFile', () => {
  it('prefers the compose file that builds the sibling services', () => {
    const root = readCompose('services:\n  db:\n    image: postgres\n', 'docker-compose.yml');
    const apps = readCompose('services:\n  users:\n    build: ../services/users\n', 'deploy/compose.yaml');
    expect(suggestComposeFile([root, apps], 'services/orders')).toBe('deploy/compose.yaml');
    expect(suggestComposeFile([root], 'services/orders')).toBe('docker-compose.yml');
    expect(suggestComposeFile([], 'services/orders')).toBe('docker-compose.yml');
  });
});
