// Every CONV_2D, DEPTHWISE_CONV_2D, FULLY_CONNECTED, pooling, MEAN and PAD of the shared models, cut
// out as a single-op model with the model's own weights and quantization and fed random inputs:
// liteq must match TFLite 2.9 bit for bit (quantized) or within 1e-4 relative (float).
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readTflite, type Tensor } from '@liteq/core';
import { Rng, compareWithTflite, singleOpModel, type TensorSpec } from './single-op.js';

const SHARED = process.env['LITEQ_SHARED'] ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared');
const MODELS = [
  'tf2_mobilenet_v2_1.0_224_ptq',
  'mobilenet_v1_0.25_224_quant',
  'mobilenet_v1_0.25_224_float',
  'ssd_mobilenet_v2_coco_quant_postprocess',
  'ssd_mobilenet_v1_coco_quant_2018_06_29',
  'person_detect',
  'face_detection_short_range',
];
const FAMILIES = new Set(['CONV_2D', 'DEPTHWISE_CONV_2D', 'FULLY_CONNECTED', 'AVERAGE_POOL_2D', 'MAX_POOL_2D', 'MEAN', 'PAD', 'PADV2']);

function spec(t: Tensor): TensorSpec {
  const q = t.quantization;
  return {
    shape: t.shape,
    dtype: t.dtype,
    data: t.data,
    scale: q && q.scale.length ? q.scale : undefined,
    zeroPoint: q && q.zeroPoint.length ? q.zeroPoint.map(Number) : undefined,
    // person_detect stores quantized_dimension 3 on 1-D biases; a fresh single-op file would be rejected.
    quantizedDimension: t.shape.length === 1 ? 0 : q?.quantizedDimension,
  };
}

describe.each(MODELS)('ops of %s match TFLite 2.9 one by one', (name) => {
  const path = join(SHARED, 'models/tflite', `${name}.tflite`);
  it('with the model weights and random inputs', async () => {
    const sg = readTflite(new Uint8Array(readFileSync(path)), path).subgraphs[0]!;
    const rng = new Rng(707);
    const failures: string[] = [];
    let ran = 0;
    for (const op of sg.operators) {
      if (op.op.kind !== 'builtin' || !FAMILIES.has(op.op.opcode)) continue;
      const out = sg.tensors[op.outputs[0]!]!;
      const model = singleOpModel({
        opcode: op.op.opcode,
        options: op.op.options,
        inputs: op.inputs.map((i) => (i < 0 ? null : spec(sg.tensors[i]!))),
        output: spec(out),
      });
      const r = await compareWithTflite(model, rng);
      ran++;
      const ok = r.shapeTflite.join() === r.shapeLiteq.join() && (out.dtype === 'float32' ? r.maxError <= 1e-4 : r.differing === 0);
      if (!ok) failures.push(`${op.op.opcode} ${out.name}: ${r.differing}/${r.count} differ (max ${r.maxError})`);
    }
    expect(ran).toBeGreaterThan(0);
    expect(failures).toEqual([]);
  });
});
