import { describe, expect, it } from 'vitest';
import { dockerfilePractices } from '../../../src/compose/dockerfilePractices.js';

const ids = (text: string, options = {}) => dockerfilePractices(text, options).map((p) => `${p.id}@${p.line}`);

describe('dockerfilePractices', () => {
  it('a stage built FROM an earlier stage inherits its USER; USER root or 0 in the final stage is root', () => {
    expect(ids('FROM node:22 AS base\nUSER node\nFROM base\nCMD ["node"]\n')).toEqual([]);
    expect(ids('FROM node:22\nUSER node\nRUN x\nUSER 0:0\nCMD ["node"]\n')).toEqual(['root-user@1']);
    expect(ids('FROM node:22 AS build\nUSER node\nFROM node:22-slim\nCMD ["node"]\n')).toEqual(['root-user@3']);
    expect(ids('FROM gcr.io/distroless/nodejs22-debian12:nonroot\nCMD ["x.js"]\n')).toEqual([]);
  });

  it('pins: digests, scratch, stage names and variables are not floating; latest is', () => {
    expect(ids('ARG BASE=node:22\nFROM $BASE\nUSER 1\n')).toEqual([]);
    expect(ids('FROM node@sha256:' + 'a'.repeat(64) + '\nUSER 1\n')).toEqual([]);
    expect(ids('FROM scratch\nUSER 1\n')).toEqual([]);
    expect(ids('FROM registry.local:5000/team/app:latest\nUSER 1\n')).toEqual(['floating-base@1']);
    expect(ids('FROM registry.local:5000/team/app\nUSER 1\n')).toEqual(['floating-base@1']);
  });

  it("ADD of a URL, a git source or a tar archive is ADD's job", () => {
    expect(
      ids('FROM a:1\nUSER 1\nADD https://example.org/x.tgz /x\nADD rootfs.tar.gz /\nADD git@github.com:o/r.git /src\n'),
    ).toEqual([]);
    expect(ids('FROM a:1\nUSER 1\nADD --chown=1:1 app/ /app/\n')).toEqual(['add-for-copy@3']);
  });

  it('secret-looking names, in ENV (both forms) and ARG, and not the values', () => {
    expect(
      ids(
        'FROM a:1\nUSER 1\nENV API_KEY=x LOG_LEVEL=debug\nENV GITHUB_TOKEN abc\nARG SIGNING_SECRET\nENV PASSWORD_HINT=see-docs\n',
      ),
    ).toEqual(['secret-name@3', 'secret-name@4', 'secret-name@5']);
  });

  it('apt-get: the flag and the list cleanup in the same RUN, across continuation lines; a cache mount counts as cleanup', () => {
    expect(
      ids(
        'FROM a:1\nUSER 1\nRUN apt-get update \\\n  && apt-get install -y --no-install-recommends curl \\\n  && rm -rf /var/lib/apt/lists/*\n',
      ),
    ).toEqual([]);
    expect(
      ids(
        'FROM a:1\nUSER 1\nRUN --mount=type=cache,target=/var/lib/apt apt-get update && apt-get install -y --no-install-recommends curl\n',
      ),
    ).toEqual([]);
    expect(
      ids('FROM a:1\nUSER 1\nRUN apt-get update && apt-get install -y curl\nRUN rm -rf /var/lib/apt/lists/*\n'),
    ).toEqual(['apt-recommends@3', 'apt-lists@3']);
  });

  it('HEALTHCHECK is wanted when the final stage EXPOSEs or a compose service publishes; a compose healthcheck or HEALTHCHECK NONE decides', () => {
    expect(ids('FROM a:1\nUSER 1\nCMD ["x"]\n', { publishesPort: true })).toEqual(['no-healthcheck@1']);
    expect(ids('FROM a:1\nUSER 1\nCMD ["x"]\n', { publishesPort: true, healthcheckInCompose: true })).toEqual([]);
    expect(ids('FROM a:1\nUSER 1\nEXPOSE 80\nHEALTHCHECK NONE\n')).toEqual(['no-healthcheck@1']);
    expect(ids('FROM a:1\nUSER 1\nEXPOSE 80\nHEALTHCHECK CMD true\n')).toEqual([]);
    expect(ids('FROM a:1 AS build\nEXPOSE 80\nFROM b:1\nUSER 1\n')).toEqual([]);
  });

  it('shell-form CMD and ENTRYPOINT, with the exec form as the fix', () => {
    const [p] = dockerfilePractices('FROM a:1\nUSER 1\nENTRYPOINT /bin/app --serve\n');
    expect(p).toMatchObject({
      id: 'shell-form',
      line: 3,
      quote: 'ENTRYPOINT /bin/app --serve',
      fix: 'Use the exec form: ENTRYPOINT ["/bin/app", "--serve"]',
    });
  });
});
