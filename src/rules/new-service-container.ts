// The YAML reader is loaded only when a change adds a service marker; everything imported
// here is light.
import { readComposeFiles } from '../compose/readComposeFiles.js';
import { addedMarkerDirs } from '../compose/addedMarkerDirs.js';
import { buildsDirectory } from '../compose/buildsDirectory.js';
import { composeSnippet } from '../compose/composeSnippet.js';
import type { ComposeFile, ComposeService } from '../compose/composeTypes.js';
import { findComposeFiles } from '../compose/findComposeFiles.js';
import { findNewServices } from '../compose/findNewServices.js';
import { isDockerfile } from '../compose/isDockerfile.js';
import { suggestComposeFile } from '../compose/suggestComposeFile.js';
import type { ChangeSet, RawFinding } from '../types.js';
import type { Rule } from './rule.js';

interface Builder {
  file: ComposeFile;
  service: ComposeService;
}

export const rule: Rule = {
  id: 'new-service-container',
  defaultSeverity: (context) => (context === 'pre-commit' || context === 'check' ? 'warning' : 'error'),
  summary: 'A new service directory ships without its Dockerfile or without a compose service that builds it.',
  docs: `new-service-container — every new service ships a Dockerfile and a compose entry.

A new service is a directory under a service root that gains, in the change, a service
marker — package.json, go.mod, pyproject.toml, requirements.txt, Pipfile, Cargo.toml,
pom.xml, build.gradle(.kts), composer.json, Gemfile, mix.exs, *.csproj, or a Dockerfile —
and had none before. Such a directory must have
  - a Dockerfile: the one a compose file names for it, or Dockerfile, Dockerfile.* or
    *.Dockerfile in the directory, and
  - a service in a compose file (docker-compose.yml, compose.yaml, docker-compose.*.yml,
    docker-compose-*.yml, compose.*.yaml at any depth, files they include, and
    services.compose) whose build context or Dockerfile lies in the directory. Contexts
    and Dockerfile paths may use \${VAR}, \${VAR:-default} and $VAR from the .env beside
    the compose file; profiles and extends do not hide a service.

The rule judges the whole push or CI range, so the compose entry may come in a later
commit of the same push. At pre-commit it only warns for that reason; at pre-push, in CI
and in pre-receive it is an error.

Where services live: services.roots (globs such as "services/*", "apps/*"). When that is
not configured, the roots are inferred from the compose files: the parents of the
directories they already build (a compose file building ./vote and ./worker makes every
top-level directory a candidate; one building src/ad/Dockerfile makes src/* one). With
inferred roots, library and tooling directories (packages/*, libs/*, lib/*, docs, tests,
scripts, examples, dot-directories …) are not services. The repository root never is.
A repository without any compose file is left alone.

Why: the protocol says every application or service gets a Dockerfile and
docker-compose.yml is updated for every new service, so that it can be built and run
with the rest.

What to do: add the Dockerfile, and add the service to the compose file — the finding
shows the lines to paste, e.g.
  services:
    orders:
      build: ./services/orders
If the directory is not a service (a mobile app, a docs site), list it in
services.ignore.

Config: services.roots, services.ignore, services.compose,
rules["new-service-container"].`,

  async check(input) {
    const changes = input.range ?? input.changes;
    // The common commit adds no manifest: decide that before loading any parser.
    if (addedMarkerDirs(changes.files).size === 0) return [];
    const { config } = input;

    let everyCompose: Promise<ComposeFile[]> | undefined;
    const allComposeFiles = () =>
      (everyCompose ??= changes
        .listFiles('new')
        .then((paths) => readComposeFiles(changes, findComposeFiles(paths, config), 'new')));

    const services = await findNewServices(changes, config.services, {
      composeFiles: allComposeFiles,
      ignoreCase: input.ignoreCase,
    });
    if (services.length === 0) return [];

    // Compose files changed in the change usually settle it without listing the repository.
    const changedPaths = findComposeFiles(
      changes.files.filter((f) => f.status !== 'D').map((f) => f.path),
      config,
    );
    const changedCompose = await readComposeFiles(changes, changedPaths, 'new');
    const buildersIn = (files: ComposeFile[], dir: string): Builder[] =>
      files.flatMap((file) =>
        file.services.filter((s) => s.build && buildsDirectory(s.build, dir)).map((service) => ({ file, service })),
      );

    const findings: RawFinding[] = [];
    for (const svc of services) {
      let builders = buildersIn(changedCompose, svc.dir);
      let compose = changedCompose;
      if (builders.length === 0) {
        compose = await allComposeFiles();
        if (compose.length === 0) return []; // a project without compose files is not asked for one
        builders = buildersIn(compose, svc.dir);
      }

      const ownDockerfiles = changes.files
        .filter(
          (f) =>
            f.status !== 'D' &&
            !f.submodule &&
            isDockerfile(f.path) &&
            f.path.slice(0, f.path.lastIndexOf('/')) === svc.dir,
        )
        .map((f) => f.path)
        .sort((a, b) => Number(b.endsWith('/Dockerfile')) - Number(a.endsWith('/Dockerfile')) || a.localeCompare(b));
      const named = [...new Set(builders.map((b) => b.service.build!.dockerfile).filter((d): d is string => !!d))];
      const namedExisting = (await Promise.all(named.map((d) => changes.exists(d, 'new')))).some(Boolean);
      const hasDockerfile = namedExisting || ownDockerfiles.length > 0 || builders.some((b) => b.service.build!.inline);
      const built = builders.length > 0;
      if (hasDockerfile && built) continue;

      const markers = svc.markers.map((m) => m.slice(m.lastIndexOf('/') + 1)).join(', ');
      const target = suggestComposeFile(compose.length > 0 ? compose : await allComposeFiles(), svc.dir);
      const snippet = composeSnippet({ dir: svc.dir, composeFile: target, dockerfile: ownDockerfiles[0] });
      const dockerfileToAdd = named.find((d) => d.startsWith(svc.dir + '/')) ?? `${svc.dir}/Dockerfile`;
      const missingNamed =
        !namedExisting && named.length > 0
          ? ` (${builders[0].file.file} names ${named.join(', ')}, which does not exist)`
          : '';
      const intro = `${svc.dir} is a new service (${markers} added)`;
      let message: string;
      let fix: string;
      if (!hasDockerfile && !built) {
        message = `${intro} with no Dockerfile and no compose service that builds it. Add ${dockerfileToAdd}, and add to ${target}:\n\n${snippet}`;
        fix = `Create ${dockerfileToAdd}, then add to ${target}:\n${snippet}`;
      } else if (!built) {
        message = `${intro} but no compose service builds it. Add to ${target}:\n\n${snippet}`;
        fix = `Add to ${target}:\n${snippet}`;
      } else {
        message = `${intro} with no Dockerfile${missingNamed}. Add ${dockerfileToAdd}.`;
        fix = `Create ${dockerfileToAdd}`;
      }
      fix += `\n(Not a service? Add "${svc.dir}" to services.ignore in the orch configuration.)`;
      const commit = firstCommitAdding(changes, svc.markers);
      findings.push({ rule: 'new-service-container', path: svc.dir, message, fix, ...(commit ? { commit } : {}) });
    }
    return findings;
  },
};

/** In a range, the first commit that added one of `paths`: where the service appeared. */
function firstCommitAdding(changes: ChangeSet, paths: string[]): string | undefined {
  for (const c of changes.commits ?? []) {
    if (c.files.some((f) => paths.includes(f.path) && (f.status === 'A' || f.status === 'C' || f.status === 'R')))
      return c.commit?.sha;
  }
  return undefined;
}
