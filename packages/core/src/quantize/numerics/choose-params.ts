// Picking (scale, zero point) from a float range, the two ways TensorFlow does it:
// - chooseQuantizationParams: the converter's double-precision choice (toco / lite
//   quantization_util.h `ChooseQuantizationParams`): zero point from the end with the smaller
//   rounding error, rounded half away from zero;
// - nudge: TF's FakeQuant kernels (fake_quant_ops_functor.h `Nudge`), all in float32, zero point
//   from the min end, rounded half up (zero points are never negative there, so the same as std::round).
// The shared QAT graph's ranges were tuned so both agree; tests pin their rounding edges.
import { UnsupportedError } from '../../errors.js';
import { f32, roundHalfAwayFromZero } from './quant-math.js';

export interface QuantParams {
  scale: number;
  zeroPoint: number;
}

/** ChooseQuantizationParams for an integer range [qmin, qmax] (uint8: 0..255, narrow 1..255). */
export function chooseQuantizationParams(rmin: number, rmax: number, qmin: number, qmax: number): QuantParams {
  if (!Number.isFinite(rmin) || !Number.isFinite(rmax) || rmin > rmax) throw new UnsupportedError(`cannot quantize the range [${rmin}, ${rmax}]: not a finite min <= max`);
  // 0 must be exactly representable, so the range always contains it.
  rmin = Math.min(rmin, 0);
  rmax = Math.max(rmax, 0);
  if (rmin === rmax) return { scale: 0, zeroPoint: 0 };
  const scale = (rmax - rmin) / (qmax - qmin);
  const zpFromMin = qmin - rmin / scale;
  const zpFromMax = qmax - rmax / scale;
  const errMin = Math.abs(qmin) + Math.abs(rmin / scale);
  const errMax = Math.abs(qmax) + Math.abs(rmax / scale);
  const zp = errMin < errMax ? zpFromMin : zpFromMax;
  const zeroPoint = zp < qmin ? qmin : zp > qmax ? qmax : roundHalfAwayFromZero(zp);
  return { scale, zeroPoint };
}

/** TF's Nudge in float32: the scale, zero point and nudged [min, max] a FakeQuant op really uses. */
export function nudge(min: number, max: number, qmin: number, qmax: number): QuantParams & { nudgedMin: number; nudgedMax: number } {
  const scale = f32(f32(f32(max) - f32(min)) / f32(qmax - qmin));
  const zpFromMin = f32(qmin - f32(f32(min) / scale));
  const zeroPoint = zpFromMin < qmin ? qmin : zpFromMin > qmax ? qmax : Math.floor(zpFromMin + 0.5);
  return { scale, zeroPoint, nudgedMin: f32((qmin - zeroPoint) * scale), nudgedMax: f32((qmax - zeroPoint) * scale) };
}

/** FakeQuant's float output for constant inputs (ResolveConstantFakeQuant), float32 as the TF kernel. */
export function fakeQuantFloat(x: Float32Array, min: number, max: number, numBits: number, narrowRange: boolean): Float32Array {
  const qmin = narrowRange ? 1 : 0;
  const qmax = 2 ** numBits - 1;
  const { scale, nudgedMin, nudgedMax } = nudge(min, max, qmin, qmax);
  const inv = f32(1 / scale);
  const out = new Float32Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const c = Math.min(Math.max(x[i]!, nudgedMin), nudgedMax);
    const shifted = f32(c - nudgedMin);
    out[i] = f32(f32(Math.floor(f32(f32(shifted * inv) + 0.5)) * scale) + nudgedMin);
  }
  return out;
}
