// Where activations live: lifetimes in op steps, then offsets in one arena (greedy by size, as
// TFLite's simple arena planner), or a slot each when intermediates must stay readable.
import type { Subgraph } from '../ir/types.js';

export const ARENA_ALIGN = 64;
const alignUp = (n: number) => Math.ceil(n / ARENA_ALIGN) * ARENA_ALIGN;

export interface Lifetimes {
  /** Step of the first op writing the tensor (-1 for graph inputs, +Infinity if never written). */
  first: number[];
  /** Step of the last op reading it (ops.length for outputs and kept tensors, -1 if never read). */
  last: number[];
}

/** Lifetimes in op steps: inputs live from step -1, every tensor until its last reader; graph outputs and kept tensors until the end. */
export function lifetimes(sg: Subgraph, keep: readonly number[] = []): Lifetimes {
  const n = sg.tensors.length;
  const first = new Array<number>(n).fill(Number.POSITIVE_INFINITY);
  const last = new Array<number>(n).fill(-1);
  for (const i of sg.inputs) first[i] = -1;
  sg.operators.forEach((op, k) => {
    for (const o of op.outputs) first[o] = Math.min(first[o]!, k);
    for (const i of op.inputs) if (i >= 0) last[i] = Math.max(last[i]!, k);
  });
  const end = sg.operators.length;
  for (const i of [...sg.outputs, ...keep]) last[i] = end;
  return { first, last };
}

/**
 * Arena offsets for `activations` (others stay -1) and the arena's size. Greedy by size: the largest
 * tensors first, each at the lowest offset no tensor with an overlapping lifetime occupies.
 */
export function placeInArena(activations: readonly number[], sizes: readonly number[], life: Lifetimes, preserveAll: boolean): { offsets: number[]; arenaBytes: number } {
  const offsets = new Array<number>(sizes.length).fill(-1);
  const slot = (i: number) => alignUp(Math.max(sizes[i]!, 1));
  let arenaBytes = 0;
  if (preserveAll) {
    for (const i of activations) {
      offsets[i] = arenaBytes;
      arenaBytes += slot(i);
    }
    return { offsets, arenaBytes };
  }
  const { first, last } = life;
  const placed: number[] = [];
  for (const i of [...activations].sort((a, b) => sizes[b]! - sizes[a]! || a - b)) {
    const size = slot(i);
    const busy = placed
      .filter((j) => first[j]! <= last[i]! && first[i]! <= last[j]!)
      .map((j) => [offsets[j]!, offsets[j]! + slot(j)] as const)
      .sort((a, b) => a[0] - b[0]);
    let at = 0;
    for (const [s, e] of busy) {
      if (at + size <= s) break;
      at = Math.max(at, e);
    }
    offsets[i] = at;
    placed.push(i);
    arenaBytes = Math.max(arenaBytes, at + size);
  }
  return { offsets, arenaBytes };
}
