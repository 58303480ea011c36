// Whole shared models whose non-conv ops are this family's (QUANTIZE, ADD, SOFTMAX, RELU, DEQUANTIZE
// of fp16 weights, CONCATENATION): liteq against the recorded TFLite 2.9 outputs (quantized:
// identical bytes) or against the runtime itself on random inputs (float: within 1e-4 relative).
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadModel } from '@liteq/core';
import '@liteq/native';
import '@liteq/web';
import { runTflite } from '../tflite-runtime.js';
import { Rng } from './single-op.js';

const SHARED = process.env['LITEQ_SHARED'] ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared');

describe.each(['native', 'wasm'] as const)('%s backend', (backend) => {
  describe('tf2_mobilenet_v2_1.0_224_ptq (uint8 -> QUANTIZE -> int8 ... SOFTMAX -> QUANTIZE -> uint8)', () => {
    const path = join(SHARED, 'models/tflite/tf2_mobilenet_v2_1.0_224_ptq.tflite');
    it.each(['bird', 'cat', 'grace_hopper'])('equals the recorded TFLite outputs on %s', async (image) => {
      const model = await loadModel(path, { threads: 1, backend });
      try {
        const [out] = await model.run([new Uint8Array(readFileSync(join(SHARED, 'data/raw_224x224', `${image}.rgb`)))]);
        const expected = new Uint8Array(readFileSync(join(SHARED, 'reference/tf2_mobilenet_v2_1.0_224_ptq', image, 'output_0.bin')));
        const actual = new Uint8Array(out!.data.buffer, out!.data.byteOffset, out!.data.byteLength);
        let differing = 0;
        for (let i = 0; i < expected.length; i++) if (expected[i] !== actual[i]) differing++;
        expect(differing).toBe(0);
      } finally {
        model.dispose();
      }
    });
  });

  // The fp16 weights reach CONV_2D through DEQUANTIZE; the planner folds those into float constants.
  describe('face_detection_short_range (float, 74 fp16 DEQUANTIZE weights)', () => {
    const path = join(SHARED, 'models/tflite/face_detection_short_range.tflite');
    it('matches TFLite 2.9 within 1e-4 relative on random inputs', async () => {
      const bytes = new Uint8Array(readFileSync(path));
      const rng = new Rng(31337);
      const input = new Float32Array(Array.from({ length: 128 * 128 * 3 }, () => rng.next() * 2 - 1));
      const expected = await runTflite(bytes, [new Uint8Array(input.buffer)]);
      const model = await loadModel(bytes, { threads: 1, backend });
      try {
        const outs = await model.run([input]);
        expect(outs.length).toBe(expected.length);
        expected.forEach((e, k) => {
          const exp = new Float32Array(e.bytes.slice().buffer);
          const act = outs[k]!.data as Float32Array;
          let maxErr = 0;
          for (let i = 0; i < exp.length; i++) maxErr = Math.max(maxErr, Math.abs(exp[i]! - act[i]!) / Math.max(1, Math.abs(exp[i]!)));
          expect(maxErr).toBeLessThan(1e-4);
        });
      } finally {
        model.dispose();
      }
    });
  });
});
