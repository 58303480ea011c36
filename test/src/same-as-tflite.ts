// The check every quantize test makes: a model runs in the real TFLite 2.9 runtime exactly as in
// liteq's executor on probe images (integer outputs byte for byte, float outputs within 1e-5).
import { expect } from 'vitest';
import { createModel, decodeImage, readTflite, resizeBilinear, writeTflite, type Model, type TensorData } from '@liteq/core';
import { runTflite } from './tflite-runtime.js';

/** The model's (only) input for an image, in its dtype: uint8 pixels, int8 pixels - 128 (shifted zero point), float (x - 127.5) / 127.5. */
export async function inputFor(model: Model, file: string): Promise<Uint8Array> {
  const sg = model.subgraphs[0]!;
  const t = sg.tensors[sg.inputs[0]!]!;
  const [, h, w] = t.shape as [number, number, number, number];
  const rgb = resizeBilinear(await decodeImage(file), w, h).data;
  let x: TensorData;
  if (t.dtype === 'uint8') x = rgb;
  else if (t.dtype === 'int8') x = Int8Array.from(rgb, (v) => v - 128);
  else x = Float32Array.from(rgb, (v) => (v - 127.5) / 127.5);
  return new Uint8Array(x.buffer, x.byteOffset, x.byteLength);
}

function viewOf(dtype: string, b: Uint8Array): TensorData {
  const c = b.slice();
  return dtype === 'float32' ? new Float32Array(c.buffer) : dtype === 'int8' ? new Int8Array(c.buffer) : dtype === 'int32' ? new Int32Array(c.buffer) : c;
}

/** Runs `model` in liteq and TFLite 2.9 on the probe images; integer outputs must be identical, float ones within 1e-5. */
export async function expectSameAsTflite(model: Model, probes: readonly string[]): Promise<{ maxFloatDiff: number }> {
  const bytes = writeTflite(model);
  const ir = readTflite(bytes);
  const lm = await createModel(ir, { threads: 1 });
  let maxFloatDiff = 0;
  try {
    for (const file of probes) {
      const x = await inputFor(ir, file);
      const ours = await lm.run([viewOf(lm.inputs[0]!.dtype, x)]);
      const theirs = await runTflite(bytes, [x]);
      expect(theirs.length).toBe(ours.length);
      // SSD: the quantized detector still finds objects (count output) — not an empty comparison.
      if (ours.length === 4 && ours[3]!.dtype === 'float32') expect(ours[3]!.data[0]).toBeGreaterThan(0);
      ours.forEach((o, k) => {
        const t = theirs[k]!;
        expect(t.dtype).toBe(o.dtype);
        const got = new Uint8Array(o.data.buffer, o.data.byteOffset, o.data.byteLength);
        if (o.dtype !== 'float32') {
          expect(Buffer.from(got).equals(Buffer.from(t.bytes)), `${o.name} on ${file}`).toBe(true);
          return;
        }
        const a = o.data as Float32Array;
        const b = new Float32Array(t.bytes.slice().buffer);
        expect(b.length).toBe(a.length);
        for (let i = 0; i < a.length; i++) {
          const d = Math.abs(a[i]! - b[i]!);
          maxFloatDiff = Math.max(maxFloatDiff, d / Math.max(1, Math.abs(b[i]!)));
        }
      });
    }
  } finally {
    lm.dispose();
  }
  expect(maxFloatDiff).toBeLessThanOrEqual(1e-5);
  return { maxFloatDiff };
}

