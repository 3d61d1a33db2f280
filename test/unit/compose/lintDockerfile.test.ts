import { describe, expect, it } from 'vitest';
import { lintDockerfile } from '../../../src/compose/lintDockerfile.js';

describe('lintDockerfile', () => {
  it('accepts a multi-stage Dockerfile with directives, ARG before FROM, continuations, heredocs and lower-case keywords', () => {
    const text = [
      '# syntax=docker/dockerfile:1',
      'ARG GO_VERSION=1.22',
      'FROM golang:${GO_VERSION} AS build',
      'WORKDIR /src',
      'COPY . .',
      'RUN go build \\',
      '    -o /out/app ./cmd/app',
      'RUN <<EOF',
      'set -e',
      'echo done',
      'EOF',
      'from gcr.io/distroless/static',
      'COPY --from=build /out/app /app',
      'ONBUILD RUN echo later',
      'ENTRYPOINT ["/app"]',
    ].join('\n');
    expect(lintDockerfile(text)).toEqual([]);
  });

  it('reports a Dockerfile without FROM', () => {
    expect(lintDockerfile('RUN echo hi\nCMD ["x"]\n')).toEqual([{ line: 1, message: 'has no FROM instruction' }]);
    expect(lintDockerfile('# only a comment\n')).toEqual([{ line: 1, message: 'has no FROM instruction' }]);
  });

  it('reports an instruction before the first FROM at its line', () => {
    expect(lintDockerfile('ARG A=1\nRUN echo\nFROM alpine\n')).toEqual([
      { line: 2, message: 'RUN before the first FROM (only ARG may come before FROM)' },
    ]);
  });

  it('reports unknown instructions with their line', () => {
    expect(lintDockerfile('FROM alpine\nRUN true\nCOPPY . .\nONBUILD FOO x\n')).toEqual([
      { line: 3, message: 'unknown instruction COPPY' },
      { line: 4, message: 'unknown instruction FOO after ONBUILD' },
    ]);
  });
});
