// Constant folding: a node whose inputs are all constants is evaluated here instead of becoming an
// op (shape arithmetic feeding Reshape — Shape/StridedSlice/Pack/Cast — and BatchNorm-fold math such
// as weights × gamma/sqrt(var+eps)). Float math is float32, as TF's CPU kernels.
import { UnsupportedError } from '../../errors.js';
import { getAttr, type TfNode } from '../../formats/graphdef/graph.js';
import type { ConstValue } from '../../graph/const-value.js';

const f32 = Math.fround;

export function broadcastShape(a: readonly number[], b: readonly number[]): number[] | undefined {
  const n = Math.max(a.length, b.length);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = a[a.length - n + i] ?? 1;
    const y = b[b.length - n + i] ?? 1;
    if (x !== y && x !== 1 && y !== 1) return undefined;
    out.push(x === 1 ? y : x);
  }
  return out;
}

function strides(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length).fill(1);
  for (let i = shape.length - 2; i >= 0; i--) s[i] = s[i + 1]! * shape[i + 1]!;
  return s;
}

/** Index of `outShape`'s flat element `i` in an operand of shape `shape` broadcast to it. */
function broadcastIndexer(shape: readonly number[], outShape: readonly number[]): (i: number) => number {
  const n = outShape.length;
  const os = strides(outShape);
  const padded = [...new Array<number>(n - shape.length).fill(1), ...shape];
  const is = strides(padded);
  return (i) => {
    let idx = 0;
    for (let d = 0; d < n; d++) {
      const c = Math.floor(i / os[d]!) % outShape[d]!;
      if (padded[d] !== 1) idx += c * is[d]!;
    }
    return idx;
  };
}

const BINARY: Record<string, (x: number, y: number, float: boolean) => number> = {
  Add: (x, y, f) => (f ? f32(x + y) : (x + y) | 0),
  AddV2: (x, y, f) => (f ? f32(x + y) : (x + y) | 0),
  Sub: (x, y, f) => (f ? f32(x - y) : (x - y) | 0),
  Mul: (x, y, f) => (f ? f32(x * y) : Math.imul(x, y)),
  RealDiv: (x, y) => f32(x / y),
  FloorDiv: (x, y, f) => (f ? f32(Math.floor(x / y)) : Math.floor(x / y)),
  Maximum: (x, y) => Math.max(x, y),
  Minimum: (x, y) => Math.min(x, y),
};

const UNARY: Record<string, (x: number) => number> = {
  Rsqrt: (x) => f32(1 / f32(Math.sqrt(x))),
  Sqrt: (x) => f32(Math.sqrt(x)),
  Neg: (x) => -x,
  Reciprocal: (x) => f32(1 / x),
  Square: (x) => f32(x * x),
};

/** Ops this pass can fold (besides Shape, which the lowering folds from inferred shapes). */
export function isFoldable(op: string): boolean {
  return op in BINARY || op in UNARY || ['Cast', 'Pack', 'StridedSlice', 'Reshape', 'ConcatV2', 'ExpandDims', 'Squeeze', 'Fill', 'Prod'].includes(op);
}

function make(name: string, dtype: ConstValue['dtype'], shape: number[], values: ArrayLike<number>): ConstValue {
  return { name, dtype, shape, data: dtype === 'float32' ? Float32Array.from(values) : Int32Array.from(values) };
}

/** Evaluates `node` on constant inputs; undefined when the case is not handled (it is then lowered as an op). */
// How many inputs each folded op takes (a node with another count is left to the lowering, which
// reports it); Pack and ConcatV2 take any number from 1 and 2.
const FOLD_ARITY: Record<string, [number, number]> = {
  Cast: [1, 1], Squeeze: [1, 1], StridedSlice: [4, 4], Reshape: [2, 2], ExpandDims: [2, 2], Fill: [2, 2], Prod: [2, 2],
  Pack: [1, Infinity], ConcatV2: [2, Infinity],
};

export function foldConstant(node: TfNode, inputs: ConstValue[]): ConstValue | undefined {
  const name = node.name;
  const arity = FOLD_ARITY[node.op];
  if (arity && (inputs.length < arity[0] || inputs.length > arity[1])) return undefined;
  if (node.op in BINARY && inputs.length === 2) {
    const [a, b] = inputs as [ConstValue, ConstValue];
    const shape = broadcastShape(a.shape, b.shape);
    if (!shape) throw new UnsupportedError(`${node.op} ${name}: shapes [${a.shape}] and [${b.shape}] do not broadcast`);
    const float = a.dtype === 'float32' || b.dtype === 'float32';
    const n = shape.reduce((x, y) => x * y, 1);
    const ia = broadcastIndexer(a.shape, shape);
    const ib = broadcastIndexer(b.shape, shape);
    const fn = BINARY[node.op]!;
    const out = float ? new Float32Array(n) : new Int32Array(n);
    for (let i = 0; i < n; i++) out[i] = fn(a.data[ia(i)]!, b.data[ib(i)]!, float);
    return { name, dtype: float ? 'float32' : 'int32', shape, data: out };
  }
  if (node.op in UNARY && inputs.length === 1) {
    const a = inputs[0]!;
    return make(name, 'float32', a.shape, Array.from(a.data, UNARY[node.op]!));
  }
  switch (node.op) {
    case 'Cast': {
      const to = getAttr(node, 'DstT', 'type')?.value;
      const a = inputs[0]!;
      if (to === 'DT_FLOAT') return make(name, 'float32', a.shape, a.data);
      if (to === 'DT_INT32' || to === 'DT_INT64' || to === 'DT_BOOL') return make(name, 'int32', a.shape, Array.from(a.data, (v) => (to === 'DT_BOOL' ? Number(v !== 0) : Math.trunc(v))));
      return undefined;
    }
    case 'Pack': {
      const axis = Number(getAttr(node, 'axis', 'i')?.value ?? 0n);
      if (axis !== 0 || inputs.some((c) => c.shape.length > 0)) return undefined;
      return make(name, inputs[0]!.dtype, [inputs.length], inputs.map((c) => c.data[0]!));
    }
    case 'StridedSlice':
      return stridedSlice1d(node, inputs);
    case 'Reshape': {
      const [a, s] = inputs as [ConstValue, ConstValue];
      return { ...a, name, shape: resolveReshape(a.shape, Array.from(s.data), name) };
    }
    case 'ExpandDims': {
      const [a, ax] = inputs as [ConstValue, ConstValue];
      let axis = ax.data[0]!;
      if (axis < 0) axis += a.shape.length + 1;
      const shape = [...a.shape];
      shape.splice(axis, 0, 1);
      return { ...a, name, shape };
    }
    case 'Squeeze': {
      const a = inputs[0]!;
      return { ...a, name, shape: squeezeShape(a.shape, squeezeDims(node)) };
    }
    case 'Fill': {
      const [dims, v] = inputs as [ConstValue, ConstValue];
      const shape = Array.from(dims.data);
      return make(name, v.dtype, shape, new Array<number>(shape.reduce((x, y) => x * y, 1)).fill(v.data[0]!));
    }
    case 'Prod': {
      const [a, ax] = inputs as [ConstValue, ConstValue];
      if (a.shape.length !== 1 || ax.data.length !== 1) return undefined;
      const keep = getAttr(node, 'keep_dims', 'b')?.value ?? false;
      return make(name, a.dtype, keep ? [1] : [], [Array.from(a.data).reduce((x, y) => x * y, 1)]);
    }
    case 'ConcatV2': {
      const axisC = inputs[inputs.length - 1]!;
      const parts = inputs.slice(0, -1);
      if (parts.some((p) => p.shape.length !== 1) || (axisC.data[0] !== 0 && axisC.data[0] !== -1)) return undefined;
      return make(name, parts[0]!.dtype, [parts.reduce((s, p) => s + p.data.length, 0)], parts.flatMap((p) => Array.from(p.data)));
    }
    default:
      return undefined;
  }
}

function stridedSlice1d(node: TfNode, inputs: ConstValue[]): ConstValue | undefined {
  const [x, b, e, s] = inputs as [ConstValue, ConstValue, ConstValue, ConstValue];
  if (x.shape.length !== 1 || b.data.length !== 1) return undefined;
  const mask = (k: string) => Number(getAttr(node, k, 'i')?.value ?? 0n);
  if (mask('ellipsis_mask') || mask('new_axis_mask')) return undefined;
  const n = x.shape[0]!;
  const stride = s.data[0]!;
  if (stride === 0) return undefined;
  const norm = (v: number) => (v < 0 ? v + n : v);
  let begin = mask('begin_mask') & 1 ? (stride > 0 ? 0 : n - 1) : norm(b.data[0]!);
  let end = mask('end_mask') & 1 ? (stride > 0 ? n : -1) : norm(e.data[0]!);
  if (mask('shrink_axis_mask') & 1) return { name: node.name, dtype: x.dtype, shape: [], data: x.dtype === 'float32' ? Float32Array.of(x.data[begin]!) : Int32Array.of(x.data[begin]!) };
  begin = Math.min(Math.max(begin, stride > 0 ? 0 : -1), n);
  end = Math.min(Math.max(end, -1), n);
  const out: number[] = [];
  for (let i = begin; stride > 0 ? i < end : i > end; i += stride) out.push(x.data[i]!);
  return make(node.name, x.dtype, [out.length], out);
}

export function squeezeDims(node: TfNode): number[] {
  const a = getAttr(node, 'squeeze_dims', 'list(i)') ?? getAttr(node, 'axis', 'list(i)');
  return a ? a.value.map(Number) : [];
}

export function squeezeShape(shape: readonly number[], dims: readonly number[]): number[] {
  const norm = dims.map((d) => (d < 0 ? d + shape.length : d));
  return shape.filter((d, i) => (norm.length ? !norm.includes(i) : d !== 1));
}

/** Reshape's output shape with one -1 resolved. */
export function resolveReshape(inShape: readonly number[], target: readonly number[], name: string): number[] {
  const n = inShape.reduce((a, b) => a * b, 1);
  const known = target.reduce((a, b) => (b === -1 ? a : a * b), 1);
  const out = target.map((d) => (d === -1 ? n / known : d));
  if (out.some((d) => !Number.isInteger(d) || d < 0) || out.reduce((a, b) => a * b, 1) !== n) {
    throw new UnsupportedError(`Reshape ${name}: cannot reshape [${inShape.join(',')}] to [${target.join(',')}]`);
  }
  return out;
}
