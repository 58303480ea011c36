// "Requantize into add" (plan/fuse.ts fuseConvAdd): a quantized CONV_2D whose result only a same-shape
// ADD reads runs as conv_2d_{u8,i8}_add, which adds the ADD's other operand to the conv's output rows
// as they are finished. Checked against TFLite 2.9 running the two ops, bit for bit, on both backends
// and 1 or 3 threads: both operand orders, a residual that is the conv's own input or another graph
// input, ADD activations and output quantizations, and the cases that must stay two ops.
import { buildPlan, type Model, type Tensor } from '@liteq/core';
import { describe, expect, it } from 'vitest';
import { convCase } from './conv-case.js';
import { ACTIVATIONS, Rng, activation, compareWithTflite } from './single-op.js';

function convThenAdd(rng: Rng): { model: Model; label: string; fusible: boolean } {
  const c = convCase(rng, false, { dtypes: ['uint8', 'int8'], padding: 'SAME' });
  const sg = c.model.subgraphs[0]!;
  const conv = sg.operators[0]!;
  const x = sg.tensors[conv.inputs[0]!]!;
  const filter = sg.tensors[conv.inputs[1]!]!;
  const opts = conv.op.kind === 'builtin' ? (conv.op.options as { strideH: number; strideW: number }) : { strideH: 1, strideW: 1 };
  const [n, h, w] = x.shape as [number, number, number, number];
  const shape = [n, Math.ceil(h / opts.strideH), Math.ceil(w / opts.strideW), filter.shape[0]!];
  const tensors: Tensor[] = [...sg.tensors];
  const t = conv.outputs[0]!;
  tensors[t] = { ...tensors[t]!, shape }; // the conv's result, with its static shape as converters write it
  // The other operand: the conv's own input when the shapes allow (a residual block), else a graph input.
  const selfResidual = x.shape.join(',') === shape.join(',') && rng.next() < 0.7;
  const inputs = [...sg.inputs];
  let r = conv.inputs[0]!;
  if (!selfResidual) {
    const spec = activation(rng, x.dtype as 'uint8' | 'int8', shape, false);
    r = tensors.length;
    tensors.push({ name: 'other', shape, dtype: x.dtype, isVariable: false, hasRank: true, quantization: { scale: spec.scale!, zeroPoint: spec.zeroPoint!.map(BigInt), quantizedDimension: 0, min: [], max: [] } });
    inputs.push(r);
  }
  const outSpec = activation(rng, x.dtype as 'uint8' | 'int8', shape, false);
  const z = tensors.length;
  tensors.push({ name: 'sum', shape, dtype: x.dtype, isVariable: false, hasRank: true, quantization: { scale: outSpec.scale!, zeroPoint: outSpec.zeroPoint!.map(BigInt), quantizedDimension: 0, min: [], max: [] } });
  const side = rng.int(0, 1);
  const act = rng.pick(ACTIVATIONS);
  const add = {
    op: { kind: 'builtin' as const, opcode: 'ADD', version: 1, options: { type: 'AddOptions', fusedActivationFunction: act } as never },
    inputs: side === 0 ? [t, r] : [r, t],
    outputs: [z],
    intermediates: [],
    mutatingVariableInputs: [],
  };
  const exposed = rng.next() < 0.15; // the conv's result also leaves the graph: two ops stay
  const model: Model = { ...c.model, subgraphs: [{ ...sg, tensors, operators: [conv, add], inputs, outputs: exposed ? [z, t] : [z] }] };
  return { model, fusible: !exposed, label: `ADD(${side === 0 ? 'conv, ' : ''}${selfResidual ? 'its input' : 'other input'}${side === 1 ? ', conv' : ''}) ${act}${exposed ? ' (conv exposed)' : ''} of ${c.label}` };
}

describe('CONV_2D + ADD fused (requantize into add) matches TFLite 2.9', () => {
  it('bit-exactly on 80 random conv + residual add models', async () => {
    const rng = new Rng(909);
    const failures: string[] = [];
    let fused = 0;
    for (let i = 0; i < 80; i++) {
      const c = convThenAdd(rng);
      const kernels = buildPlan(c.model).kernels;
      const isFused = kernels.some((k) => k.endsWith('_add'));
      if (isFused !== c.fusible) failures.push(`${c.label}: ${isFused ? 'fused' : 'not fused'}, expected the other (${kernels})`);
      fused += isFused ? 1 : 0;
      const r = await compareWithTflite(c.model, rng, { threads: rng.pick([1, 3]) });
      if (r.differing !== 0 || r.shapeTflite.join() !== r.shapeLiteq.join()) failures.push(`${c.label}: ${r.differing}/${r.count} differ, shapes [${r.shapeTflite}] vs [${r.shapeLiteq}]`);
    }
    expect(failures).toEqual([]);
    expect(fused).toBeGreaterThan(50);
  });

  it('leaves the ADD alone when its other operand is computed after the conv', () => {
    const rng = new Rng(910);
    const c = convThenAdd(rng);
    const sg = c.model.subgraphs[0]!;
    const [conv, add] = sg.operators as [(typeof sg.operators)[0], (typeof sg.operators)[0]];
    // A second conv of the same input, run after the first, feeds the ADD's other side: only that
    // later conv can take the ADD over (its partner exists by then).
    const t2 = sg.tensors.length;
    const tensors = [...sg.tensors, { ...sg.tensors[conv.outputs[0]!]!, name: 'conv2' }];
    const conv2 = { ...conv, outputs: [t2] };
    const add2 = { ...add, inputs: [conv.outputs[0]!, t2] };
    const model: Model = { ...c.model, subgraphs: [{ ...sg, tensors, operators: [conv, conv2, add2], inputs: [sg.inputs[0]!], outputs: add2.outputs }] };
    const kernels = buildPlan(model).kernels;
    expect(kernels).toHaveLength(2);
    expect(kernels[0]).toMatch(/^conv_2d_(u8|i8)$/);
    expect(kernels[1]).toMatch(/^conv_2d_(u8|i8)_add$/);
  });
});
