// Import cycles between modules, found with TypeScript's own parser and module resolution (the
// `typescript` package the repo already builds with: exports maps, workspace links, Bundler rules).
// Syntax only, no type checking: the whole repository takes about a second on one core.
// Type-only imports and exports are skipped: they vanish at run time and cannot form a load-order cycle.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const OPTIONS: ts.CompilerOptions = {
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  resolveJsonModule: true,
  allowJs: false,
  jsx: ts.JsxEmit.ReactJSX,
};
const SKIP_DIRS = new Set(['node_modules', 'dist', '.next', 'generated', '.reports', '.tmp', 'test-results', 'public']);

/** Every .ts/.tsx file under `dirs` (no declaration files, no build output). */
export function sourceFiles(dirs: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) {
        if (!SKIP_DIRS.has(name)) walk(full);
      } else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(full);
    }
  };
  for (const d of dirs) walk(d);
  return out;
}

/** The modules a file loads at run time (static imports, re-exports, dynamic import() with a literal). */
export function runtimeImports(file: string, text = readFileSync(file, 'utf8')): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const specs: string[] = [];
  const literal = (n: ts.Node | undefined) => (n && ts.isStringLiteral(n) ? n.text : undefined);
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const typeOnly =
        clause?.isTypeOnly ||
        (clause && !clause.name && clause.namedBindings && ts.isNamedImports(clause.namedBindings) && clause.namedBindings.elements.length > 0 && clause.namedBindings.elements.every((e) => e.isTypeOnly));
      const s = literal(node.moduleSpecifier);
      if (s && !typeOnly) specs.push(s);
    } else if (ts.isExportDeclaration(node)) {
      const typeOnly = node.isTypeOnly || (node.exportClause && ts.isNamedExports(node.exportClause) && node.exportClause.elements.length > 0 && node.exportClause.elements.every((e) => e.isTypeOnly));
      const s = literal(node.moduleSpecifier);
      if (s && !typeOnly) specs.push(s);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const s = literal(node.arguments[0]);
      if (s) specs.push(s);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return specs;
}

/** file → the project files it imports (resolved; packages outside `files` are left out). */
export function importGraph(files: string[]): Map<string, string[]> {
  const known = new Set(files);
  const cache = ts.createModuleResolutionCache(process.cwd(), (f) => f, OPTIONS);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const targets = new Set<string>();
    for (const spec of runtimeImports(file)) {
      const resolved = ts.resolveModuleName(spec, file, OPTIONS, ts.sys, cache).resolvedModule?.resolvedFileName;
      if (resolved && known.has(resolved)) targets.add(resolved);
    }
    graph.set(file, [...targets]);
  }
  return graph;
}

/** The import cycles (strongly connected components of more than one file, or a file importing itself). */
export function findCycles(graph: Map<string, string[]>): string[][] {
  // Tarjan's algorithm, iterative (deep import chains must not overflow the stack).
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  for (const start of graph.keys()) {
    if (index.has(start)) continue;
    const work: { node: string; edge: number }[] = [{ node: start, edge: 0 }];
    index.set(start, next);
    low.set(start, next++);
    stack.push(start);
    onStack.add(start);
    while (work.length) {
      const top = work[work.length - 1]!;
      const edges = graph.get(top.node) ?? [];
      if (top.edge < edges.length) {
        const to = edges[top.edge++]!;
        if (!index.has(to)) {
          index.set(to, next);
          low.set(to, next++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, edge: 0 });
        } else if (onStack.has(to)) low.set(top.node, Math.min(low.get(top.node)!, index.get(to)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(top.node)!));
      if (low.get(top.node) === index.get(top.node)) {
        const scc: string[] = [];
        let n: string;
        do {
          n = stack.pop()!;
          onStack.delete(n);
          scc.push(n);
        } while (n !== top.node);
        if (scc.length > 1 || (graph.get(top.node) ?? []).includes(top.node)) cycles.push(scc.sort());
      }
    }
  }
  return cycles;
}
