// Sizes in src/: lines per file, and lines per function (declarations, methods, arrow
// functions and function expressions, each measured from its first line to its last), read
// with the TypeScript parser so strings and comments cannot fool the count.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export interface SourceFile {
  /** Path from the repository root, with forward slashes. */
  file: string;
  text: string;
}

export function sourceFiles(root: string): SourceFile[] {
  const src = path.join(root, 'src');
  return (fs.readdirSync(src, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.ts'))
    .sort()
    .map((f) => ({ file: `src/${f.split(path.sep).join('/')}`, text: fs.readFileSync(path.join(src, f), 'utf8') }));
}

export function lineCount(text: string): number {
  return text.endsWith('\n') ? text.split('\n').length - 1 : text.split('\n').length;
}

export interface FunctionSize {
  /** file:name, name as a reader would look for it (class.method, or <anonymous>@line). */
  id: string;
  lines: number;
}

export function functionSizes(f: SourceFile): FunctionSize[] {
  const sf = ts.createSourceFile(f.file, f.text, ts.ScriptTarget.Latest, true);
  const out: FunctionSize[] = [];
  const line = (pos: number) => sf.getLineAndCharacterOfPosition(pos).line;
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const lines = line(node.getEnd()) - line(node.getStart(sf)) + 1;
      out.push({ id: `${f.file}:${nameOf(node, sf)}`, lines });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  // two unnamed functions in one function share a name: the larger one speaks for both
  const largest = new Map<string, number>();
  for (const s of out) largest.set(s.id, Math.max(largest.get(s.id) ?? 0, s.lines));
  return [...largest].map(([id, lines]) => ({ id, lines }));
}

function nameOf(node: ts.Node, sf: ts.SourceFile): string {
  const named = (node as { name?: ts.Node }).name;
  if (named && (ts.isIdentifier(named) || ts.isStringLiteral(named))) {
    const owner = node.parent && ts.isClassLike(node.parent) && node.parent.name ? `${node.parent.name.text}.` : '';
    return owner + named.text;
  }
  // `const name = (…) => …` and `name: function (…) {…}` take the name they are given
  const p = node.parent;
  if (p && (ts.isVariableDeclaration(p) || ts.isPropertyAssignment(p)) && ts.isIdentifier(p.name)) return p.name.text;
  // an unnamed function is named after the function around it (line numbers move)
  for (let up = node.parent; up; up = up.parent) {
    if (ts.isFunctionLike(up) && up !== node) return `${nameOf(up, sf)}/<anonymous>`;
  }
  return '<anonymous>';
}
