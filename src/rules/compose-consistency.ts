// Parsers (yaml, dockerfile-ast, ajv) load only when the change touches what they read.
import { readComposeAt } from '../compose/readComposeAt.js';
import { readComposeFiles } from '../compose/readComposeFiles.js';
import type { ComposeFile } from '../compose/composeTypes.js';
import { findComposeFiles } from '../compose/findComposeFiles.js';
import { isComposeFile } from '../compose/isComposeFile.js';
import { isDockerfile } from '../compose/isDockerfile.js';
import { isServiceMarker } from '../compose/isServiceMarker.js';
import type { ChangeSet, RawFinding } from '../types.js';
import type { Rule, RuleInput } from './rule.js';

const dirOf = (p: string) => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '');
const baseOf = (p: string) => p.slice(p.lastIndexOf('/') + 1);

export const rule: Rule = {
  id: 'compose-consistency',
  defaultSeverity: () => 'error',
  summary: 'Compose files parse, every build context and Dockerfile they name exists, and Dockerfiles parse.',
  docs: `compose-consistency — compose files and Dockerfiles that docker would reject.

Checks, at the revision being committed or pushed:
  - a changed compose file must parse (YAML, services as a mapping, build as a path or
    a mapping); the finding gives the line and column;
  - every build context and Dockerfile a changed compose file names must exist
    (\${VAR} and \${VAR:-default} are taken from the .env beside the compose file; remote
    contexts, absolute paths and variables without a value are not checked); changing a
    .env re-checks the compose files beside it;
  - deleting a service directory or a Dockerfile while a compose file still builds it
    is reported at that compose file's line, even when the compose file is unchanged;
  - cross-references across every compose file of the project (all profiles, with
    include and extends followed): a depends_on (list or map form) naming a service no
    compose file defines; a named network, volume, secret or config a service uses that
    no top-level networks/volumes/secrets/configs declares; one host port (and protocol,
    on overlapping addresses) published by two services of one file that can run
    together (no profile, or a shared one); an env_file that does not exist (a warning
    when an .example/.sample/.template/.dist of it does; required: false is not
    checked); a service with neither image nor build (unless another compose file of the
    project, or extends, gives it one). Each finding names the file and line;
  - an added or changed Dockerfile must parse: it needs a FROM (only ARG may come
    before it) and only instructions docker knows;
  - in CI, pre-receive and \`orch check\`, changed compose files are also checked against
    the compose-spec JSON Schema; misspelt keys ("buid") and values of the wrong type are
    warnings. Hooks skip this: compiling the schema costs a quarter of a second.
A repository without compose files gets no compose findings.

Why: a compose entry that builds a deleted directory, or a Dockerfile docker cannot
parse, breaks the next \`docker compose build\` for everyone, and is found late.

What to do: fix the line the finding names — correct the path, restore the directory,
or remove the service from the compose file.

Config: services.compose (extra compose files), rules["compose-consistency"].`,

  async check(input) {
    const changes = input.range ?? input.changes;
    const { config } = input;
    const files = changes.files.filter((f) => !f.submodule);
    const changedCompose = files
      .filter((f) => f.status !== 'D' && isComposeFile(f.path, config.services.compose))
      .map((f) => f.path);
    const envDirs = new Set(
      files
        .flatMap((f) => [f.path, f.oldPath ?? ''])
        .filter((p) => baseOf(p) === '.env')
        .map(dirOf),
    );
    const changedDockerfiles = files
      .filter(
        (f) => (f.status === 'A' || f.status === 'M' || f.status === 'R' || f.status === 'C') && isDockerfile(f.path),
      )
      .map((f) => f.path);
    // A service directory going away shows as its Dockerfile or manifest going away.
    const removed = files
      .flatMap((f) => (f.status === 'D' ? [f.path] : f.status === 'R' && f.oldPath ? [f.oldPath] : []))
      .filter((p) => isDockerfile(p) || isServiceMarker(p));
    if (changedCompose.length === 0 && envDirs.size === 0 && changedDockerfiles.length === 0 && removed.length === 0)
      return [];

    const findings: RawFinding[] = [];
    if (changedDockerfiles.length > 0) findings.push(...(await dockerfileFindings(changes, changedDockerfiles)));

    const full = new Set(changedCompose);
    let others: string[] = [];
    if (envDirs.size > 0 || removed.length > 0) {
      const all = findComposeFiles(await changes.listFiles('new'), config);
      for (const p of all) if (envDirs.has(dirOf(p))) full.add(p);
      if (removed.length > 0) others = all.filter((p) => !full.has(p));
    }
    if (full.size === 0 && others.length === 0) return findings;

    const checked = (await Promise.all([...full].map((p) => readComposeAt(changes, p, 'new')))).filter(
      (f): f is ComposeFile => f !== null,
    );
    for (const file of checked) {
      for (const e of file.errors) {
        findings.push({
          rule: 'compose-consistency',
          path: file.file,
          line: e.line,
          message: `${file.file}:${e.line}${e.column ? `:${e.column}` : ''} ${e.message}.`,
          fix: `Correct ${file.file} at line ${e.line}; \`docker compose -f ${file.file} config\` shows what compose makes of it.`,
        });
      }
      findings.push(...(await buildFindings(changes, file, false)));
    }
    if (checked.length > 0) findings.push(...(await crossRefFindings(changes, checked, config)));
    if (others.length > 0) {
      const rest = (await readComposeFiles(changes, others, 'new')).filter((f) => !full.has(f.file));
      for (const file of rest) findings.push(...(await buildFindings(changes, file, true)));
    }
    if (input.context === 'ci' || input.context === 'pre-receive' || input.context === 'check') {
      findings.push(...(await schemaFindings(checked.filter((f) => f.errors.length === 0))));
    }
    return findings.sort((a, b) => (a.path ?? '').localeCompare(b.path ?? '') || (a.line ?? 0) - (b.line ?? 0));
  },
};

/** depends_on, named resources, host ports, env files, image-or-build: judged against the whole project. */
async function crossRefFindings(
  changes: ChangeSet,
  checked: ComposeFile[],
  config: RuleInput['config'],
): Promise<RawFinding[]> {
  const { composeCrossRefs } = await import('../compose/composeCrossRefs.js');
  const paths = findComposeFiles(await changes.listFiles('new'), config);
  const project = await readComposeFiles(changes, [...new Set([...paths, ...checked.map((f) => f.file)])], 'new');
  // extends may name a file that is not called a compose file
  const extendsFiles = [
    ...new Set(project.flatMap((f) => f.services.flatMap((s) => (s.extends?.file ? [s.extends.file] : [])))),
  ].filter((p) => !project.some((f) => f.file === p));
  if (extendsFiles.length > 0) project.push(...(await readComposeFiles(changes, extendsFiles, 'new')));
  const problems = await composeCrossRefs(checked, project, (p) => changes.exists(p, 'new'));
  return problems.map((p) => ({
    rule: 'compose-consistency',
    ...(p.warning ? { severity: 'warning' as const } : {}),
    path: p.file,
    line: p.line,
    message: p.message,
    fix: p.fix,
  }));
}

async function dockerfileFindings(changes: ChangeSet, paths: string[]): Promise<RawFinding[]> {
  const { lintDockerfile } = await import('../compose/lintDockerfile.js');
  const texts = await Promise.all(paths.map((p) => changes.read(p, 'new')));
  const out: RawFinding[] = [];
  paths.forEach((path, i) => {
    const text = texts[i];
    if (text === null) return;
    for (const p of lintDockerfile(text)) {
      out.push({
        rule: 'compose-consistency',
        path,
        line: p.line,
        message: `${path}:${p.line} ${p.message}; docker build would reject this Dockerfile.`,
        fix: p.message.startsWith('unknown instruction')
          ? `Correct the instruction at ${path} line ${p.line} (ADD ARG CMD COPY ENTRYPOINT ENV EXPOSE FROM HEALTHCHECK LABEL ONBUILD RUN SHELL STOPSIGNAL USER VOLUME WORKDIR).`
          : `Start the build stage with FROM <image> in ${path} (only ARG may come before it).`,
      });
    }
  });
  return out;
}

/**
 * Build contexts and Dockerfiles a compose file names that do not exist on the new side.
 * For a compose file the change did not touch, only what the change itself removed.
 */
async function buildFindings(changes: ChangeSet, file: ComposeFile, onlyRemoved: boolean): Promise<RawFinding[]> {
  const out: RawFinding[] = [];
  const exists = (p: string, side: 'old' | 'new') => (p === '' ? Promise.resolve(true) : changes.exists(p, side));
  for (const service of file.services) {
    const b = service.build;
    // A build without its own context is usually an override layer (args, target) whose
    // paths come from the base file: nothing here to check.
    if (!b || b.context === null || b.contextImplicit) continue;
    const where = `service "${service.name}" in ${file.file}`;
    if (!(await exists(b.context, 'new'))) {
      const removedHere = await exists(b.context, 'old');
      if (onlyRemoved && !removedHere) continue;
      out.push({
        rule: 'compose-consistency',
        path: file.file,
        line: b.contextLine,
        message: removedHere
          ? `${where} builds ${b.context}, which this change deletes (line ${b.contextLine}).`
          : `${where} builds ${b.context}, which does not exist (line ${b.contextLine}).`,
        fix: removedHere
          ? `Remove service "${service.name}" from ${file.file}, or restore ${b.context}/.`
          : `Correct the build context at ${file.file} line ${b.contextLine}, or create ${b.context}/.`,
      });
      continue;
    }
    if (b.dockerfile === null || (await exists(b.dockerfile, 'new'))) continue;
    const removedHere = await exists(b.dockerfile, 'old');
    if (onlyRemoved && !removedHere) continue;
    out.push({
      rule: 'compose-consistency',
      path: file.file,
      line: b.dockerfileLine,
      message: removedHere
        ? `${where} uses the Dockerfile ${b.dockerfile}, which this change deletes (line ${b.dockerfileLine}).`
        : `${where} uses the Dockerfile ${b.dockerfile}, which does not exist (line ${b.dockerfileLine}).`,
      fix: removedHere
        ? `Remove service "${service.name}" from ${file.file}, or restore ${b.dockerfile}.`
        : `Create ${b.dockerfile}, or correct ${b.dockerfileRaw !== undefined ? 'the dockerfile' : 'the build context'} at ${file.file} line ${b.dockerfileLine}.`,
    });
  }
  return out;
}

async function schemaFindings(files: ComposeFile[]): Promise<RawFinding[]> {
  if (files.length === 0) return [];
  const { validateCompose } = await import('../compose/validateCompose.js');
  const out: RawFinding[] = [];
  for (const file of files) {
    let problems: Awaited<ReturnType<typeof validateCompose>>;
    try {
      problems = await validateCompose(file.data);
    } catch {
      // The schema is an extra; the checks above stand without it.
      return out;
    }
    for (const p of problems) {
      const line = file.lineAt?.(p.path) ?? 1;
      out.push({
        rule: 'compose-consistency',
        severity: 'warning',
        path: file.file,
        line,
        message: `${file.file}:${line} ${p.message} (compose-spec schema).`,
        fix: `Correct ${file.file} at line ${line}.`,
      });
    }
  }
  return out;
}
