// yaml is CommonJS: under the bundler a dynamic import may hand back module.exports as
// `default` instead of named exports. Loaded only by init, which edits YAML configs.
type YamlModule = typeof import('yaml');

export async function loadYaml(): Promise<YamlModule> {
  const mod = (await import('yaml')) as YamlModule & { default?: YamlModule };
  return typeof mod.parseDocument === 'function' ? mod : mod.default!;
}
