// The LQP1 plan description native/src/runtime/plan.cc reads (format in native/include/liteq/liteq.h):
// header, kernel names, one record per tensor, one per op (kernel, tensors, params blob), graph I/O.
import { UnsupportedError } from '../errors.js';
import { TENSOR_TYPE_CODE, type DType, type Subgraph } from '../ir/types.js';
import type { LoweredOp } from './types.js';
import { ByteWriter } from './writer.js';

export const PLAN_MAGIC = 0x3150514c; // "LQP1"

/** Where a tensor's bytes are at run time (liteq.h: `storage`). */
export const enum StorageKind {
  Arena = 0,
  Constant = 1,
  /** An omitted optional input, or a tensor no op reads or writes. */
  None = 2,
}

/** Dtypes the executor has tensors for (plan.cc's DTypeSize). */
export const EXECUTABLE_DTYPES: ReadonlySet<DType> = new Set(['float32', 'float16', 'int32', 'uint8', 'int64', 'bool', 'int16', 'int8', 'float64']);

export interface TensorPlacement {
  /** Inferred static shape, or undefined for tensors nothing produces. */
  shapes: (number[] | undefined)[];
  /** Arena offset, or -1. */
  offsets: number[];
  /** Bytes of each tensor (0 for tensors not stored). */
  sizes: number[];
  /** Index into the constants array, or -1. */
  constIndex: number[];
  arenaBytes: number;
}

function storageOf(i: number, p: TensorPlacement): StorageKind {
  if (p.offsets[i]! >= 0) return StorageKind.Arena;
  return p.constIndex[i]! >= 0 ? StorageKind.Constant : StorageKind.None;
}

export function encodeDescription(sg: Subgraph, lowered: LoweredOp[], kernelNames: string[], p: TensorPlacement): Uint8Array {
  const w = new ByteWriter();
  w.u32(PLAN_MAGIC).u32(sg.tensors.length).u32(lowered.length).u32(sg.inputs.length).u32(sg.outputs.length).u32(kernelNames.length).u64(p.arenaBytes);
  const enc = new TextEncoder();
  for (const k of kernelNames) {
    const b = enc.encode(k);
    w.u32(b.length).bytes(b);
  }
  sg.tensors.forEach((t, i) => {
    const shape = p.shapes[i] ?? [];
    const storage = storageOf(i, p);
    const none = storage === StorageKind.None;
    if (shape.length > 6) throw new UnsupportedError(`tensor ${t.name} has rank ${shape.length} (the executor supports up to 6)`);
    w.i32(EXECUTABLE_DTYPES.has(t.dtype) ? TENSOR_TYPE_CODE[t.dtype] : 0);
    w.i32(none ? 0 : shape.length);
    for (let d = 0; d < 6; d++) w.i32(none ? 0 : (shape[d] ?? 0));
    w.i32(storage).i32(p.constIndex[i]!);
    w.u64(storage === StorageKind.Arena ? p.offsets[i]! : 0);
    w.u64(storage === StorageKind.Constant ? t.data!.byteLength : storage === StorageKind.Arena ? p.sizes[i]! : 0);
    const q = t.quantization;
    w.f32(q && q.scale.length === 1 ? q.scale[0]! : 0);
    w.i32(q && q.zeroPoint.length === 1 ? Number(q.zeroPoint[0]!) : 0);
  });
  const kIndex = new Map(kernelNames.map((k, i) => [k, i]));
  sg.operators.forEach((op, k) => {
    const l = lowered[k]!;
    w.u32(kIndex.get(l.kernel)!).u32(op.inputs.length).u32(op.outputs.length).u32(l.params.byteLength);
    for (const i of op.inputs) w.i32(i);
    for (const o of op.outputs) w.i32(o);
    w.bytes(l.params);
  });
  for (const i of sg.inputs) w.i32(i);
  for (const o of sg.outputs) w.i32(o);
  return w.finish();
}
