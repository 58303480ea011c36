// Bad models never crash the process: seeded mutations of real models' IR (shapes, options, quant
// params, dtypes, operand indices) either run or fail with a typed error before or while running —
// in the planner (TS) or in the C++ core's plan validation — and the process goes on to run the
// original model correctly.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createModel, ExecutionError, InvalidInputError, ModelFormatError, readTflite, UnsupportedError, type Tensor } from '@liteq/core';
import '@liteq/native';

const SHARED = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared');
const TYPED = [UnsupportedError, ExecutionError, InvalidInputError, ModelFormatError];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
}

const ARRAYS = { uint8: Uint8Array, int8: Int8Array, float32: Float32Array, int32: Int32Array, int16: Int16Array } as const;

describe('executor on mutated models', () => {
  for (const [file, mutations] of [
    ['ssd_mobilenet_v2_coco_quant_postprocess', 80],
    ['tf2_mobilenet_v2_1.0_224_ptq', 60],
    ['face_detection_short_range', 60],
  ] as const) {
    it(`${file}: ${mutations} mutations give only typed errors, never a crash`, async () => {
      const bytes = new Uint8Array(readFileSync(join(SHARED, 'models/tflite', `${file}.tflite`)));
      const r = rng(file.length * 7919);
      const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)]!;
      const outcomes: Record<string, number> = {};
      for (let k = 0; k < mutations; k++) {
        const ir = readTflite(bytes);
        const sg = ir.subgraphs[0]!;
        const op = pick(sg.operators);
        const t: Tensor = sg.tensors[pick([...op.inputs.filter((i) => i >= 0), ...op.outputs])]!;
        switch (Math.floor(r() * 6)) {
          case 0:
            t.shape[Math.floor(r() * t.shape.length)] = pick([0, 1, 2, 3, 7, 1000, -1]);
            break;
          case 1:
            if (op.op.kind === 'builtin' && op.op.options) {
              const keys = Object.keys(op.op.options).filter((x) => x !== 'type');
              if (keys.length) op.op.options[pick(keys)] = pick([0, -1, 3, 100, 'SAME', 'BOGUS', 2 ** 31]);
            }
            break;
          case 2:
            if (t.quantization) t.quantization.scale[0] = pick([0, -1, 1e-30, 1e30, Number.NaN]);
            break;
          case 3:
            if (t.quantization) t.quantization.zeroPoint[0] = BigInt(pick([-1000, 300, 2 ** 31]));
            break;
          case 4:
            t.dtype = pick(['int8', 'uint8', 'float32', 'int32', 'int16'] as const);
            break;
          default:
            op.inputs[Math.floor(r() * op.inputs.length)] = pick([0, 1, 5, sg.tensors.length - 1]);
        }
        try {
          const m = await createModel(ir, { threads: 2 });
          try {
            const info = m.inputs[0]!;
            const n = info.shape.reduce((a, b) => a * b, 1);
            const Ctor = ARRAYS[info.dtype as keyof typeof ARRAYS];
            if (Ctor && n > 0 && n < 1e7) await m.run([new Ctor(n)]);
          } finally {
            m.dispose();
          }
          outcomes['ran'] = (outcomes['ran'] ?? 0) + 1;
        } catch (e) {
          if (!TYPED.some((T) => e instanceof T)) throw e;
          outcomes[(e as Error).name] = (outcomes[(e as Error).name] ?? 0) + 1;
        }
      }
      expect(Object.values(outcomes).reduce((a, b) => a + b, 0)).toBe(mutations);
      expect(outcomes['UnsupportedError'] ?? 0).toBeGreaterThan(0);
      // The process is intact: the unmodified model still loads and runs.
      const m = await createModel(readTflite(bytes), { threads: 2 });
      const info = m.inputs[0]!;
      const out = await m.run([new ARRAYS[info.dtype as keyof typeof ARRAYS](info.shape.reduce((a, b) => a * b, 1))]);
      m.dispose();
      expect(out.length).toBe(m.outputs.length);
    });
  }
});
