// What the compose files say about a Dockerfile that its text does not: whether a service
// building it publishes a host port, and whether every such service has its own
// healthcheck (dockerfile-practice's no-healthcheck).
import type { ChangeSet } from '../types.js';
import { findComposeFiles, type ComposeFilesConfig } from './findComposeFiles.js';
import type { PracticeOptions } from './dockerfilePractices.js';
import { readComposeFiles } from './readComposeFiles.js';

export async function practiceOptions(
  changes: ChangeSet,
  config: ComposeFilesConfig,
): Promise<(dockerfile: string) => PracticeOptions> {
  const paths = findComposeFiles(await changes.listFiles('new'), config);
  const services = paths.length === 0 ? [] : (await readComposeFiles(changes, paths, 'new')).flatMap((f) => f.services);
  return (dockerfile) => {
    const builders = services.filter((s) => s.build?.dockerfile === dockerfile);
    return {
      publishesPort: builders.some((s) => (s.refs?.ports.length ?? 0) > 0),
      healthcheckInCompose: builders.length > 0 && builders.every((s) => s.healthcheck),
    };
  };
}
