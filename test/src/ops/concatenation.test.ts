// CONCATENATION against TFLite 2.9, bit-exact: 1-4 inputs, ranks 1-4, every axis (negative too);
// uint8 inputs with their own scales/zero points (requantized as ConcatenationWithScaling) or the
// output's (copied); int8 / int32 / float32 copies. Also large ones (SSD's class scores) on 2 and 3
// threads, which copy in 16 KB pieces spread over the threads.
import { buildPlan, resolveBackend, type DType, type Model, type Operator, type Tensor } from '@liteq/core';
import { describe, expect, it } from 'vitest';
import { Rng, compareWithTflite, randomScale, randomZeroPoint, singleOpModel, type TensorSpec } from './single-op.js';

type Q = { scale: number; zeroPoint: number } | undefined;
const tensor = (name: string, shape: number[], dtype: DType, q: Q): Tensor => ({
  name,
  shape,
  dtype,
  isVariable: false,
  hasRank: true,
  quantization: q ? { scale: [q.scale], zeroPoint: [BigInt(q.zeroPoint)], quantizedDimension: 0, min: [], max: [] } : undefined,
});
const builtin = (opcode: string, inputs: number[], outputs: number[], options?: Record<string, unknown>): Operator => ({
  op: { kind: 'builtin', opcode, version: 1, options: options as Operator['op']['options'] },
  inputs,
  outputs,
  intermediates: [],
  mutatingVariableInputs: [],
});

/**
 * Inputs the plan writes in place (native/src/kernels/concatenation.cc InPlace): each concatenated
 * tensor is an ADD of two graph inputs, reshaped, as SSD's box predictors are conv outputs reshaped.
 * Some inputs must keep their own slot: one listed twice (3), one that is also a graph output (1), one
 * with a second reader (2, read by another ADD whose result leaves the graph); the others (0, and 4
 * and 5 when there are six) and every input of the second concatenation are written in place.
 */
function inPlaceModel(rng: Rng, dtype: 'uint8' | 'int8' | 'float32', rows: number[], cols: number): Model {
  const quantized = dtype !== 'float32';
  const q = (): Q => (quantized ? { scale: randomScale(rng, false, 0.01, 0.3), zeroPoint: randomZeroPoint(rng, dtype) } : undefined);
  const outQ = q();
  const tensors: Tensor[] = [];
  const operators: Operator[] = [];
  const inputs: number[] = [];
  const outputs: number[] = [];
  const add = (name: string, shape: number[], qt: Q) => (tensors.push(tensor(name, shape, dtype, qt)), tensors.length - 1);
  const concatInputs = rows.map((n, k) => {
    const a = add(`a${k}`, [1, n, cols], q()), b = add(`b${k}`, [1, n, cols], q());
    inputs.push(a, b);
    const sumQ = dtype === 'uint8' && k % 2 === 0 ? q() : outQ; // int8 concatenation needs the output's params
    const sum = add(`sum${k}`, [1, n, cols], sumQ);
    operators.push(builtin('ADD', [a, b], [sum], { type: 'AddOptions', fusedActivationFunction: 'NONE' }));
    const shaped = add(`reshaped${k}`, [1, n * cols], sumQ);
    operators.push(builtin('RESHAPE', [sum], [shaped], { type: 'ReshapeOptions', newShape: [1, n * cols] }));
    return shaped;
  });
  // Input 1 also leaves the graph; input 2 is read by one more ADD whose result leaves the graph.
  outputs.push(concatInputs[1]!);
  const extra = add('extra', [1, rows[2]! * cols], tensors[concatInputs[2]!]!.quantization ? { scale: tensors[concatInputs[2]!]!.quantization!.scale[0]!, zeroPoint: Number(tensors[concatInputs[2]!]!.quantization!.zeroPoint[0]!) } : undefined);
  operators.push(builtin('ADD', [concatInputs[2]!, concatInputs[2]!], [extra], { type: 'AddOptions', fusedActivationFunction: 'NONE' }));
  outputs.push(extra);
  const listed = [...concatInputs, concatInputs[3]!]; // input 3 twice
  const out = add('concat', [1, listed.reduce((s, t) => s + tensors[t]!.shape[1]!, 0)], outQ);
  operators.push(builtin('CONCATENATION', listed, [out], { type: 'ConcatenationOptions', axis: 1, fusedActivationFunction: 'NONE' }));
  const single = rows.map((n, k) => {
    const a = add(`c${k}`, [1, n * cols], q()), b = add(`d${k}`, [1, n * cols], q());
    inputs.push(a, b);
    const sumQ = dtype === 'uint8' && k % 2 === 1 ? q() : outQ;
    const sum = add(`sum2_${k}`, [1, n * cols], sumQ);
    operators.push(builtin('ADD', [a, b], [sum], { type: 'AddOptions', fusedActivationFunction: 'NONE' }));
    return sum;
  });
  const out2 = add('concat2', [1, rows.reduce((s, n) => s + n * cols, 0)], outQ);
  operators.push(builtin('CONCATENATION', single, [out2], { type: 'ConcatenationOptions', axis: -1, fusedActivationFunction: 'NONE' }));
  outputs.unshift(out, out2);
  return { version: 3, description: 'liteq in-place concatenation test', subgraphs: [{ name: 'main', tensors, operators, inputs, outputs }], metadata: [], signatureDefs: [] };
}

describe('CONCATENATION matches TFLite 2.9', () => {
  it('bit-exactly on 120 random single-op models', async () => {
    const rng = new Rng(4242);
    const failures: string[] = [];
    for (let i = 0; i < 120; i++) {
      const dtype = rng.pick(['uint8', 'uint8', 'int8', 'float32', 'int32'] as const);
      const rank = rng.int(1, 4);
      const base = Array.from({ length: rank }, () => rng.pick([1, 2, 3, 8, 17]));
      const axis = rng.int(-rank, rank - 1);
      const ax = axis < 0 ? axis + rank : axis;
      const quantized = dtype === 'uint8' || dtype === 'int8';
      const q = () => (quantized ? { scale: [randomScale(rng, rng.next() < 0.3, 0.004, 0.5)], zeroPoint: [randomZeroPoint(rng, dtype)] } : {});
      const outQ = q();
      const inputs: TensorSpec[] = Array.from({ length: rng.int(1, 4) }, () => {
        const shape = base.slice();
        shape[ax] = rng.int(1, 5);
        return { shape, dtype, ...(dtype === 'uint8' && rng.next() < 0.7 ? q() : outQ) };
      });
      const model = singleOpModel({ opcode: 'CONCATENATION', options: { type: 'ConcatenationOptions', axis, fusedActivationFunction: 'NONE' }, inputs, output: { shape: [], dtype, ...outQ } });
      const r = await compareWithTflite(model, rng);
      if (r.differing !== 0 || r.shapeTflite.join() !== r.shapeLiteq.join()) {
        failures.push(`${dtype} axis ${axis} [${inputs.map((t) => `[${t.shape}]`).join(' ')}]: ${r.differing}/${r.count} differ`);
      }
    }
    expect(failures).toEqual([]);
  });

  it.each([2, 3])('bit-exactly on large concatenations split over %i threads', async (threads) => {
    const rng = new Rng(90 + threads);
    const failures: string[] = [];
    // SSD MobileNet v2's class-score concatenation (6 heads, their own scales), then copies with outer > 1.
    const cases: { dtype: 'uint8' | 'int8' | 'float32'; shapes: number[][]; axis: number }[] = [
      { dtype: 'uint8', shapes: [1083, 600, 150, 54, 24, 6].map((n) => [1, n, 91]), axis: 1 },
      { dtype: 'uint8', shapes: [[3, 40, 300], [3, 7, 300]], axis: 1 },
      { dtype: 'int8', shapes: [[2, 50, 400], [2, 3, 400], [2, 61, 400]], axis: 1 },
      { dtype: 'float32', shapes: [[4, 30, 70], [4, 30, 9]], axis: 2 },
    ];
    for (const c of cases) {
      const q = () => (c.dtype === 'float32' ? {} : { scale: [randomScale(rng, false, 0.004, 0.5)], zeroPoint: [randomZeroPoint(rng, c.dtype)] });
      const outQ = q();
      const inputs: TensorSpec[] = c.shapes.map((shape, k) => ({ shape, dtype: c.dtype, ...(c.dtype === 'uint8' && k % 3 !== 2 ? q() : outQ) }));
      const model = singleOpModel({ opcode: 'CONCATENATION', options: { type: 'ConcatenationOptions', axis: c.axis, fusedActivationFunction: 'NONE' }, inputs, output: { shape: [], dtype: c.dtype, ...outQ } });
      const r = await compareWithTflite(model, rng, { threads });
      if (r.differing !== 0 || r.shapeTflite.join() !== r.shapeLiteq.join()) failures.push(`${c.dtype} [${c.shapes.map((x) => `[${x}]`).join(' ')}]: ${r.differing}/${r.count} differ`);
    }
    expect(failures).toEqual([]);
  });

  it.each([1, 3])('bit-exactly when the inputs are written in place, on %i thread(s)', async (threads) => {
    const rng = new Rng(300 + threads);
    const failures: string[] = [];
    for (const dtype of ['uint8', 'int8', 'float32'] as const) {
      for (const rows of [[1083, 600, 150, 54, 24, 6], [3, 1, 7, 2]]) {
        const model = inPlaceModel(rng, dtype, rows, dtype === 'float32' ? 4 : 91);
        for (const output of [0, 1]) {
          const m = { ...model, subgraphs: [{ ...model.subgraphs[0]!, outputs: [model.subgraphs[0]!.outputs[output]!, ...model.subgraphs[0]!.outputs.filter((_, k) => k !== output)] }] };
          const r = await compareWithTflite(m, rng, { threads });
          if (r.differing !== 0 || r.shapeTflite.join() !== r.shapeLiteq.join()) failures.push(`${dtype} [${rows}] output ${output}: ${r.differing}/${r.count} differ`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  // The plan refuses a description whose tensors overlap where no kernel writes in place: a
  // concatenation input moved off its place by one element, a reshape's input shifted inside its output.
  it.each(['native', 'wasm'])('refuses an input overlapping the output anywhere but its place (%s)', async (backend) => {
    const model = inPlaceModel(new Rng(7), 'float32', [3, 1, 7, 2], 4);
    const plan = buildPlan(model);
    const b = await resolveBackend(backend);
    const d = plan.description;
    const view = new DataView(d.buffer, d.byteOffset, d.byteLength);
    let at = 32; // header: 6 u32 + u64 arena bytes, then the kernel names
    for (let k = 0, names = view.getUint32(20, true); k < names; k++) at += 4 + Math.ceil(view.getUint32(at, true) / 4) * 4;
    const offsetField = (name: string) => at + 64 * plan.tensors.findIndex((t) => t.name === name) + 40;
    const shifted = (names: string[], by: number) => {
      const copy = d.slice();
      const v = new DataView(copy.buffer);
      for (const name of names) v.setBigUint64(offsetField(name), view.getBigUint64(offsetField(name), true) + BigInt(by), true);
      return copy;
    };
    // As built, it plans (reshaped0 inside concat, sum0 inside reshaped0).
    b.createPlan(d, plan.constants, 1, 0).dispose();
    // The ADD's output and the reshape's output move together: only the concatenation sees it off place.
    expect(() => b.createPlan(shifted(['sum0', 'reshaped0'], 4), plan.constants, 1, 0)).toThrow(/op \d+: input 0 overlaps an output, not where concatenation_f32 writes it/);
    expect(() => b.createPlan(shifted(['sum0'], 4), plan.constants, 1, 0)).toThrow(/op 1: input 0 overlaps an output, not where reshape writes it/);
  });
});
