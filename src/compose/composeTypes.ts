// The shapes compose reading produces. A compose file is read into data, never thrown
// at: parse errors and shape errors are part of the result, with lines for findings.

export interface ComposeProblem {
  message: string;
  /** 1-based. */
  line: number;
  /** 1-based, when known. */
  column?: number;
}

/** Why a build context or Dockerfile cannot be checked inside the repository. */
export type ExternalReason = 'remote' | 'absolute' | 'outside' | 'unresolved';

export interface ComposeBuild {
  /** Line of the `build` key. */
  line: number;
  /** The context as written, after interpolation ("." when not given). */
  contextRaw: string;
  /** Repository-relative directory, '' for the repository root; null when it cannot be checked. */
  context: string | null;
  contextLine: number;
  /**
   * The mapping form gave no `context`: compose takes "." — unless another compose file
   * layered under this one (an override) sets it, so paths built on it are not certain.
   */
  contextImplicit?: boolean;
  /** Why `context` is null. */
  contextExternal?: ExternalReason;
  /** The dockerfile as written, after interpolation; absent when not given. */
  dockerfileRaw?: string;
  /** Repository-relative Dockerfile path (default `<context>/Dockerfile`); null when inline or not checkable. */
  dockerfile: string | null;
  dockerfileLine: number;
  dockerfileExternal?: ExternalReason;
  /** `dockerfile_inline`: there is no Dockerfile to look for. */
  inline?: boolean;
  target?: string;
  /** Variables named in context or dockerfile that have no value and no default. */
  unresolved: string[];
}

export interface ComposeService {
  name: string;
  /** Line of the service's key. */
  line: number;
  build?: ComposeBuild;
  image?: string;
  profiles: string[];
  /** `extends`; `file` repository-relative when given. */
  extends?: { service: string; file?: string };
  /** `build` is present (even when it could not be read). */
  hasBuild?: boolean;
  /** `healthcheck` is present and not disabled. */
  healthcheck?: boolean;
  /** What the service refers to (depends_on, networks, …), for the cross-reference checks. */
  refs?: ServiceRefs;
}

/** A name a service refers to, with the line it is written on. */
export interface ComposeRef {
  name: string;
  line: number;
}

/** A host port (or range) a service publishes. */
export interface HostPort {
  /** The host address; '' for all of them. */
  ip: string;
  from: number;
  to: number;
  protocol: string;
  line: number;
  /** As written, after interpolation. */
  text: string;
}

export interface ServiceRefs {
  dependsOn: ComposeRef[];
  networks: ComposeRef[];
  volumes: ComposeRef[];
  secrets: ComposeRef[];
  configs: ComposeRef[];
  ports: HostPort[];
  envFiles: { path: string; written: string; required: boolean; line: number }[];
}

export interface ComposeFile {
  /** Repository-relative path of the compose file. */
  file: string;
  /** Its directory, '' for the repository root. */
  dir: string;
  services: ComposeService[];
  /** Files named by top-level `include`, repository-relative. */
  includes: string[];
  /** Names declared at the top level (`networks:`, `volumes:`, `secrets:`, `configs:`). */
  declared?: { networks: string[]; volumes: string[]; secrets: string[]; configs: string[] };
  /** Why the file, or parts of it, could not be read. Empty when it parsed. */
  errors: ComposeProblem[];
  /** The parsed document as plain data (for schema validation); undefined when it did not parse. */
  data?: unknown;
  /** The line of the key at a data path (e.g. ['services', 'web', 'build']); the nearest existing parent's line otherwise. */
  lineAt?: (path: readonly (string | number)[]) => number;
}
