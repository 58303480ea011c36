import { copyFileSync, mkdirSync, mkdtempSync, openSync, readSync, closeSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModelFormatError } from '../errors.js';
import { detectFormat } from './detect.js';
import { loadGraphFile } from '../node/load.js';

const SHARED = process.env['LITEQ_SHARED'] ?? path.resolve(import.meta.dirname, '../../../../../shared');
const M = path.join(SHARED, 'models');
const files = {
  graphdef: path.join(M, 'graphdef/tflite_graph.pb'),
  pbtxt: path.join(M, 'graphdef/tflite_graph.pbtxt'),
  tfjs: path.join(M, 'tfjs/ssdlite_mobilenet_v2_coco/model.json'),
  tflite: path.join(M, 'tflite/person_detect.tflite'),
};

/** The first `n` bytes of a file (detection never needs the whole 70 MB pbtxt). */
function head(file: string, n = 1 << 20): Uint8Array {
  const fd = openSync(file, 'r');
  const b = Buffer.alloc(n);
  const got = readSync(fd, b, 0, n, 0);
  closeSync(fd);
  return b.subarray(0, got);
}
const text = (s: string) => new TextEncoder().encode(s);

describe('detectFormat (by content)', () => {
  for (const [format, file] of Object.entries(files)) {
    it(`recognises the shared ${format} file`, () => {
      expect(detectFormat(format === 'tfjs' ? head(file, 1 << 30) : head(file))).toBe(format);
    });
  }

  it('handles small and edge inputs', () => {
    expect(detectFormat(new Uint8Array(0))).toBe('unknown');
    expect(detectFormat(text('# a comment\n\nversions { producer: 1 }'))).toBe('pbtxt');
    expect(detectFormat(text('node: { name: "a" }'))).toBe('pbtxt');
    expect(detectFormat(text('\uFEFF  {"format": "graph-model", "modelTopology": {"node": []}}'))).toBe('tfjs');
    expect(detectFormat(text('{"modelTopology_not": 1}'))).toBe('unknown');
    expect(detectFormat(text('model { ssd { num_classes: 90 } }'))).toBe('unknown'); // a pipeline.config
    expect(detectFormat(text('hello world'))).toBe('unknown');
    expect(detectFormat(Uint8Array.from([0x0a, 0x05, 0x0a, 0x01, 0x61, 0x12, 0x00]))).toBe('graphdef');
    expect(detectFormat(Uint8Array.from([0x22, 0x02, 0x08, 0x1b]))).toBe('graphdef'); // versions only
    expect(detectFormat(Uint8Array.from([0x0a, 0x09, 0x0a, 0x01]))).toBe('unknown'); // length past the end
    expect(detectFormat(Uint8Array.from([0x0a, 0x02, 0x12, 0x00]))).toBe('unknown'); // node without a name first
    expect(detectFormat(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe('unknown'); // PNG
  });
});

describe('loadGraphFile dispatches by content, not by extension', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'liteq-detect-'));
    copyFileSync(files.graphdef, path.join(dir, 'graph.pbtxt'));
    copyFileSync(files.tflite, path.join(dir, 'model.pb'));
    writeFileSync(path.join(dir, 'weights.tflite'), 'node { name: "a" op: "Placeholder" }\nnode { name: "b" op: "Relu" input: "a" }\n');
    writeFileSync(path.join(dir, 'junk.pb'), Buffer.from([0xde, 0xad, 0xbe, 0xef, 1, 2, 3]));
    // A TF.js model whose model.json is renamed, and one loaded through its directory.
    const tj = path.join(dir, 'tj');
    mkdirSync(tj);
    const src = path.dirname(files.tfjs);
    for (let i = 1; i <= 5; i++) copyFileSync(path.join(src, `group1-shard${i}of5`), path.join(tj, `group1-shard${i}of5`));
    copyFileSync(files.tfjs, path.join(tj, 'graph.pb'));
    copyFileSync(files.tfjs, path.join(tj, 'model.json'));
    mkdirSync(path.join(dir, 'empty'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a binary GraphDef named .pbtxt', async () => {
    const g = await loadGraphFile(path.join(dir, 'graph.pbtxt'));
    expect([g.source, g.nodes.length]).toEqual(['graphdef', 970]);
  });

  it('reads a text GraphDef named .tflite', async () => {
    const g = await loadGraphFile(path.join(dir, 'weights.tflite'));
    expect([g.source, g.nodes.map((n) => n.op)]).toEqual(['pbtxt', ['Placeholder', 'Relu']]);
  });

  it('reads a TF.js model.json named graph.pb, and a TF.js directory', async () => {
    expect((await loadGraphFile(path.join(dir, 'tj', 'graph.pb'))).nodes.length).toBe(641);
    expect((await loadGraphFile(path.join(dir, 'tj'))).source).toBe('tfjs');
  });

  it('says what it saw and what it accepts otherwise', async () => {
    const junk = loadGraphFile(path.join(dir, 'junk.pb'));
    await expect(junk).rejects.toBeInstanceOf(ModelFormatError);
    await expect(junk).rejects.toThrow(/unknown model.*7 bytes of binary data starting de ad be ef.*accepted: binary GraphDef/);
    await expect(loadGraphFile(path.join(dir, 'model.pb'))).rejects.toThrow(/invalid tflite model.*TFLite flatbuffer is not a TF graph/);
    await expect(loadGraphFile(path.join(dir, 'empty'))).rejects.toThrow(/directory without model.json/);
  });
});
