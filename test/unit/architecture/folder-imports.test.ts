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

  it('import only folders of a lower layer', () => {
    // the layers of ARCHITECTURE.md ("Folders"), lowest first: a folder builds only on those before it
    const layers = [
      '.',
      'text',
      'fs',
      'git',
      'match',
      'config',
      'identity',
      'locks',
      'status',
      'roster',
      'compose',
      'rules',
      'report',
      'integrations',
      'store',
      'remote',
      'check',
      'range',
      'record',
      'tasks',
      'agent',
      'setup',
      'cli',
      'index',
    ];
    const upward: string[] = [];
    for (const [from, edges] of graph) {
      if (!layers.includes(from)) upward.push(`src/${from} is not in a layer of ARCHITECTURE.md`);
      for (const [to, imports] of edges) {
        if (layers.indexOf(to) >= layers.indexOf(from)) upward.push(`${from} → ${to}: ${imports[0]}`);
      }
    }
    expect(upward).toEqual([]);
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
