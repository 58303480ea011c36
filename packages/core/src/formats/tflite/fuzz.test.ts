// Hostile-input fuzzing of readTflite: truncations and seeded byte flips of every shared model.
// Only ModelFormatError may escape, nothing may hang, and the valid models still load afterwards.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ModelFormatError } from '../../errors.js';
import { readTflite } from './index.js';

const SHARED = process.env['LITEQ_SHARED'] ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../../../../../shared');
const TFLITE_DIR = join(SHARED, 'models/tflite');
const MODELS = [
  ...readdirSync(TFLITE_DIR).filter((f) => f.endsWith('.tflite')).map((f) => join(TFLITE_DIR, f)),
  join(SHARED, 'models/graphdef/ssd_mobilenet_v2_coco_float.tflite'),
];
const CUTS = 64;
const FLIPS = 1000;
/** A single read of a corrupted model must not take longer than this (a hang shows up as a timeout). */

/** mulberry32: small, seeded, good enough to spread flips. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** Reads and classifies the outcome; anything but success or ModelFormatError is returned as a failure. */
function attempt(bytes: Uint8Array, what: string): { failure?: string; rejected: boolean } {
  let rejected = false;
  try {
    readTflite(bytes, what);
  } catch (e) {
    if (!(e instanceof ModelFormatError)) return { failure: `${what}: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`, rejected };
    rejected = true;
  }
  // A hang is caught by the test's timeout, not by timing each read.
  return { rejected };
}

describe.each(MODELS.map((p) => [p.split('/').pop()!, p]))('fuzz %s', (_n, path) => {
  const original = new Uint8Array(readFileSync(path));
  const model = readTflite(original, path);
  // Flips inside weight data are harmless; aim half of them at the flatbuffer structure.
  const inData = new Uint8Array(original.byteLength);
  for (const sg of model.subgraphs) for (const t of sg.tensors) if (t.data) inData.fill(1, t.data.byteOffset - original.byteOffset, t.data.byteOffset - original.byteOffset + t.data.byteLength);
  const structure: number[] = [];
  for (let i = 0; i < inData.length; i++) if (!inData[i]) structure.push(i);

  it(`cut at ${CUTS} points: only ModelFormatError`, () => {
    const failures: string[] = [];
    let rejected = 0;
    for (let k = 0; k < CUTS; k++) {
      // Dense near the start (header, root table), then spread over the file.
      const at = k < 16 ? k * 2 : Math.floor(((k - 15) / (CUTS - 15)) * (original.byteLength - 1));
      const r = attempt(original.subarray(0, at), `cut@${at}`);
      if (r.failure) failures.push(r.failure);
      if (r.rejected) rejected++;
    }
    expect(failures).toEqual([]);
    // Some files carry bytes after the flatbuffer (tflite-support appends a zip of associated files),
    // so late cuts may still load; early ones cannot.
    expect(rejected).toBeGreaterThanOrEqual(CUTS / 2);
  });

  it(`${FLIPS} seeded random flips of 1-8 bytes: only ModelFormatError, and the model still loads`, () => {
    const bytes = original.slice(); // flipped in place and restored: no per-case copy of big files
    const rand = prng(0x5eed ^ original.byteLength);
    const failures: string[] = [];
    let rejected = 0;
    for (let i = 0; i < FLIPS; i++) {
      const n = 1 + Math.floor(rand() * 8);
      const at: number[] = [];
      for (let k = 0; k < n; k++) {
        at.push(rand() < 0.5 ? structure[Math.floor(rand() * structure.length)]! : Math.floor(rand() * bytes.length));
      }
      for (const p of at) bytes[p] = Math.floor(rand() * 256);
      const r = attempt(bytes, `flip#${i}@${at.join(',')}`);
      if (r.failure) failures.push(r.failure);
      if (r.rejected) rejected++;
      for (const p of at) bytes[p] = original[p]!;
    }
    expect(failures).toEqual([]);
    expect(rejected).toBeGreaterThan(0);
    expect(Buffer.compare(bytes, original)).toBe(0); // (toEqual walks 24 MB element by element)
    const again = readTflite(bytes, path);
    expect(again.subgraphs[0]!.tensors.length).toBe(model.subgraphs[0]!.tensors.length);
    expect(again.subgraphs[0]!.operators.map((o) => o.op)).toEqual(model.subgraphs[0]!.operators.map((o) => o.op));
  });
});
