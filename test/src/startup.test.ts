// Start-up: @liteq/core's Node bundle leaves protobufjs and TensorFlow's generated messages in
// dist/proto.cjs, required on first use (ARCHITECTURE.md, Start-up). Importing the package must not
// load that file; reading a GraphDef must, and must work through it.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));
const PB = path.resolve(here, '../../../shared/models/graphdef/tflite_graph.pb');

const script = `
import { createRequire } from 'node:module';
const core = await import('@liteq/core');
const require = createRequire(import.meta.url);
const loaded = () => Object.keys(require.cache).some((f) => f.endsWith('proto.cjs'));
const before = loaded();
const { readFileSync } = await import('node:fs');
const g = core.readGraphDef(new Uint8Array(readFileSync(${JSON.stringify(PB)})), 'tflite_graph.pb');
console.log(JSON.stringify({ before, after: loaded(), nodes: g.nodes.length }));
`;

describe('start-up of the Node bundle', () => {
  it('loads protobufjs (dist/proto.cjs) only when a GraphDef is read', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], { cwd: here });
    expect(JSON.parse(stdout)).toEqual({ before: false, after: true, nodes: expect.any(Number) });
    expect(JSON.parse(stdout).nodes).toBeGreaterThan(100);
  });
});
