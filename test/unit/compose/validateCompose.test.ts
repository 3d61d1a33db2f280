import { describe, expect, it } from 'vitest';
import { readCompose } from '../../../src/compose/readCompose.js';
import { validateCompose } from '../../../src/compose/validateCompose.js';

describe('validateCompose (compose-spec schema)', () => {
  it('accepts current compose keys the packaged schema predates, and empty files', async () => {
    const f = readCompose(
      'name: shop\ninclude: [db.yml]\nservices:\n  web:\n    build: { context: ., additional_contexts: { base: ../base } }\n    develop: { watch: [] }\n    gpus: all\n',
      'compose.yaml',
    );
    expect(await validateCompose(f.data)).toEqual([]);
    expect(await validateCompose(null)).toEqual([]);
  });

  it('reports a misspelt key with the key it resembles, at its line', async () => {
    const f = readCompose('services:\n  web:\n    image: nginx\n    buid: ./web\n', 'compose.yaml');
    const problems = await validateCompose(f.data);
    expect(problems).toEqual([
      { path: ['services', 'web', 'buid'], message: expect.stringContaining('did you mean "build"') },
    ]);
    expect(f.lineAt!(problems[0].path)).toBe(4);
  });

  it('reports values of the wrong type', async () => {
    const f = readCompose('services:\n  web:\n    build: 12\n    privileged: "yes"\n', 'compose.yaml');
    const messages = (await validateCompose(f.data)).map((p) => p.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/services\.web\.build must be a string or a mapping/),
        expect.stringMatching(/privileged must be a boolean/),
      ]),
    );
  });
});
