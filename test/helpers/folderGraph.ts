// Which folders of src/ import which: every relative import, `export … from`, `import type`
// and dynamic import() counts (a type-only import still ties two folders together).
// src/index.ts, the library's entry, is its own node "index"; the other files at the top
// of src/ (errors, types, shellQuote) are the node ".".
import path from 'node:path';
import ts from 'typescript';
import type { SourceFile } from './sourceSizes.js';

/** folder → folder → the imports that make the edge ("src/a/b.ts → ../c/d.js") */
export type FolderGraph = Map<string, Map<string, string[]>>;

export function folderOf(file: string): string {
  const parts = file.split('/');
  if (parts.length > 2) return parts[1];
  return file === 'src/index.ts' ? 'index' : '.';
}

export function folderGraph(files: SourceFile[]): FolderGraph {
  const graph: FolderGraph = new Map();
  for (const f of files) {
    const from = folderOf(f.file);
    if (!graph.has(from)) graph.set(from, new Map());
    for (const spec of importsOf(f)) {
      if (!spec.startsWith('.')) continue;
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(f.file), spec)).replace(/\.js$/, '.ts');
      const to = folderOf(target);
      if (to === from) continue;
      const edges = graph.get(from)!;
      if (!edges.has(to)) edges.set(to, []);
      edges.get(to)!.push(`${f.file} → ${spec}`);
    }
  }
  return graph;
}

function importsOf(f: SourceFile): string[] {
  const sf = ts.createSourceFile(f.file, f.text, ts.ScriptTarget.Latest, true);
  const specs: string[] = [];
  const visit = (node: ts.Node) => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      specs.push(node.moduleSpecifier.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      specs.push(node.arguments[0].text);
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      specs.push(node.argument.literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return specs;
}

/** The strongly connected groups of more than one folder (Tarjan): each is an import cycle. */
export function folderCycles(graph: FolderGraph): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const cycles: string[][] = [];
  const connect = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!idx.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) cycles.push(group.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!idx.has(v)) connect(v);
  return cycles;
}
