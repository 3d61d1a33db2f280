// The JSON Schema shipped as schema.json, generated from the zod schema so the two
// cannot drift (a test compares schema.json with this output). Draft-07: the draft
// that VS Code, JetBrains IDEs and yaml-language-server all complete and validate.
import { z } from 'zod';
import { configSchema } from './schema.js';

type JsonSchema = Record<string, unknown>;

export function configJsonSchema(): JsonSchema {
  // io 'input': keys with defaults stay optional, as a user writes them.
  const generated = z.toJSONSchema(configSchema, { io: 'input', target: 'draft-7' }) as JsonSchema;
  const schema: JsonSchema = {
    $schema: generated.$schema,
    title: 'orchguard configuration',
    description: 'Configuration of orch (.orchrc.json, .orchrc.yaml or package.json#orch).',
    ...generated,
  };
  const properties = schema.properties as Record<string, JsonSchema>;
  properties.$schema = {
    ...properties.$schema,
    description: 'The JSON Schema of this file, for editors: "./node_modules/orchguard/schema.json".',
  };
  // agents.definitions is lifted to agentDefinitions before validation (parseConfig)
  const agents = properties.agents as JsonSchema;
  agents.properties = {
    definitions: {
      ...(properties.agentDefinitions as JsonSchema),
      description: 'Same as agentDefinitions: the agent definition files that make the roster.',
    },
  };
  return enumKeysAsProperties(schema) as JsonSchema;
}

// Records keyed by an enum (rules) come out as propertyNames + additionalProperties,
// which editors validate but do not complete; spelled out as properties, they complete.
function enumKeysAsProperties(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(enumKeysAsProperties);
  if (node === null || typeof node !== 'object') return node;
  const out: JsonSchema = {};
  for (const [k, v] of Object.entries(node)) out[k] = enumKeysAsProperties(v);
  const names = out.propertyNames as JsonSchema | undefined;
  const value = out.additionalProperties;
  if (names && Array.isArray(names.enum) && value && typeof value === 'object' && !out.properties) {
    out.properties = Object.fromEntries((names.enum as string[]).map((key) => [key, value]));
    out.additionalProperties = false;
    delete out.propertyNames;
  }
  return out;
}
