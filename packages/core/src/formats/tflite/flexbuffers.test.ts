import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toObject } from 'flatbuffers/js/flexbuffers.js';
import { describe, expect, it } from 'vitest';
import { ModelFormatError } from '../../errors.js';
import type { FlexValue } from '../../ir/types.js';
import { encodeFlexbuffer } from './flexbuffers-encode.js';
import { decodeFlexbuffer, flexTypesOf, withFlexTypes } from './flexbuffers.js';
import { readTflite } from './reader.js';

const SHARED = process.env['LITEQ_SHARED'] ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../../../../../shared');

const roundTrip = (v: FlexValue): FlexValue => decodeFlexbuffer(encodeFlexbuffer(v));
/** flatbuffers' own flexbuffers reader, an independent check of our encoding (it returns ArrayBuffer-backed values). */
const theirs = (bytes: Uint8Array): unknown => toObject(bytes.slice().buffer);

describe('flexbuffers', () => {
  it.each([
    ['ints', [0, 1, -1, 127, -128, 255, 256, -32769, 2 ** 31 - 1, -(2 ** 31), 2 ** 40, -(2 ** 52)]],
    ['floats', [0.5, -1.25, 0.6000000238418579, 1e-300, 3.141592653589793, Number.MAX_VALUE]],
    ['32-bit ints and floats', [0, -1, 65536, -(2 ** 31), 0.5, 0.6000000238418579]],
    ['bools and null', [true, false, null]],
    ['strings', ['', 'a', 'héllo wörld', 'x'.repeat(300)]],
  ] as [string, FlexValue[]][])('round-trips %s', (n, values) => {
    expect(roundTrip(values)).toEqual(values);
    for (const v of values) expect(roundTrip(v)).toEqual(v);
    // flatbuffers' JS reader throws on 8-byte-wide vectors (it mixes bigint and number), so the
    // independent check only runs where every element fits 32 bits.
    if (n !== 'ints' && n !== 'floats') expect(theirs(encodeFlexbuffer(values))).toEqual(values);
  });

  it('round-trips 64-bit integers as bigint', () => {
    const v = { big: 2n ** 62n + 1n, neg: -(2n ** 63n), small: 5n };
    expect(roundTrip(v)).toEqual({ big: 2n ** 62n + 1n, neg: -(2n ** 63n), small: 5 });
  });

  it('round-trips nested maps and vectors, keys sorted for binary search', () => {
    const v = { zeta: [1, [2.5, 'x'], { inner: true }], alpha: { b: [], a: 'y' }, mid: new Uint8Array([1, 2, 3]) };
    const out = roundTrip(v);
    expect(out).toEqual(v);
    expect(Object.keys(out as object)).toEqual(['alpha', 'mid', 'zeta']);
    expect(theirs(encodeFlexbuffer({ b: 1, a: [true, 'q'] }))).toEqual({ a: [true, 'q'], b: 1 });
  });

  it('keeps int / float / bool typing through decode → encode', () => {
    const tagged = withFlexTypes({ y_scale: 10, max_detections: 10, use_regular_nms: 0 } as { [k: string]: FlexValue }, {
      y_scale: 'float',
      max_detections: 'int',
      use_regular_nms: 'bool',
    });
    const once = decodeFlexbuffer(encodeFlexbuffer(tagged)) as { [k: string]: FlexValue };
    expect(once).toEqual({ y_scale: 10, max_detections: 10, use_regular_nms: false });
    expect(flexTypesOf(once)!.tags).toEqual({ y_scale: 'float', max_detections: 'int', use_regular_nms: 'bool' });
    expect(flexTypesOf(roundTrip(once) as object)!.tags).toEqual(flexTypesOf(once)!.tags);
    // Untagged: integral numbers are ints, others floats.
    expect(flexTypesOf(roundTrip({ a: 1, b: 1.5 }) as object)!.tags).toEqual({ a: 'int', b: 'float' });
  });

  it('round-trips typed vectors as typed vectors', () => {
    const v = withFlexTypes([1, 2, 3], {}, 'float');
    const out = roundTrip(v) as FlexValue[];
    expect(out).toEqual([1, 2, 3]);
    expect(flexTypesOf(out)!.typedVector).toBe('float');
    expect(theirs(encodeFlexbuffer(v))).toEqual([1, 2, 3]);
  });

  it.each(['ssd_mobilenet_v2_coco_quant_postprocess', 'ssd_mobilenet_v1_coco_quant_2018_06_29'])(
    'decode → encode → decode of %s detection options is stable and typed',
    (model) => {
      const ir = readTflite(readFileSync(join(SHARED, 'models/tflite', `${model}.tflite`)));
      const op = ir.subgraphs[0]!.operators.find((o) => o.op.kind === 'custom')!.op;
      if (op.kind !== 'custom') throw new Error('no custom op');
      const decoded = decodeFlexbuffer(op.customOptions!) as { [k: string]: FlexValue };
      const re = encodeFlexbuffer(decoded);
      const again = decodeFlexbuffer(re) as { [k: string]: FlexValue };
      expect(again).toEqual(decoded);
      expect(flexTypesOf(again)!.tags).toEqual(flexTypesOf(decoded)!.tags);
      expect(flexTypesOf(decoded)!.tags['y_scale']).toBe('float');
      expect(flexTypesOf(decoded)!.tags['max_detections']).toBe('int');
      expect(flexTypesOf(decoded)!.tags['_output_quantized']).toBe('bool');
      expect(theirs(re)).toEqual(theirs(op.customOptions!));
    },
  );

  it('rejects malformed buffers with ModelFormatError only', () => {
    const good = encodeFlexbuffer({ a: [1, 2, { b: 'c' }], d: 1.5 });
    let seed = 7;
    const rand = (): number => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    let failures = 0;
    for (let i = 0; i < 2000; i++) {
      const bad = good.slice(0, i % 3 === 0 ? Math.floor(rand() * good.length) : good.length);
      for (let k = 0; k < 1 + (i % 4); k++) if (bad.length) bad[Math.floor(rand() * bad.length)] = Math.floor(rand() * 256);
      try {
        decodeFlexbuffer(bad);
      } catch (e) {
        expect(e).toBeInstanceOf(ModelFormatError);
        failures++;
      }
    }
    expect(failures).toBeGreaterThan(100);
    expect(() => decodeFlexbuffer(new Uint8Array([1, 2]))).toThrow(ModelFormatError);
    expect(() => decodeFlexbuffer(new Uint8Array([0, 0, 0, 7]))).toThrow(/invalid root byte width 7/);
  });
});
