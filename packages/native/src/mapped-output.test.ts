// Streamed outputs built in place: core's MappedOutput over this addon's mapOutput/reserveFile. The
// quantizer writes into the output's temporary file mapped after room for the flatbuffer; the finished
// file must decode to the model the in-memory writer makes (tensor bytes, quantization, ops), a
// flatbuffer past its room (or far smaller than it) must fall back to the usual write, a full disk (ENOSPC from a reservation)
// must be a DiskSpaceError, a file system that cannot reserve must give no mapping (the caller then
// builds in memory), and no temporary file may be left in any of these cases.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  DiskSpaceError,
  MappedOutput,
  quantizedHeaderRoom,
  quantizeModel,
  readTflite,
  writeTflite,
  type Model,
  type OutputMapper,
  type QuantScheme,
  type WeightBackend,
} from '@liteq/core';
import { NativeBackend, loadAddon } from './index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const FLOAT = path.resolve(here, '../../../../shared/models/graphdef/ssd_mobilenet_v2_coco_float.tflite');
const dir = mkdtempSync(path.join(tmpdir(), 'liteq-mapped-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const backend = new NativeBackend(loadAddon());
const bytes = new Uint8Array(readFileSync(FLOAT));
const float = readTflite(bytes, FLOAT);
const CAPACITY = bytes.byteLength + 2 ** 20;

/** The addon's mapper, with reserveFile answering `errno` from its n-th call on (1-based). */
function mapper(failAt = Infinity, errno = 28): OutputMapper & { calls: number } {
  const m = {
    calls: 0,
    mapOutput: (fd: number, offset: number, n: number) => backend.mapOutput(fd, offset, n),
    reserveFile: (fd: number, offset: number, n: number) => (++m.calls >= failAt ? errno : backend.reserveFile(fd, offset, n)),
  };
  return m;
}

function weights(out: MappedOutput): WeightBackend {
  return {
    quantizeWeightsInt8: backend.quantizeWeightsInt8.bind(backend),
    toFloat16: backend.toFloat16.bind(backend),
    alloc: (n) => out.alloc(n),
    consumed: () => {},
  };
}

/** The same model: both re-serialized by writeTflite (which lays constants out its own way) give the same bytes. */
function expectSameModel(a: Model, b: Model): void {
  expect(Buffer.compare(Buffer.from(writeTflite(b)), Buffer.from(writeTflite(a)))).toBe(0);
}

describe('MappedOutput (quantize --scheme dynamic|float16 built in the output file)', () => {
  it.each(['dynamic', 'float16'] as QuantScheme[])('--scheme %s: the file decodes to the in-memory writer\'s model; nothing else is left', async (scheme) => {
    const sub = mkdtempSync(path.join(dir, `${scheme}-`));
    const file = path.join(sub, 'out.tflite');
    const room = quantizedHeaderRoom(float);
    const out = MappedOutput.open(file, [FLOAT], mapper(), room, CAPACITY)!;
    expect(out).toBeDefined();
    expect(readdirSync(sub).filter((f) => f.endsWith('.tmp'))).toHaveLength(1); // the mapped temporary file
    const q = quantizeModel(float, { scheme, mean: 127.5, std: 127.5, backend: weights(out) });
    const size = await out.finish(q);
    expect(readdirSync(sub)).toEqual(['out.tflite']);
    expect(statSync(file).size).toBe(size);
    const written = readFileSync(file);
    expectSameModel(readTflite(writeTflite(quantizeModel(float, { scheme, mean: 127.5, std: 127.5 }))), readTflite(new Uint8Array(written), file));
    // The arena starts right after the room it was mapped at: the flatbuffer is before it, zeros between.
    const first = q.subgraphs[0]!.tensors.find((t) => t.data && out.arena.offsetOf(t.data) >= 0)!;
    const at = room + out.arena.offsetOf(first.data!);
    expect(Buffer.compare(written.subarray(at, at + first.data!.byteLength), Buffer.from(first.data!.buffer, first.data!.byteOffset, first.data!.byteLength))).toBe(0);
  });

  it('an arena mapped as overlapping windows (as past 4 GiB; here 8 MiB every 2 MiB) gives the same file', async () => {
    const sub = mkdtempSync(path.join(dir, 'windows-'));
    const file = path.join(sub, 'out.tflite');
    const room = quantizedHeaderRoom(float);
    const out = MappedOutput.open(file, [FLOAT], mapper(), room, CAPACITY, { window: 8 << 20, stride: 2 << 20 })!;
    const q = quantizeModel(float, { scheme: 'dynamic', mean: 127.5, std: 127.5, backend: weights(out) });
    await out.finish(q);
    expect(readdirSync(sub)).toEqual(['out.tflite']);
    const written = readFileSync(file);
    expectSameModel(readTflite(writeTflite(quantizeModel(float, { scheme: 'dynamic', mean: 127.5, std: 127.5 }))), readTflite(new Uint8Array(written), file));
    // Allocations from windows past the first land at their file offsets too.
    const late = q.subgraphs[0]!.tensors.filter((t) => t.data && out.arena.offsetOf(t.data) > 4 << 20);
    expect(late.length).toBeGreaterThan(3);
    for (const t of late) {
      const at = room + out.arena.offsetOf(t.data!);
      expect(Buffer.compare(written.subarray(at, at + t.data!.byteLength), Buffer.from(t.data!.buffer, t.data!.byteOffset, t.data!.byteLength)), t.name).toBe(0);
    }
  });

  it('a flatbuffer past its room: the usual write from the mapped arena, the same model, no temporary file left', async () => {
    const sub = mkdtempSync(path.join(dir, 'small-room-'));
    const file = path.join(sub, 'out.tflite');
    const out = MappedOutput.open(file, [FLOAT], mapper(), 16, CAPACITY)!;
    const q = quantizeModel(float, { scheme: 'dynamic', mean: 127.5, std: 127.5, backend: weights(out) });
    await out.finish(q);
    expect(readdirSync(sub)).toEqual(['out.tflite']);
    expectSameModel(readTflite(writeTflite(quantizeModel(float, { scheme: 'dynamic', mean: 127.5, std: 127.5 }))), readTflite(new Uint8Array(readFileSync(file)), file));
  });

  it('a room mostly left empty (over 1/16 of the file would be zeros): the usual write, as compact as the in-memory writer\'s', async () => {
    const sub = mkdtempSync(path.join(dir, 'big-room-'));
    const file = path.join(sub, 'out.tflite');
    const room = 4 << 20; // the dynamic model is ~6.5 MB: 4 MiB of zeros would be ~40% of it
    const out = MappedOutput.open(file, [FLOAT], mapper(), room, CAPACITY)!;
    const q = quantizeModel(float, { scheme: 'dynamic', mean: 127.5, std: 127.5, backend: weights(out) });
    const size = await out.finish(q);
    expect(readdirSync(sub)).toEqual(['out.tflite']);
    const inMemory = writeTflite(quantizeModel(float, { scheme: 'dynamic', mean: 127.5, std: 127.5 }));
    expect(statSync(file).size).toBe(size);
    expect(size).toBeLessThan(inMemory.byteLength + 4096);
    expectSameModel(readTflite(inMemory), readTflite(new Uint8Array(readFileSync(file)), file));
  });

  it('a full disk while quantizing is a DiskSpaceError naming the file; abort leaves nothing', () => {
    const sub = mkdtempSync(path.join(dir, 'full-'));
    const file = path.join(sub, 'out.tflite');
    const out = MappedOutput.open(file, [FLOAT], mapper(5), quantizedHeaderRoom(float), CAPACITY)!;
    expect(() => quantizeModel(float, { scheme: 'dynamic', mean: 127.5, std: 127.5, backend: weights(out) })).toThrow(DiskSpaceError);
    expect(() => quantizeModel(float, { scheme: 'dynamic', mean: 127.5, std: 127.5, backend: weights(out) })).toThrow(/out\.tflite: the disk is full/);
    out.abort();
    expect(readdirSync(sub)).toEqual([]);
  });

  it('a full disk at the start is a DiskSpaceError; a file system that cannot reserve gives no mapping; nothing is left', () => {
    const sub = mkdtempSync(path.join(dir, 'start-'));
    const file = path.join(sub, 'out.tflite');
    expect(() => MappedOutput.open(file, [FLOAT], mapper(1), 4096, CAPACITY)).toThrow(DiskSpaceError);
    expect(readdirSync(sub)).toEqual([]);
    expect(MappedOutput.open(file, [FLOAT], mapper(1, 95), 4096, CAPACITY)).toBeUndefined(); // EOPNOTSUPP
    expect(readdirSync(sub)).toEqual([]);
  });

  it('refuses to map over an input', () => {
    expect(() => MappedOutput.open(FLOAT, [FLOAT], mapper(), 4096, CAPACITY)).toThrow(/inputs are never overwritten/);
  });
});
