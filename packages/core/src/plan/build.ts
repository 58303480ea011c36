// IR → executable plan, in named steps: unroll WHILE loops with a known trip count (unroll.ts), lower every op (kernel + params + inferred output shapes),
// lay activations out in one arena by lifetime (arena.ts), gather the constants, and encode the
// description native/src/runtime/plan.cc reads (encode.ts; format in native/include/liteq/liteq.h).
import { fuseActivations, fuseChannelPadding, fuseConvAdd, fusePadding } from './fuse.js';
import { UnsupportedError } from '../errors.js';
import { opName } from '../ir/op-name.js';
import { DTYPE_BYTES, numElements, type DType, type Model, type Operator, type Subgraph } from '../ir/types.js';
import { lifetimes, placeInArena } from './arena.js';
import { tensorsInPlace } from './in-place.js';
import { encodeDescription, EXECUTABLE_DTYPES } from './encode.js';
import { foldConstantDequantize } from './fold.js';
import { OP_LOWERINGS } from './ops/index.js';
import { unrollLoops } from './unroll.js';
import type { LowerContext, LoweredOp, OpLowering } from './types.js';

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

const loweringByOp = new Map<string, OpLowering>();
for (const l of OP_LOWERINGS) for (const name of l.ops) loweringByOp.set(name, l);

/**
 * Ops of a model that no lowering handles, with counts (empty when the model can run). A WHILE loop
 * counts as its body's ops (it is unrolled, plan/unroll.ts), or as WHILE when it cannot be unrolled.
 */
export function unsupportedOps(model: Model, subgraph = 0): Map<string, number> {
  if (!model.subgraphs[subgraph]) return new Map();
  let sg: Subgraph;
  try {
    sg = unrollLoops(model, subgraph);
  } catch (e) {
    if (!(e instanceof UnsupportedError)) throw e;
    sg = model.subgraphs[subgraph]!;
  }
  return unsupportedOpsOf(sg.operators);
}

function unsupportedOpsOf(ops: Operator[]): Map<string, number> {
  const missing = new Map<string, number>();
  for (const op of ops) {
    const name = opName(op);
    if (!loweringByOp.has(name)) missing.set(name, (missing.get(name) ?? 0) + 1);
  }
  return missing;
}

function tensorBytes(dtype: DType, shape: number[]): number {
  const size = DTYPE_BYTES[dtype];
  if (!size || !EXECUTABLE_DTYPES.has(dtype)) throw new UnsupportedError(`tensors of dtype ${dtype} cannot be executed`);
  return numElements(shape) * size;
}

/** Step 1: lower every op in order, inferring shapes as it goes; every op that cannot run is reported at once. */
function lowerOps(sg: Subgraph): { lowered: LoweredOp[]; shapes: (number[] | undefined)[] } {
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
    const name = opName(op);
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
  return { lowered, shapes };
}

/** Step 3: constants the ops read, in description order, checked against their shapes. */
function collectConstants(sg: Subgraph, sizes: readonly number[]): { constants: Uint8Array[]; constIndex: number[] } {
  const constants: Uint8Array[] = [];
  const constIndex = new Array<number>(sg.tensors.length).fill(-1);
  const usedAsInput = new Set<number>();
  for (const op of sg.operators) for (const i of op.inputs) if (i >= 0) usedAsInput.add(i);
  sg.tensors.forEach((t, i) => {
    if (t.data && usedAsInput.has(i)) {
      constIndex[i] = constants.length;
      constants.push(t.data);
    }
  });
  const bad = sg.tensors.flatMap((t, i) =>
    constIndex[i]! >= 0 && t.data!.byteLength !== sizes[i] ? [`${t.name}: ${t.data!.byteLength} bytes, but [${t.shape.join(',')}] ${t.dtype} needs ${sizes[i]}`] : [],
  );
  if (bad.length > 0) throw new UnsupportedError(`constant tensors whose data does not match their shape:\n  ${bad.join('\n  ')}`);
  return { constants, constIndex };
}

export function buildPlan(model: Model, opts: BuildPlanOptions = {}): BuiltPlan {
  const sgIndex = opts.subgraph ?? 0;
  if (!model.subgraphs[sgIndex]) throw new UnsupportedError(`model has no subgraph ${sgIndex}`);
  const original = unrollLoops(model, sgIndex);
  const folded = foldConstantDequantize(original);
  const keep = new Set(opts.keep ?? []);
  const sg = opts.preserveIntermediates ? folded : fuseConvAdd(fuseChannelPadding(fusePadding(fuseActivations(folded, keep), keep), keep), keep);
  const missing = unsupportedOpsOf(sg.operators);
  if (missing.size > 0) {
    const list = [...missing].map(([n, c]) => `${n} (${c})`).join(', ');
    throw new UnsupportedError(`unsupported ops: ${list}. liteq's executor cannot run this model; nothing was run.`);
  }

  const { lowered, shapes } = lowerOps(sg);
  // Step 2: lifetimes and arena placement of activations.
  const life = lifetimes(sg, opts.keep);
  const isActivation = (i: number) => !sg.tensors[i]!.data && Number.isFinite(life.first[i]!);
  const sizes = sg.tensors.map((t, i) => (shapes[i] && (isActivation(i) || t.data) ? tensorBytes(t.dtype, shapes[i]!) : 0));
  const inside = opts.preserveIntermediates ? new Map() : tensorsInPlace(sg, shapes, sizes, new Set(opts.keep ?? []));
  const { offsets, arenaBytes } = placeInArena([...Array(sg.tensors.length).keys()].filter(isActivation), sizes, life, opts.preserveIntermediates ?? false, inside);
  const { constants, constIndex } = collectConstants(sg, sizes);

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
  // Step 4: encode.
  const kernelNames = [...new Set(lowered.map((l) => l.kernel))];
  const description = encodeDescription(sg, lowered, kernelNames, { shapes, offsets, sizes, constIndex, arenaBytes });
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
