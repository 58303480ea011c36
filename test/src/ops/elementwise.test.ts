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
