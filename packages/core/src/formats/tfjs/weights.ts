// TF.js weight manifests → TfTensors, with tfjs-core io.decodeWeights semantics: weights are laid
// out back to back, groups in manifest order; uint8/uint16 quantized values dequantize as
// q*scale+min (computed in double, stored as float32; Math.round for int32 targets), float16 widens
// to float32. Unquantized float32/int32/bool weights are zero-copy views of the weight buffer.
import { ModelFormatError } from '../../errors.js';
import type { TfTensor } from '../graphdef/graph.js';

export interface WeightQuantization {
  dtype: 'uint8' | 'uint16' | 'float16';
  scale?: number;
  min?: number;
  original_dtype?: string;
}

export interface WeightSpec {
  name: string;
  shape: number[];
  dtype: string;
  quantization?: WeightQuantization;
}

export interface WeightGroup {
  paths: string[];
  weights: WeightSpec[];
}

export interface WeightLayout {
  spec: WeightSpec;
  offset: number;
  byteLength: number;
  /** The dtype the dequantized tensor gets: spec.dtype, checked against original_dtype. */
  target: 'float32' | 'int32' | 'bool';
}

const TF_DTYPE = { float32: 'DT_FLOAT', int32: 'DT_INT32', bool: 'DT_BOOL' } as const;
const STORED_SIZE: Record<string, number> = { float32: 4, int32: 4, bool: 1, uint8: 1, uint16: 2, float16: 2 };

type Fail = (field: string, reason: string) => never;

function isObj(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Validates the manifest and computes every weight's byte range, without touching weight data. */
export function layoutWeights(manifest: unknown, fail: Fail): { groups: WeightGroup[]; layout: WeightLayout[]; totalBytes: number } {
  if (!Array.isArray(manifest)) fail('weightsManifest', 'expected an array of weight groups');
  const groups: WeightGroup[] = [];
  const layout: WeightLayout[] = [];
  let offset = 0;
  manifest.forEach((g: unknown, gi) => {
    const gw = `weightsManifest[${gi}]`;
    if (!isObj(g) || !Array.isArray(g['paths']) || !Array.isArray(g['weights'])) fail(gw, 'expected {paths: string[], weights: []}');
    const paths = g['paths'] as unknown[];
    paths.forEach((p, i) => {
      // Shard paths are relative file names in the model directory; refuse anything that escapes it.
      if (typeof p !== 'string' || p === '' || p.includes('..') || p.startsWith('/') || p.includes('\\')) fail(`${gw}.paths[${i}]`, `bad shard path ${JSON.stringify(p)}`);
    });
    const weights = (g['weights'] as unknown[]).map((w, wi) => {
      const ww = `${gw}.weights[${wi}]`;
      if (!isObj(w) || typeof w['name'] !== 'string' || !Array.isArray(w['shape']) || typeof w['dtype'] !== 'string') {
        fail(ww, 'expected {name, shape, dtype}');
      }
      const spec = w as unknown as WeightSpec;
      const where = `${ww} '${spec.name}'`;
      let n = 1;
      for (const d of spec.shape) {
        if (!Number.isSafeInteger(d) || d < 0) fail(where, `bad dimension ${JSON.stringify(d)} in shape`);
        n *= d;
      }
      if (!Number.isSafeInteger(n)) fail(where, 'element count overflows');
      const target = spec.dtype;
      if (target !== 'float32' && target !== 'int32' && target !== 'bool') {
        fail(where, `weight dtype '${target}' is not supported (liteq reads float32, int32 and bool weights; string and complex64 have no TFLite counterpart here)`);
      }
      let stored: string = target;
      const q = spec.quantization;
      if (q !== undefined) {
        if (!isObj(q)) fail(where, 'quantization must be an object');
        if (q.dtype === 'uint8' || q.dtype === 'uint16') {
          if (typeof q.scale !== 'number' || typeof q.min !== 'number' || !Number.isFinite(q.scale) || !Number.isFinite(q.min)) {
            fail(where, `${q.dtype} quantization needs finite numeric scale and min`);
          }
          if (target === 'bool') fail(where, `${q.dtype} quantization of a bool weight is not defined`);
        } else if (q.dtype === 'float16') {
          if (target !== 'float32') fail(where, `float16 quantization only applies to float32 weights, not ${target}`);
        } else {
          fail(where, `unknown quantization dtype ${JSON.stringify(q.dtype)} (expected uint8, uint16 or float16)`);
        }
        if (q.original_dtype !== undefined && q.original_dtype !== target) {
          fail(where, `quantization.original_dtype '${q.original_dtype}' disagrees with dtype '${target}'`);
        }
        stored = q.dtype;
      }
      const byteLength = n * STORED_SIZE[stored]!;
      layout.push({ spec, offset, byteLength, target });
      offset += byteLength;
      return spec;
    });
    groups.push({ paths: paths as string[], weights });
  });
  return { groups, layout, totalBytes: offset };
}

function halfToFloat(h: number): number {
  const s = h & 0x8000 ? -1 : 1;
  const e = (h >> 10) & 0x1f;
  const m = h & 0x3ff;
  if (e === 0) return s * m * 2 ** -24; // zero and subnormals
  if (e === 31) return m ? NaN : s * Infinity;
  return s * (1 + m / 1024) * 2 ** (e - 15);
}

/** One weight as a tensor. `data` must already be known to hold the layout's byte range. */
export function decodeWeight(l: WeightLayout, data: Uint8Array): TfTensor {
  // Plain Uint8Array view (not a Buffer, whose slice() does not copy).
  const bytes = new Uint8Array(data.buffer, data.byteOffset + l.offset, l.byteLength);
  const shape = l.spec.shape.slice();
  const dtype = TF_DTYPE[l.target];
  const q = l.spec.quantization;
  if (!q) return { dtype, shape, data: bytes };
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = q.dtype === 'uint8' ? bytes.length : bytes.length / 2;
  const read = q.dtype === 'uint8' ? (i: number) => bytes[i]! : (i: number) => dv.getUint16(i * 2, true);
  if (q.dtype === 'float16') {
    const out = new Float32Array(n);
    for (let i = 0; i < n; i++) out[i] = halfToFloat(read(i));
    return { dtype, shape, data: new Uint8Array(out.buffer) };
  }
  const scale = q.scale!;
  const min = q.min!;
  const out = l.target === 'int32' ? new Int32Array(n) : new Float32Array(n);
  if (l.target === 'int32') for (let i = 0; i < n; i++) out[i] = Math.round(read(i) * scale + min);
  else for (let i = 0; i < n; i++) out[i] = read(i) * scale + min;
  return { dtype, shape, data: new Uint8Array(out.buffer) };
}
