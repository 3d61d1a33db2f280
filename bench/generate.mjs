// Synthetic repositories for the benchmark: a realistic tree (modules, services with
// package.json or go.mod and a Dockerfile, packages, docs, a docker-compose.yml and an
// openapi.yaml), a WORK_STATUS.md in orch's canonical form with L locks held by several
// agents and E Log entries, `orch init` installed, one committed base. Everything derives
// from the parameters and a seed, and each repository is cached under bench/.work/ by its
// parameters, so the 100,000-file one is built once.
//
//   node bench/generate.mjs --files 5000 --locks 200 --log 2000 [--range 1000x10] [--force]
import fs from 'node:fs';
import path from 'node:path';
import { WORK, ensureWorkDirs, fastImport, git, hash32, parseArgs, rng, run, statusTime } from './util.mjs';

/** Bump when the generated content changes: older cached repositories are then rebuilt. */
export const GEN_VERSION = 3;

export const AGENTS = [
  'frontend-developer',
  'backend-architect',
  'database-architect',
  'docker-expert',
  'qa-engineer',
  'devops-engineer',
  'security-auditor',
  'docs-writer',
];
/** The agent whose commits the benchmark times: it holds locks on its own modules only. */
export const COMMITTER = 'frontend-developer';
export const agentEmail = (a) => `${a}@agents.bench.example`;

const WORDS = [
  'user',
  'order',
  'cart',
  'payment',
  'invoice',
  'auth',
  'session',
  'profile',
  'search',
  'report',
  'billing',
  'catalog',
  'inventory',
  'shipping',
  'notify',
  'config',
  'cache',
  'queue',
  'metrics',
  'audit',
  'export',
  'import',
  'upload',
  'theme',
  'layout',
];
const NOTES = ['refactor', 'v2 endpoints', 'bug fix', 'perf work', 'migration prep', 'a11y pass', 'tests', 'cleanup'];

export function repoKey(p) {
  return `f${p.files}-l${p.locks}-e${p.log}-s${p.seed ?? 1}-v${GEN_VERSION}`;
}

// ---------------------------------------------------------------------------------------
// The tree: pure, from (files, seed). Units are what an agent owns and locks in.

/**
 * @returns {{ files: {path:string, kind:string}[], units: Unit[], services: {name:string, root:string}[] }}
 * kind: source (an agent may change it), manifest, docker, contract, schema, root
 */
export function buildTree(nFiles, seed = 1) {
  const r = rng(seed * 7919 + 1);
  const files = [];
  const units = [];
  const services = [];
  const add = (p, kind, unit) => {
    files.push({ path: p, kind });
    if (unit) unit.files.push(p);
  };
  for (const [p, kind] of [
    ['package.json', 'root'],
    ['README.md', 'root'],
    ['tsconfig.json', 'root'],
    ['.gitignore', 'root'],
    ['docker-compose.yml', 'docker'],
    ['api/openapi.yaml', 'contract'],
    ['orchestration-index.md', 'root'],
    ['db/migrations/0001_init.sql', 'schema'],
    ['db/migrations/0002_orders.sql', 'schema'],
    ['db/migrations/0003_payments.sql', 'schema'],
  ])
    add(p, kind);

  const counts = { module: 0, service: 0, package: 0, docs: 0 };
  const dirFiles = (unit, dir, n, pickName) => {
    unit.dirs.push(dir);
    const used = new Set();
    for (let i = 0; i < n && files.length < nFiles; i++) {
      let name = pickName(i);
      while (used.has(name)) name = name.replace(/(\.[^.]+)$/, `-${i}$1`);
      used.add(name);
      add(`${dir}/${name}`, 'source', unit);
    }
  };
  const word = (i) => `${WORDS[(i + r.int(0, WORDS.length - 1)) % WORDS.length]}-${i}`;
  while (files.length < nFiles) {
    const x = r();
    if (x < 0.62) {
      const id = counts.module++;
      const root = `src/mod-${id}`;
      const unit = { type: 'module', root, dirs: [], files: [], ext: 'ts' };
      units.push(unit);
      dirFiles(unit, root, r.int(20, 50), (i) =>
        i === 0 ? 'index.ts' : `${word(i)}.${r() < 0.25 ? 'tsx' : r() < 0.1 ? 'css' : 'ts'}`,
      );
      if (r() < 0.6) dirFiles(unit, `${root}/lib`, r.int(20, 50), (i) => `${word(i)}.ts`);
      if (r() < 0.5) dirFiles(unit, `${root}/components`, r.int(20, 50), (i) => `${word(i)}.tsx`);
      if (r() < 0.3) dirFiles(unit, `${root}/__tests__`, r.int(20, 50), (i) => `${word(i)}.test.ts`);
    } else if (x < 0.9) {
      const id = counts.service++;
      const go = r() < 0.35;
      const root = `services/svc-${id}`;
      const unit = { type: 'service', root, dirs: [root], files: [], ext: go ? 'go' : 'ts', lang: go ? 'go' : 'node' };
      units.push(unit);
      add(`${root}/${go ? 'go.mod' : 'package.json'}`, 'manifest', unit);
      add(`${root}/Dockerfile`, 'docker', unit);
      add(`${root}/README.md`, 'source', unit);
      add(`${root}/.dockerignore`, 'manifest', unit);
      services.push({ name: `svc-${id}`, root });
      if (go) {
        dirFiles(unit, `${root}/internal/${WORDS[id % WORDS.length]}`, r.int(20, 50), (i) => `${word(i)}.go`);
        if (r() < 0.6)
          dirFiles(unit, `${root}/internal/store`, r.int(20, 50), (i) => `${word(i)}${r() < 0.3 ? '_test' : ''}.go`);
      } else {
        dirFiles(unit, `${root}/src`, r.int(20, 50), (i) => (i === 0 ? 'server.ts' : `${word(i)}.ts`));
        if (r() < 0.6) dirFiles(unit, `${root}/src/handlers`, r.int(20, 50), (i) => `${word(i)}.ts`);
      }
    } else if (x < 0.97) {
      const id = counts.package++;
      const root = `packages/ui-${id}`;
      const unit = { type: 'package', root, dirs: [root], files: [], ext: 'tsx' };
      units.push(unit);
      add(`${root}/package.json`, 'manifest', unit);
      add(`${root}/README.md`, 'source', unit);
      dirFiles(unit, `${root}/src`, r.int(20, 50), (i) => `${word(i)}.tsx`);
    } else {
      const id = counts.docs++;
      const root = `docs/section-${id}`;
      const unit = { type: 'docs', root, dirs: [], files: [], ext: 'md' };
      units.push(unit);
      dirFiles(unit, root, r.int(20, 50), (i) => `${word(i)}.md`);
    }
  }
  return { files, units, services };
}

/** Deterministic file content, by kind and extension. */
export function contentOf(p, tree) {
  const h = hash32(p);
  const base = path.posix.basename(p);
  const ident = base.replace(/\W+/g, '_');
  if (p === 'docker-compose.yml') {
    const lines = ['services:'];
    for (const s of tree.services) {
      lines.push(
        `  ${s.name}:`,
        `    build: ./${s.root}`,
        `    restart: unless-stopped`,
        `    environment:`,
        `      - PORT=${3000 + (hash32(s.name) % 1000)}`,
      );
    }
    return lines.join('\n') + '\n';
  }
  if (p === 'api/openapi.yaml') {
    const lines = ['openapi: 3.0.3', 'info:', '  title: Bench API', '  version: 1.0.0', 'paths:'];
    for (const w of WORDS)
      lines.push(
        `  /${w}s:`,
        '    get:',
        `      summary: List ${w}s`,
        '      responses:',
        "        '200':",
        '          description: OK',
      );
    return lines.join('\n') + '\n';
  }
  if (p.endsWith('.sql'))
    return `-- ${base}\nCREATE TABLE t_${h % 997} (id bigint primary key, created_at timestamptz not null);\n`;
  if (base === 'package.json')
    return (
      JSON.stringify(
        {
          name: p === 'package.json' ? 'bench-root' : path.posix.basename(path.posix.dirname(p)),
          version: '1.0.0',
          private: true,
          scripts: { start: 'node dist/server.js', test: 'vitest run' },
        },
        null,
        2,
      ) + '\n'
    );
  if (base === 'go.mod') return `module example.org/${path.posix.dirname(p)}\n\ngo 1.22\n`;
  if (base === 'Dockerfile') {
    return p.includes('svc-') && tree.services.length && /go/.test(contentHint(p, tree))
      ? 'FROM golang:1.22-alpine AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /app ./...\nFROM alpine:3.20\nCOPY --from=build /app /app\nUSER 65532\nCMD ["/app"]\n'
      : 'FROM node:20-alpine\nWORKDIR /app\nCOPY package.json ./\nRUN npm install --omit=dev\nCOPY . .\nUSER node\nCMD ["node", "dist/server.js"]\n';
  }
  if (base === '.dockerignore') return 'node_modules\n.git\n';
  if (base === '.gitignore') return 'node_modules/\ndist/\n';
  if (base === 'tsconfig.json') return '{\n  "compilerOptions": { "strict": true, "module": "NodeNext" }\n}\n';
  if (p.endsWith('.go')) {
    return `package ${path.posix.basename(path.posix.dirname(p)).replace(/\W/g, '')}\n\n// ${ident} handles ${WORDS[h % WORDS.length]} records.\nfunc ${cap(ident)}(n int) int {\n\treturn n*${h % 97} + ${h % 13}\n}\n`;
  }
  if (p.endsWith('.md'))
    return `# ${base.replace(/\.md$/, '')}\n\nNotes on ${WORDS[h % WORDS.length]} and ${WORDS[(h >> 8) % WORDS.length]}.\n\n- item ${h % 100}\n- item ${(h >> 4) % 100}\n`;
  if (p.endsWith('.css')) return `.${ident} {\n  display: flex;\n  gap: ${h % 24}px;\n}\n`;
  if (p.endsWith('.tsx')) {
    return `import { useState } from 'react';\n\nexport function ${cap(ident)}() {\n  const [n, setN] = useState(${h % 10});\n  return <button onClick={() => setN(n + 1)}>${WORDS[h % WORDS.length]} {n}</button>;\n}\n`;
  }
  return `// ${WORDS[h % WORDS.length]} helpers\nimport { strict as assert } from 'node:assert';\n\nexport function ${ident}(x: number): number {\n  assert(Number.isFinite(x));\n  return x * ${h % 97} + ${h % 13};\n}\n`;
}

function contentHint(p, tree) {
  const root = p.split('/').slice(0, 2).join('/');
  const unit = tree.units.find((u) => u.root === root);
  return unit?.lang ?? '';
}

const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);

// ---------------------------------------------------------------------------------------
// Ownership and locks: which agent works where, and what it has locked.

/** Units the committer owns (enough for a 1,000-file change in S2), the rest spread over the other agents. */
export function assignOwners(tree, seed = 1) {
  const r = rng(seed * 7919 + 2);
  const total = tree.files.length;
  const need = Math.max(100, Math.ceil(total * 0.03));
  const modules = r.shuffle(tree.units.filter((u) => u.type === 'module'));
  let have = 0;
  for (const u of modules) {
    if (have >= need) break;
    u.owner = COMMITTER;
    have += u.files.length;
  }
  const others = AGENTS.filter((a) => a !== COMMITTER);
  for (const u of tree.units) {
    if (u.owner) continue;
    u.owner = r() < 0.2 ? null : r.pick(others);
  }
  return tree.units.filter((u) => u.owner === COMMITTER);
}

/** L lock rows: the committer's directory locks on its modules first spread in, the rest a stream (2L extends L). */
export function buildLocks(tree, nLocks, genTime, seed = 1) {
  const r = rng(seed * 7919 + 3);
  const day = 86400_000;
  const mine = tree.units
    .filter((u) => u.owner === COMMITTER)
    .map((u) => ({
      path: `${u.root}/`,
      agent: COMMITTER,
      task: 'T-900',
      since: statusTime(genTime - 2 * day),
      expires: '-',
      note: 'bench change',
    }));
  const owned = tree.units.filter((u) => u.owner && u.owner !== COMMITTER);
  const seen = new Set(mine.map((l) => l.path));
  const theirs = [];
  const want = Math.max(0, nLocks - mine.length);
  let guard = 0;
  while (theirs.length < want && guard++ < want * 50) {
    const u = r.pick(owned);
    const k = r();
    let p;
    if (k < 0.45) p = r.pick(u.files);
    else if (k < 0.75) p = `${r.pick(u.dirs)}/`;
    else {
      const g = r();
      p =
        g < 0.5
          ? `${u.root}/**/*.${u.ext}`
          : g < 0.8
            ? `${r.pick(u.dirs)}/*.${u.ext}`
            : `${u.root}/**/${r.pick(WORDS)}-*`;
    }
    if (seen.has(p)) continue;
    seen.add(p);
    theirs.push({
      path: p,
      agent: u.owner,
      task: r() < 0.8 ? `T-${r.int(100, 899)}` : '-',
      since: statusTime(genTime - r.int(1, 7 * 24 * 60) * 60_000),
      expires: r() < 0.3 ? statusTime(genTime + 365 * day) : '-',
      note: r() < 0.3 ? r.pick(NOTES) : '-',
    });
  }
  if (theirs.length < want)
    throw new Error(`cannot place ${nLocks} distinct locks in a ${tree.files.length}-file tree`);
  // the committer's rows sit among the others, as they would in a table written over time
  const rows = theirs.slice();
  const step = Math.max(1, Math.floor(Math.min(nLocks, 200) / (mine.length + 1)));
  mine.forEach((l, i) => {
    rows.splice(Math.min(rows.length, (i + 1) * step + i), 0, l);
  });
  return rows.slice(0, Math.max(nLocks, mine.length));
}

export function buildLog(tree, nEntries, genTime, seed = 1) {
  const r = rng(seed * 7919 + 4);
  const span = 90 * 86400_000;
  const lines = [];
  const sources = tree.files.filter((f) => f.kind === 'source').map((f) => f.path);
  for (let i = 0; i < nEntries; i++) {
    const at = statusTime(genTime - span + Math.floor((span * i) / Math.max(1, nEntries)) - 3600_000);
    const agent = r.pick(AGENTS);
    const n = Math.min(14, 1 + Math.floor(-Math.log(1 - r()) * 2.2));
    const items = [];
    for (let j = 0; j < n; j++) {
      const p = r.pick(sources);
      const k = r();
      items.push(
        k < 0.75
          ? `M ${p}`
          : k < 0.9
            ? `A ${p}`
            : k < 0.96
              ? `D ${p}`
              : `R ${p} -> ${p.replace(/(\.[^.]+)$/, '-old$1')}`,
      );
    }
    const shown = items.slice(0, 10).join(', ') + (items.length > 10 ? `, +${items.length - 10} more` : '');
    lines.push(`- ${at} ${agent}${r() < 0.85 ? ` T-${r.int(100, 899)}` : ''}: ${shown}`);
  }
  return lines;
}

function renderStatus(initText, locks, reviews, log) {
  const lines = initText.split('\n');
  const sepAfter = (heading, sepPrefix) => {
    const h = lines.indexOf(heading);
    if (h < 0) throw new Error(`orch init's WORK_STATUS.md has no "${heading}"`);
    for (let i = h + 1; i < lines.length; i++) if (lines[i].startsWith(sepPrefix)) return i;
    throw new Error(`no table under "${heading}"`);
  };
  const lockRows = locks.map((l) => `| ${l.path} | ${l.agent} | ${l.task} | ${l.since} | ${l.expires} | ${l.note} |`);
  const reviewRows = reviews.map((v) => `| ${v.path} | ${v.by} | ${v.reviewer} | ${v.state} | ${v.at} |`);
  lines.splice(sepAfter('## Reviews', '| ---') + 1, 0, ...reviewRows);
  lines.splice(sepAfter('## Locks', '| ---') + 1, 0, ...lockRows);
  let text = lines.join('\n');
  if (!text.endsWith('\n')) text += '\n';
  if (!/## Log\n\n$/.test(text))
    throw new Error('orch init\'s WORK_STATUS.md does not end with an empty "## Log" section');
  return text + (log.length ? log.join('\n') + '\n' : '');
}

// ---------------------------------------------------------------------------------------
// Building and caching.

/**
 * The repository for these parameters, generated on first use.
 * @param {{files:number, locks:number, log:number, seed?:number, force?:boolean, quiet?:boolean}} p
 * @returns {Promise<{dir:string, root:string, key:string, meta:any}>}
 */
export async function ensureRepo(p) {
  ensureWorkDirs();
  const params = { files: p.files, locks: p.locks, log: p.log, seed: p.seed ?? 1 };
  const key = repoKey(params);
  const root = path.join(WORK, key);
  const metaFile = path.join(root, 'meta.json');
  if (!p.force && fs.existsSync(metaFile)) {
    const meta = JSON.parse(fs.readFileSync(metaFile, 'utf8'));
    if (meta.version === GEN_VERSION) return { dir: path.join(root, 'repo'), root, key, meta };
  }
  const say = (s) => p.quiet || process.stderr.write(`[generate ${key}] ${s}\n`);
  const t0 = Date.now();
  fs.rmSync(root, { recursive: true, force: true });
  const tmp = `${root}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  const dir = path.join(tmp, 'repo');
  fs.mkdirSync(dir, { recursive: true });

  const genTime = Date.now();
  const tree = buildTree(params.files, params.seed);
  const mine = assignOwners(tree, params.seed);
  const locks = buildLocks(tree, params.locks, genTime, params.seed);
  const log = buildLog(tree, params.log, genTime, params.seed);
  const reviews = tree.services.slice(0, 5).map((s, i) => ({
    path: `${s.root}/Dockerfile`,
    by: 'backend-architect',
    reviewer: 'docker-expert',
    state: i % 2 ? 'requested' : 'approved',
    at: statusTime(genTime - (i + 1) * 86400_000),
  }));
  say(
    `tree of ${tree.files.length} files in ${tree.units.length} units; ${locks.length} locks, ${log.length} log entries`,
  );

  git(dir, ['init', '-q', '-b', 'main']);
  for (const [k, v] of [
    ['user.name', 'Bench Person'],
    ['user.email', 'person@bench.example'],
    ['commit.gpgsign', 'false'],
    ['tag.gpgsign', 'false'],
    ['core.autocrlf', 'false'],
    // timings must not include a background repack that one run happens to trigger
    ['gc.auto', '0'],
    ['maintenance.auto', 'false'],
  ])
    git(dir, ['config', k, v]);

  const init = run('orch', ['init'], { cwd: dir });
  if (init.code !== 0) throw new Error(`orch init failed: ${init.stderr}${init.stdout}`);
  const config = JSON.parse(fs.readFileSync(path.join(dir, '.orchrc.json'), 'utf8'));
  config.agents = Object.fromEntries(AGENTS.map((a) => [a, { emails: [agentEmail(a)] }]));
  // the log holds E entries: archiving must not move them out on the first commit
  config.log = { ...(config.log ?? {}), maxEntries: Math.max(100_000, params.log * 5) };
  const extra = {
    '.orchrc.json': JSON.stringify(config, null, 2) + '\n',
    'WORK_STATUS.md': renderStatus(fs.readFileSync(path.join(dir, 'WORK_STATUS.md'), 'utf8'), locks, reviews, log),
    '.gitattributes': fs.readFileSync(path.join(dir, '.gitattributes'), 'utf8'),
  };
  for (const f of Object.keys(extra)) fs.rmSync(path.join(dir, f));

  say('writing the base commit (git fast-import)');
  const when = Math.floor(genTime / 1000) - 86400;
  await fastImport(dir, async (write) => {
    const msg = 'Base tree\n';
    await write(
      `commit refs/heads/main\nauthor Bench Person <person@bench.example> ${when} +0000\ncommitter Bench Person <person@bench.example> ${when} +0000\ndata ${Buffer.byteLength(msg)}\n${msg}`,
    );
    let batch = '';
    const emit = async (p, text) => {
      batch += `M 100644 inline ${p}\ndata ${Buffer.byteLength(text)}\n${text}\n`;
      if (batch.length > 1 << 20) {
        await write(batch);
        batch = '';
      }
    };
    for (const f of tree.files) await emit(f.path, contentOf(f.path, tree));
    for (const [f, text] of Object.entries(extra)) await emit(f, text);
    await write(batch + '\n');
  });
  say('checking out the working tree');
  git(dir, ['reset', '-q', '--hard', 'main']);
  const base = git(dir, ['rev-parse', 'HEAD']).trim();

  // orch must read the table as generated: every lock, no unreadable line
  const st = run('orch', ['status', '--format', 'json'], { cwd: dir });
  if (st.code !== 0) throw new Error(`orch status failed in the generated repository: ${st.stderr}`);
  const status = JSON.parse(st.stdout);
  if (status.locks.length !== locks.length || status.problems.length) {
    throw new Error(
      `orch reads ${status.locks.length} of ${locks.length} locks and ${status.problems.length} problems: ${JSON.stringify(status.problems.slice(0, 3))}`,
    );
  }

  const meta = {
    version: GEN_VERSION,
    key,
    params,
    genTime,
    base,
    committer: COMMITTER,
    agents: AGENTS,
    files: tree.files.length + Object.keys(extra).length,
    units: tree.units.length,
    services: tree.services.length,
    locks: locks.length,
    lockKinds: {
      exact: locks.filter((l) => !l.path.endsWith('/') && !l.path.includes('*')).length,
      directory: locks.filter((l) => l.path.endsWith('/')).length,
      glob: locks.filter((l) => l.path.includes('*')).length,
    },
    committerLocks: mine.length,
    committerFiles: mine.reduce((n, u) => n + u.files.length, 0),
    logEntries: log.length,
    statusBytes: Buffer.byteLength(extra['WORK_STATUS.md']),
    ranges: {},
    seconds: (Date.now() - t0) / 1000,
  };
  fs.writeFileSync(path.join(tmp, 'meta.json'), JSON.stringify(meta, null, 2) + '\n');
  fs.renameSync(tmp, root);
  say(`done in ${meta.seconds.toFixed(1)} s`);
  return { dir: path.join(root, 'repo'), root, key, meta };
}

/**
 * A branch of `commits` commits on top of the base, each changing `filesPer` files (8 in 10
 * modified, the rest added) in its agent's own units and appending its Log entry, as a
 * commit through orch would; Agent and Task trailers, author email mapped in the config.
 * @returns {Promise<{ref:string, base:string, head:string}>}
 */
export async function ensureRange(repo, { commits, filesPer }, opts = {}) {
  const name = `${commits}x${filesPer}`;
  const ref = `refs/heads/bench-range-${name}`;
  const known = repo.meta.ranges?.[name];
  if (
    known &&
    run('git', ['rev-parse', '-q', '--verify', `${ref}^{commit}`], { cwd: repo.dir }).stdout.trim() === known.head
  )
    return known;
  const say = (s) => opts.quiet || process.stderr.write(`[generate ${repo.key}] ${s}\n`);
  const t0 = Date.now();
  const { params, base, genTime } = repo.meta;
  const tree = buildTree(params.files, params.seed);
  assignOwners(tree, params.seed);
  const byAgent = new Map();
  for (const u of tree.units) {
    if (!u.owner) continue;
    const list = byAgent.get(u.owner) ?? [];
    for (const p of u.files)
      if (!/(^|\/)(README\.md|\.dockerignore|Dockerfile|package\.json|go\.mod)$/.test(p)) list.push(p);
    byAgent.set(u.owner, list);
  }
  const agents = [...byAgent.keys()].filter((a) => byAgent.get(a).length >= filesPer * 2);
  const r = rng(params.seed * 7919 + 11);
  const contents = new Map();
  const current = (p) => contents.get(p) ?? contentOf(p, tree);
  let statusText = git(repo.dir, ['show', `${base}:WORK_STATUS.md`]);
  const plans = [];
  for (let i = 0; i < commits; i++) {
    const agent = r.pick(agents);
    const pool = byAgent.get(agent);
    const picked = new Set();
    const nAdd = Math.max(1, Math.round(filesPer / 5));
    while (picked.size < filesPer - nAdd) picked.add(r.pick(pool));
    const changes = [...picked].map((p) => ({ op: 'M', path: p }));
    for (let j = 0; j < nAdd; j++) {
      const dir = path.posix.dirname(r.pick(pool));
      changes.push({ op: 'A', path: `${dir}/feat-${i}-${j}.${dir.includes('internal') ? 'go' : 'ts'}` });
    }
    const task = agent === COMMITTER ? 'T-900' : `T-${500 + AGENTS.indexOf(agent)}`;
    const at = genTime + (i + 1) * 60_000;
    plans.push({ agent, task, at, changes });
  }
  say(`writing ${commits} commits of ${filesPer} files (git fast-import)`);
  await fastImport(repo.dir, async (write) => {
    // every version of the status file first, one after the other: fast-import deltas
    // each blob against the one before it
    for (let i = 0; i < plans.length; i++) {
      const pl = plans[i];
      statusText += `- ${statusTime(pl.at)} ${pl.agent} ${pl.task}: ${pl.changes.map((c) => `${c.op} ${c.path}`).join(', ')}\n`;
      await write(`blob\nmark :${i + 1}\ndata ${Buffer.byteLength(statusText)}\n${statusText}\n`);
    }
    for (let i = 0; i < plans.length; i++) {
      const pl = plans[i];
      const when = Math.floor(pl.at / 1000);
      const who = `${pl.agent} <${agentEmail(pl.agent)}> ${when} +0000`;
      const msg = `${pl.agent}: change ${i + 1}\n\nAgent: ${pl.agent}\nTask: ${pl.task}\n`;
      let out = `commit ${ref}\nauthor ${who}\ncommitter ${who}\ndata ${Buffer.byteLength(msg)}\n${msg}`;
      if (i === 0) out += `from ${base}\n`;
      for (const c of pl.changes) {
        const text =
          c.op === 'A'
            ? `// added in change ${i + 1}\nexport const v${i} = ${i};\n`
            : `${current(c.path)}// change ${i + 1}\n`;
        contents.set(c.path, text);
        out += `M 100644 inline ${c.path}\ndata ${Buffer.byteLength(text)}\n${text}\n`;
      }
      out += `M 100644 :${i + 1} WORK_STATUS.md\n\n`;
      await write(out);
    }
  });
  const head = git(repo.dir, ['rev-parse', ref]).trim();
  const info = { ref, base, head, commits, filesPer, seconds: (Date.now() - t0) / 1000 };
  repo.meta.ranges = { ...(repo.meta.ranges ?? {}), [name]: info };
  fs.writeFileSync(path.join(repo.root, 'meta.json'), JSON.stringify(repo.meta, null, 2) + '\n');
  say(`range done in ${info.seconds.toFixed(1)} s`);
  return info;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const a = parseArgs(process.argv.slice(2), {
    files: 'number',
    locks: 'number',
    log: 'number',
    seed: 'number',
    range: 'string',
    force: 'boolean',
  });
  const repo = await ensureRepo({
    files: a.files ?? 5000,
    locks: a.locks ?? 200,
    log: a.log ?? 2000,
    seed: a.seed,
    force: a.force,
  });
  if (a.range) {
    const [commits, filesPer] = a.range.split('x').map(Number);
    await ensureRange(repo, { commits, filesPer });
  }
  process.stdout.write(`${repo.dir}\n${JSON.stringify(repo.meta, null, 2)}\n`);
}
