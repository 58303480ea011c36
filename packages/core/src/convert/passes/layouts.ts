// TF → TFLite weight layouts and spatial shape math.
import { UnsupportedError } from '../../errors.js';
import { getAttr, type TfNode } from '../../formats/graphdef/graph.js';

/** Conv2D filter HWIO [kh,kw,in,out] → TFLite OHWI [out,kh,kw,in]. */
export function hwioToOhwi(w: Float32Array, shape: readonly number[]): { data: Float32Array; shape: number[] } {
  const [kh, kw, ci, co] = shape as [number, number, number, number];
  const out = new Float32Array(w.length);
  for (let h = 0; h < kh; h++)
    for (let x = 0; x < kw; x++)
      for (let i = 0; i < ci; i++)
        for (let o = 0; o < co; o++) out[((o * kh + h) * kw + x) * ci + i] = w[((h * kw + x) * ci + i) * co + o]!;
  return { data: out, shape: [co, kh, kw, ci] };
}

/** Depthwise filter [kh,kw,in,m] → [1,kh,kw,in*m]: the same memory order, only the shape changes. */
export function depthwiseToTflite(w: Float32Array, shape: readonly number[]): { data: Float32Array; shape: number[] } {
  const [kh, kw, ci, m] = shape as [number, number, number, number];
  return { data: w, shape: [1, kh, kw, ci * m] };
}

/** MatMul weights [in,out] (transpose_b false) → FULLY_CONNECTED [out,in]. */
export function matmulWeights(w: Float32Array, shape: readonly number[], transposed: boolean): { data: Float32Array; shape: number[] } {
  const [r, c] = shape as [number, number];
  if (transposed) return { data: w, shape: [r, c] };
  const out = new Float32Array(w.length);
  for (let i = 0; i < r; i++) for (let o = 0; o < c; o++) out[o * r + i] = w[i * c + o]!;
  return { data: out, shape: [c, r] };
}

export interface Spatial {
  padding: 'SAME' | 'VALID';
  strideH: number;
  strideW: number;
  dilationH: number;
  dilationW: number;
}

/** Reads strides / dilations / padding of a NHWC conv or pool node. */
export function spatialAttrs(node: TfNode): Spatial {
  const fmt = getAttr(node, 'data_format', 's')?.value ?? 'NHWC';
  if (fmt !== 'NHWC') throw new UnsupportedError(`${node.op} ${node.name}: data_format ${fmt}; TFLite needs NHWC (re-export the graph for NHWC)`);
  const padding = getAttr(node, 'padding', 's')?.value ?? 'VALID';
  if (padding !== 'SAME' && padding !== 'VALID') throw new UnsupportedError(`${node.op} ${node.name}: padding ${padding}; only SAME and VALID map to TFLite`);
  const s = (getAttr(node, 'strides', 'list(i)')?.value ?? [1n, 1n, 1n, 1n]).map(Number);
  const d = (getAttr(node, 'dilations', 'list(i)')?.value ?? [1n, 1n, 1n, 1n]).map(Number);
  return { padding, strideH: s[1]!, strideW: s[2]!, dilationH: d[1]!, dilationW: d[2]!};
}

/** Output size of one spatial dimension (TF's GetWindowedOutputSize for SAME/VALID). */
export function outSize(inSize: number, k: number, stride: number, dilation: number, padding: 'SAME' | 'VALID'): number {
  const eff = (k - 1) * dilation + 1;
  return padding === 'SAME' ? Math.ceil(inSize / stride) : Math.ceil((inSize - eff + 1) / stride);
}
