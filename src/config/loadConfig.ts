// Finds and loads the repository's configuration. Only the repository root is searched
// (never its parents: a config above the repository belongs to someone else). The
// usual `.orchrc.json` (and package.json#orch) is read here with fs + JSON.parse;
// cosmiconfig is imported only when a YAML or JavaScript candidate exists, since every
// millisecond of a hook counts.
import { accessSync, constants, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { OrchError, isOrchError } from '../errors.js';
import { CONFIG_SEARCH_PLACES } from './configSearchPlaces.js';
import { parseConfigSyntax } from './parseConfigSyntax.js';
import { readConfigFile } from './readConfigFile.js';
import type { Config } from './schema.js';
import { readConfigCache, writeConfigCache } from './configCache.js';

export interface LoadedConfig {
  config: Config;
  /** Absolute path of the file the configuration came from; null when the defaults apply. */
  filepath: string | null;
}

export interface LoadConfigOptions {
  /**
   * A directory for a cache of validated configurations keyed by content (the git dir's
   * orch/ folder): a hit skips loading zod, the largest part of a hook's start-up.
   */
  cacheDir?: string;
}

/** The schema and its validator, loaded only when a configuration must be validated. */
async function validate(raw: unknown, shownAs: string): Promise<Config> {
  const { parseConfig } = await import('./parseConfig.js');
  return parseConfig(raw, shownAs);
}

export async function loadConfig(top: string, options: LoadConfigOptions = {}): Promise<LoadedConfig> {
  const dir = resolve(top);
  for (const name of CONFIG_SEARCH_PLACES) {
    const file = join(dir, name);
    if (name === '.orchrc.json' || name === 'package.json') {
      const text = readConfigFile(file);
      if (text === null) continue;
      const cached = options.cacheDir ? readConfigCache(options.cacheDir, file, text) : undefined;
      if (cached) return { config: cached, filepath: file };
      let raw = parseConfigSyntax(text, file);
      let shownAs = file;
      if (name === 'package.json') {
        if (!isObject(raw) || raw.orch === undefined) continue;
        raw = raw.orch;
        shownAs = `${file} (key "orch")`;
      }
      // cosmiconfig's "$import" merges other files; let it do that rather than copy it.
      if (isObject(raw) && Object.hasOwn(raw, '$import')) return loadWithCosmiconfig(dir);
      const config = await validate(raw, shownAs);
      if (options.cacheDir) writeConfigCache(options.cacheDir, file, text, config);
      return { config, filepath: file };
    }
    if (isReadableFile(file)) return loadWithCosmiconfig(dir);
  }
  const cached = options.cacheDir ? readConfigCache(options.cacheDir, '', '') : undefined;
  if (cached) return { config: cached, filepath: null };
  const config = await validate({}, 'the default configuration');
  if (options.cacheDir) writeConfigCache(options.cacheDir, '', '', config);
  return { config, filepath: null };
}

async function loadWithCosmiconfig(dir: string): Promise<LoadedConfig> {
  // CommonJS: bundled, a dynamic import hands back module.exports as `default` only
  const mod = (await import('cosmiconfig')) as typeof import('cosmiconfig') & {
    default?: typeof import('cosmiconfig');
  };
  const cosmiconfig = typeof mod.cosmiconfig === 'function' ? mod.cosmiconfig : mod.default!.cosmiconfig;
  // Our own parsers for text formats, so syntax errors read the same on every path.
  const text = (filepath: string, content: string) => parseConfigSyntax(content, filepath);
  const explorer = cosmiconfig('orch', {
    searchPlaces: [...CONFIG_SEARCH_PLACES],
    searchStrategy: 'none',
    ignoreEmptySearchPlaces: false,
    cache: false,
    loaders: { '.json': text, '.yaml': text, '.yml': text, noExt: text },
  });
  let result: Awaited<ReturnType<typeof explorer.search>>;
  try {
    result = await explorer.search(dir);
  } catch (e) {
    if (isOrchError(e)) throw e;
    const file = (e as { filepath?: string }).filepath ?? dir;
    throw new OrchError(`${file}: the configuration could not be loaded: ${firstLine(e)}`, {
      hint: 'Fix the error in that file (run it with node to see the full error), or use .orchrc.json instead.',
      cause: e,
    });
  }
  if (result === null) return { config: await validate({}, 'the default configuration'), filepath: null };
  const file = result.filepath;
  if (result.isEmpty) {
    if (/\.[mc]?js$/.test(file)) {
      throw new OrchError(`${file} exports no configuration.`, {
        hint: 'Export it as the default export: export default { statusFile: "WORK_STATUS.md" }.',
      });
    }
    // cosmiconfig skips the parser for blank files; the parser words the empty-file error.
    parseConfigSyntax('', file);
  }
  const shownAs = basename(file) === 'package.json' ? `${file} (key "orch")` : file;
  return { config: await validate(result.config, shownAs), filepath: file };
}

function isReadableFile(file: string): boolean {
  let isFile = false;
  try {
    isFile = statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    // ENOTDIR and the like: nothing there to load.
  }
  if (!isFile) return false;
  try {
    accessSync(file, constants.R_OK);
  } catch (e) {
    throw new OrchError(`${file} cannot be read: permission denied.`, {
      hint: `Make it readable (chmod a+r "${file}") or remove it.`,
      cause: e,
    });
  }
  return true;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0];
}
