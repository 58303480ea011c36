// TF nodes → TFLite-shaped ops over float tensors (fir.ts). One op per TF node; fusions (bias,
// BatchNorm, activations) are separate passes afterwards. Constants are folded on the way
// (fold-constants.ts), FakeQuant ranges are attached to the tensors they measure, and every op this
// converter cannot map is collected so that one error lists them all.
import { InvalidInputError, UnsupportedError } from '../../errors.js';
import { getAttr, parseInput, type TfNode } from '../../formats/graphdef/graph.js';
import type { DType } from '../../ir/types.js';
import { fakeQuantFloat } from '../../quantize/numerics/choose-params.js';
import { constFromTf, type ConstValue } from '../../graph/const-value.js';
import { addTensor, builtin, type FGraph } from '../../graph/fgraph.js';
import { customOptionsFromAttrs } from './custom-op.js';
import { broadcastShape, foldConstant, isFoldable, resolveReshape, squeezeDims, squeezeShape } from './fold-constants.js';
import { depthwiseToTflite, hwioToOhwi, matmulWeights, outSize, spatialAttrs } from './layouts.js';

export interface LowerOptions {
  inputArrays: readonly string[];
  outputArrays: readonly string[];
  allowCustomOps: boolean;
  /** Float conversion applies constant FakeQuants to the weights (TF semantics); uint8 quantizes them later. */
  quantized: boolean;
}

type Value = { kind: 'const'; c: ConstValue } | { kind: 'tensor'; t: number };

const TF_DTYPES: Record<string, DType> = { DT_FLOAT: 'float32', DT_UINT8: 'uint8', DT_INT8: 'int8', DT_INT32: 'int32', DT_INT64: 'int64', DT_BOOL: 'bool', DT_INT16: 'int16' };

/** TF ops this pass maps to builtins (the rest need --allow_custom_ops). */
export const MAPPED_OPS = new Set([
  'Placeholder', 'Const', 'Identity', 'FakeQuantWithMinMaxVars', 'FakeQuantWithMinMaxArgs', 'Conv2D', 'DepthwiseConv2dNative', 'MatMul',
  'BiasAdd', 'Add', 'AddV2', 'Sub', 'Mul', 'ConcatV2', 'Reshape', 'Squeeze', 'Sigmoid', 'Softmax', 'Tanh', 'Relu', 'Relu6', 'AvgPool', 'MaxPool',
  'Mean', 'Pad', 'FusedBatchNorm', 'FusedBatchNormV3', 'Shape', 'AddN',
]);

const key = (input: string): string => {
  const p = parseInput(input);
  return `${p.node}:${p.output}`;
};
const tensorName = (node: string, k: number): string => (k === 0 ? node : `${node}:${k}`);

/** Orders nodes so producers come first, keeping the file's order wherever it already is valid. */
function stableTopoOrder(nodes: TfNode[]): TfNode[] {
  const names = new Set(nodes.map((n) => n.name));
  const done = new Set<string>();
  const out: TfNode[] = [];
  let pending = nodes;
  while (pending.length) {
    const next: TfNode[] = [];
    for (const n of pending) {
      if (n.inputs.every((i) => done.has(parseInput(i).node) || !names.has(parseInput(i).node))) {
        out.push(n);
        done.add(n.name);
      } else next.push(n);
    }
    if (next.length === pending.length) throw new UnsupportedError(`the graph has a cycle through ${next.slice(0, 5).map((n) => n.name).join(', ')} (control flow is not supported)`);
    pending = next;
  }
  return out;
}

export function lowerGraph(nodesIn: TfNode[], opts: LowerOptions): FGraph {
  const g: FGraph = { tensors: [], ops: [], inputs: [], outputs: [] };
  const values = new Map<string, Value>();
  const constTensors = new Map<string, number>();
  const unsupported = new Map<string, string[]>();
  const poisoned = new Set<string>();

  const materialize = (c: ConstValue): number => {
    const have = constTensors.get(c.name);
    if (have !== undefined) return have;
    const t = addTensor(g, { name: c.name, shape: c.shape, hasRank: true, dtype: c.dtype, data: c.data, ...(c.minmax ? { minmax: c.minmax } : {}), ...(c.narrowRange ? { narrowRange: true } : {}) });
    constTensors.set(c.name, t);
    return t;
  };
  const value = (node: TfNode, i: number): Value => {
    const input = node.inputs[i];
    if (input === undefined) throw new UnsupportedError(`${node.op} ${node.name}: expected at least ${i + 1} inputs`);
    const v = values.get(key(input));
    if (!v) throw new UnsupportedError(`${node.op} ${node.name}: input ${input} has no value (unsupported producer)`);
    return v;
  };
  const tensorOf = (node: TfNode, i: number): number => {
    const v = value(node, i);
    return v.kind === 'tensor' ? v.t : materialize(v.c);
  };
  const constOf = (node: TfNode, i: number, what: string): ConstValue => {
    const v = value(node, i);
    if (v.kind !== 'const') throw new UnsupportedError(`${node.op} ${node.name}: the ${what} must be constant (it is computed from ${node.inputs[i]})`);
    return v.c;
  };
  const shapeOf = (t: number): number[] => g.tensors[t]!.shape;
  const out = (node: TfNode, shape: number[], dtype: DType = 'float32', k = 0): number => {
    const t = addTensor(g, { name: tensorName(node.name, k), shape, hasRank: true, dtype });
    values.set(`${node.name}:${k}`, { kind: 'tensor', t });
    return t;
  };

  for (const node of stableTopoOrder(nodesIn)) {
    const inputKeys = node.inputs.map((i) => parseInput(i).node);
    if (inputKeys.some((n) => poisoned.has(n))) {
      if (!MAPPED_OPS.has(node.op) && !opts.allowCustomOps && !isFoldable(node.op)) unsupported.set(node.op, [...(unsupported.get(node.op) ?? []), node.name]);
      poisoned.add(node.name);
      continue;
    }
    // Constant folding first: anything computable now never becomes an op.
    if (node.inputs.length > 0 && isFoldable(node.op) && node.inputs.every((_, i) => values.get(key(node.inputs[i]!))?.kind === 'const')) {
      const folded = foldConstant(node, node.inputs.map((_, i) => (value(node, i) as { c: ConstValue }).c));
      if (folded) {
        values.set(`${node.name}:0`, { kind: 'const', c: folded });
        continue;
      }
    }
    switch (node.op) {
      case 'Placeholder': {
        const dtype = TF_DTYPES[getAttr(node, 'dtype', 'type')?.value ?? 'DT_FLOAT'];
        if (!dtype) throw new UnsupportedError(`input ${node.name} has dtype ${String(getAttr(node, 'dtype', 'type')?.value)}`);
        const s = getAttr(node, 'shape', 'shape')?.value;
        const dims = s && !s.unknownRank ? s.dims : undefined;
        if (!dims || dims.some((d) => d < 0)) {
          throw new InvalidInputError(`input ${node.name} has ${dims ? `shape [${dims.join(',')}]` : 'an unknown shape'}; pass \`inputShapes\` (e.g. \`inputShapes=1,300,300,3\`)`);
        }
        g.inputs.push(out(node, [...dims], dtype));
        break;
      }
      case 'Const': {
        const v = getAttr(node, 'value', 'tensor');
        if (!v) throw new UnsupportedError(`Const ${node.name} has no value`);
        values.set(`${node.name}:0`, { kind: 'const', c: constFromTf(node.name, v.value) });
        break;
      }
      case 'Identity':
        values.set(`${node.name}:0`, value(node, 0));
        break;
      case 'Shape': {
        const v = value(node, 0);
        const shape = v.kind === 'const' ? v.c.shape : shapeOf(v.t);
        values.set(`${node.name}:0`, { kind: 'const', c: { name: node.name, dtype: 'int32', shape: [shape.length], data: Int32Array.from(shape) } });
        break;
      }
      case 'FakeQuantWithMinMaxVars':
      case 'FakeQuantWithMinMaxArgs': {
        let min: number;
        let max: number;
        if (node.op === 'FakeQuantWithMinMaxVars') {
          min = constOf(node, 1, 'min').data[0]!;
          max = constOf(node, 2, 'max').data[0]!;
        } else {
          min = getAttr(node, 'min', 'f')?.value ?? -6;
          max = getAttr(node, 'max', 'f')?.value ?? 6;
        }
        if (!Number.isFinite(min) || !Number.isFinite(max) || min > max) throw new UnsupportedError(`${node.op} ${node.name}: range [${min}, ${max}] is not a finite min <= max`);
        const numBits = Number(getAttr(node, 'num_bits', 'i')?.value ?? 8n);
        const narrowRange = getAttr(node, 'narrow_range', 'b')?.value ?? false;
        if (opts.quantized && numBits !== 8) throw new UnsupportedError(`${node.op} ${node.name}: num_bits ${numBits}; QUANTIZED_UINT8 needs 8-bit FakeQuant`);
        const x = value(node, 0);
        if (x.kind === 'const') {
          if (x.c.dtype !== 'float32') throw new UnsupportedError(`${node.op} ${node.name}: input is not float`);
          const data = opts.quantized ? x.c.data : fakeQuantFloat(x.c.data as Float32Array, min, max, numBits, narrowRange);
          values.set(`${node.name}:0`, { kind: 'const', c: { name: node.name, dtype: 'float32', shape: x.c.shape, data, minmax: { min, max }, narrowRange } });
        } else {
          // The FakeQuant disappears: its range now describes the tensor it measured (TOCO keeps that name).
          g.tensors[x.t]!.minmax = { min, max };
          values.set(`${node.name}:0`, x);
        }
        break;
      }
      case 'Conv2D':
      case 'DepthwiseConv2dNative': {
        const x = tensorOf(node, 0);
        const w = constOf(node, 1, 'filter');
        const sp = spatialAttrs(node);
        const [n, h, wd] = shapeOf(x) as [number, number, number];
        const [kh, kw, , co] = w.shape as [number, number, number, number];
        const dw = node.op === 'DepthwiseConv2dNative';
        const lw = dw ? depthwiseToTflite(w.data as Float32Array, w.shape) : hwioToOhwi(w.data as Float32Array, w.shape);
        const outC = dw ? w.shape[2]! * co : co;
        const wt = addTensor(g, { name: w.name, shape: lw.shape, hasRank: true, dtype: 'float32', data: lw.data, ...(w.minmax ? { minmax: w.minmax } : {}), ...(w.narrowRange ? { narrowRange: true } : {}) });
        const bt = addTensor(g, { name: `${node.name}_bias`, shape: [outC], hasRank: true, dtype: 'float32', data: new Float32Array(outC) });
        const y = out(node, [n, outSize(h, kh, sp.strideH, sp.dilationH, sp.padding), outSize(wd, kw, sp.strideW, sp.dilationW, sp.padding), outC]);
        const common = { padding: sp.padding, strideW: sp.strideW, strideH: sp.strideH };
        const options = dw
          ? { type: 'DepthwiseConv2DOptions', ...common, depthMultiplier: co, fusedActivationFunction: 'NONE', dilationWFactor: sp.dilationW, dilationHFactor: sp.dilationH }
          : { type: 'Conv2DOptions', ...common, fusedActivationFunction: 'NONE', dilationWFactor: sp.dilationW, dilationHFactor: sp.dilationH };
        g.ops.push({ node: node.name, op: builtin(dw ? 'DEPTHWISE_CONV_2D' : 'CONV_2D', options), inputs: [x, wt, bt], outputs: [y] });
        break;
      }
      case 'MatMul': {
        if (getAttr(node, 'transpose_a', 'b')?.value) throw new UnsupportedError(`MatMul ${node.name}: transpose_a is not supported`);
        const x = tensorOf(node, 0);
        const w = constOf(node, 1, 'weights');
        const lw = matmulWeights(w.data as Float32Array, w.shape, getAttr(node, 'transpose_b', 'b')?.value ?? false);
        const outC = lw.shape[0]!;
        const wt = addTensor(g, { name: w.name, shape: lw.shape, hasRank: true, dtype: 'float32', data: lw.data, ...(w.minmax ? { minmax: w.minmax } : {}), ...(w.narrowRange ? { narrowRange: true } : {}) });
        const bt = addTensor(g, { name: `${node.name}_bias`, shape: [outC], hasRank: true, dtype: 'float32', data: new Float32Array(outC) });
        const y = out(node, [shapeOf(x)[0]!, outC]);
        g.ops.push({ node: node.name, op: builtin('FULLY_CONNECTED', { type: 'FullyConnectedOptions', fusedActivationFunction: 'NONE', weightsFormat: 'DEFAULT', keepNumDims: false, asymmetricQuantizeInputs: false }), inputs: [x, wt, bt], outputs: [y] });
        break;
      }
      case 'BiasAdd':
      case 'Add':
      case 'AddV2':
      case 'Sub':
      case 'Mul': {
        let a = tensorOf(node, 0);
        let b = tensorOf(node, 1);
        const commutative = node.op !== 'Sub';
        if (commutative && g.tensors[a]!.data && !g.tensors[b]!.data) [a, b] = [b, a];
        const shape = broadcastShape(shapeOf(a), shapeOf(b));
        if (!shape) throw new UnsupportedError(`${node.op} ${node.name}: shapes [${shapeOf(a)}] and [${shapeOf(b)}] do not broadcast`);
        const opcode = node.op === 'Sub' ? 'SUB' : node.op === 'Mul' ? 'MUL' : 'ADD';
        const options = opcode === 'ADD' ? { type: 'AddOptions', fusedActivationFunction: 'NONE', potScaleInt16: true } : opcode === 'SUB' ? { type: 'SubOptions', fusedActivationFunction: 'NONE', potScaleInt16: true } : { type: 'MulOptions', fusedActivationFunction: 'NONE' };
        g.ops.push({ node: node.name, op: builtin(opcode, options), inputs: [a, b], outputs: [out(node, shape)] });
        break;
      }
      case 'AddN': {
        // TOCO's ConvertTrivialAddNToAdd: two inputs become ADD; more become a chain of ADDs
        // (grappler's AddOpsRewrite leaves AddN in MobileNet v2 residuals of frozen graphs).
        const parts = node.inputs.map((_, i) => tensorOf(node, i));
        if (parts.length === 1) {
          values.set(`${node.name}:0`, { kind: 'tensor', t: parts[0]! });
          break;
        }
        let acc = parts[0]!;
        for (let i = 1; i < parts.length; i++) {
          const shape = broadcastShape(shapeOf(acc), shapeOf(parts[i]!));
          if (!shape) throw new UnsupportedError(`AddN ${node.name}: shapes [${shapeOf(acc)}] and [${shapeOf(parts[i]!)}] do not broadcast`);
          const y = i === parts.length - 1 ? out(node, shape) : addTensor(g, { name: `${node.name}/add_${i}`, shape, hasRank: true, dtype: 'float32' });
          g.ops.push({ node: node.name, op: builtin('ADD', { type: 'AddOptions', fusedActivationFunction: 'NONE', potScaleInt16: true }), inputs: [acc, parts[i]!], outputs: [y] });
          acc = y;
        }
        break;
      }
      case 'FusedBatchNorm':
      case 'FusedBatchNormV3': {
        if (getAttr(node, 'is_training', 'b')?.value) throw new UnsupportedError(`${node.op} ${node.name}: is_training=true; freeze the graph for inference`);
        const x = tensorOf(node, 0);
        const [gamma, beta, mean, variance] = [1, 2, 3, 4].map((i) => constOf(node, i, 'batch-norm parameter').data);
        const eps = getAttr(node, 'epsilon', 'f')?.value ?? 1e-4;
        const c = gamma!.length;
        const mul = new Float32Array(c);
        const add = new Float32Array(c);
        for (let i = 0; i < c; i++) {
          mul[i] = Math.fround(gamma![i]! / Math.fround(Math.sqrt(Math.fround(variance![i]! + eps))));
          add[i] = Math.fround(beta![i]! - Math.fround(mean![i]! * mul[i]!));
        }
        // y = x·mul + add as MUL and ADD on constants; fold-batchnorm / fuse-bias then fold them into the conv.
        const mt = materialize({ name: `${node.name}/mul`, dtype: 'float32', shape: [c], data: mul });
        const at = materialize({ name: `${node.name}/add`, dtype: 'float32', shape: [c], data: add });
        const mid = addTensor(g, { name: `${node.name}/scaled`, shape: shapeOf(x), hasRank: true, dtype: 'float32' });
        g.ops.push({ node: node.name, op: builtin('MUL', { type: 'MulOptions', fusedActivationFunction: 'NONE' }), inputs: [x, mt], outputs: [mid] });
        g.ops.push({ node: node.name, op: builtin('ADD', { type: 'AddOptions', fusedActivationFunction: 'NONE', potScaleInt16: true }), inputs: [mid, at], outputs: [out(node, shapeOf(x))] });
        break;
      }
      case 'ConcatV2': {
        const n = node.inputs.length - 1;
        if (n < 1) throw new UnsupportedError(`ConcatV2 ${node.name}: needs at least one input besides the axis`);
        const parts = Array.from({ length: n }, (_, i) => tensorOf(node, i));
        const rank = shapeOf(parts[0]!).length;
        let axis = constOf(node, n, 'axis').data[0]!;
        if (axis < 0) axis += rank;
        const shape = [...shapeOf(parts[0]!)];
        shape[axis] = parts.reduce((s, p) => s + shapeOf(p)[axis]!, 0);
        g.ops.push({ node: node.name, op: builtin('CONCATENATION', { type: 'ConcatenationOptions', axis, fusedActivationFunction: 'NONE' }), inputs: parts, outputs: [out(node, shape)] });
        break;
      }
      case 'Reshape': {
        const x = tensorOf(node, 0);
        const s = constOf(node, 1, 'shape');
        const target = Array.from(s.data);
        const st = materialize({ ...s, dtype: 'int32', data: Int32Array.from(target) });
        g.ops.push({ node: node.name, op: builtin('RESHAPE', { type: 'ReshapeOptions', newShape: target }), inputs: [x, st], outputs: [out(node, resolveReshape(shapeOf(x), target, node.name))] });
        break;
      }
      case 'Squeeze': {
        // TOCO turns Squeeze into a RESHAPE to the squeezed shape, with a `<name>_shape` tensor.
        const x = tensorOf(node, 0);
        const shape = squeezeShape(shapeOf(x), squeezeDims(node));
        const st = materialize({ name: `${node.name}_shape`, dtype: 'int32', shape: [shape.length], data: Int32Array.from(shape) });
        g.ops.push({ node: node.name, op: builtin('RESHAPE', { type: 'ReshapeOptions', newShape: shape }), inputs: [x, st], outputs: [out(node, shape)] });
        break;
      }
      case 'Sigmoid':
      case 'Tanh':
      case 'Relu':
      case 'Relu6': {
        const x = tensorOf(node, 0);
        const opcode = { Sigmoid: 'LOGISTIC', Tanh: 'TANH', Relu: 'RELU', Relu6: 'RELU6' }[node.op]!;
        g.ops.push({ node: node.name, op: builtin(opcode), inputs: [x], outputs: [out(node, shapeOf(x))] });
        break;
      }
      case 'Softmax': {
        const x = tensorOf(node, 0);
        g.ops.push({ node: node.name, op: builtin('SOFTMAX', { type: 'SoftmaxOptions', beta: 1 }), inputs: [x], outputs: [out(node, shapeOf(x))] });
        break;
      }
      case 'AvgPool':
      case 'MaxPool': {
        const x = tensorOf(node, 0);
        const sp = spatialAttrs(node);
        const k = (getAttr(node, 'ksize', 'list(i)')?.value ?? []).map(Number);
        const [n, h, w, c] = shapeOf(x) as [number, number, number, number];
        const shape = [n, outSize(h, k[1]!, sp.strideH, 1, sp.padding), outSize(w, k[2]!, sp.strideW, 1, sp.padding), c];
        const options = { type: 'Pool2DOptions', padding: sp.padding, strideW: sp.strideW, strideH: sp.strideH, filterWidth: k[2]!, filterHeight: k[1]!, fusedActivationFunction: 'NONE' };
        g.ops.push({ node: node.name, op: builtin(node.op === 'AvgPool' ? 'AVERAGE_POOL_2D' : 'MAX_POOL_2D', options), inputs: [x], outputs: [out(node, shape)] });
        break;
      }
      case 'Mean': {
        const x = tensorOf(node, 0);
        const ax = constOf(node, 1, 'axis');
        const rank = shapeOf(x).length;
        const axes = Array.from(ax.data, (a) => (a < 0 ? a + rank : a));
        const keepDims = getAttr(node, 'keep_dims', 'b')?.value ?? false;
        const shape = shapeOf(x).flatMap((d, i) => (axes.includes(i) ? (keepDims ? [1] : []) : [d]));
        const at = materialize({ ...ax, dtype: 'int32', data: Int32Array.from(ax.data) });
        g.ops.push({ node: node.name, op: builtin('MEAN', { type: 'ReducerOptions', keepDims }), inputs: [x, at], outputs: [out(node, shape)] });
        break;
      }
      case 'Pad': {
        const x = tensorOf(node, 0);
        const p = constOf(node, 1, 'paddings');
        const shape = shapeOf(x).map((d, i) => d + p.data[2 * i]! + p.data[2 * i + 1]!);
        const pt = materialize({ ...p, dtype: 'int32', data: Int32Array.from(p.data) });
        g.ops.push({ node: node.name, op: builtin('PAD', { type: 'PadOptions' }), inputs: [x, pt], outputs: [out(node, shape)] });
        break;
      }
      default: {
        if (!opts.allowCustomOps) {
          unsupported.set(node.op, [...(unsupported.get(node.op) ?? []), node.name]);
          poisoned.add(node.name);
          break;
        }
        const inputs = node.inputs.map((_, i) => tensorOf(node, i));
        const types = getAttr(node, '_output_types', 'list(type)')?.value;
        const count = types?.length ?? (node.op === 'TFLite_Detection_PostProcess' ? 4 : 1);
        const outputs = Array.from({ length: count }, (_, k) => {
          const t = addTensor(g, { name: tensorName(node.name, k), shape: [], hasRank: false, dtype: TF_DTYPES[types?.[k] ?? 'DT_FLOAT'] ?? 'float32' });
          values.set(`${node.name}:${k}`, { kind: 'tensor', t });
          return t;
        });
        g.ops.push({ node: node.name, op: { kind: 'custom', customCode: node.op, version: 1, customOptionsMap: customOptionsFromAttrs(node) }, inputs, outputs });
      }
    }
  }

  if (unsupported.size) {
    const total = [...unsupported.values()].reduce((s, v) => s + v.length, 0);
    const list = [...unsupported.entries()].map(([op, names]) => `  ${op} (${names.length}): ${names.slice(0, 8).join(', ')}${names.length > 8 ? `, … ${names.length - 8} more` : ''}`);
    throw new UnsupportedError(
      `${total} node(s) use ${unsupported.size} TF op(s) that have no TFLite builtin mapping in liteq convert:\n${list.join('\n')}\n` +
        'Pass `allowCustomOps` to emit them as CUSTOM ops (the runtime then needs a custom implementation), ' +
        'or cut them off with `inputArrays` / `outputArrays`.',
    );
  }
  for (const a of opts.outputArrays) {
    const v = values.get(key(a));
    if (!v) throw new InvalidInputError(`output array ${a} was not produced (does the node have that many outputs?)`);
    g.outputs.push(v.kind === 'tensor' ? v.t : materialize(v.c));
  }
  return g;
}
