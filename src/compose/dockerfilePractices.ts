// docker-expert's first questions about a Dockerfile, answered from its text: who the
// final stage runs as, which base images float, ADD where COPY would do, shell-form
// CMD/ENTRYPOINT, secret-looking ENV/ARG names, apt-get without --no-install-recommends
// or without cleaning its lists, and a published port without a HEALTHCHECK.
import { DockerfileParser, type Instruction } from 'dockerfile-ast';

export type PracticeId =
  | 'root-user'
  | 'floating-base'
  | 'add-for-copy'
  | 'shell-form'
  | 'secret-name'
  | 'apt-recommends'
  | 'apt-lists'
  | 'no-healthcheck';

export interface PracticeProblem {
  id: PracticeId;
  /** 1-based. */
  line: number;
  /** The instruction as written (first line, trimmed). */
  quote: string;
  message: string;
  fix: string;
}

export interface PracticeOptions {
  /** A compose service building this Dockerfile publishes a host port. */
  publishesPort?: boolean;
  /** Every compose service building it defines its own healthcheck. */
  healthcheckInCompose?: boolean;
}

interface Stage {
  from: Instruction;
  name?: string;
  user?: string;
  healthcheck: boolean;
  expose: boolean;
}

const SECRET_NAME = /(^|_)(PASSWORD|PASSWD|TOKEN|SECRET|KEY)$/i;
const ARCHIVE = /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst)$/i;
const REMOTE = /^(https?:\/\/|git@|git:\/\/)/i;

/** Where the problems of one Dockerfile are gathered: each quotes its instruction's first line. */
interface Collector {
  out: PracticeProblem[];
  quoteOf(ins: Instruction): string;
  lineOf(ins: Instruction): number;
  add(id: PracticeId, ins: Instruction, message: string, fix: string): void;
}

function collector(text: string): Collector {
  const lines = text.split(/\r?\n/);
  const c: Collector = {
    out: [],
    quoteOf: (ins) => (lines[ins.getRange().start.line] ?? '').trim().slice(0, 160),
    lineOf: (ins) => ins.getRange().start.line + 1,
    add: (id, ins, message, fix) => c.out.push({ id, line: c.lineOf(ins), quote: c.quoteOf(ins), message, fix }),
  };
  return c;
}

export function dockerfilePractices(text: string, options: PracticeOptions = {}): PracticeProblem[] {
  let instructions: Instruction[];
  try {
    instructions = DockerfileParser.parse(text).getInstructions();
  } catch {
    return []; // compose-consistency reports a Dockerfile that does not parse
  }
  const c = collector(text);
  const stages: Stage[] = [];
  for (const ins of instructions) {
    const keyword = ins.getKeyword();
    const args = ins.getArguments().map((a) => a.getValue());
    const stage = stages[stages.length - 1];
    switch (keyword) {
      case 'FROM':
        stages.push(fromStage(ins, stages, c));
        break;
      case 'USER':
        if (stage) stage.user = args[0];
        break;
      case 'HEALTHCHECK':
        if (stage) stage.healthcheck = !/^none$/i.test(args[0] ?? '');
        break;
      case 'EXPOSE':
        if (stage) stage.expose = true;
        break;
      case 'ADD':
        addForCopy(ins, args, c);
        break;
      case 'CMD':
      case 'ENTRYPOINT':
        shellForm(ins, keyword, args, c);
        break;
      case 'ENV':
      case 'ARG':
        secretNames(ins, keyword, args, c);
        break;
      case 'RUN':
        c.out.push(...aptProblems(ins, text, c.quoteOf(ins), c.lineOf(ins)));
        break;
    }
  }
  const last = stages[stages.length - 1];
  if (last) finalStageProblems(last, options, c);
  return c.out.sort((a, b) => a.line - b.line);
}

/** A new stage: built FROM an earlier stage it inherits that stage's USER, HEALTHCHECK and EXPOSE. */
function fromStage(ins: Instruction, stages: Stage[], c: Collector): Stage {
  const from = ins as unknown as {
    getImageName(): string | null;
    getImageTag(): string | null;
    getImageDigest(): string | null;
    getBuildStage(): string | null;
  };
  const image = from.getImageName() ?? '';
  const parent = stages.find((s) => s.name !== undefined && s.name.toLowerCase() === image.toLowerCase());
  const stage: Stage = {
    from: ins,
    name: from.getBuildStage() ?? undefined,
    user: parent?.user,
    healthcheck: parent?.healthcheck ?? false,
    expose: parent?.expose ?? false,
  };
  const tag = from.getImageTag();
  if (parent || image === '' || image.toLowerCase() === 'scratch' || image.includes('$') || from.getImageDigest())
    return stage;
  if (!tag)
    c.add(
      'floating-base',
      ins,
      `the base image ${image} has no tag: each build may get a different image`,
      `Pin a version: FROM ${image}:<version> (or a digest, @sha256:…).`,
    );
  else if (tag.toLowerCase() === 'latest')
    c.add(
      'floating-base',
      ins,
      `the base image ${image}:latest floats: each build may get a different image`,
      `Pin a version instead of latest: FROM ${image}:<version>.`,
    );
  return stage;
}

function addForCopy(ins: Instruction, args: string[], c: Collector): void {
  const sources = args.slice(0, -1);
  if (sources.length === 0 || sources.some((s) => REMOTE.test(s) || ARCHIVE.test(s))) return;
  c.add(
    'add-for-copy',
    ins,
    "ADD copies local files here, which COPY does without ADD's archive and URL magic",
    `Use COPY: ${c.quoteOf(ins).replace(/^ADD\b/i, 'COPY')}`,
  );
}

function shellForm(ins: Instruction, keyword: string, args: string[], c: Collector): void {
  const json = (ins as unknown as { getOpeningBracket?(): unknown }).getOpeningBracket?.();
  if (json || args.length === 0) return;
  c.add(
    'shell-form',
    ins,
    `${keyword} in shell form runs under /bin/sh -c: the process does not get signals such as SIGTERM and stops only when killed`,
    `Use the exec form: ${keyword} [${args.map((a) => JSON.stringify(a)).join(', ')}]`,
  );
}

function secretNames(ins: Instruction, keyword: string, args: string[], c: Collector): void {
  const names = ((ins as unknown as { getProperties?(): { getName(): string }[] }).getProperties?.() ?? []).map((p) =>
    p.getName(),
  );
  // `ENV NAME value` (the old form) names one variable; `ENV A=1 B=2` several
  const named = keyword === 'ENV' && !(args[0] ?? '').includes('=') ? names.slice(0, 1) : names;
  for (const name of named) {
    if (!SECRET_NAME.test(name)) continue;
    c.add(
      'secret-name',
      ins,
      `${keyword} ${name} looks like a secret: ${keyword} values stay in the image's history and metadata for anyone who pulls it`,
      `Pass it at run time (environment, compose secrets) or at build time with RUN --mount=type=secret,id=${name.toLowerCase()}.`,
    );
  }
}

/** What only the final stage decides: the user the container runs as, and its health check. */
function finalStageProblems(last: Stage, options: PracticeOptions, c: Collector): void {
  const user = (last.user ?? '').trim().toLowerCase();
  const baseTag = (last.from as unknown as { getImageTag(): string | null }).getImageTag() ?? '';
  if ((user === '' && !/nonroot|rootless/i.test(baseTag)) || /^(root|0)(:.*)?$/.test(user)) {
    c.add(
      'root-user',
      last.from,
      user === ''
        ? 'the final stage sets no USER, so the container runs as root'
        : `the final stage runs as ${last.user}`,
      'Add a non-root user to the final stage, e.g. RUN useradd --system app, then USER app (or USER 10001).',
    );
  }
  if (!last.healthcheck && !options.healthcheckInCompose && (last.expose || options.publishesPort)) {
    c.add(
      'no-healthcheck',
      last.from,
      `the service publishes a port${last.expose ? ' (EXPOSE)' : ''} but the final stage has no HEALTHCHECK: compose and orchestrators cannot tell when it is ready`,
      'Add a HEALTHCHECK to the final stage, e.g. HEALTHCHECK CMD curl -fsS http://localhost:<port>/health || exit 1 (or a healthcheck: in the compose service).',
    );
  }
}

function aptProblems(ins: Instruction, text: string, quote: string, line: number): PracticeProblem[] {
  const range = ins.getRange();
  const body = text
    .split(/\r?\n/)
    .slice(range.start.line, range.end.line + 1)
    .join('\n');
  if (!/\bapt-get\b[^;&|]*\binstall\b/.test(body)) return [];
  const out: PracticeProblem[] = [];
  if (!/--no-install-recommends|Install-Recommends=(false|0)/i.test(body)) {
    out.push({
      id: 'apt-recommends',
      line,
      quote,
      message: 'apt-get install without --no-install-recommends pulls in packages nobody asked for',
      fix: 'apt-get install -y --no-install-recommends <packages>',
    });
  }
  // a cache mount keeps the lists out of the layer as well
  if (
    !/rm\s+(-\w+\s+)*\S*\/var\/lib\/apt\/lists/.test(body) &&
    !/--mount=[^\s]*type=cache[^\s]*\/var\/lib\/apt/.test(body)
  ) {
    out.push({
      id: 'apt-lists',
      line,
      quote,
      message: 'apt-get install without removing /var/lib/apt/lists leaves the package lists in the layer',
      fix: 'End the same RUN with: && rm -rf /var/lib/apt/lists/*',
    });
  }
  return out;
}
