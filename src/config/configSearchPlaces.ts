// Where configuration is looked for, in order; the first file that holds configuration
// wins. Shared by the local loader and by callers that read files from git (CI reads
// the base revision), so both agree on which file counts.
export const CONFIG_SEARCH_PLACES = [
  '.orchrc.json',
  '.orchrc',
  '.orchrc.yaml',
  '.orchrc.yml',
  'orch.config.js',
  'orch.config.mjs',
  'package.json',
] as const;
