// PAD / PADV2 against TFLite 2.9, bit-exact: ranks 1-4, random paddings, quantized pad value = the
// output zero point (PAD) or the constant_values tensor (PADV2).
import { buildPlan, type Model, type Tensor } from '@liteq/core';
import { describe, expect, it } from 'vitest';
import { convCase } from './conv-case.js';
import { Rng, activation, compareWithTflite, int32Data, singleOpModel, type TensorSpec } from './single-op.js';

/**
 * A PAD (or PADV2) of H and W in front of a random VALID conv: the plan fuses it into the conv
 * (plan/fuse.ts fusePadding) when it is quantized, pads with the zero point and only the conv reads it.
 */
function padThenConv(rng: Rng, depthwise: boolean): { model: Model; label: string; fusible: boolean } {
  const c = convCase(rng, depthwise, { dtypes: ['uint8', 'int8', 'uint8', 'int8', 'float32'], padding: 'VALID' });
  const sg = c.model.subgraphs[0]!;
  const padded = sg.tensors[0]!;
  const [n, h, w, ch] = padded.shape as [number, number, number, number];
  const pads = [0, 0, rng.pick([0, 1, 2, 4]), rng.pick([0, 1, 3]), rng.pick([0, 1, 2, 4]), rng.pick([0, 1, 3]), 0, 0];
  const x: Tensor = { ...padded, name: 'x', shape: [n, h, w, ch] };
  const tensors: Tensor[] = [...sg.tensors];
  tensors[0] = { ...padded, shape: [n, h + pads[2]! + pads[3]!, w + pads[4]! + pads[5]!, ch] };
  const quantized = padded.dtype !== 'float32';
  const zp = quantized ? Number(padded.quantization!.zeroPoint[0]) : 0;
  const v2 = rng.next() < 0.3;
  const value = v2 && rng.next() < 0.5 ? (zp + 1) & 0x7f : zp; // PADV2 with a value other than the zero point is not fused
  const inputs = [tensors.length, tensors.length + 1];
  tensors.push(x, { name: 'paddings', shape: [4, 2], dtype: 'int32', data: int32Data(pads), isVariable: false, hasRank: true });
  if (v2) {
    inputs.push(tensors.length);
    const data = padded.dtype === 'float32' ? new Uint8Array(new Float32Array([0]).buffer) : new Uint8Array([value & 0xff]);
    tensors.push({ ...padded, name: 'value', shape: [], data });
  }
  const exposed = rng.next() < 0.15; // the padded tensor also leaves the graph: the PAD stays
  const pad = { op: { kind: 'builtin' as const, opcode: v2 ? 'PADV2' : 'PAD', version: 1, options: { type: v2 ? 'PadV2Options' : 'PadOptions' } as never }, inputs, outputs: [0], intermediates: [], mutatingVariableInputs: [] };
  const model: Model = { ...c.model, subgraphs: [{ ...sg, tensors, operators: [pad, ...sg.operators], inputs: [inputs[0]!], outputs: exposed ? [...sg.outputs, 0] : sg.outputs }] };
  const fusible = quantized && !exposed && value === zp;
  return { model, fusible, label: `${v2 ? 'PADV2' : 'PAD'} [${pads}]${exposed ? ' (exposed)' : ''} then ${depthwise ? 'DEPTHWISE ' : ''}${c.label}` };
}

describe('PAD and PADV2 match TFLite 2.9', () => {
  it('bit-exactly on 100 random single-op models', async () => {
    const rng = new Rng(606);
    const failures: string[] = [];
    for (let i = 0; i < 100; i++) {
      const dtype = rng.pick(['uint8', 'int8', 'float32'] as const);
      const rank = rng.int(1, 4);
      const shape = Array.from({ length: rank }, () => rng.int(1, 6));
      const pads = Array.from({ length: rank * 2 }, () => rng.pick([0, 0, 1, 2, 3]));
      const v2 = rng.next() < 0.4;
      const input = activation(rng, dtype, shape, false);
      const output: TensorSpec = { shape: [], dtype, scale: input.scale, zeroPoint: input.zeroPoint };
      const inputs: TensorSpec[] = [input, { shape: [rank, 2], dtype: 'int32', data: int32Data(pads) }];
      if (v2) inputs.push({ shape: [], dtype, data: dtype === 'float32' ? rng.floats(1) : rng.bytes(1), scale: input.scale, zeroPoint: input.zeroPoint });
      const model = singleOpModel({ opcode: v2 ? 'PADV2' : 'PAD', options: { type: v2 ? 'PadV2Options' : 'PadOptions' }, inputs, output });
      const r = await compareWithTflite(model, rng);
      if (r.differing !== 0 || r.shapeTflite.join() !== r.shapeLiteq.join()) failures.push(`${v2 ? 'PADV2' : 'PAD'} ${dtype} in=[${shape}] pads=[${pads}]: ${r.differing}/${r.count} differ`);
    }
    expect(failures).toEqual([]);
  });

  it.each([false, true])('as padding inside a VALID conv (depthwise %s), bit-exactly on 60 random models', async (depthwise) => {
    const rng = new Rng(depthwise ? 707 : 708);
    const failures: string[] = [];
    let fused = 0;
    for (let i = 0; i < 60; i++) {
      const c = padThenConv(rng, depthwise);
      const kernels = buildPlan(c.model).kernels;
      const padKept = kernels.some((k) => k.startsWith('pad_'));
      if (padKept === c.fusible) failures.push(`${c.label}: pad ${padKept ? 'kept' : 'fused'}, expected the other`);
      fused += padKept ? 0 : 1;
      const r = await compareWithTflite(c.model, rng, { threads: rng.pick([1, 3]) });
      const float = c.model.subgraphs[0]!.tensors[0]!.dtype === 'float32';
      const ok = r.shapeTflite.join() === r.shapeLiteq.join() && (float ? r.maxError <= 1e-5 : r.differing === 0);
      if (!ok) failures.push(`${c.label}: ${r.differing}/${r.count} differ (max ${r.maxError}), shapes [${r.shapeTflite}] vs [${r.shapeLiteq}]`);
    }
    expect(failures).toEqual([]);
    expect(fused).toBeGreaterThan(25);
  });
});
