// No import cycle between the folders of src/: each folder builds only on folders below it
// (see ARCHITECTURE.md for the layers). A cycle is reported with the imports that make it.
import { describe, expect, it } from 'vitest';
import { folderCycles, folderGraph } from '../../helpers/folderGraph.js';
import { sourceFiles } from '../../helpers/sourceSizes.js';
import { ROOT } from '../../helpers/tempRepo.js';

describe('imports between the folders of src/', () => {
  const graph = folderGraph(sourceFiles(ROOT));

  it('form no cycle', () => {
    const explained = folderCycles(graph).map((group) => {
      const edges: string[] = [];
      for (const from of group) {
        for (const [to, imports] of graph.get(from) ?? []) {
          if (group.includes(to))
            edges.push(
              `  ${from} → ${to}: ${imports.slice(0, 3).join(', ')}${imports.length > 3 ? ` (+${imports.length - 3})` : ''}`,
            );
        }
      }
      return `cycle between ${group.join(', ')}:\n${edges.join('\n')}`;
    });
    expect(explained.join('\n')).toBe('');
  });

  it("keep the lowest layers free of orch's upper layers", () => {
    // what the shared leaves, git and identity may import (ARCHITECTURE.md, "Folders")
    const allowed: Record<string, string[]> = { '.': [], text: ['.'], git: ['.', 'text'], identity: ['.', 'config'] };
    for (const [low, may] of Object.entries(allowed)) {
      const imports = [...(graph.get(low)?.keys() ?? [])].filter((to) => !may.includes(to));
      expect(imports, `src/${low} imports ${imports.map((to) => graph.get(low)!.get(to)![0]).join(', ')}`).toEqual([]);
    }
  });

  it('sees a cycle when there is one', () => {
    const files = [
      { file: 'src/a/x.ts', text: "import { y } from '../b/y.js';" },
      { file: 'src/b/y.ts', text: "import type { z } from '../c/z.js';" },
      { file: 'src/c/z.ts', text: "export const z = () => import('../a/x.js');" },
      { file: 'src/d/w.ts', text: "export * from '../a/x.js';" },
    ];
    expect(folderCycles(folderGraph(files))).toEqual([['a', 'b', 'c']]);
  });
});
