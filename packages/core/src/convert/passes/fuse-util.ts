// Shared checks for the fusion passes.
import type { FGraph, FOp } from '../../graph/fgraph.js';

export { AFFINE_OPS as AFFINE } from '../../quantize/numerics/ranges.js';

/** The single op reading `t`, if `t` has exactly one reader and is not a graph output. */
export function soleConsumer(g: FGraph, t: number): FOp | undefined {
  if (g.outputs.includes(t)) return undefined;
  let found: FOp | undefined;
  for (const o of g.ops) {
    if (!o.inputs.includes(t)) continue;
    if (found) return undefined;
    found = o;
  }
  return found;
}

/** A per-output-channel constant: shape [C] or [1,…,1,C] (or a scalar), as Float32Array of length C. */
export function channelVector(g: FGraph, t: number, channels: number): Float32Array | undefined {
  const tensor = g.tensors[t]!;
  if (!(tensor.data instanceof Float32Array) || tensor.minmax) return undefined;
  const s = tensor.shape;
  if (s.slice(0, -1).some((d) => d !== 1)) return undefined;
  const n = s.length ? s[s.length - 1]! : 1;
  if (n === channels) return tensor.data;
  if (n === 1) return new Float32Array(channels).fill(tensor.data[0]!);
  return undefined;
}

/** Makes `keep` produce what `drop` produced, then removes `drop` (its output tensor name wins, as in TOCO). */
export function absorb(g: FGraph, keep: FOp, drop: FOp): void {
  const oldOut = keep.outputs[0]!;
  const newOut = drop.outputs[0]!;
  const mm = g.tensors[newOut]!.minmax ?? g.tensors[oldOut]!.minmax;
  if (mm) g.tensors[newOut]!.minmax = mm;
  keep.outputs = [newOut];
  g.ops.splice(g.ops.indexOf(drop), 1);
}
