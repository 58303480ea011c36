// "Requantize into add" (plan/fuse.ts fuseConvAdd): a quantized CONV_2D whose result only a same-shape
// ADD reads runs as conv_2d_{u8,i8}_add, which adds the ADD's other operand to the conv's output rows
// as they are finished. Checked against TFLite 2.9 running the two ops, bit for bit, on both backends
// and 1 or 3 threads: both operand orders, a residual that is the conv's own input or another graph
// input, ADD activations and output quantizations, and the cases that must stay two ops. The float form
// (conv_2d_f32_add, also over a channel-padded ADD: BlazeFace's blocks) gives the unfused ops' values on
// NaN/±inf/-0 inputs and TFLite 2.9's outputs within 1e-4 (the conv's 1e-5, which the ADD can magnify).
import { buildPlan, createModel, type Model, type Tensor } from '@liteq/core';
import { describe, expect, it } from 'vitest';
import { convCase } from './conv-case.js';
import { ACTIVATIONS, Rng, activation, compareWithTflite, type QKind } from './single-op.js';

/** A random SAME conv case whose result tensor gets its static shape, as converters write it. */
function convWithShape(rng: Rng, dtypes: QKind[]) {
  const c = convCase(rng, false, { dtypes, padding: 'SAME' });
  const sg = c.model.subgraphs[0]!;
  const conv = sg.operators[0]!;
  const x = sg.tensors[conv.inputs[0]!]!;
  const filter = sg.tensors[conv.inputs[1]!]!;
  const opts = conv.op.kind === 'builtin' ? (conv.op.options as { strideH: number; strideW: number }) : { strideH: 1, strideW: 1 };
  const [n, h, w] = x.shape as [number, number, number, number];
  const shape = [n, Math.ceil(h / opts.strideH), Math.ceil(w / opts.strideW), filter.shape[0]!];
  const tensors: Tensor[] = [...sg.tensors];
  const t = conv.outputs[0]!;
  tensors[t] = { ...tensors[t]!, shape };
  return { c, sg, conv, x, shape, tensors, t };
}

function convThenAdd(rng: Rng): { model: Model; label: string; fusible: boolean } {
  const { c, sg, conv, x, shape, tensors, t } = convWithShape(rng, ['uint8', 'int8']);
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

/**
 * A float conv (SAME) → t, then ADD(t, r) or ADD(r, t) with a fused activation, where r is the conv's own
 * input, another input, or (`padded`) another input with fewer channels through a channel PAD.
 */
function floatConvThenAdd(rng: Rng): { model: Model; label: string; fusible: boolean } {
  const { c, sg, conv, x, shape, tensors, t } = convWithShape(rng, ['float32']);
  const cout = shape[3]!;
  const f = (name: string, s: number[]): Tensor => ({ name, shape: s, dtype: 'float32', isVariable: false, hasRank: true });
  const ops = [conv];
  const inputs = [...sg.inputs];
  const padded = cout > 1 && rng.next() < 0.4;
  const selfResidual = !padded && x.shape.join(',') === shape.join(',') && rng.next() < 0.6;
  let r = conv.inputs[0]!;
  if (!selfResidual) {
    const cs = padded ? rng.int(1, cout - 1) : cout;
    r = tensors.length;
    tensors.push(f('other', [...shape.slice(0, 3), cs]));
    inputs.push(r);
    if (padded) {
      const pads = tensors.length;
      tensors.push({ name: 'paddings', shape: [4, 2], dtype: 'int32', data: new Uint8Array(new Int32Array([0, 0, 0, 0, 0, 0, 0, cout - cs]).buffer), isVariable: false, hasRank: true });
      const p = tensors.length;
      tensors.push(f('padded', shape));
      ops.push({ op: { kind: 'builtin', opcode: 'PAD', version: 1, options: { type: 'PadOptions' } as never }, inputs: [r, pads], outputs: [p], intermediates: [], mutatingVariableInputs: [] });
      r = p;
    }
  }
  const z = tensors.length;
  tensors.push(f('sum', shape));
  const side = rng.int(0, 1);
  const act = rng.pick(ACTIVATIONS);
  ops.push({ op: { kind: 'builtin', opcode: 'ADD', version: 1, options: { type: 'AddOptions', fusedActivationFunction: act } as never }, inputs: side === 0 ? [t, r] : [r, t], outputs: [z], intermediates: [], mutatingVariableInputs: [] });
  const exposed = rng.next() < 0.15;
  const model: Model = { ...c.model, subgraphs: [{ ...sg, tensors, operators: ops, inputs, outputs: exposed ? [z, t] : [z] }] };
  const what = padded ? 'a channel-padded input' : selfResidual ? 'its input' : 'other input';
  return { model, fusible: !exposed, label: `float ADD(${side === 0 ? 'conv, ' : ''}${what}${side === 1 ? ', conv' : ''}) ${act}${exposed ? ' (conv exposed)' : ''} of ${c.label}` };
}

/** Floats with one in five a NaN, ±inf, ±0 or ±FLT_MAX. */
function specialFloats(rng: Rng, n: number): Float32Array {
  const special = [Number.NaN, Infinity, -Infinity, 0, -0, 3.4028234663852886e38, -3.4028234663852886e38];
  return Float32Array.from({ length: n }, () => (rng.next() < 0.2 ? rng.pick(special) : (rng.next() - 0.5) * 8));
}

describe('CONV_2D + ADD fused (float)', () => {
  it('60 random float conv + ADD models: the unfused ops\' values on NaN/inf/-0 inputs, TFLite 2.9 within 1e-4', async () => {
    const rng = new Rng(1212);
    const failures: string[] = [];
    let fused = 0;
    for (let i = 0; i < 60; i++) {
      const c = floatConvThenAdd(rng);
      const kernels = buildPlan(c.model).kernels;
      const isFused = kernels.includes('conv_2d_f32_add');
      if (isFused !== c.fusible || (isFused && kernels.length !== 1)) failures.push(`${c.label}: ${kernels}`);
      fused += isFused ? 1 : 0;
      const sg = c.model.subgraphs[0]!;
      const inputs = sg.inputs.map((t) => specialFloats(rng, sg.tensors[t]!.shape.reduce((a, b) => a * b, 1)));
      const outs: Float32Array[] = [];
      for (const [backend, preserveIntermediates] of [['native', true], ['native', false], ['wasm', false]] as const) {
        const m = await createModel(c.model, { backend, preserveIntermediates, threads: rng.pick([1, 3]) });
        const [out] = await m.run(inputs);
        m.dispose();
        outs.push(out!.data as Float32Array);
      }
      // Every value the same, -0 told from +0; a NaN is a NaN whatever its payload (IEEE leaves the payload
      // of NaN + NaN open: x86 returns the first source's, and compilers commute the operands of +).
      const k = outs[0]!.findIndex((v, j) => !Object.is(v, outs[1]![j]) || !Object.is(v, outs[2]![j]));
      if (k >= 0) failures.push(`${c.label}: element ${k} is ${outs[0]![k]} in the two ops, ${outs[1]![k]} fused (native), ${outs[2]![k]} fused (wasm)`);
      const r = await compareWithTflite(c.model, rng, { threads: rng.pick([1, 3]) });
      // The conv's sums agree within 1e-5 (conv.test.ts); the ADD can cancel most of a sum, so the error
      // relative to max(1, |out|) is bounded at 1e-4 here.
      if (r.maxError > 1e-4 || r.shapeTflite.join() !== r.shapeLiteq.join()) failures.push(`${c.label}: max error ${r.maxError} against TFLite 2.9`);
    }
    expect(failures).toEqual([]);
    expect(fused).toBeGreaterThan(40);
  });
});

describe('CONV_2D + ADD not fused', () => {
  it('leaves a hybrid conv (float activations, int8 weights) and its ADD as two ops', () => {
    const rng = new Rng(1313);
    let c = floatConvThenAdd(rng);
    while (!c.fusible) c = floatConvThenAdd(rng);
    const sg = c.model.subgraphs[0]!;
    const wi = sg.operators[0]!.inputs[1]!;
    const w = sg.tensors[wi]!;
    const n = w.shape.reduce((a, b) => a * b, 1);
    const tensors = sg.tensors.map((t, i) => (i === wi ? { ...t, dtype: 'int8' as const, data: new Uint8Array(n).fill(3), quantization: { scale: [0.01], zeroPoint: [0n], quantizedDimension: 0, min: [], max: [] } } : t));
    expect(buildPlan(c.model).kernels).toContain('conv_2d_f32_add');
    const kernels = buildPlan({ ...c.model, subgraphs: [{ ...sg, tensors }] }).kernels;
    expect(kernels[0]).toBe('conv_2d_hybrid');
    expect(kernels.filter((k) => k.startsWith('add_f32'))).toHaveLength(1); // the ADD still runs
  });
});

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
