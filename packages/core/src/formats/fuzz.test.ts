// Corrupted inputs: whatever the damage, readers either return a graph or throw ModelFormatError —
// never another exception, never a hang. Seeded, so a failure reproduces.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ModelFormatError } from '../errors.js';
import { tensorflow } from './graphdef/generated/graph-pb.js';
import { readGraphDef } from './graphdef/pb-reader.js';
import { readPbtxt } from './graphdef/pbtxt-reader.js';
import { describePipelineConfig, readPipelineConfig } from './pipeline-config/index.js';
import { readTfjsFromParts } from './tfjs/reader.js';

const SHARED = process.env['LITEQ_SHARED'] ?? path.resolve(import.meta.dirname, '../../../../../shared');
const PB = path.join(SHARED, 'models/graphdef/tflite_graph.pb');
const PBTXT = path.join(SHARED, 'models/graphdef/tflite_graph.pbtxt');
const TFJS = path.join(SHARED, 'models/tfjs/ssdlite_mobilenet_v2_coco');
const CONFIG = path.join(SHARED, 'configs/ssd_mobilenet_v2_quantized_300x300_coco.config');

function rng(seed: number): () => number {
  // mulberry32
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Runs `read`; returns 'ok' or 'error'; anything but ModelFormatError fails the test with the case.
 * A hang is caught by the test's timeout, not by timing each case.
 */
function outcome(label: string, read: () => unknown): 'ok' | 'error' {
  try {
    read();
    return 'ok';
  } catch (e) {
    if (!(e instanceof ModelFormatError)) throw new Error(`${label}: escaped ${String(e)}`, { cause: e });
    return 'error';
  }
}

/** A valid GraphDef of the first ~`budget` bytes of nodes, closed under inputs, to fuzz fast. */
function smallGraphDef(full: Uint8Array, budget: number): Uint8Array {
  const def = tensorflow.GraphDef.decode(full);
  const kept: tensorflow.INodeDef[] = [];
  const names = new Set<string>();
  let size = 0;
  for (const n of def.node) {
    const deps = (n.input ?? []).map((x) => x.replace(/^\^/, '').replace(/:\d+$/, ''));
    if (!deps.every((d) => names.has(d))) continue;
    kept.push(n);
    names.add(n.name!);
    size += tensorflow.NodeDef.encode(n).finish().length;
    if (size > budget) break;
  }
  return tensorflow.GraphDef.encode({ node: kept, versions: def.versions }).finish();
}

describe('fuzz: binary GraphDef', () => {
  const full = readFileSync(PB);

  it('the file cut at 64 points only ever gives ModelFormatError', () => {
    const r = rng(1);
    const cuts = [0, 1, 2, 3, full.length - 1, ...Array.from({ length: 59 }, () => Math.floor(r() * full.length))];
    const results = cuts.map((c) => outcome(`cut at ${c}`, () => readGraphDef(full.subarray(0, c), 'cut.pb')));
    // A cut exactly at a node boundary is a valid (smaller) GraphDef unless it drops an input; none here.
    expect(results.filter((x) => x === 'error').length).toBeGreaterThanOrEqual(60);
  });

  it('1,000 seeded byte flips: ModelFormatError or a graph', () => {
    const base = smallGraphDef(full, 3 << 20);
    expect(readGraphDef(base, 'base.pb').nodes.length).toBeGreaterThan(50);
    const r = rng(2);
    const tally = { ok: 0, error: 0 };
    for (let i = 0; i < 1000; i++) {
      const b = Uint8Array.from(base);
      const at = Math.floor(r() * b.length);
      b[at]! ^= 1 + Math.floor(r() * 255);
      tally[outcome(`flip ${i} at ${at}`, () => readGraphDef(b, 'flip.pb'))]++;
    }
    // Most flips land in weight bytes, which stay valid; the structural ones must be caught.
    expect(tally.ok).toBeGreaterThan(300);
    expect(tally.error).toBeGreaterThan(0);
  });
});

describe('fuzz: text GraphDef', () => {
  // The first 60 nodes of the pbtxt (Consts and their consumers), a few hundred KB.
  const all = readFileSync(PBTXT).subarray(0, 4 << 20).toString('latin1');
  let end = 0;
  for (let i = 0; i < 60; i++) end = all.indexOf('\nnode {', end + 1);
  const base = Buffer.from(all.slice(0, end + 1), 'latin1');

  it('a valid prefix loads; 64 cuts and 1,000 seeded flips only give ModelFormatError', () => {
    expect(readPbtxt(base, 'base.pbtxt').nodes.length).toBe(60);
    const r = rng(3);
    const tally = { ok: 0, error: 0 };
    for (let i = 0; i < 64; i++) {
      const c = Math.floor(r() * base.length);
      tally[outcome(`cut ${c}`, () => readPbtxt(base.subarray(0, c), 'cut.pbtxt'))]++;
    }
    for (let i = 0; i < 1000; i++) {
      const b = Uint8Array.from(base);
      const at = Math.floor(r() * b.length);
      b[at] = Math.floor(r() * 256);
      tally[outcome(`flip ${i}`, () => readPbtxt(b, 'flip.pbtxt'))]++;
    }
    expect(tally.error).toBeGreaterThan(300);
  });
});

describe('fuzz: TF.js model', () => {
  const jsonText = readFileSync(path.join(TFJS, 'model.json'));
  const manifest = JSON.parse(jsonText.toString()).weightsManifest as { paths: string[] }[];
  const data = Buffer.concat(manifest.flatMap((g) => g.paths.map((p) => readFileSync(path.join(TFJS, p)))));
  const read = (json: Uint8Array, w: Uint8Array) => readTfjsFromParts({ modelJson: json, weightData: w }, 'model.json');

  it('loads intact; truncated model.json and shards give ModelFormatError', () => {
    expect(read(jsonText, data).graph.nodes.length).toBe(641);
    const r = rng(4);
    for (let i = 0; i < 32; i++) {
      const c = Math.floor(r() * jsonText.length);
      expect(outcome(`json cut ${c}`, () => read(jsonText.subarray(0, c), data))).toBe('error');
    }
    for (let i = 0; i < 8; i++) {
      const c = Math.floor(r() * data.length);
      expect(outcome(`shards cut ${c}`, () => read(jsonText, data.subarray(0, c)))).toBe('error');
    }
  });

  it('1,000 seeded corruptions of model.json: ModelFormatError or a graph', () => {
    const r = rng(5);
    const tally = { ok: 0, error: 0 };
    for (let i = 0; i < 1000; i++) {
      const b = Uint8Array.from(jsonText);
      for (let k = 0; k < 3; k++) b[Math.floor(r() * b.length)] = ' "{}[]:,0123456789-eE.aznulltrue'.charCodeAt(Math.floor(r() * 32));
      tally[outcome(`json corruption ${i}`, () => read(b, data))]++;
    }
    expect(tally.error).toBeGreaterThan(0);
  });
});

describe('fuzz: pipeline.config', () => {
  const text = new Uint8Array(readFileSync(CONFIG));

  it('1,000 seeded corruptions (bytes flipped, cut, braces and quotes inserted): a config or ModelFormatError', () => {
    const r = rng(6);
    const tally = { ok: 0, error: 0 };
    const noise = '{}:"\'#<>\n 0123456789.-ex_';
    for (let i = 0; i < 1000; i++) {
      let b = Uint8Array.from(text);
      const kind = i % 3;
      if (kind === 0) for (let k = 0; k < 4; k++) b[Math.floor(r() * b.length)] = Math.floor(r() * 256);
      if (kind === 1) b = b.subarray(0, Math.floor(r() * b.length));
      if (kind === 2) for (let k = 0; k < 4; k++) b[Math.floor(r() * b.length)] = noise.charCodeAt(Math.floor(r() * noise.length));
      // A config that parses must also describe without throwing anything but ModelFormatError.
      tally[outcome(`config corruption ${i}`, () => describePipelineConfig(readPipelineConfig(b, 'pipeline.config')))]++;
    }
    expect(tally.error).toBeGreaterThan(300);
  });
});
