// What a compose service refers to that compose's schema cannot check: the services it
// depends on, the named networks, volumes, secrets and configs it uses, the host ports
// it publishes and the env files it reads — each with its line, for findings.
import { isMap, isScalar, isSeq, type YAMLMap } from 'yaml';
import type { ComposeRef, HostPort, ServiceRefs } from './composeTypes.js';
import { interpolate } from './interpolate.js';
import { resolveRepoPath } from './resolveRepoPath.js';

type Plain = Record<string, unknown>;

export interface RefReader {
  env: Record<string, string>;
  /** The compose file's directory ('' for the root). */
  dir: string;
  lineOf(node: unknown): number;
}

const isPlain = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);

export function pairOf(map: unknown, key: string): { key: unknown; value: unknown } | undefined {
  if (!isMap(map)) return undefined;
  for (const item of (map as YAMLMap).items) {
    const k = item.key;
    if ((isScalar(k) ? String(k.value) : k) === key) return item as { key: unknown; value: unknown };
  }
  return undefined;
}

/** A value with ${VAR} replaced; undefined when a variable has no value (then it is not checked). */
function resolved(v: unknown, env: Record<string, string>): string | undefined {
  if (typeof v === 'number') return String(v);
  if (typeof v !== 'string') return undefined;
  const r = interpolate(v, env);
  return r.unresolved.length > 0 ? undefined : r.value;
}

/** The names a list (`- name`) or a mapping (`name: {...}`) gives, with their lines. */
function namesOf(
  value: unknown,
  node: unknown,
  reader: RefReader,
  fallback: number,
  pick: (item: unknown) => unknown = (i) => i,
): ComposeRef[] {
  const out: ComposeRef[] = [];
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      const name = resolved(pick(item), reader.env);
      const itemNode = isSeq(node) ? node.items[i] : undefined;
      if (name) out.push({ name, line: itemNode ? reader.lineOf(itemNode) : fallback });
    });
  } else if (isPlain(value)) {
    for (const key of Object.keys(value)) {
      const name = resolved(key, reader.env);
      const pair = pairOf(node, key);
      if (name) out.push({ name, line: pair ? reader.lineOf(pair.key) : fallback });
    }
  }
  return out;
}

export function readServiceRefs(def: Plain, defNode: unknown, line: number, reader: RefReader): ServiceRefs {
  const at = (key: string) => {
    const pair = pairOf(defNode, key);
    return { node: pair?.value, line: pair ? reader.lineOf(pair.key) : line };
  };
  const refs: ServiceRefs = {
    dependsOn: [],
    networks: [],
    volumes: [],
    secrets: [],
    configs: [],
    ports: [],
    envFiles: [],
  };
  if ('depends_on' in def)
    refs.dependsOn = namesOf(def.depends_on, at('depends_on').node, reader, at('depends_on').line);
  if ('networks' in def) refs.networks = namesOf(def.networks, at('networks').node, reader, at('networks').line);
  for (const kind of ['secrets', 'configs'] as const) {
    if (kind in def)
      refs[kind] = namesOf(def[kind], at(kind).node, reader, at(kind).line, (i) => (isPlain(i) ? i.source : i));
  }
  if (Array.isArray(def.volumes)) refs.volumes = namedVolumes(def.volumes, at('volumes').node, reader);
  if (Array.isArray(def.ports)) refs.ports = hostPorts(def.ports, at('ports').node, reader);
  if ('env_file' in def) refs.envFiles = envFiles(def.env_file, at('env_file'), reader);
  return refs;
}

/** Volumes whose source is a name (not a path): `data:/var/lib/x`, or `{type: volume, source: data}`. */
function namedVolumes(items: unknown[], node: unknown, reader: RefReader): ComposeRef[] {
  const out: ComposeRef[] = [];
  items.forEach((item, i) => {
    const line = isSeq(node) && node.items[i] ? reader.lineOf(node.items[i]) : 1;
    let source: string | undefined;
    if (typeof item === 'string') {
      const v = resolved(item, reader.env);
      const parts = v?.split(':') ?? [];
      if (parts.length >= 2) source = parts[0];
    } else if (isPlain(item) && (item.type === undefined || item.type === 'volume')) {
      source = resolved(item.source, reader.env);
    }
    if (source && /^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(source)) out.push({ name: source, line });
  });
  return out;
}

/** Host ports: `"8080:80"`, `"127.0.0.1:8080:80/udp"`, `"8000-8002:8000-8002"`, `{published: 8080}`. A bare container port publishes none. */
function hostPorts(items: unknown[], node: unknown, reader: RefReader): HostPort[] {
  const out: HostPort[] = [];
  items.forEach((item, i) => {
    const line = isSeq(node) && node.items[i] ? reader.lineOf(node.items[i]) : 1;
    let ip = '';
    let published: string | undefined;
    let protocol = 'tcp';
    let text: string;
    if (typeof item === 'string' || typeof item === 'number') {
      const v = resolved(item, reader.env);
      if (!v) return;
      text = v;
      const [spec, proto] = v.split('/');
      if (proto) protocol = proto.toLowerCase();
      // an IPv6 host address is bracketed: [::1]:8080:80
      const m = /^(?:(\[[^\]]*\]|[^:]*):)?([^:]*):([^:]+)$/.exec(spec);
      if (!m) return;
      ip = m[1] ?? '';
      published = m[2];
    } else if (isPlain(item)) {
      published = resolved(item.published, reader.env);
      ip = resolved(item.host_ip, reader.env) ?? '';
      protocol = (resolved(item.protocol, reader.env) ?? 'tcp').toLowerCase();
      text = `${ip ? ip + ':' : ''}${published ?? ''}:${String(item.target ?? '')}`;
    } else return;
    if (!published) return;
    const range = /^(\d+)(?:-(\d+))?$/.exec(published);
    if (!range) return;
    const from = Number(range[1]);
    const to = range[2] ? Number(range[2]) : from;
    if (to < from || to - from > 1000) return;
    out.push({ ip: ip.replace(/^\[|\]$/g, ''), from, to, protocol, line, text });
  });
  return out;
}

function envFiles(value: unknown, where: { node: unknown; line: number }, reader: RefReader): ServiceRefs['envFiles'] {
  const out: ServiceRefs['envFiles'] = [];
  const list = Array.isArray(value) ? value : [value];
  list.forEach((item, i) => {
    const node = isSeq(where.node) ? where.node.items[i] : where.node;
    const line = node ? reader.lineOf(node) : where.line;
    const raw = isPlain(item) ? item.path : item;
    const required = isPlain(item) ? item.required !== false : true;
    const written = resolved(raw, reader.env);
    if (!written || written.startsWith('/') || written.startsWith('~')) return;
    const path = resolveRepoPath(reader.dir, written);
    if (path) out.push({ path, written, required, line });
  });
  return out;
}

/** Names declared at the top level under `networks`, `volumes`, `secrets` and `configs`. */
export function topLevelNames(data: Plain): {
  networks: string[];
  volumes: string[];
  secrets: string[];
  configs: string[];
} {
  const keys = (v: unknown) => (isPlain(v) ? Object.keys(v) : []);
  return {
    networks: keys(data.networks),
    volumes: keys(data.volumes),
    secrets: keys(data.secrets),
    configs: keys(data.configs),
  };
}
