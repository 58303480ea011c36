// GraphDef message (as decoded by the static protobufjs classes, built by the text-format parser, or
// normalised from TF.js JSON by fromObject) → TfGraph. All three produce the same loose shape:
// set fields are own properties; int64 arrives as Long, bigint, number or decimal string; bytes as
// Uint8Array or number[]. Everything is validated here, so the readers stay thin.
import { ModelFormatError } from '../../errors.js';
import { dataTypeName, dataTypeSize } from './dtypes.js';
import type { TfAttr, TfFunc, TfGraph, TfNode, TfShape, TfTensor } from './graph.js';
import { parseInput } from './graph.js';

export interface ProtoContext {
  file: string;
  format: 'graphdef' | 'pbtxt' | 'tfjs';
  /**
   * Upper bound for a tensor materialised from repeated *_val fields (a single value may broadcast to
   * the whole shape). House rule: a declared tensor larger than the file is an error before any
   * allocation; a small allowance keeps legit broadcast constants (zeros of a few MB) readable.
   */
  maxTensorBytes: number;
}

/** maxTensorBytes for a source of `n` bytes. */
export function tensorLimitFor(n: number): number {
  return Math.max(n, 16 << 20);
}

type Obj = Record<string, unknown>;

const utf8 = new TextDecoder('utf-8');

function has(o: Obj, k: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, k) && o[k] != null;
}

class Ctx {
  constructor(readonly p: ProtoContext) {}
  fail(field: string, reason: string): never {
    throw new ModelFormatError({ file: this.p.file, format: this.p.format, field, reason });
  }
}

function obj(v: unknown, c: Ctx, where: string): Obj {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) c.fail(where, 'expected a message');
  return v as Obj;
}

function arr(o: Obj, k: string): unknown[] {
  const v = o[k];
  return Array.isArray(v) ? v : [];
}

function str(o: Obj, k: string, c: Ctx, where: string): string {
  const v = o[k];
  if (v == null) return '';
  if (typeof v !== 'string') c.fail(`${where}.${k}`, 'expected a string');
  return v;
}

function bytes(v: unknown, c: Ctx, where: string): Uint8Array {
  if (v == null) return new Uint8Array(0);
  // A plain Uint8Array view even when protobufjs handed us a Buffer: Buffer.slice() does not copy,
  // a trap for consumers who expect Uint8Array semantics.
  if (v instanceof Uint8Array) return v.constructor === Uint8Array ? v : new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
  if (Array.isArray(v) && v.every((x) => Number.isInteger(x) && x >= 0 && x <= 255)) return Uint8Array.from(v as number[]);
  c.fail(where, 'expected bytes');
}

function toBigInt(v: unknown, c: Ctx, where: string): bigint {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number' && Number.isInteger(v)) return BigInt(v);
  if (typeof v === 'string' && /^-?\d+$/.test(v)) return BigInt(v);
  if (v !== null && typeof v === 'object' && 'low' in v && 'high' in v) {
    // protobufjs Long: two 32-bit halves.
    const l = v as { low: number; high: number; unsigned?: boolean };
    const u = (BigInt(l.high >>> 0) << 32n) | BigInt(l.low >>> 0);
    return l.unsigned ? u : BigInt.asIntN(64, u);
  }
  c.fail(where, `expected a 64-bit integer, got ${typeof v}`);
}

function safeInt(v: unknown, c: Ctx, where: string): number {
  const b = toBigInt(v, c, where);
  if (b > BigInt(Number.MAX_SAFE_INTEGER) || b < BigInt(Number.MIN_SAFE_INTEGER)) c.fail(where, `integer ${b} is out of range`);
  return Number(b);
}

function int32(o: Obj, k: string, c: Ctx, where: string): number {
  const v = o[k];
  if (v == null) return 0;
  const n = safeInt(v, c, `${where}.${k}`);
  if (n < -0x80000000 || n > 0x7fffffff) c.fail(`${where}.${k}`, `${n} does not fit int32`);
  return n;
}

function dtype(v: unknown, c: Ctx, where: string): string {
  const n = v == null ? 0 : typeof v === 'number' ? v : NaN;
  const name = Number.isInteger(n) ? dataTypeName(n) : undefined;
  if (name === undefined) c.fail(where, `unknown DataType ${String(v)}`);
  return name;
}

function shapeFrom(v: unknown, c: Ctx, where: string): TfShape {
  if (v == null) return { dims: [] };
  const s = obj(v, c, where);
  if (s['unknownRank'] === true) return { unknownRank: true };
  const dims = arr(s, 'dim').map((d, i) => {
    const dw = `${where}.dim[${i}]`;
    const dd = obj(d, c, dw);
    const n = dd['size'] == null ? 0 : safeInt(dd['size'], c, dw);
    if (n < -1) c.fail(dw, `dimension ${n} is negative`);
    return n;
  });
  return { dims };
}

// Where each dtype keeps its values when tensor_content is empty (tensor.proto).
const VAL_FIELD: Record<string, string> = {
  DT_FLOAT: 'floatVal', DT_DOUBLE: 'doubleVal', DT_INT64: 'int64Val', DT_UINT64: 'uint64Val', DT_UINT32: 'uint32Val',
  DT_BOOL: 'boolVal', DT_HALF: 'halfVal', DT_BFLOAT16: 'halfVal', DT_COMPLEX64: 'scomplexVal', DT_COMPLEX128: 'dcomplexVal',
  DT_INT32: 'intVal', DT_UINT8: 'intVal', DT_INT16: 'intVal', DT_INT8: 'intVal', DT_UINT16: 'intVal',
  DT_QINT8: 'intVal', DT_QUINT8: 'intVal', DT_QINT16: 'intVal', DT_QUINT16: 'intVal', DT_QINT32: 'intVal',
};

type Sink = { length: number; [i: number]: number | bigint };

function sinkFor(dt: string, n: number): { sink: Sink; bytes: Uint8Array; unit: number } {
  const mk = <T extends ArrayBufferView & Sink>(a: T, unit = 1) => ({ sink: a, bytes: new Uint8Array(a.buffer), unit });
  switch (dt) {
    case 'DT_FLOAT': return mk(new Float32Array(n));
    case 'DT_DOUBLE': return mk(new Float64Array(n));
    case 'DT_COMPLEX64': return mk(new Float32Array(n * 2), 2);
    case 'DT_COMPLEX128': return mk(new Float64Array(n * 2), 2);
    case 'DT_INT64': return mk(new BigInt64Array(n));
    case 'DT_UINT64': return mk(new BigUint64Array(n));
    case 'DT_INT32': case 'DT_QINT32': return mk(new Int32Array(n));
    case 'DT_UINT32': return mk(new Uint32Array(n));
    case 'DT_INT16': case 'DT_QINT16': return mk(new Int16Array(n));
    case 'DT_UINT16': case 'DT_QUINT16': case 'DT_HALF': case 'DT_BFLOAT16': return mk(new Uint16Array(n));
    case 'DT_INT8': case 'DT_QINT8': return mk(new Int8Array(n));
    default: return mk(new Uint8Array(n)); // UINT8, QUINT8, BOOL
  }
}

/**
 * TF's Tensor::FromProto rule for the repeated fields: take the first n values; if fewer are given,
 * repeat the last one to fill the shape; if none, zeros. `unit` scalars make one element (complex pairs).
 */
function fillFromVals(dt: string, n: number, vals: unknown[], c: Ctx, where: string): Uint8Array {
  const { sink, bytes: out, unit } = sinkFor(dt, n);
  const big = dt === 'DT_INT64' || dt === 'DT_UINT64';
  const conv = (v: unknown, i: number): number | bigint => {
    if (big) {
      const b = toBigInt(v, c, `${where}[${i}]`);
      return dt === 'DT_UINT64' ? BigInt.asUintN(64, b) : BigInt.asIntN(64, b);
    }
    if (typeof v === 'boolean') return v ? 1 : 0;
    if (typeof v === 'number') return v;
    return Number(toBigInt(v, c, `${where}[${i}]`)); // uint32 values may arrive as Long-free numbers; ints as strings (JSON)
  };
  const inN = Math.floor(vals.length / unit);
  const take = Math.min(n, inN);
  for (let i = 0; i < take * unit; i++) sink[i] = conv(vals[i], i);
  if (inN > 0 && n > inN) {
    const last = Array.from({ length: unit }, (_, j) => sink[(inN - 1) * unit + j]!);
    for (let e = inN; e < n; e++) for (let j = 0; j < unit; j++) sink[e * unit + j] = last[j]!;
  }
  return out;
}

export function tensorFrom(v: unknown, c: Ctx, where: string): TfTensor {
  const t = obj(v, c, where);
  const dt = dtype(t['dtype'], c, `${where}.dtype`);
  const sh = shapeFrom(t['tensorShape'], c, `${where}.tensor_shape`);
  if (sh.unknownRank || sh.dims.some((d) => d < 0)) c.fail(`${where}.tensor_shape`, 'a tensor value needs a fully known shape');
  const shape = sh.dims;
  let n = 1;
  for (const d of shape) n *= d;
  if (!Number.isSafeInteger(n)) c.fail(`${where}.tensor_shape`, `element count of [${shape}] overflows`);
  const content = bytes(t['tensorContent'], c, `${where}.tensor_content`);

  if (dt === 'DT_STRING') {
    if (content.length > 0) c.fail(`${where}.tensor_content`, 'DT_STRING tensor_content is not supported');
    const vals = arr(t, 'stringVal').map((s, i) => bytes(s, c, `${where}.string_val[${i}]`));
    if (n > 0 && vals.length === 0 && n > c.p.maxTensorBytes) c.fail(where, `DT_STRING tensor of ${n} elements exceeds the limit`);
    const strings = Array.from({ length: n }, (_, i) => vals[Math.min(i, vals.length - 1)] ?? new Uint8Array(0));
    return { dtype: dt, shape, data: new Uint8Array(0), strings };
  }
  if (dt === 'DT_RESOURCE' || dt === 'DT_VARIANT') return { dtype: dt, shape, data: new Uint8Array(0), opaque: true };
  const size = dataTypeSize(dt);
  if (size === undefined) c.fail(`${where}.dtype`, `${dt} cannot be a constant tensor`);
  const expected = n * size;
  if (content.length > 0) {
    // TF rejects tensor_content whose size does not match the shape exactly; so do we.
    if (content.length !== expected) {
      c.fail(`${where}.tensor_content`, `has ${content.length} bytes, but ${dt} [${shape}] needs ${expected}`);
    }
    return { dtype: dt, shape, data: content };
  }
  if (expected > c.p.maxTensorBytes) {
    c.fail(where, `declared ${dt} [${shape}] is ${expected} bytes, more than the ${c.p.maxTensorBytes}-byte limit for this file`);
  }
  const field = VAL_FIELD[dt]!;
  return { dtype: dt, shape, data: fillFromVals(dt, n, arr(t, field), c, `${where}.${field}`) };
}

function funcFrom(v: unknown, c: Ctx, where: string): TfFunc {
  const f = obj(v, c, where);
  return { name: str(f, 'name', c, where), attrs: attrsFrom(f['attr'], c, where) };
}

const LIST_KINDS = ['s', 'i', 'f', 'b', 'type', 'shape', 'tensor', 'func'] as const;

function listFrom(v: unknown, c: Ctx, where: string): TfAttr {
  const l = obj(v, c, where);
  const present = LIST_KINDS.filter((k) => arr(l, k).length > 0);
  if (present.length === 0) return { kind: 'list', value: [] };
  if (present.length > 1) c.fail(where, `list mixes ${present.join(' and ')}`);
  const k = present[0]!;
  const xs = arr(l, k);
  const w = (i: number) => `${where}.${k}[${i}]`;
  switch (k) {
    case 's': {
      const bs = xs.map((x, i) => bytes(x, c, w(i)));
      return { kind: 'list(s)', bytes: bs, value: bs.map((b) => utf8.decode(b)) };
    }
    case 'i': return { kind: 'list(i)', value: xs.map((x, i) => toBigInt(x, c, w(i))) };
    case 'f': return { kind: 'list(f)', value: xs.map((x) => Math.fround(Number(x))) };
    case 'b': return { kind: 'list(b)', value: xs.map((x) => x === true) };
    case 'type': return { kind: 'list(type)', value: xs.map((x, i) => dtype(x, c, w(i))) };
    case 'shape': return { kind: 'list(shape)', value: xs.map((x, i) => shapeFrom(x, c, w(i))) };
    case 'tensor': return { kind: 'list(tensor)', value: xs.map((x, i) => tensorFrom(x, c, w(i))) };
    case 'func': return { kind: 'list(func)', value: xs.map((x, i) => funcFrom(x, c, w(i))) };
  }
}

function attrFrom(v: unknown, c: Ctx, where: string): TfAttr {
  const a = obj(v, c, where);
  // The first set member of the `value` oneof (own property: protobufjs keeps defaults on the prototype).
  if (has(a, 's')) {
    const b = bytes(a['s'], c, `${where}.s`);
    return { kind: 's', bytes: b, value: utf8.decode(b) };
  }
  if (has(a, 'i')) return { kind: 'i', value: toBigInt(a['i'], c, `${where}.i`) };
  if (has(a, 'f')) return { kind: 'f', value: Math.fround(Number(a['f'])) };
  if (has(a, 'b')) return { kind: 'b', value: a['b'] === true };
  if (has(a, 'type')) return { kind: 'type', value: dtype(a['type'], c, `${where}.type`) };
  if (has(a, 'shape')) return { kind: 'shape', value: shapeFrom(a['shape'], c, `${where}.shape`) };
  if (has(a, 'tensor')) return { kind: 'tensor', value: tensorFrom(a['tensor'], c, `${where}.tensor`) };
  if (has(a, 'list')) return listFrom(a['list'], c, `${where}.list`);
  if (has(a, 'func')) return { kind: 'func', value: funcFrom(a['func'], c, `${where}.func`) };
  if (has(a, 'placeholder')) return { kind: 'placeholder', value: str(a, 'placeholder', c, where) };
  return { kind: 'none' };
}

function attrsFrom(v: unknown, c: Ctx, where: string): Record<string, TfAttr> {
  const out: Record<string, TfAttr> = {};
  if (v == null) return out;
  const m = obj(v, c, `${where}.attr`);
  for (const key of Object.keys(m)) out[key] = attrFrom(m[key], c, `${where}.attr['${key}']`);
  return out;
}

function nodeFrom(v: unknown, i: number, c: Ctx): TfNode {
  let where = `node[${i}]`;
  const n = obj(v, c, where);
  const name = str(n, 'name', c, where);
  if (name) where = `node[${i}] '${name}'`;
  else c.fail(where, 'node has no name');
  const op = str(n, 'op', c, where);
  if (!op) c.fail(where, 'node has no op');
  const inputs = arr(n, 'input').map((x, j) => {
    if (typeof x !== 'string' || x === '' || x === '^') c.fail(`${where}.input[${j}]`, 'expected a node name');
    return x;
  });
  return { name, op, inputs, device: str(n, 'device', c, where), attrs: attrsFrom(n['attr'], c, where) };
}

function hasFunctions(lib: unknown): boolean {
  if (lib == null || typeof lib !== 'object') return false;
  const l = lib as Obj;
  return ['function', 'gradient', 'registeredGradients'].some((k) => arr(l, k).length > 0);
}

/** Converts and validates a decoded GraphDef: names unique, every input names an existing node. */
export function graphFromProto(def: unknown, p: ProtoContext): TfGraph {
  const c = new Ctx(p);
  const g = obj(def, c, 'GraphDef');
  const nodes = arr(g, 'node').map((n, i) => nodeFrom(n, i, c));
  const index = new Map<string, number>();
  nodes.forEach((n, i) => {
    const prev = index.get(n.name);
    if (prev !== undefined) c.fail(`node[${i}] '${n.name}'`, `duplicate node name (first at node[${prev}])`);
    index.set(n.name, i);
  });
  nodes.forEach((n, i) => {
    n.inputs.forEach((x, j) => {
      const src = parseInput(x).node;
      if (!index.has(src)) c.fail(`node[${i}] '${n.name}'.input[${j}]`, `input '${x}' names no node in the graph`);
    });
  });
  const graph: TfGraph = { nodes, source: p.format };
  if (has(g, 'versions')) {
    const v = obj(g['versions'], c, 'versions');
    graph.versions = {
      producer: int32(v, 'producer', c, 'versions'),
      minConsumer: int32(v, 'minConsumer', c, 'versions'),
      badConsumers: arr(v, 'badConsumers').map((x, i) => safeInt(x, c, `versions.bad_consumers[${i}]`)),
    };
  }
  if (hasFunctions(g['library'])) graph.library = g['library'];
  return graph;
}
