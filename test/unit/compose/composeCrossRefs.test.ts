import { describe, expect, it } from 'vitest';
import { composeCrossRefs } from '../../../src/compose/composeCrossRefs.js';
import { readCompose } from '../../../src/compose/readCompose.js';
import { makeChangeSet } from '../../helpers/changeSet.js';
import { makeRuleInput } from '../../helpers/makeRuleInput.js';
import { rule } from '../../../src/rules/compose-consistency.js';

const none = async () => false;

describe('composeCrossRefs', () => {
  it('reads host ports in every form; a bare container port publishes nothing', () => {
    const f = readCompose(
      'services:\n  a:\n    image: x:1\n    ports:\n      - "3000"\n      - "127.0.0.1:8080:80/udp"\n      - "9000-9002:9000-9002"\n      - target: 80\n        published: "8443"\n        host_ip: "::1"\n      - "[::1]:7000:70"\n',
      'compose.yaml',
    );
    expect(f.services[0].refs!.ports.map((p) => [p.ip, p.from, p.to, p.protocol, p.line])).toEqual([
      ['127.0.0.1', 8080, 8080, 'udp', 6],
      ['', 9000, 9002, 'tcp', 7],
      ['::1', 8443, 8443, 'tcp', 8],
      ['::1', 7000, 7000, 'tcp', 11],
    ]);
  });

  it('ports clash on overlapping ranges and addresses, not across protocols or distinct addresses', async () => {
    const f = readCompose(
      'services:\n  a:\n    image: x:1\n    ports: ["9000-9002:9000-9002", "127.0.0.1:5000:5000", "53:53/udp"]\n  b:\n    image: x:1\n    ports: ["9001:80", "127.0.0.2:5000:5000", "53:53/tcp"]\n',
      'compose.yaml',
    );
    const problems = await composeCrossRefs([f], [f], none);
    expect(problems.map((p) => p.line)).toEqual([7]);
    expect(problems[0].message).toContain(
      'service "b" in compose.yaml publishes host port 9001:80, which service "a" already publishes',
    );
  });

  it('follows include and extends files for names, and takes a service name defined in any file as defined', async () => {
    const main = readCompose(
      'include:\n  - ./infra/db.yaml\nservices:\n  api:\n    extends:\n      file: common.yml\n      service: base\n    depends_on: [db, cache]\n    volumes: ["pg:/x"]\n',
      'compose.yaml',
    );
    const db = readCompose('services:\n  db:\n    image: postgres:16\nvolumes:\n  pg:\n', 'infra/db.yaml');
    const common = readCompose('services:\n  base:\n    image: node:22\n', 'common.yml');
    expect(main.includes).toEqual(['infra/db.yaml']);
    const problems = await composeCrossRefs([main], [main, db, common], none);
    expect(problems.map((p) => p.message)).toEqual([expect.stringContaining('depends on "cache"')]);
  });

  it('through the rule: an included file and an extends file are read from the change', async () => {
    const changes = makeChangeSet({
      files: [{ status: 'A', path: 'compose.yaml' }],
      new: {
        'compose.yaml':
          'include:\n  - infra/db.yaml\nservices:\n  api:\n    extends:\n      file: shared/base.yml\n      service: node\n    depends_on:\n      db:\n        condition: service_healthy\n    networks: [back]\n',
        'infra/db.yaml': 'services:\n  db:\n    image: postgres:16\nnetworks:\n  back:\n',
        'shared/base.yml': 'services:\n  node:\n    image: node:22\n',
      },
    });
    expect(await rule.check(makeRuleInput({ changes }))).toEqual([]);
    const broken = makeChangeSet({
      files: [{ status: 'A', path: 'compose.yaml' }],
      new: { 'compose.yaml': 'services:\n  api:\n    depends_on:\n      db:\n        condition: service_healthy\n' },
    });
    const found = await rule.check(makeRuleInput({ changes: broken }));
    expect(found.map((f) => [f.path, f.line])).toEqual([
      ['compose.yaml', 2],
      ['compose.yaml', 4],
    ]);
  });

  it('an env_file that only exists as an example is a warning; required: false is not checked', async () => {
    const f = readCompose(
      'services:\n  a:\n    image: x:1\n    env_file:\n      - .env.local\n      - path: ./optional.env\n        required: false\n',
      'app/compose.yaml',
    );
    const problems = await composeCrossRefs([f], [f], async (p) => p === 'app/.env.local.example');
    expect(problems).toEqual([expect.objectContaining({ line: 5, warning: true })]);
    expect(problems[0].message).toContain('app/.env.local.example does');
  });
});
