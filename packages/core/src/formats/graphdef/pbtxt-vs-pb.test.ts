import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { diffValues } from './compare.js';
import { readGraphDef } from './pb-reader.js';
import { readPbtxt } from './pbtxt-reader.js';

const SHARED = process.env['LITEQ_SHARED'] ?? path.resolve(import.meta.dirname, '../../../../../../shared');

it('tflite_graph.pbtxt parses to exactly the graph of tflite_graph.pb (every node, attr and tensor byte)', () => {
  const pb = readGraphDef(readFileSync(path.join(SHARED, 'models/graphdef/tflite_graph.pb')), 'tflite_graph.pb');
  const text = readFileSync(path.join(SHARED, 'models/graphdef/tflite_graph.pbtxt'));
  const t0 = performance.now();
  const txt = readPbtxt(text, 'tflite_graph.pbtxt');
  console.log(`pbtxt parse: ${(performance.now() - t0).toFixed(0)} ms for ${text.length} bytes`);
  expect(txt.source).toBe('pbtxt');
  expect(txt.nodes.length).toBe(pb.nodes.length);
  expect(diffValues({ ...txt, source: pb.source }, pb)).toBeUndefined();
  // diffValues itself must see a single flipped tensor byte.
  const w = txt.nodes.find((n) => n.op === 'Const')!.attrs['value']!;
  if (w.kind !== 'tensor') throw new Error('expected a tensor');
  w.value.data[3] ^= 1;
  expect(diffValues({ ...txt, source: pb.source }, pb)).toMatch(/nodes\[\d+\]\.attrs\.value\.value\.data: bytes differ/);
});
