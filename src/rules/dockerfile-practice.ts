// docker-expert's checklist, automated: the practices reviewers ask for first, reported on
// added or changed Dockerfiles as warnings that quote the line and give the fix.
import { isDockerfile } from '../compose/isDockerfile.js';
import { lastCommitTouching } from '../compose/lastCommitTouching.js';
import { practiceOptions } from '../compose/practiceOptions.js';
import type { RawFinding } from '../types.js';
import type { Rule } from './rule.js';

export const rule: Rule = {
  id: 'dockerfile-practice',
  defaultSeverity: () => 'warning',
  summary:
    'Added or changed Dockerfiles follow the practices docker-expert asks for first (non-root, pinned base, COPY, exec form, …).',
  docs: `dockerfile-practice — docker-expert's first questions, asked before the review.

Each added or changed Dockerfile is checked for:
  root-user       the final stage runs as root: no USER (or USER root / 0) after its FROM
                  (a stage built FROM an earlier stage inherits that stage's USER; a base
                  tagged *nonroot* / *rootless* counts as non-root)
  floating-base   a base image without a tag, or tagged latest (digests, scratch, earlier
                  stages and images named through variables are not checked)
  add-for-copy    ADD of local files, where COPY does the same without ADD's archive and
                  URL handling (ADD of a URL, a git source or a tar archive is fine)
  shell-form      CMD or ENTRYPOINT in shell form: the process runs under /bin/sh -c and
                  does not receive SIGTERM
  secret-name     an ENV or ARG named like a secret (*_PASSWORD, *_TOKEN, *_SECRET, *_KEY):
                  its value stays in the image's history
  apt-recommends  apt-get install without --no-install-recommends
  apt-lists       apt-get install without rm -rf /var/lib/apt/lists/* in the same RUN
                  (a RUN --mount=type=cache on /var/lib/apt is fine)
  no-healthcheck  the service publishes a port (EXPOSE in the final stage, or a compose
                  service building the Dockerfile publishes one) and neither the final
                  stage nor the compose service defines a health check
Each finding quotes the line and gives the fix. The review request orch records for the
container reviewer lists the same items in its State cell ("check first: root-user line
1, …"), so the reviewer starts from them.

Warnings by default at every stage; set rules["dockerfile-practice"] to "error" to block,
or "off".

Why: the protocol sends every container change to docker-expert; these are the items
such a review asks about first, found before anyone has to ask.

Config: rules["dockerfile-practice"], services.compose (compose files read for ports).`,

  async check(input) {
    const changes = input.range ?? input.changes;
    const paths = changes.files
      .filter((f) => !f.submodule && f.status !== 'D' && f.status !== 'U' && isDockerfile(f.path))
      .map((f) => f.path);
    if (paths.length === 0) return [];
    const { dockerfilePractices } = await import('../compose/dockerfilePractices.js');
    const [texts, optionsFor] = await Promise.all([
      Promise.all(paths.map((p) => changes.read(p, 'new'))),
      practiceOptions(changes, input.config),
    ]);
    const findings: RawFinding[] = [];
    paths.forEach((path, i) => {
      const text = texts[i];
      if (text === null) return;
      const options = optionsFor(path);
      const commit = lastCommitTouching(changes, path);
      for (const p of dockerfilePractices(text, options)) {
        findings.push({
          rule: 'dockerfile-practice',
          path,
          line: p.line,
          ...(commit ? { commit } : {}),
          message: `${path}:${p.line} "${p.quote}": ${p.message} [${p.id}].`,
          fix: p.fix,
        });
      }
    });
    return findings;
  },
};
