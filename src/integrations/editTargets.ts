// The absolute paths one tool call edits: named by an edit tool, by an apply_patch's
// headers, or written by a shell command (parsed; the parser loads only when needed).
import { applyPatchPaths, looksLikePatch } from './applyPatchPaths.js';
import type { EditTarget } from './parseGuardInput.js';

export interface Targets {
  paths: string[];
  /** Some target of a shell command could not be known (it is allowed; the commit hook checks). */
  unknown: boolean;
}

export async function editTargets(edit: EditTarget, cwd: string): Promise<Targets> {
  switch (edit.kind) {
    case 'none':
      return { paths: [], unknown: false };
    case 'paths':
      return { paths: edit.paths, unknown: false };
    case 'patch':
      return { paths: applyPatchPaths(edit.text, cwd), unknown: false };
    case 'shell': {
      // Codex may run apply_patch through its shell tool: the patch's headers say what it edits
      if (looksLikePatch(edit.command)) return { paths: applyPatchPaths(edit.command, cwd), unknown: false };
      const { shellWritePaths } = await import('./shellWritePaths.js');
      return shellWritePaths(edit.command, cwd);
    }
  }
}
