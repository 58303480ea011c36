// CONV_2D and DEPTHWISE_CONV_2D against TFLite 2.9: random single-op models over dtypes, channel
// counts 1/3/8/17, kernel sizes, strides, dilations, SAME/VALID, depth multipliers, zero points,
// per-channel int8 weights, fused activations with clamps hit, and power-of-two scales (exact
// multipliers, so rounding ties are frequent: conv rounds them up, depthwise away from zero).
import { describe, expect, it } from 'vitest';
import { convCase } from './conv-case.js';
import { Rng, compareWithTflite } from './single-op.js';

async function runFamily(depthwise: boolean, seed: number, cases: number): Promise<void> {
  const rng = new Rng(seed);
  const failures: string[] = [];
  for (let i = 0; i < cases; i++) {
    const c = convCase(rng, depthwise);
    const r = await compareWithTflite(c.model, rng);
    const ok = r.shapeTflite.join() === r.shapeLiteq.join() && (c.float ? r.maxError <= 1e-5 : r.differing === 0);
    if (!ok) failures.push(`${c.label}: ${r.differing}/${r.count} differ (max ${r.maxError}), shapes [${r.shapeTflite}] vs [${r.shapeLiteq}]`);
  }
  expect(failures).toEqual([]);
}

describe('CONV_2D matches TFLite 2.9', () => {
  it('on 80 random uint8/int8 (bit-exact) and float32 (1e-5) single-op models', () => runFamily(false, 101, 80));
});

describe('DEPTHWISE_CONV_2D matches TFLite 2.9', () => {
  it('on 80 random uint8/int8 (bit-exact) and float32 (1e-5) single-op models', () => runFamily(true, 202, 80));
});
