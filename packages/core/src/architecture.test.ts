// The house rules of docs/ARCHITECTURE.md, checked: no import cycles between files or between folders,
// no hand-written source file over 400 lines, and a browser entry that bundles without Node.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import madge from 'madge';
import { describe, expect, it } from 'vitest';

const src = path.dirname(fileURLToPath(import.meta.url));
const packages = path.resolve(src, '..', '..');
/** Entry files: they re-export everything, nothing imports them. */
const ENTRIES = new Set(['index.ts', 'node.ts']);

async function importGraph(): Promise<Record<string, string[]>> {
  const res = await madge(src, {
    fileExtensions: ['ts'],
    tsConfig: path.join(src, '..', 'tsconfig.json'),
    excludeRegExp: [/\.test\.ts$/],
  });
  return res.obj();
}

/** Strongly connected components with more than one member (Tarjan). */
function cycles(graph: Map<string, Set<string>>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const comp: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        comp.push(w);
      } while (w !== v);
      if (comp.length > 1 || graph.get(v)?.has(v)) out.push(comp.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    if (statSync(p).isDirectory()) return f === 'generated' || f === 'node_modules' ? [] : sourceFiles(p);
    return p.endsWith('.ts') && !p.endsWith('.d.ts') ? [p] : [];
  });
}

describe('architecture of @liteq/core', () => {
  it('has no file-level import cycle (madge)', async () => {
    const res = await madge(src, { fileExtensions: ['ts'], tsConfig: path.join(src, '..', 'tsconfig.json'), excludeRegExp: [/\.test\.ts$/] });
    expect(res.circular()).toEqual([]);
  });

  // Each folder is a node. A folder owns its subfolders (plan/ops implements plan's lowering contract,
  // formats/tflite/generated is typed by formats/tflite), so imports between a folder and its own
  // ancestors or descendants stay inside it; every other import between folders is an edge.
  it('has no folder-level import cycle (each folder a node; the entry files excluded)', async () => {
    const deps = await importGraph();
    const folders = new Map<string, Set<string>>();
    const related = (a: string, b: string) => a === b || a === '.' || b === '.' ? a === b : a.startsWith(`${b}/`) || b.startsWith(`${a}/`);
    for (const [file, imports] of Object.entries(deps)) {
      if (ENTRIES.has(file)) continue;
      const from = path.dirname(file);
      if (!folders.has(from)) folders.set(from, new Set());
      for (const d of imports) {
        const to = path.dirname(d);
        if (!related(from, to)) folders.get(from)!.add(to);
      }
    }
    expect(folders.size).toBeGreaterThan(10);
    expect(cycles(folders)).toEqual([]);
  });

  it('keeps every hand-written TS file in core and cli at 400 lines or fewer', () => {
    const files = [...sourceFiles(src), ...sourceFiles(path.join(packages, 'cli', 'src'))];
    expect(files.length).toBeGreaterThan(100);
    const long = files.map((f) => [path.relative(packages, f), readFileSync(f, 'utf8').split('\n').length - 1] as const).filter(([, n]) => n > 400);
    expect(long).toEqual([]);
  });

  it('bundles the browser entry for the browser platform without any Node built-in or sharp', async () => {
    const r = await build({
      entryPoints: [path.join(src, 'index.ts')],
      bundle: true,
      write: false,
      platform: 'browser',
      format: 'esm',
      logLevel: 'silent',
      metafile: true,
      // With platform "browser", esbuild fails to resolve any Node built-in (node:fs, fs, ...) a file
      // imports, except where a package's "browser" field maps it away (protobufjs' optional fs).
      plugins: [
        {
          name: 'no-sharp',
          setup(b) {
            b.onResolve({ filter: /^sharp$/ }, (a) => ({ errors: [{ text: `sharp imported by ${a.importer}` }] }));
          },
        },
      ],
    });
    expect(r.errors).toEqual([]);
    const inputs = Object.keys(r.metafile.inputs);
    expect(inputs.filter((i) => /(^|\/)node_modules\/(sharp|@img)\//.test(i))).toEqual([]);
    expect(inputs.some((i) => i.endsWith('src/index.ts'))).toBe(true);
    expect(inputs.filter((i) => /\/node\/|node\.ts$/.test(i) && !i.includes('node_modules'))).toEqual([]);
  });

  it('the Node entry adds the Node-only parts (and is what Node resolves @liteq/core to)', async () => {
    const pkg = JSON.parse(readFileSync(path.join(src, '..', 'package.json'), 'utf8')) as { exports: Record<string, Record<string, { default: string }>> };
    // Node loads one esbuild bundle of dist/node.js (scripts/bundle.mjs), not ~340 modules.
    expect(pkg.exports['.']!['node']!.default).toBe('./dist/node.bundle.js');
    expect(readFileSync(path.join(src, '..', 'scripts', 'bundle.mjs'), 'utf8')).toContain("'dist/node.js'");
    expect(pkg.exports['.']!['browser']!.default).toBe('./dist/index.js');
    const node = await import('./node.js');
    const browser = await import('./index.js');
    for (const k of ['writeFileAtomic', 'loadGraphFile', 'decodeImage', 'annotateImage', 'calibrate', 'inspectModelFile']) {
      expect(k in node).toBe(true);
      expect(k in browser).toBe(false);
    }
  });

  it('documents itself in the repository, and the code points there (not to ../shared)', () => {
    const root = path.resolve(packages, '..');
    const arch = readFileSync(path.join(root, 'docs', 'ARCHITECTURE.md'), 'utf8');
    const sem = readFileSync(path.join(root, 'docs', 'SEMANTICS.md'), 'utf8');
    expect(arch).toMatch(/## Adding an op/);
    expect(sem).toMatch(/round half up/i);
    const code = [...sourceFiles(src), ...sourceFiles(path.join(packages, 'cli', 'src'))].filter((f) => !f.endsWith('.test.ts'));
    const stale = code.filter((f) => /shared\/SEMANTICS\.md/.test(readFileSync(f, 'utf8')));
    expect(stale).toEqual([]);
    expect(code.filter((f) => /docs\/SEMANTICS\.md/.test(readFileSync(f, 'utf8'))).length).toBeGreaterThan(0);
  });
});
