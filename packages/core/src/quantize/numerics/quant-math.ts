// TFLite's quantization arithmetic, reproduced exactly in JS doubles (see docs/SEMANTICS.md
// and tf/tensorflow/lite/kernels/internal/quantization_util.cc, kernels/kernel_util.cc).

/** x * 2^n without intermediate overflow (2^n alone leaves the double range for |n| > 1023). */
function ldexp(x: number, n: number): number {
  while (n > 1000) {
    x *= 2 ** 1000;
    n -= 1000;
  }
  while (n < -1000) {
    x *= 2 ** -1000;
    n += 1000;
  }
  return x * 2 ** n;
}

/** frexp: m = q * 2^e with q in [0.5, 1) (or 0). Exact for finite doubles. */
export function frexp(m: number): { q: number; e: number } {
  if (m === 0 || !Number.isFinite(m)) return { q: m, e: 0 };
  const a = Math.abs(m);
  let e = Math.max(-1073, Math.floor(Math.log2(a)) + 1);
  // log2 can be off by one near powers of two; fix up so that 0.5 <= a / 2^e < 1.
  let q = ldexp(a, -e);
  while (q >= 1) {
    e += 1;
    q = ldexp(a, -e);
  }
  while (q < 0.5) {
    e -= 1;
    q = ldexp(a, -e);
  }
  return { q: m < 0 ? -q : q, e };
}

/** std::round: half away from zero. */
export function roundHalfAwayFromZero(x: number): number {
  return x < 0 ? -Math.floor(-x + 0.5) : Math.floor(x + 0.5);
}

/**
 * QuantizeMultiplier: a real multiplier as a Q31 significand and a power-of-two exponent
 * (real ≈ multiplier * 2^(shift - 31)); shift > 0 is a left shift. Mirrors TFLite including the
 * q == 1.0 carry and the flush to zero below 2^-31.
 */
export function quantizeMultiplier(real: number): { multiplier: number; shift: number } {
  if (real === 0) return { multiplier: 0, shift: 0 };
  const { q, e } = frexp(real);
  let shift = e;
  let qFixed = roundHalfAwayFromZero(q * 2 ** 31);
  if (qFixed > 2 ** 31) throw new RangeError(`quantizeMultiplier(${real}): significand overflow`);
  if (qFixed === 2 ** 31) {
    qFixed /= 2;
    shift += 1;
  }
  if (shift < -31) return { multiplier: 0, shift: 0 };
  return { multiplier: qFixed, shift };
}

/** float32 rounding of a double, as C++ `static_cast<float>`. */
export const f32 = Math.fround;

export type FusedActivation = 'NONE' | 'RELU' | 'RELU_N1_TO_1' | 'RELU6' | 'TANH' | 'SIGN_BIT';

/** Integer range of a quantized dtype. */
export function dtypeRange(dtype: 'uint8' | 'int8' | 'int16' | 'int32'): { qmin: number; qmax: number } {
  switch (dtype) {
    case 'uint8':
      return { qmin: 0, qmax: 255 };
    case 'int8':
      return { qmin: -128, qmax: 127 };
    case 'int16':
      return { qmin: -32768, qmax: 32767 };
    case 'int32':
      return { qmin: -0x80000000, qmax: 0x7fffffff };
  }
}

/**
 * CalculateActivationRangeQuantized: the clamp a fused activation implies on a quantized output.
 * TFLite computes `zero_point + round(f / scale)` with the division in float32.
 */
export function activationRangeQuantized(
  activation: FusedActivation,
  dtype: 'uint8' | 'int8' | 'int16',
  scale: number,
  zeroPoint: number,
): { min: number; max: number } {
  const { qmin, qmax } = dtypeRange(dtype);
  const quantize = (f: number) => zeroPoint + roundHalfAwayFromZero(f32(f32(f) / f32(scale)));
  switch (activation) {
    case 'RELU':
      return { min: Math.max(qmin, quantize(0)), max: qmax };
    case 'RELU6':
      return { min: Math.max(qmin, quantize(0)), max: Math.min(qmax, quantize(6)) };
    case 'RELU_N1_TO_1':
      return { min: Math.max(qmin, quantize(-1)), max: Math.min(qmax, quantize(1)) };
    case 'NONE':
      return { min: qmin, max: qmax };
    default:
      throw new RangeError(`fused activation ${activation} has no quantized range`);
  }
}

/** CalculateActivationRange for float outputs. */
export function activationRangeFloat(activation: FusedActivation): { min: number; max: number } {
  switch (activation) {
    case 'RELU':
      return { min: 0, max: Number.MAX_VALUE };
    case 'RELU6':
      return { min: 0, max: 6 };
    case 'RELU_N1_TO_1':
      return { min: -1, max: 1 };
    case 'NONE':
      return { min: -3.4028234663852886e38, max: 3.4028234663852886e38 };
    default:
      throw new RangeError(`fused activation ${activation} has no float range`);
  }
}
