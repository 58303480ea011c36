// Where activations live: lifetimes in op steps, then offsets in one arena (greedy by size, as
// TFLite's simple arena planner), or a slot each when intermediates must stay readable.
import type { Subgraph } from '../ir/types.js';
import type { Inside } from './in-place.js';

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
 * tensors first, each at the lowest offset no tensor with an overlapping lifetime occupies. A tensor
 * in `inside` (in-place.ts) gets no slot of its own: it lives at its bytes in the tensor holding it,
 * which stays reserved from the first write of any tensor inside it to the last read.
 */
export function placeInArena(
  activations: readonly number[],
  sizes: readonly number[],
  life: Lifetimes,
  preserveAll: boolean,
  inside: ReadonlyMap<number, Inside> = new Map(),
): { offsets: number[]; arenaBytes: number } {
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
  // Each tensor inside another: the outermost holder and the byte offset in it.
  const holder = (i: number): Inside => {
    let at = 0;
    for (let t = inside.get(i); t; t = inside.get(i)) {
      at += t.at;
      i = t.of;
    }
    return { of: i, at };
  };
  const first = [...life.first], last = [...life.last];
  for (const i of inside.keys()) {
    const h = holder(i).of;
    first[h] = Math.min(first[h]!, life.first[i]!);
    last[h] = Math.max(last[h]!, life.last[i]!);
  }
  const placed: number[] = [];
  for (const i of [...activations].filter((t) => !inside.has(t)).sort((a, b) => sizes[b]! - sizes[a]! || a - b)) {
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
  for (const i of inside.keys()) {
    const h = holder(i);
    offsets[i] = offsets[h.of]! + h.at;
  }
  return { offsets, arenaBytes };
}
