// The cross-references of a compose project that compose's schema cannot check: a
// depends_on naming no service, a named network, volume, secret or config nobody declares,
// one host port published by two services, an env_file that is not there, a service with
// neither image nor build. Names are looked up across every compose file of the project
// (all profiles, includes and extends files), so an override layer that relies on its
// base file is not reported.
import type { ComposeFile, ComposeService, HostPort } from './composeTypes.js';

export interface CrossRefProblem {
  file: string;
  line: number;
  message: string;
  fix: string;
  /** A problem that may be the machine's rather than the repository's (a local env file). */
  warning?: boolean;
}

const KINDS = ['networks', 'volumes', 'secrets', 'configs'] as const;
const SINGULAR = { networks: 'network', volumes: 'volume', secrets: 'secret', configs: 'config' } as const;

export async function composeCrossRefs(
  checked: readonly ComposeFile[],
  project: readonly ComposeFile[],
  exists: (path: string) => Promise<boolean>,
): Promise<CrossRefProblem[]> {
  const all = [...new Map([...project, ...checked].map((f) => [f.file, f])).values()];
  const services = new Map<string, ComposeService[]>();
  for (const f of all) for (const s of f.services) services.set(s.name, [...(services.get(s.name) ?? []), s]);
  const declared = Object.fromEntries(
    KINDS.map((k) => [k, new Set(all.flatMap((f) => f.declared?.[k] ?? []))]),
  ) as Record<(typeof KINDS)[number], Set<string>>;
  declared.networks.add('default');
  const known = (list: string[]) => (list.length <= 8 ? list.join(', ') : `${list.slice(0, 8).join(', ')}, …`);

  const out: CrossRefProblem[] = [];
  for (const file of checked) {
    if (file.errors.length > 0) continue;
    for (const s of file.services) {
      const refs = s.refs;
      if (!refs) continue;
      const where = `service "${s.name}" in ${file.file}`;
      for (const d of refs.dependsOn) {
        if (services.has(d.name)) continue;
        out.push({
          file: file.file,
          line: d.line,
          message: `${where} depends on "${d.name}", which no compose file of the project defines (in any profile; known: ${known([...services.keys()])}) (line ${d.line}).`,
          fix: `Correct the name at ${file.file} line ${d.line}, or define service "${d.name}".`,
        });
      }
      for (const kind of KINDS) {
        for (const r of refs[kind]) {
          if (declared[kind].has(r.name)) continue;
          out.push({
            file: file.file,
            line: r.line,
            message: `${where} uses the ${SINGULAR[kind]} "${r.name}", which is not declared under the top-level "${kind}:" of any compose file of the project (line ${r.line}).`,
            fix: `Declare it: add "${kind}:\\n  ${r.name}:" at the top level of ${file.file} (with "external: true" if it is made outside compose), or correct the name at line ${r.line}.`,
          });
        }
      }
      for (const e of refs.envFiles) {
        if (!e.required || (await exists(e.path))) continue;
        const example = await firstExisting(
          [`${e.path}.example`, `${e.path}.sample`, `${e.path}.template`, `${e.path}.dist`],
          exists,
        );
        out.push({
          file: file.file,
          line: e.line,
          ...(example ? { warning: true } : {}),
          message: `${where} reads the env_file ${e.written} (${e.path}), which does not exist (line ${e.line})${example ? `; ${example} does: each clone must create it first` : ''}.`,
          fix: example
            ? `Mark it optional (env_file: [{path: ${e.written}, required: false}]) or document creating it from ${example}.`
            : `Add ${e.path}, correct the path at ${file.file} line ${e.line}, or mark it optional (required: false).`,
        });
      }
      if (
        !s.image &&
        !s.hasBuild &&
        !s.extends &&
        !(services.get(s.name) ?? []).some((o) => o.image || o.hasBuild || o.extends)
      ) {
        out.push({
          file: file.file,
          line: s.line,
          message: `${where} has neither "image" nor "build" (and no other compose file of the project gives it one): compose cannot start it (line ${s.line}).`,
          fix: `Add image: <name>:<tag> or build: <directory> to service "${s.name}" at ${file.file} line ${s.line}.`,
        });
      }
    }
    out.push(...portClashes(file, usedWith(file, all)));
  }
  return out;
}

async function firstExisting(paths: string[], exists: (p: string) => Promise<boolean>): Promise<string | undefined> {
  for (const p of paths) if (await exists(p)) return p;
  return undefined;
}

/**
 * The files compose reads together with `file` without being asked: the ones it includes
 * (and that include it), and the default pair compose.yaml + compose.override.yaml in one
 * directory. Other compose files of a directory are alternatives, chosen with -f.
 */
function usedWith(file: ComposeFile, all: readonly ComposeFile[]): ComposeFile[] {
  const pair = (name: string) => name.replace(/^(docker-)?compose(\.override)?\.ya?ml$/, '$1compose');
  const base = file.file.slice(file.dir === '' ? 0 : file.dir.length + 1);
  const isDefault = /^(docker-)?compose(\.override)?\.ya?ml$/.test(base);
  return all.filter((o) => {
    if (o === file) return false;
    if (o.includes.includes(file.file) || file.includes.includes(o.file)) return true;
    if (!isDefault || o.dir !== file.dir) return false;
    const other = o.file.slice(o.dir === '' ? 0 : o.dir.length + 1);
    return (
      /^(docker-)?compose(\.override)?\.ya?ml$/.test(other) &&
      pair(other) === pair(base) &&
      other.includes('override') !== base.includes('override')
    );
  });
}

/**
 * Two services that would bind the same host port when started together: in one file, or
 * against the files compose reads with it. A service of the same name in two files is one
 * service (compose merges it).
 */
function portClashes(file: ComposeFile, others: readonly ComposeFile[]): CrossRefProblem[] {
  const out: CrossRefProblem[] = [];
  const taken: { service: ComposeService; file: string; port: HostPort }[] = [];
  for (const o of others)
    for (const s of o.services) for (const port of s.refs?.ports ?? []) taken.push({ service: s, file: o.file, port });
  for (const s of file.services) {
    for (const port of s.refs?.ports ?? []) {
      const clash = taken.find((t) => t.service.name !== s.name && together(t.service, s) && overlaps(t.port, port));
      if (clash) {
        const there = clash.file === file.file ? `line ${clash.port.line}` : `${clash.file} line ${clash.port.line}`;
        out.push({
          file: file.file,
          line: port.line,
          message: `service "${s.name}" in ${file.file} publishes host port ${port.text}, which service "${clash.service.name}" already publishes (${there}); the second to start fails (line ${port.line}).`,
          fix: `Publish another host port for one of them, or put them in different profiles.`,
        });
      }
      taken.push({ service: s, file: file.file, port });
    }
  }
  return out;
}

/** Whether two services can run at once: no profiles means always; otherwise a shared profile. */
function together(a: ComposeService, b: ComposeService): boolean {
  if (a.profiles.length === 0 || b.profiles.length === 0) return true;
  return a.profiles.some((p) => b.profiles.includes(p));
}

function overlaps(a: HostPort, b: HostPort): boolean {
  if (a.protocol !== b.protocol) return false;
  const any = (ip: string) => ip === '' || ip === '0.0.0.0' || ip === '::';
  if (!(any(a.ip) || any(b.ip) || a.ip === b.ip)) return false;
  return a.from <= b.to && b.from <= a.to;
}
