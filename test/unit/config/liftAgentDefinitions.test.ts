import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/parseConfig.js';

describe('agents.definitions', () => {
  it('names the agent definition files beside the agents themselves', () => {
    const config = parseConfig(
      { agents: { definitions: ['ops/agents/*.md'], 'backend-architect': { emails: ['b@x.org'] } } },
      '.orchrc.json',
    );
    expect(config.agentDefinitions).toEqual(['ops/agents/*.md']);
    expect(Object.keys(config.agents)).toEqual(['backend-architect']);
  });

  it('is refused together with agentDefinitions, which means the same', () => {
    expect(() =>
      parseConfig({ agents: { definitions: ['a/*.md'] }, agentDefinitions: ['b/*.md'] }, '.orchrc.json'),
    ).toThrow(/"agents.definitions" and "agentDefinitions" both name/);
  });

  it('is validated like every configured glob', () => {
    expect(() => parseConfig({ agents: { definitions: [''] } }, '.orchrc.json')).toThrow();
  });
});
