// ADD / SUB / MUL against TFLite 2.9: random broadcast shapes (ranks 1-4; rank 5 without
// broadcasting — TFLite 2.9 aborts on general 5D broadcasts and liteq refuses them), random scales
// and zero points, every fused activation. Quantized and float outputs must be byte-identical (a float
// add/sub/mul is one IEEE operation either way).
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, Rng, activation, compareWithTflite, singleOpModel, type QKind, type TensorSpec } from './single-op.js';

const OPTIONS: Record<string, string> = { ADD: 'AddOptions', SUB: 'SubOptions', MUL: 'MulOptions' };

function broadcastPair(rng: Rng, maxRank: number): [number[], number[]] {
  const rank = rng.int(1, maxRank);
  const full = Array.from({ length: rank }, () => rng.pick([1, 2, 3, 5, 8, 17]));
  const a = full.map((d) => (rng.next() < 0.3 ? 1 : d));
  let b = full.map((d) => (rng.next() < 0.3 ? 1 : d));
  if (rng.next() < 0.3) b = b.slice(rng.int(0, rank - 1)); // never a scalar: the runtime helper cannot feed [] inputs
  if (rng.next() < 0.3) return [a, a.slice()];
  return rng.next() < 0.5 ? [a, b] : [b, a];
}

describe.each(['ADD', 'SUB', 'MUL'])('%s matches TFLite 2.9', (opcode) => {
  it('bit-exactly on 120 random single-op models', async () => {
    const rng = new Rng(opcode.charCodeAt(0) * 31 + 7);
    const failures: string[] = [];
    for (let i = 0; i < 120; i++) {
      const dtype = rng.pick(['uint8', 'int8', 'uint8', 'int8', 'float32'] as const) as QKind;
      let [a, b] = broadcastPair(rng, 4);
      if (rng.next() < 0.15) b = (a = Array.from({ length: 5 }, () => rng.pick([1, 2, 3]))).slice();
      const act = rng.pick(ACTIVATIONS);
      const pow2 = rng.next() < 0.3;
      const in1 = activation(rng, dtype, a, pow2);
      const in2: TensorSpec = rng.next() < 0.2 ? { ...in1, shape: b } : activation(rng, dtype, b, pow2);
      const out = activation(rng, dtype, [], pow2);
      const model = singleOpModel({ opcode, options: { type: OPTIONS[opcode]!, fusedActivationFunction: act, potScaleInt16: true }, inputs: [in1, in2], output: out });
      const r = await compareWithTflite(model, rng);
      if (r.differing !== 0 || r.shapeTflite.join() !== r.shapeLiteq.join()) {
        failures.push(`${opcode} ${dtype} ${act} [${a}] x [${b}] s=${in1.scale}/${in2.scale}/${out.scale}: ${r.differing}/${r.count} differ`);
      }
    }
    expect(failures).toEqual([]);
  });
});

// MINIMUM / MAXIMUM compare the stored values; the per-channel bound cross-layer equalization adds is a
// constant [C] operand, so a third of the cases make input 2 a constant row.
describe.each(['MINIMUM', 'MAXIMUM'])('%s matches TFLite 2.9', (opcode) => {
  it('bit-exactly on 80 random single-op models', async () => {
    const rng = new Rng(opcode.charCodeAt(1) * 37 + 11);
    const failures: string[] = [];
    for (let i = 0; i < 80; i++) {
      const dtype = rng.pick(['uint8', 'int8', 'float32', 'int32'] as const);
      const spec = (shape: number[]): TensorSpec => (dtype === 'int32' ? { shape, dtype } : activation(rng, dtype as QKind, shape, false));
      let [a, b] = broadcastPair(rng, 4);
      const in1 = spec(a);
      let in2 = spec(b);
      if (rng.next() < 0.35) {
        a = [1, rng.int(1, 9), rng.int(1, 9), rng.pick([1, 3, 8, 16, 33])];
        b = [a[3]!];
        const bytes = new Uint8Array(a[3]! * (dtype === 'float32' || dtype === 'int32' ? 4 : 1)).map(() => rng.int(0, 255));
        if (dtype === 'float32') new Float32Array(bytes.buffer).forEach((_, k, f) => (f[k] = rng.next() * 8 - 2));
        Object.assign(in1, { shape: a });
        in2 = { ...in1, shape: b, data: bytes };
      }
      const out = { ...in1, shape: [] };
      const model = singleOpModel({ opcode, options: { type: 'MaximumMinimumOptions' }, inputs: [in1, in2], output: out });
      const r = await compareWithTflite(model, rng);
      if (r.differing !== 0 || r.shapeTflite.join() !== r.shapeLiteq.join()) failures.push(`${opcode} ${dtype} [${a}] x [${b}]: ${r.differing}/${r.count} differ`);
    }
    expect(failures).toEqual([]);
  });
});
