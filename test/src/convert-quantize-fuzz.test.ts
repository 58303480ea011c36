// The converter and the quantizer on mutated real graphs: seeded structural mutations of the QAT
// SSD MobileNet v2 GraphDef (inputs rewired, dropped or cyclic; ops swapped; attrs of the wrong kind
// or value; Const tensors with wrong shapes, dtypes, sizes or NaNs; FakeQuant ranges inverted;
// nodes removed) go through convert(), and mutations of a float TFLite model (shapes, options,
// dtypes, operand indices, constant data, activation ranges) through quantizeModel() with every
// scheme. Each case either succeeds — and then its model writes, reads back, plans and runs — or
// fails with one of liteq's typed errors; a TypeError, RangeError or crash is a finding. Hangs are
// caught by the test timeout.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  convert,
  createModel,
  ExecutionError,
  InvalidInputError,
  MemoryLimitError,
  ModelFormatError,
  quantizeModel,
  readGraphBytes,
  readTflite,
  UnsupportedError,
  writeTflite,
  type MinMax,
  type Model,
  type QuantScheme,
  type TfAttr,
  type TfGraph,
  type TfNode,
} from '@liteq/core';
import '@liteq/native';
import { Rng } from './rng.js';

const SHARED = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared');
const TYPED = [UnsupportedError, ExecutionError, InvalidInputError, ModelFormatError, MemoryLimitError];



/** Runs a model the way a user would after converting or quantizing it: write, read, plan, run. */
async function roundTripAndRun(m: Model, label: string): Promise<void> {
  const back = readTflite(writeTflite(m), label);
  const lm = await createModel(back, { file: label, threads: 1, maxMemory: 256 << 20 });
  try {
    const inputs = lm.inputs.map((t) => {
      const n = t.shape.reduce((a, b) => a * b, 1);
      return t.dtype === 'float32' ? new Float32Array(n).fill(0.25) : t.dtype === 'int8' ? new Int8Array(n) : t.dtype === 'int32' ? new Int32Array(n) : new Uint8Array(n).fill(128);
    });
    await lm.run(inputs);
  } finally {
    lm.dispose();
  }
}

/** Counts outcomes by error class; anything untyped is a finding, listed with its seed. */
async function outcome(tally: Record<string, number>, findings: string[], seed: number, what: string, f: () => Promise<void>): Promise<void> {
  try {
    await f();
    tally.ok = (tally.ok ?? 0) + 1;
  } catch (e) {
    if (!TYPED.some((T) => e instanceof T) || !((e as Error).message.length > 10)) {
      findings.push(`seed ${seed} (${what}): ${(e as Error)?.name}: ${((e as Error)?.stack ?? String(e)).split('\n').slice(0, 3).join(' | ')}`);
      return;
    }
    const name = (e as Error).name;
    tally[name] = (tally[name] ?? 0) + 1;
  }
}

// ---- converter -------------------------------------------------------------------------------------

const INPUT = 'normalized_input_image_tensor';
const CUT = 'FeatureExtractor/MobilenetV2/expanded_conv_1/project/act_quant/FakeQuantWithMinMaxVars';

/** The nodes CUT depends on (the part of the graph convert() would keep). */
function ancestors(graph: TfGraph, output: string): TfNode[] {
  const byName = new Map(graph.nodes.map((n) => [n.name, n]));
  const keep = new Set<string>();
  const stack = [output];
  while (stack.length) {
    const name = stack.pop()!.replace(/^\^/, '').replace(/:\d+$/, '');
    if (keep.has(name) || !byName.has(name)) continue;
    keep.add(name);
    stack.push(...byName.get(name)!.inputs);
  }
  return graph.nodes.filter((n) => keep.has(n.name));
}

const ATTR_VALUES: TfAttr[] = [
  { kind: 'i', value: 0n },
  { kind: 'i', value: -1n },
  { kind: 'i', value: 3n },
  { kind: 'f', value: Number.NaN },
  { kind: 'b', value: true },
  { kind: 's', value: 'BOGUS', bytes: new TextEncoder().encode('BOGUS') },
  { kind: 's', value: 'NCHW', bytes: new TextEncoder().encode('NCHW') },
  { kind: 'list(i)', value: [0n, 0n, 0n, 0n] },
  { kind: 'list(i)', value: [1n, 2n] },
  { kind: 'list(i)', value: [1n, 1000000n, 1000000n, 1n] },
  { kind: 'type', value: 'DT_STRING' as never },
  { kind: 'type', value: 'DT_INT64' as never },
  { kind: 'shape', value: { dims: [-1, 7] } as never },
];

function mutateGraph(nodes: TfNode[], r: Rng): string {
  const names = nodes.map((n) => n.name);
  const n = r.pick(nodes);
  switch (r.int(0, 7)) {
    case 0: {
      if (!n.inputs.length) return 'noop';
      const i = r.int(0, n.inputs.length - 1);
      n.inputs[i] = r.pick([r.pick(names), `${r.pick(names)}:1`, 'no/such/node', n.name, `^${r.pick(names)}`]);
      return `input ${i} of ${n.name} -> ${n.inputs[i]}`;
    }
    case 1:
      if (n.inputs.length && r.next() < 0.5) n.inputs.splice(r.int(0, n.inputs.length - 1), 1);
      else n.inputs.push(r.pick(names));
      return `inputs of ${n.name}: ${n.inputs.length}`;
    case 2:
      n.op = r.pick(['Conv2D', 'DepthwiseConv2dNative', 'Relu6', 'Add', 'Identity', 'Const', 'Placeholder', 'FakeQuantWithMinMaxVars', 'ConcatV2', 'Reshape', 'NoSuchOp', 'Squeeze']);
      return `op of ${n.name} -> ${n.op}`;
    case 3: {
      const keys = Object.keys(n.attrs);
      const key = keys.length && r.next() < 0.8 ? r.pick(keys) : r.pick(['strides', 'padding', 'data_format', 'dilations', 'T', 'num_bits', 'narrow_range']);
      n.attrs[key] = structuredClone(r.pick(ATTR_VALUES));
      return `attr ${key} of ${n.name}`;
    }
    case 4: {
      const t = n.attrs.value;
      if (t?.kind !== 'tensor') return 'noop';
      const v = t.value;
      switch (r.int(0, 3)) {
        case 0:
          v.shape = v.shape.length ? v.shape.map((d) => (r.next() < 0.5 ? d : r.pick([0, 1, 2, -1, 1 << 20]))) : [r.pick([0, 2, 5])];
          break;
        case 1:
          v.dtype = r.pick(['DT_INT32', 'DT_UINT8', 'DT_HALF', 'DT_STRING', 'DT_BOOL']) as never;
          break;
        case 2:
          v.data = v.data.subarray(0, r.int(0, v.data.length));
          break;
        default: {
          const f = new Float32Array(v.data.slice().buffer, 0, v.data.byteLength >> 2);
          for (let k = 0; k < 3 && f.length; k++) f[r.int(0, f.length - 1)] = r.pick([Number.NaN, Infinity, -Infinity, 3e38]);
          v.data = new Uint8Array(f.buffer);
        }
      }
      return `tensor ${n.name}`;
    }
    case 5: {
      // FakeQuant ranges: min above max, equal, NaN (the min/max Const nodes).
      const minMax = nodes.filter((x) => /quant\/(min|max)$/.test(x.name) && x.attrs.value?.kind === 'tensor');
      const m = r.pick(minMax);
      const t = m.attrs.value as Extract<TfAttr, { kind: 'tensor' }>;
      t.value.data = new Uint8Array(Float32Array.of(r.pick([Number.NaN, 0, -6, 1e-30, 1e30, -1e30])).buffer);
      return `range ${m.name}`;
    }
    case 6:
      nodes.splice(nodes.indexOf(n), 1);
      return `removed ${n.name}`;
    default: {
      const other = r.pick(nodes);
      n.inputs.push(other.name);
      other.inputs.push(n.name); // a cycle, when both are ancestors of the output
      return `cycle ${n.name} <-> ${other.name}`;
    }
  }
}

describe('converter on mutated graphs', () => {
  it('1,000 mutations of the QAT SSD MobileNet v2 GraphDef give a working model or a typed error', async () => {
    const graph = await readGraphBytes(new Uint8Array(readFileSync(join(SHARED, 'models/graphdef/tflite_graph.pb'))), 'tflite_graph.pb');
    const base = ancestors(graph, CUT);
    expect(base.length).toBeGreaterThan(30);
    const tally: Record<string, number> = {};
    const findings: string[] = [];
    for (let seed = 1; seed <= 1000; seed++) {
      const r = new Rng(seed);
      const nodes = structuredClone(base);
      const what = Array.from({ length: 1 + r.int(0, 2) }, () => mutateGraph(nodes, r)).join('; ');
      const quantized = r.next() < 0.6;
      await outcome(tally, findings, seed, what, async () => {
        const m = convert(
          { nodes, source: 'graphdef' },
          {
            inputArrays: [INPUT],
            outputArrays: [CUT],
            inputShapes: [[1, 32, 32, 3]],
            ...(quantized ? { inferenceType: 'QUANTIZED_UINT8' as const, meanValues: [128], stdDevValues: [128] } : {}),
          },
        );
        await roundTripAndRun(m, `seed-${seed}.tflite`);
      });
    }
    expect(findings).toEqual([]);
    // The mutations reach both outcomes: many still convert, many are refused.
    expect(tally.ok).toBeGreaterThan(100);
    expect(1000 - tally.ok!).toBeGreaterThan(100);
  }, 600_000);
});

// ---- quantizer -------------------------------------------------------------------------------------

function mutateFloatModel(m: Model, ranges: Map<number, MinMax>, r: Rng): string {
  const sg = m.subgraphs[0]!;
  const op = r.pick(sg.operators);
  const operands = [...op.inputs.filter((i) => i >= 0), ...op.outputs];
  const ti = r.pick(operands);
  const t = sg.tensors[ti]!;
  switch (r.int(0, 6)) {
    case 0:
      if (t.shape.length) t.shape[r.int(0, t.shape.length - 1)] = r.pick([0, 1, 3, 1000, -1]);
      return `shape of ${t.name}`;
    case 1:
      // Values of the field's own type (the IR's types are the API contract; a file's are checked by the reader).
      if (op.op.kind === 'builtin' && op.op.options) {
        const o = op.op.options as Record<string, unknown>;
        const keys = Object.keys(o).filter((k) => k !== 'type');
        if (keys.length) {
          const k = r.pick(keys);
          if (typeof o[k] === 'number') o[k] = r.pick([0, -1, 7, 1000, 2 ** 31 - 1]);
          else if (typeof o[k] === 'boolean') o[k] = !o[k];
          else if (k === 'padding') o[k] = r.pick(['SAME', 'VALID']);
          else if (k === 'fusedActivationFunction') o[k] = r.pick(['NONE', 'RELU', 'RELU6', 'TANH', 'SIGN_BIT', 'RELU_N1_TO_1']);
        }
      }
      return 'options';
    case 2:
      t.dtype = r.pick(['int32', 'float16', 'int64', 'bool'] as const);
      return `dtype of ${t.name}`;
    case 3:
      op.inputs[r.int(0, op.inputs.length - 1)] = r.pick([0, 1, sg.tensors.length - 1, -1]);
      return 'operand';
    case 4:
      if (t.data) {
        const f = new Float32Array(t.data.slice().buffer, 0, t.data.byteLength >> 2);
        for (let k = 0; k < 4 && f.length; k++) f[r.int(0, f.length - 1)] = r.pick([Number.NaN, Infinity, -Infinity, 0, 3e38]);
        t.data = r.next() < 0.2 ? new Uint8Array(f.buffer).subarray(0, 7) : new Uint8Array(f.buffer);
      }
      return `data of ${t.name}`;
    case 5: {
      const range = ranges.get(ti) ?? ranges.get(r.pick([...ranges.keys()]))!;
      const bad = r.pick([
        { min: Number.NaN, max: 1 },
        { min: 2, max: 1 },
        { min: 0, max: 0 },
        { min: -Infinity, max: Infinity },
        { min: -1e-40, max: 1e-40 },
        { min: 1e30, max: 1e31 },
      ]);
      Object.assign(range, bad);
      return `range ${JSON.stringify(bad)}`;
    }
    default:
      ranges.delete(r.pick([...ranges.keys()]));
      return 'range removed';
  }
}

describe('quantizer on mutated models', () => {
  it('400 mutations of a float MobileNet v1 through uint8, int8, dynamic and float16 give a working model or a typed error', async () => {
    const bytes = new Uint8Array(readFileSync(join(SHARED, 'models/tflite/mobilenet_v1_0.25_224_float.tflite')));
    const sg0 = readTflite(bytes).subgraphs[0]!;
    // Plausible ranges for every float activation (calibration is not what is under test here).
    const baseRanges = new Map<number, MinMax>();
    sg0.tensors.forEach((t, i) => !t.data && t.dtype === 'float32' && baseRanges.set(i, { min: -1 - (i % 5), max: 6 + (i % 3) }));
    const tally: Record<string, number> = {};
    const findings: string[] = [];
    for (let seed = 1; seed <= 400; seed++) {
      const r = new Rng(100_000 + seed);
      const m = readTflite(bytes);
      const ranges = new Map([...baseRanges].map(([k, v]) => [k, { ...v }]));
      const what = Array.from({ length: 1 + r.int(0, 1) }, () => mutateFloatModel(m, ranges, r)).join('; ');
      const scheme = r.pick(['uint8', 'int8', 'dynamic', 'float16'] as const satisfies readonly QuantScheme[]);
      await outcome(tally, findings, seed, `${scheme}: ${what}`, async () => {
        const q = quantizeModel(m, { scheme, ranges, mean: 127.5, std: 127.5, ...(scheme === 'dynamic' || scheme === 'float16' ? { io: 'float' as const } : {}) });
        await roundTripAndRun(q, `seed-${seed}-${scheme}.tflite`);
      });
    }
    expect(findings).toEqual([]);
    expect(tally.ok).toBeGreaterThan(40);
    expect(400 - tally.ok!).toBeGreaterThan(40);
  }, 600_000);
});
