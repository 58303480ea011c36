// Issue 3, item 7 (and issue 10: on both backends): EVERY intermediate tensor of every shared model
// equals TFLite 2.9's, with liteq's native addon and with its WebAssembly build. A copy of the
// model whose outputs list every activation is written with liteq's writer and run in the real
// runtime; liteq runs the original with intermediates preserved. Integer tensors must be identical
// bytes (0 LSB); float tensors within 1e-4 of the tensor's magnitude (TFLite's GEMM sums in another order).
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createModel, readTflite, writeTflite, type Model, type TensorData } from '@liteq/core';
import '@liteq/native';
import '@liteq/web';
import { runTflite } from './tflite-runtime.js';

const SHARED = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared');

const CASES: { model: string; input: string; size: number }[] = [
  { model: 'ssd_mobilenet_v2_coco_quant_postprocess', input: 'kite_and_cold', size: 300 },
  { model: 'ssd_mobilenet_v1_coco_quant_2018_06_29', input: 'cats_and_dogs', size: 300 },
  { model: 'mobilenet_v1_0.25_224_quant', input: 'grace_hopper', size: 224 },
  { model: 'tf2_mobilenet_v2_1.0_224_ptq', input: 'cat', size: 224 },
  { model: 'mobilenet_v1_0.25_224_float', input: 'bird', size: 224 },
  { model: 'face_detection_short_range', input: 'kite_and_cold', size: 0 },
];

/** Activation tensors: produced by an op, not constants. */
function activations(ir: Model): number[] {
  const sg = ir.subgraphs[0]!;
  const out = new Set<number>();
  for (const op of sg.operators) for (const o of op.outputs) if (o >= 0 && !sg.tensors[o]!.data) out.add(o);
  return [...out];
}

function inputFor(ir: Model, c: (typeof CASES)[number]): { bytes: Uint8Array; data: TensorData } {
  const t = ir.subgraphs[0]!.tensors[ir.subgraphs[0]!.inputs[0]!]!;
  if (c.size === 0) {
    // No raw file at this size: a deterministic pattern in [-1, 1].
    const n = t.shape.reduce((a, b) => a * b, 1);
    const f = Float32Array.from({ length: n }, (_, i) => Math.sin(i * 0.37) * 0.9);
    return { bytes: new Uint8Array(f.buffer), data: f };
  }
  const raw = new Uint8Array(readFileSync(join(SHARED, `data/raw_${c.size}x${c.size}`, `${c.input}.rgb`)));
  if (t.dtype === 'float32') {
    const f = Float32Array.from(raw, (v) => (v - 127.5) / 127.5);
    return { bytes: new Uint8Array(f.buffer), data: f };
  }
  return { bytes: raw, data: raw };
}

const BACKENDS = ['native', 'wasm'] as const;

describe.each(BACKENDS)('every intermediate tensor equals TFLite 2.9 (%s backend)', (backend) => {
  for (const c of CASES) {
    it(`${c.model} on ${c.input}`, async () => {
      const bytes = new Uint8Array(readFileSync(join(SHARED, 'models/tflite', `${c.model}.tflite`)));
      const ir = readTflite(bytes, c.model);
      const sg = ir.subgraphs[0]!;
      const all = activations(ir);
      const exposed: Model = { ...ir, subgraphs: [{ ...sg, outputs: all }, ...ir.subgraphs.slice(1)] };
      const input = inputFor(ir, c);
      const expected = await runTflite(writeTflite(exposed), [input.bytes]);
      const model = await createModel(ir, { threads: 2, preserveIntermediates: true, file: c.model, backend });
      expect(model.backend).toBe(backend);
      try {
        const actual = await model.runTensors([input.data], all);
        expect(actual.length).toBe(all.length);
        const mismatches: string[] = [];
        all.forEach((ti, k) => {
          const t = sg.tensors[ti]!;
          const exp = expected[k]!.bytes;
          const got = new Uint8Array(actual[k]!.data.buffer, actual[k]!.data.byteOffset, actual[k]!.data.byteLength);
          if (t.dtype === 'float32') {
            const e = new Float32Array(exp.slice().buffer);
            const g = new Float32Array(got.slice().buffer);
            let scale = 1e-6;
            for (const v of e) scale = Math.max(scale, Math.abs(v));
            let worst = 0;
            for (let i = 0; i < e.length; i++) worst = Math.max(worst, Math.abs(e[i]! - g[i]!) / scale);
            if (e.length !== g.length || worst > 1e-4) mismatches.push(`${t.name}: float error ${worst}`);
          } else {
            let diff = 0;
            for (let i = 0; i < exp.length; i++) if (exp[i] !== got[i]) diff++;
            if (exp.length !== got.length || diff > 0) mismatches.push(`${t.name} (${t.dtype}): ${diff} of ${exp.length} bytes differ`);
          }
        });
        expect(mismatches).toEqual([]);
      } finally {
        model.dispose();
      }
    });
  }
});
