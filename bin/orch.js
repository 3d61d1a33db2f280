#!/usr/bin/env node
// Starts orch. A hook runs on every commit, and compiling the CLI's code is a large part of
// what it costs to start: so the CLI (dist/cli.cjs) is compiled through V8's code cache,
// kept per user in ~/.cache/orchguard (XDG_CACHE_HOME), one file for hooks, one for the
// edit hooks and one for the other commands per installed copy and Node.js version, each
// written by the first run of its kind with the functions that run compiled in. V8 checks a
// cache against the code and its own version and rejects any that does not fit; then, or
// whenever the cache cannot be used, orch starts without it. ORCH_NO_CODE_CACHE=1 turns it off.
// This file is CommonJS (bin/package.json): Node.js starts an ES module entry ~20 ms
// slower, which the hooks a harness runs before every edit cannot afford.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const file = path.join(__dirname, '..', 'dist', 'cli.cjs');
// the CLI's lazy parts are ES modules beside it (dist/lazy-*.js): loaded from here
globalThis.__orchImport = (specifier) => import(new URL(specifier, require('node:url').pathToFileURL(file)).href);

// The hooks a coding-agent harness runs around every edit start in the smallest bundle
// (dist/edit-fast.cjs, src/cli/editFastEntry.ts: ~20 KB, loaded with a plain require — the
// code cache costs more than it saves at that size); it hands over to a small bundle of
// their own (dist/edit-hook.cjs, src/cli/editHookEntry.ts), which hands over to the CLI
// when the case is not a common one.
const EDIT_HOOKS = new Set(['guard', 'post-edit']);
const fastFile = path.join(path.dirname(file), 'edit-fast.cjs');
const editFile = path.join(path.dirname(file), 'edit-hook.cjs');

function hash(parts) {
  let h = 0;
  for (const s of parts) for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return (h >>> 0).toString(36);
}

// <kind>-<copy>-<build>.v8cache: one cache per copy of orch (the bundle's path) and Node.js
// version, so installs do not evict each other; the build part (size and mtime of the
// bundle) changes with every new build of that copy, whose cache then replaces the old one.
function cacheFile(source, target, kind) {
  if (process.env.ORCH_NO_CODE_CACHE) return null;
  const home = process.env.HOME || process.env.USERPROFILE;
  const root = process.env.XDG_CACHE_HOME || (home ? path.join(home, '.cache') : null);
  if (!root || !path.isAbsolute(root)) return null;
  let mtime = '';
  try {
    mtime = String(fs.statSync(target).mtimeMs);
  } catch {
    // the size alone, then
  }
  const copy = `${kind}-${hash([target, process.version])}-`;
  return {
    dir: path.join(root, 'orchguard'),
    copy,
    path: path.join(root, 'orchguard', `${copy}${hash([String(source.length), mtime])}.v8cache`),
  };
}

// Removes what the new cache replaces: this copy's caches of earlier builds, caches named
// the way earlier versions of orch named them (<kind>-<hash>.v8cache, one per build), and
// temporary files of runs that did not finish.
function removeReplaced(cache) {
  let names;
  try {
    names = fs.readdirSync(cache.dir);
  } catch {
    return;
  }
  const mine = path.basename(cache.path);
  for (const n of names) {
    const tmp = /\.v8cache\.(\d+)$/.exec(n);
    const stale = n !== mine && (n.startsWith(cache.copy) || /^(hook|cli|edit)-[0-9a-z]+\.v8cache$/.test(n));
    if (!stale && !(tmp && Number(tmp[1]) !== process.pid && !alive(Number(tmp[1])))) continue;
    try {
      fs.unlinkSync(path.join(cache.dir, n));
    } catch {
      // gone already
    }
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

/** Compiles a CommonJS bundle through the code cache and returns its exports. */
function load(target, kind) {
  const source = fs.readFileSync(target, 'utf8');
  const cache = cacheFile(source, target, kind);
  let cachedData;
  if (cache) {
    try {
      cachedData = fs.readFileSync(cache.path);
    } catch {
      // none yet
    }
  }
  const vm = require('node:vm');
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: target,
    cachedData,
  });
  if (cache && (!cachedData || script.cachedDataRejected)) {
    // written at exit: by then the functions this run needed are compiled, and go in too
    process.once('exit', () => {
      try {
        fs.mkdirSync(cache.dir, { recursive: true, mode: 0o700 });
        const tmp = `${cache.path}.${process.pid}`;
        fs.writeFileSync(tmp, script.createCachedData(), { mode: 0o600 });
        fs.renameSync(tmp, cache.path);
        removeReplaced(cache);
      } catch {
        // an unwritable cache directory: start without a cache next time too
      }
    });
  }
  const module = { exports: {} };
  script.runInThisContext()(module.exports, require, module, target, path.dirname(target));
  return module.exports;
}

function start() {
  load(file, process.argv[2] === 'hook' ? 'hook' : 'cli');
}

/** Runs one tier of the edit hooks; the next one when it cannot answer (null) or fails. */
function tier(loadTier, run, next) {
  let exported;
  try {
    exported = loadTier();
  } catch {
    exported = null;
  }
  if (!exported) return next();
  let answered;
  try {
    answered = run(exported);
  } catch {
    return next(); // a bundle of another build, without the entry this one calls
  }
  answered.then(
    (code) => (code === null ? next() : (process.exitCode = code)),
    () => next(),
  );
}

function quick() {
  if (!fs.existsSync(editFile)) return start();
  tier(
    () => load(editFile, 'edit'),
    (m) => m.runFast(process.argv.slice(2)),
    start,
  );
}

if (EDIT_HOOKS.has(process.argv[2]) && !process.env.ORCH_NO_FAST_HOOKS)
  tier(
    () => require(fastFile),
    (m) => m.runFastest(process.argv.slice(2)),
    quick,
  );
else start();
