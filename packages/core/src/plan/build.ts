// IR → executable plan: lower every op (kernel + params + inferred output shapes), lay activations out
// in one arena by lifetime, and encode the description native/src/runtime/plan.cc reads (format in
// native/include/liteq/liteq.h).
import { UnsupportedError } from '../errors.js';
import { DTYPE_BYTES, numElements, type DType, type Model, type Operator, type Subgraph, type Tensor } from '../ir/types.js';
import { foldConstantDequantize } from './fold.js';
import { OP_LOWERINGS } from './ops/index.js';
import type { LowerContext, LoweredOp, OpLowering } from './types.js';

/** TFLite schema TensorType codes (the plan carries them unchanged). */
export const DTYPE_CODE: Partial<Record<DType, number>> = {
  float32: 0,
  float16: 1,
  int32: 2,
  uint8: 3,
  int64: 4,
  bool: 6,
  int16: 7,
  int8: 9,
  float64: 10,
};

export interface PlanTensorInfo {
  index: number;
  name: string;
  dtype: DType;
  shape: number[];
  bytes: number;
  scale: number;
  zeroPoint: number;
}

export interface BuiltPlan {
  /** The LQP1 description. */
  description: Uint8Array;
  /** Constant buffers in description order (views into the model file where possible). */
  constants: Uint8Array[];
  inputs: PlanTensorInfo[];
  outputs: PlanTensorInfo[];
  /** Every tensor with its inferred shape (index = IR tensor index). */
  tensors: PlanTensorInfo[];
  arenaBytes: number;
  /** Kernel name per op, in execution order. */
  kernels: string[];
}

export interface BuildPlanOptions {
  /** Give every activation its own arena slot so intermediates stay readable after a run (debugging, layer comparison). */
  preserveIntermediates?: boolean;
  /** Extra tensors to keep alive until the end of the run (readable after it). */
  keep?: number[];
  subgraph?: number;
}

const ALIGN = 64;
const alignUp = (n: number) => Math.ceil(n / ALIGN) * ALIGN;

const loweringByOp = new Map<string, OpLowering>();
for (const l of OP_LOWERINGS) for (const name of l.ops) loweringByOp.set(name, l);

/** Ops of a model that no lowering handles, with counts (empty when the model can run). */
export function unsupportedOps(model: Model, subgraph = 0): Map<string, number> {
  return unsupportedOpsOf(model.subgraphs[subgraph]?.operators ?? []);
}

function unsupportedOpsOf(ops: Operator[]): Map<string, number> {
  const missing = new Map<string, number>();
  for (const op of ops) {
    const name = op.op.kind === 'builtin' ? op.op.opcode : op.op.customCode;
    if (!loweringByOp.has(name)) missing.set(name, (missing.get(name) ?? 0) + 1);
  }
  return missing;
}

function tensorBytes(dtype: DType, shape: number[]): number {
  const size = DTYPE_BYTES[dtype];
  if (!size || DTYPE_CODE[dtype] === undefined) throw new UnsupportedError(`tensors of dtype ${dtype} cannot be executed`);
  return numElements(shape) * size;
}

export function buildPlan(model: Model, opts: BuildPlanOptions = {}): BuiltPlan {
  const sgIndex = opts.subgraph ?? 0;
  const original: Subgraph | undefined = model.subgraphs[sgIndex];
  if (!original) throw new UnsupportedError(`model has no subgraph ${sgIndex}`);
  const sg = foldConstantDequantize(original);
  const missing = unsupportedOpsOf(sg.operators);
  if (missing.size > 0) {
    const list = [...missing].map(([n, c]) => `${n} (${c})`).join(', ');
    throw new UnsupportedError(`unsupported ops: ${list}. liteq's executor cannot run this model; nothing was run.`);
  }

  // Known shapes: constants and graph inputs; every other shape comes from its producer's lowering.
  const shapes: (number[] | undefined)[] = sg.tensors.map((t) => (t.data ? [...t.shape] : undefined));
  for (const i of sg.inputs) shapes[i] = [...sg.tensors[i]!.shape];
  const ctx: LowerContext = {
    subgraph: sg,
    tensor(i) {
      const t = sg.tensors[i];
      if (!t) throw new UnsupportedError(`tensor index ${i} out of range`);
      return t;
    },
    shape(i) {
      const s = shapes[i];
      if (!s) throw new UnsupportedError(`tensor ${i} (${sg.tensors[i]?.name}) is used before any op produces it`);
      if (s.some((d) => d < 0)) throw new UnsupportedError(`tensor ${i} (${sg.tensors[i]?.name}) has a dynamic shape [${s.join(',')}]`);
      return s;
    },
  };

  const lowered: LoweredOp[] = [];
  const problems: string[] = [];
  sg.operators.forEach((op, k) => {
    const name = op.op.kind === 'builtin' ? op.op.opcode : op.op.customCode;
    try {
      const l = loweringByOp.get(name)!.lower(op, ctx);
      if (l.outputShapes.length !== op.outputs.length) throw new UnsupportedError(`lowering gave ${l.outputShapes.length} output shapes for ${op.outputs.length} outputs`);
      op.outputs.forEach((o, j) => (shapes[o] = l.outputShapes[j]!));
      lowered.push(l);
    } catch (e) {
      // RangeError: a parameter outside what the kernel can represent (e.g. a zero point past int32,
      // a scale that makes the multiplier overflow) — a bad model, reported with the rest.
      if (!(e instanceof UnsupportedError) && !(e instanceof RangeError)) throw e;
      problems.push(`op ${k} ${name} (output ${sg.tensors[op.outputs[0] ?? -1]?.name ?? '?'}): ${e.message}`);
      op.outputs.forEach((o) => (shapes[o] = shapes[o] ?? [...sg.tensors[o]!.shape]));
      lowered.push({ kernel: '', params: new Uint8Array(0), outputShapes: [] });
    }
  });
  if (problems.length > 0) throw new UnsupportedError(`cannot run ${problems.length} op(s):\n  ${problems.join('\n  ')}`);

  // Lifetimes in op steps: inputs live from step -1, every tensor until its last reader; graph
  // outputs and kept tensors until the end.
  const n = sg.tensors.length;
  const first = new Array<number>(n).fill(Number.POSITIVE_INFINITY);
  const last = new Array<number>(n).fill(-1);
  for (const i of sg.inputs) first[i] = -1;
  sg.operators.forEach((op, k) => {
    for (const o of op.outputs) first[o] = Math.min(first[o]!, k);
    for (const i of op.inputs) if (i >= 0) last[i] = Math.max(last[i]!, k);
  });
  const end = sg.operators.length;
  for (const i of [...sg.outputs, ...(opts.keep ?? [])]) last[i] = end;

  const isActivation = (i: number) => !sg.tensors[i]!.data && Number.isFinite(first[i]!);
  const offsets = new Array<number>(n).fill(-1);
  const sizes = sg.tensors.map((t, i) => (shapes[i] && (isActivation(i) || t.data) ? tensorBytes(t.dtype, shapes[i]!) : 0));
  let arenaBytes = 0;
  const activations = [...Array(n).keys()].filter(isActivation);
  if (opts.preserveIntermediates) {
    for (const i of activations) {
      offsets[i] = arenaBytes;
      arenaBytes += alignUp(Math.max(sizes[i]!, 1));
    }
  } else {
    // Greedy by size (TFLite's simple arena planner idea): place the largest tensors first at the
    // lowest offset that no tensor with an overlapping lifetime occupies.
    const placed: number[] = [];
    for (const i of [...activations].sort((a, b) => sizes[b]! - sizes[a]! || a - b)) {
      const size = alignUp(Math.max(sizes[i]!, 1));
      const busy = placed
        .filter((j) => first[j]! <= last[i]! && first[i]! <= last[j]!)
        .map((j) => [offsets[j]!, offsets[j]! + alignUp(Math.max(sizes[j]!, 1))] as const)
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
  }

  const constants: Uint8Array[] = [];
  const constIndex = new Array<number>(n).fill(-1);
  const usedAsInput = new Set<number>();
  for (const op of sg.operators) for (const i of op.inputs) if (i >= 0) usedAsInput.add(i);
  sg.tensors.forEach((t, i) => {
    if (t.data && usedAsInput.has(i)) {
      constIndex[i] = constants.length;
      constants.push(t.data);
    }
  });

  const badConstants = constants.length === 0 ? [] : sg.tensors.flatMap((t, i) =>
    constIndex[i]! >= 0 && t.data!.byteLength !== sizes[i] ? [`${t.name}: ${t.data!.byteLength} bytes, but [${t.shape.join(',')}] ${t.dtype} needs ${sizes[i]}`] : [],
  );
  if (badConstants.length > 0) throw new UnsupportedError(`constant tensors whose data does not match their shape:\n  ${badConstants.join('\n  ')}`);

  const info = (i: number): PlanTensorInfo => {
    const t = sg.tensors[i]!;
    return {
      index: i,
      name: t.name,
      dtype: t.dtype,
      shape: shapes[i] ?? [...t.shape],
      bytes: sizes[i]!,
      scale: t.quantization?.scale.length === 1 ? t.quantization.scale[0]! : 0,
      zeroPoint: t.quantization?.zeroPoint.length === 1 ? Number(t.quantization.zeroPoint[0]!) : 0,
    };
  };

  const kernelNames = [...new Set(lowered.map((l) => l.kernel))];
  const description = encodeDescription(sg, lowered, kernelNames, shapes, offsets, sizes, constIndex, arenaBytes);
  return {
    description,
    constants,
    inputs: sg.inputs.map(info),
    outputs: sg.outputs.map(info),
    tensors: sg.tensors.map((_, i) => info(i)),
    arenaBytes,
    kernels: lowered.map((l) => l.kernel),
  };
}

class ByteWriter {
  private buf = new Uint8Array(4096);
  private view = new DataView(this.buf.buffer);
  n = 0;
  private ensure(k: number) {
    if (this.n + k <= this.buf.length) return;
    const g = new Uint8Array(Math.max(this.buf.length * 2, this.n + k));
    g.set(this.buf.subarray(0, this.n));
    this.buf = g;
    this.view = new DataView(g.buffer);
  }
  u32(v: number) {
    this.ensure(4);
    this.view.setUint32(this.n, v, true);
    this.n += 4;
  }
  i32(v: number) {
    this.ensure(4);
    this.view.setInt32(this.n, v, true);
    this.n += 4;
  }
  f32(v: number) {
    this.ensure(4);
    this.view.setFloat32(this.n, v, true);
    this.n += 4;
  }
  u64(v: number) {
    this.ensure(8);
    this.view.setBigUint64(this.n, BigInt(v), true);
    this.n += 8;
  }
  bytes(b: Uint8Array) {
    this.ensure(b.length + 3);
    this.buf.set(b, this.n);
    this.n += b.length;
    while (this.n % 4) this.buf[this.n++] = 0;
  }
  finish() {
    return this.buf.slice(0, this.n);
  }
}

function encodeDescription(
  sg: Subgraph,
  lowered: LoweredOp[],
  kernelNames: string[],
  shapes: (number[] | undefined)[],
  offsets: number[],
  sizes: number[],
  constIndex: number[],
  arenaBytes: number,
): Uint8Array {
  const w = new ByteWriter();
  w.u32(0x3150514c);
  w.u32(sg.tensors.length);
  w.u32(lowered.length);
  w.u32(sg.inputs.length);
  w.u32(sg.outputs.length);
  w.u32(kernelNames.length);
  w.u64(arenaBytes);
  const enc = new TextEncoder();
  for (const k of kernelNames) {
    const b = enc.encode(k);
    w.u32(b.length);
    w.bytes(b);
  }
  sg.tensors.forEach((t: Tensor, i) => {
    const shape = shapes[i] ?? [];
    const storage = offsets[i]! >= 0 ? 0 : constIndex[i]! >= 0 ? 1 : 2;
    if (shape.length > 6) throw new UnsupportedError(`tensor ${t.name} has rank ${shape.length} (the executor supports up to 6)`);
    w.i32(storage === 2 ? (DTYPE_CODE[t.dtype] ?? 0) : DTYPE_CODE[t.dtype]!);
    w.i32(storage === 2 ? 0 : shape.length);
    for (let d = 0; d < 6; d++) w.i32(storage === 2 ? 0 : (shape[d] ?? 0));
    w.i32(storage);
    w.i32(constIndex[i]!);
    w.u64(storage === 0 ? offsets[i]! : 0);
    w.u64(storage === 1 ? t.data!.byteLength : storage === 0 ? sizes[i]! : 0);
    const q = t.quantization;
    w.f32(q && q.scale.length === 1 ? q.scale[0]! : 0);
    w.i32(q && q.zeroPoint.length === 1 ? Number(q.zeroPoint[0]!) : 0);
  });
  const kIndex = new Map(kernelNames.map((k, i) => [k, i]));
  sg.operators.forEach((op, k) => {
    const l = lowered[k]!;
    w.u32(kIndex.get(l.kernel)!);
    w.u32(op.inputs.length);
    w.u32(op.outputs.length);
    w.u32(l.params.byteLength);
    for (const i of op.inputs) w.i32(i);
    for (const o of op.outputs) w.i32(o);
    w.bytes(l.params);
  });
  for (const i of sg.inputs) w.i32(i);
  for (const o of sg.outputs) w.i32(o);
  return w.finish();
}
