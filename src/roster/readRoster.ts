// The roster: the agents a project defines as markdown files with YAML front matter (the
// `name` key), such as Claude Code's `.claude/agents/*.md`. Read with gray-matter, which is
// loaded only when a definition file changed: the parsed roster is kept in
// .git/orch/roster-cache.json, keyed by each file's path, size and modification time, so a
// commit pays a few directory reads (README: WORK_STATUS.md, "Who the agents are").
import fs from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { writeCacheFile } from '../fs/writeCacheFile.js';

/** Where agent definitions are looked for when `agentDefinitions` is not configured. */
export const DEFAULT_DEFINITIONS = [
  '.claude/agents/**/*.md',
  '.github/agents/*.md',
  '.gemini/agents/*.md',
  '.codex/agents/*.md',
  '.cursor/agents/*.md',
  '.opencode/agent/*.md',
  'agents/*.md',
];

export interface RosterAgent {
  name: string;
  /** Repository-relative definition file. */
  file: string;
}

export interface Roster {
  agents: RosterAgent[];
  /** The globs that were searched. */
  globs: string[];
}

const CACHE_VERSION = 1;
const MAX_FILES = 500;
const MAX_DEPTH = 6;

/** The roster of the working tree at `top`, or null when no definition file names an agent. */
export async function readRoster(
  top: string,
  globs: string[] | undefined,
  cacheDir: string | null,
): Promise<Roster | null> {
  const patterns = globs?.length ? globs : DEFAULT_DEFINITIONS;
  const files = listDefinitions(top, patterns);
  if (files.length === 0) return null;
  const key = files.map((f) => `${f.file}\0${f.size}\0${f.mtime}`).join('\n') + `\n${patterns.join('\n')}`;
  const cacheFile = cacheDir ? path.join(cacheDir, 'roster-cache.json') : null;
  if (cacheFile) {
    try {
      const raw = JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as {
        v?: number;
        key?: string;
        agents?: RosterAgent[];
      };
      if (raw.v === CACHE_VERSION && raw.key === key && Array.isArray(raw.agents))
        return raw.agents.length ? { agents: raw.agents, globs: patterns } : null;
    } catch {
      // none yet, or unreadable: parse
    }
  }
  const { default: matter } = await import('gray-matter');
  const agents: RosterAgent[] = [];
  for (const f of files) {
    try {
      const text = fs.readFileSync(path.join(top, f.file), 'utf8');
      if (!text.startsWith('---')) continue;
      const name = (matter(text).data as { name?: unknown }).name;
      if (typeof name === 'string' && name.trim()) agents.push({ name: name.trim(), file: f.file });
    } catch {
      // a definition with broken front matter names nobody
    }
  }
  if (cacheFile) writeCacheFile(cacheFile, { v: CACHE_VERSION, key, agents });
  return agents.length ? { agents, globs: patterns } : null;
}

/** Definition files matching the globs: only the globs' own directories are read. */
function listDefinitions(top: string, globs: string[]): Array<{ file: string; size: number; mtime: number }> {
  const out = new Map<string, { file: string; size: number; mtime: number }>();
  for (const glob of globs) {
    const base = glob.split('/').findIndex((part) => /[*?[\]{}]/.test(part));
    const dir = base < 0 ? path.posix.dirname(glob) : glob.split('/').slice(0, base).join('/');
    const match = picomatch(glob, { dot: true });
    walk(top, dir, 0, (rel, st) => {
      if (out.size < MAX_FILES && match(rel)) out.set(rel, { file: rel, size: st.size, mtime: st.mtimeMs });
    });
  }
  return [...out.values()].sort((a, b) => (a.file < b.file ? -1 : 1));
}

function walk(top: string, dir: string, depth: number, visit: (rel: string, st: fs.Stats) => void): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(path.join(top, dir), { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const rel = dir && dir !== '.' ? `${dir}/${e.name}` : e.name;
    if (e.isDirectory()) {
      if (depth < MAX_DEPTH && e.name !== 'node_modules' && e.name !== '.git') walk(top, rel, depth + 1, visit);
    } else if (e.isFile() && e.name.endsWith('.md')) {
      try {
        visit(rel, fs.statSync(path.join(top, rel)));
      } catch {
        // gone meanwhile
      }
    }
  }
}
