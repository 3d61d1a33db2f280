// Reads one compose file into the services orch cares about: name, line, build context
// and Dockerfile (repository-relative), target, image, profiles, extends. Values come
// from the plain data (so `<<: *anchor` merges count), lines from the YAML nodes.
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Document, type YAMLMap } from 'yaml';
import { interpolate } from './interpolate.js';
import { resolveRepoPath } from './resolveRepoPath.js';
import { readServiceRefs, topLevelNames } from './readServiceRefs.js';
import type { ComposeBuild, ComposeFile, ComposeProblem, ComposeService, ExternalReason } from './composeTypes.js';

type Plain = Record<string, unknown>;

type Str = (v: unknown) => { value: string; unresolved: string[] } | undefined;

/** What reading one service needs from the file around it. */
interface FileContext {
  result: ComposeFile;
  dir: string;
  env: Record<string, string>;
  str: Str;
  lineOf: (node: unknown) => number;
}

export function readCompose(text: string, file: string, env: Record<string, string> = {}): ComposeFile {
  const path = file.replace(/\\/g, '/').replace(/^\.\//, '');
  const slash = path.lastIndexOf('/');
  const dir = slash === -1 ? '' : path.slice(0, slash);
  const result: ComposeFile = { file: path, dir, services: [], includes: [], errors: [] };

  const parsed = parseYaml(text, result);
  if (!parsed) return result;
  const { doc, data, lineOf } = parsed;
  result.data = data;
  result.lineAt = (path) => lineAtPath(doc.contents, path, lineOf);
  if (data === null || data === undefined) return result;

  if (!isPlainObject(data)) {
    result.errors.push({
      message: 'is not a compose file: the top level must be a mapping of keys such as "services"',
      line: lineOf(doc.contents),
    });
    return result;
  }

  const root = isMap(doc.contents) ? doc.contents : null;
  const str: Str = (v) =>
    typeof v === 'string'
      ? interpolate(v, env)
      : typeof v === 'number' || typeof v === 'boolean'
        ? { value: String(v), unresolved: [] }
        : undefined;

  result.includes.push(...readIncludes(data.include, dir, str));

  result.declared = topLevelNames(data);
  let servicesData: unknown = data.services;
  let servicesNode = root ? pairNode(root, 'services')?.value : undefined;
  let servicesLine = root ? lineOf(pairNode(root, 'services')?.key) : 1;
  if (!('services' in data) && looksLikeV1(data)) {
    // Compose file format 1: services at the top level.
    servicesData = data;
    servicesNode = root ?? undefined;
    servicesLine = 1;
  }
  if (servicesData === null || servicesData === undefined) return result;
  if (!isPlainObject(servicesData)) {
    result.errors.push({ message: '"services" must be a mapping of service names to definitions', line: servicesLine });
    return result;
  }

  const context: FileContext = { result, dir, env, str, lineOf };
  const serviceNodes = isMap(servicesNode) ? servicesNode : null;
  for (const [name, def] of Object.entries(servicesData)) {
    if (name === '<<' || name.startsWith('x-')) continue;
    const pair = serviceNodes ? pairNode(serviceNodes, name) : undefined;
    readService(name, def, pair, pair ? lineOf(pair.key) : servicesLine, context);
  }
  return result;
}

/** The document and its plain data, or null after recording why the text is not readable YAML. */
function parseYaml(
  text: string,
  result: ComposeFile,
): { doc: Document.Parsed; data: unknown; lineOf: (node: unknown) => number } | null {
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter, merge: true, prettyErrors: true, uniqueKeys: true });
  } catch (e) {
    result.errors.push({ message: `not readable as YAML: ${firstLine(String((e as Error).message ?? e))}`, line: 1 });
    return null;
  }
  if (doc.errors.length > 0) {
    result.errors.push(
      ...doc.errors.map((e): ComposeProblem => {
        const pos = e.linePos?.[0] ?? lineCounter.linePos(e.pos[0]);
        return { message: `not valid YAML: ${firstLine(e.message)}`, line: pos.line, column: pos.col };
      }),
    );
    return null;
  }
  let data: unknown;
  try {
    // Bounded alias expansion: a compose file is never a billion-laughs document.
    data = doc.toJS({ maxAliasCount: 10_000 });
  } catch (e) {
    result.errors.push({ message: `not readable as YAML: ${firstLine(String((e as Error).message ?? e))}`, line: 1 });
    return null;
  }
  const lineOf = (node: unknown): number => {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    return range ? lineCounter.linePos(range[0]).line : 1;
  };
  return { doc, data, lineOf };
}

/** One entry of "services", added to the result with what orch reads of it. */
function readService(
  name: string,
  def: unknown,
  pair: { key: unknown; value: unknown } | undefined,
  line: number,
  { result, dir, env, str, lineOf }: FileContext,
): void {
  const service: ComposeService = { name, line, profiles: [] };
  result.services.push(service);
  if (def === null || def === undefined) return;
  if (!isPlainObject(def)) {
    result.errors.push({ message: `service "${name}" must be a mapping`, line });
    return;
  }
  const defNode = pair && isMap(pair.value) ? pair.value : null;
  const keyLine = (key: string, inside: YAMLMap | null = defNode, fallback = line): number => {
    const p = inside ? pairNode(inside, key) : undefined;
    return p ? lineOf(p.key) : fallback;
  };

  const image = str(def.image);
  if (image) service.image = image.value;
  else if ('image' in def && def.image !== null) service.image = String(def.image);
  // a provider service (`provider: {type: model}`) is run by a plugin, not from an image
  service.hasBuild = ('build' in def && def.build !== null && def.build !== undefined) || isPlainObject(def.provider);
  const hc = def.healthcheck;
  service.healthcheck = isPlainObject(hc) && hc.disable !== true && !(Array.isArray(hc.test) && hc.test[0] === 'NONE');
  service.refs = readServiceRefs(def, defNode, line, { env, dir, lineOf });
  if (Array.isArray(def.profiles))
    service.profiles = def.profiles.map((p) => str(p)?.value).filter((p): p is string => !!p);
  const ext = def.extends;
  if (typeof ext === 'string') service.extends = { service: interpolate(ext, env).value };
  else if (isPlainObject(ext) && typeof ext.service === 'string') {
    const file = str(ext.file);
    const resolved = file ? resolveRepoPath(dir, file.value) : undefined;
    service.extends = { service: interpolate(ext.service, env).value, ...(resolved ? { file: resolved } : {}) };
  }

  if (!('build' in def) || def.build === null || def.build === undefined) return;
  const buildLine = keyLine('build');
  const buildPair = defNode ? pairNode(defNode, 'build') : undefined;
  const buildNode = buildPair && isMap(buildPair.value) ? buildPair.value : null;
  let spec: Plain;
  if (typeof def.build === 'string') spec = { context: def.build };
  else if (isPlainObject(def.build)) spec = def.build;
  else {
    result.errors.push({
      message: `service "${name}": "build" must be a path or a mapping with "context"`,
      line: buildLine,
    });
    return;
  }
  service.build = readBuild(spec, dir, str, {
    build: buildLine,
    context: buildNode ? keyLine('context', buildNode, buildLine) : buildLine,
    dockerfile: buildNode ? keyLine('dockerfile', buildNode, buildLine) : buildLine,
  });
}

/** `include: [path | {path: path | path[]}]`, as repository paths (interpolated; unresolved ones left out). */
function readIncludes(include: unknown, dir: string, str: Str): string[] {
  if (!Array.isArray(include)) return [];
  const out: string[] = [];
  for (const entry of include) {
    const paths = typeof entry === 'string' ? [entry] : isPlainObject(entry) ? [entry.path].flat() : [];
    for (const p of paths) {
      const s = str(p);
      if (!s || s.unresolved.length > 0) continue;
      const resolved = resolveRepoPath(dir, s.value);
      if (resolved) out.push(resolved);
    }
  }
  return out;
}

/** The line of the deepest node a key path reaches (the key's own line for a mapping entry). */
function lineAtPath(contents: unknown, path: readonly (string | number)[], lineOf: (node: unknown) => number): number {
  let node: unknown = contents;
  let line = lineOf(node);
  for (const seg of path) {
    if (isMap(node)) {
      const pair = pairNode(node, String(seg));
      if (!pair) break;
      line = lineOf(pair.key);
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number' && node.items[seg] !== undefined) {
      node = node.items[seg];
      line = lineOf(node);
    } else break;
  }
  return line;
}

function readBuild(
  spec: Plain,
  dir: string,
  str: (v: unknown) => { value: string; unresolved: string[] } | undefined,
  lines: { build: number; context: number; dockerfile: number },
): ComposeBuild {
  const ctx = str(spec.context) ?? { value: '.', unresolved: [] };
  const df = str(spec.dockerfile);
  const unresolved = [...ctx.unresolved, ...(df?.unresolved ?? [])];
  const build: ComposeBuild = {
    line: lines.build,
    contextRaw: ctx.value,
    context: null,
    contextLine: lines.context,
    dockerfile: null,
    dockerfileLine: lines.dockerfile,
    unresolved: [...new Set(unresolved)],
  };
  if (spec.context === undefined || spec.context === null) build.contextImplicit = true;
  if (df) build.dockerfileRaw = df.value;
  const target = str(spec.target);
  if (target) build.target = target.value;

  const ctxReason: ExternalReason | undefined =
    ctx.unresolved.length > 0
      ? 'unresolved'
      : isRemote(ctx.value)
        ? 'remote'
        : isAbsolute(ctx.value)
          ? 'absolute'
          : undefined;
  if (ctxReason) build.contextExternal = ctxReason;
  else {
    build.context = resolveRepoPath(dir, ctx.value === '' ? '.' : ctx.value);
    if (build.context === null) build.contextExternal = 'outside';
  }

  if (typeof spec.dockerfile_inline === 'string' && !df) {
    build.inline = true;
    return build;
  }
  if (df && df.unresolved.length > 0) build.dockerfileExternal = 'unresolved';
  else if (df && isAbsolute(df.value)) build.dockerfileExternal = 'absolute';
  else if (build.context === null) build.dockerfileExternal = build.contextExternal;
  else {
    build.dockerfile = resolveRepoPath(build.context, df && df.value !== '' ? df.value : 'Dockerfile');
    if (build.dockerfile === null) build.dockerfileExternal = 'outside';
  }
  return build;
}

function pairNode(map: YAMLMap, key: string) {
  for (const item of map.items) {
    const k = item.key;
    if ((isScalar(k) ? String(k.value) : k) === key) return item as { key: unknown; value: unknown };
  }
  return undefined;
}

function isPlainObject(v: unknown): v is Plain {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Map) && !(v instanceof Set);
}

function looksLikeV1(data: Plain): boolean {
  if ('version' in data) return false;
  const values = Object.entries(data).filter(([k]) => !k.startsWith('x-'));
  return values.length > 0 && values.every(([, v]) => isPlainObject(v) && ('build' in v || 'image' in v));
}

function isRemote(ctx: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(ctx) || /^git@/.test(ctx) || /^github\.com\//.test(ctx);
}

function isAbsolute(p: string): boolean {
  return p.startsWith('/') || p.startsWith('~') || /^[A-Za-z]:[\\/]/.test(p);
}

function firstLine(message: string): string {
  return message.split('\n')[0].trim();
}
