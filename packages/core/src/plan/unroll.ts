// Plan-time unrolling of WHILE loops whose trip count the plan can know: what TensorFlow 2.21's
// converter writes for Keras LSTM, GRU and SimpleRNN layers (a loop over the time steps; its condition
// compares counters that start at constants and grow by constants). The loop is replaced in the main
// graph by one copy of the body per iteration: ops on int32/bool constants only (the counters, the
// slice bounds and gather indices computed from them, the condition) are evaluated here, so every
// copied op has constant bounds and static shapes; ops that read only body constants (a DEQUANTIZE of
// a weight) are copied once and their outputs shared by every iteration. A condition that depends on
// tensor values, nested loops and loops past MAX_ITERATIONS are refused by name.
import { UnsupportedError } from '../errors.js';
import { opName } from '../ir/op-name.js';
import type { Model, Operator, Subgraph, Tensor } from '../ir/types.js';

/** Iterations a loop may unroll to (each copies the body's ops into the plan). */
export const MAX_ITERATIONS = 100_000;

/** An int32 or bool value known at plan time. */
interface Known {
  dtype: 'int32' | 'bool';
  shape: number[];
  values: number[];
}

type Value = { known: Known } | { tensor: number };

const SMALL = 4096;

function knownOf(t: Tensor): Known | undefined {
  if (!t.data || (t.dtype !== 'int32' && t.dtype !== 'bool')) return undefined;
  const n = t.dtype === 'int32' ? t.data.byteLength / 4 : t.data.byteLength;
  if (n > SMALL) return undefined;
  const v = new DataView(t.data.buffer, t.data.byteOffset, t.data.byteLength);
  const values = Array.from({ length: n }, (_, i) => (t.dtype === 'int32' ? v.getInt32(i * 4, true) : v.getUint8(i) ? 1 : 0));
  return { dtype: t.dtype, shape: [...t.shape], values };
}

function tensorOfKnown(k: Known, name: string): Tensor {
  const data = k.dtype === 'int32' ? new Uint8Array(Int32Array.from(k.values).buffer) : Uint8Array.from(k.values, (x) => (x ? 1 : 0));
  return { name, shape: [...k.shape], dtype: k.dtype, data, isVariable: false, hasRank: true };
}

const BINARY: Record<string, (a: number, b: number) => number> = {
  ADD: (a, b) => (a + b) | 0,
  SUB: (a, b) => (a - b) | 0,
  MUL: (a, b) => Math.imul(a, b),
  LESS: (a, b) => +(a < b),
  LESS_EQUAL: (a, b) => +(a <= b),
  GREATER: (a, b) => +(a > b),
  GREATER_EQUAL: (a, b) => +(a >= b),
  EQUAL: (a, b) => +(a === b),
  NOT_EQUAL: (a, b) => +(a !== b),
  LOGICAL_AND: (a, b) => +(a !== 0 && b !== 0),
  LOGICAL_OR: (a, b) => +(a !== 0 || b !== 0),
};
const BOOL_OUT = new Set(['LESS', 'LESS_EQUAL', 'GREATER', 'GREATER_EQUAL', 'EQUAL', 'NOT_EQUAL', 'LOGICAL_AND', 'LOGICAL_OR', 'LOGICAL_NOT']);

/** The op's outputs when every input is known and the op is one evaluated here; else undefined. */
function evaluate(op: Operator, args: (Known | undefined)[]): Known[] | undefined {
  const name = opName(op);
  if (args.some((a) => !a)) return undefined;
  const ks = args as Known[];
  if (name in BINARY && ks.length === 2) {
    const [a, b] = ks as [Known, Known];
    const na = a.values.length, nb = b.values.length;
    if (na !== nb && na !== 1 && nb !== 1) return undefined; // (full broadcasting is not needed here)
    if (((op.op.kind === 'builtin' && op.op.options?.['fusedActivationFunction']) ?? 'NONE') !== 'NONE') return undefined;
    const n = Math.max(na, nb);
    const values = Array.from({ length: n }, (_, i) => BINARY[name]!(a.values[na === 1 ? 0 : i]!, b.values[nb === 1 ? 0 : i]!));
    return [{ dtype: BOOL_OUT.has(name) ? 'bool' : 'int32', shape: na >= nb ? a.shape : b.shape, values }];
  }
  if (name === 'LOGICAL_NOT' && ks.length === 1) return [{ dtype: 'bool', shape: ks[0]!.shape, values: ks[0]!.values.map((x) => +!x) }];
  if (name === 'RESHAPE' || name === 'SQUEEZE' || name === 'EXPAND_DIMS') {
    const n = ks[0]!.values.length;
    let shape: number[];
    if (name === 'RESHAPE' && ks[1]) shape = [...ks[1].values];
    else shape = [n];
    const known = shape.filter((d) => d !== -1).reduce((a, d) => a * d, 1);
    shape = shape.map((d) => (d === -1 ? n / known : d));
    if (shape.reduce((a, d) => a * d, 1) !== n) return undefined;
    return [{ ...ks[0]!, shape }];
  }
  if (name === 'CONCATENATION' && ks.every((k) => k.dtype === 'int32' && k.shape.length <= 1)) {
    return [{ dtype: 'int32', shape: [ks.reduce((a, k) => a + k.values.length, 0)], values: ks.flatMap((k) => k.values) }];
  }
  return undefined;
}

/** The main subgraph with its WHILE loops unrolled (the model is not changed); the subgraph as it is when it has none. */
export function unrollLoops(model: Model, sgIndex = 0): Subgraph {
  const main = model.subgraphs[sgIndex]!;
  if (!main.operators.some((op) => opName(op) === 'WHILE')) return main;
  const tensors = [...main.tensors];
  const operators: Operator[] = [];
  // Constants decoded once, not once per iteration that reads them.
  const decoded = new Map<Tensor, Known | undefined>();
  const decode = (t: Tensor): Known | undefined => {
    if (!decoded.has(t)) decoded.set(t, knownOf(t));
    return decoded.get(t);
  };
  const alias = new Map<number, number>(); // a WHILE output → the tensor holding its final value
  const at = (i: number) => (i >= 0 ? (alias.get(i) ?? i) : i);
  const add = (t: Tensor) => tensors.push(t) - 1;

  for (const op of main.operators) {
    if (opName(op) !== 'WHILE') {
      operators.push({ ...op, inputs: op.inputs.map(at) });
      continue;
    }
    const o: Record<string, unknown> = (op.op.kind === 'builtin' ? op.op.options : undefined) ?? {};
    const cond = model.subgraphs[Number(o['condSubgraphIndex'])];
    const body = model.subgraphs[Number(o['bodySubgraphIndex'])];
    const where = `WHILE (output ${main.tensors[op.outputs[0] ?? -1]?.name ?? '?'})`;
    if (!cond || !body) throw new UnsupportedError(`${where}: its condition or body subgraph is missing`);
    const n = op.inputs.length;
    if (cond.inputs.length !== n || body.inputs.length !== n || body.outputs.length !== n || op.outputs.length !== n) {
      throw new UnsupportedError(`${where}: ${n} loop values, but the condition takes ${cond.inputs.length} and the body ${body.inputs.length} → ${body.outputs.length}`);
    }
    for (const sg of [cond, body]) {
      const nested = sg.operators.find((x) => opName(x) === 'WHILE' || opName(x) === 'IF');
      if (nested) throw new UnsupportedError(`${where}: a nested ${opName(nested)} in "${sg.name}" is not supported`);
    }
    // Values of the loop: known int32/bool constants, or tensors of the main graph.
    let cur: Value[] = op.inputs.map((i) => {
      const t = tensors[at(i)]!;
      const k = knownOf(t);
      return k ? { known: k } : { tensor: at(i) };
    });
    // Body constants used by copied ops, and outputs of ops that read only them: once per loop.
    const shared = new Map<number, number>();
    const invariant = new Map<Operator, number[]>();
    const sharedConst = (sg: Subgraph, j: number): number => {
      let m = shared.get(j);
      if (m === undefined) shared.set(j, (m = add({ ...sg.tensors[j]!, name: `${body.name}/${sg.tensors[j]!.name}` })));
      return m;
    };
    const materialize = (v: Value, name: string): number => ('tensor' in v ? v.tensor : add(tensorOfKnown(v.known, name)));

    /** Runs a subgraph on `args`: known values evaluated, the rest copied into the main graph (copy=false: the condition, which must come out known). */
    const run = (sg: Subgraph, args: Value[], iter: number, copy: boolean): Value[] => {
      const val = new Map<number, Value>();
      sg.inputs.forEach((j, k) => val.set(j, args[k]!));
      const valueOf = (j: number): Value | undefined => {
        const v = val.get(j);
        if (v) return v;
        const t = sg.tensors[j]!;
        if (!t.data) return undefined;
        const k = decode(t);
        return k ? { known: k } : undefined;
      };
      for (const x of sg.operators) {
        const args2 = x.inputs.map((j) => (j < 0 ? undefined : valueOf(j)));
        const known = x.inputs.map((j, k) => (j < 0 ? undefined : (args2[k] && 'known' in args2[k]! ? args2[k]!.known : undefined)));
        const folded = x.inputs.every((j) => j >= 0) ? evaluate(x, known) : undefined;
        if (folded) {
          x.outputs.forEach((j, k) => val.set(j, { known: folded[k]! }));
          continue;
        }
        if (!copy) throw new UnsupportedError(`${where}: its condition computes ${opName(x)} on values known only when the model runs (only loops with a trip count known in advance are supported)`);
        // Reads only body constants (not loop values, not known values): copied once.
        const onlyConstants = x.inputs.every((j) => j < 0 || (!val.has(j) && !!sg.tensors[j]!.data));
        const have = onlyConstants ? invariant.get(x) : undefined;
        if (have) {
          x.outputs.forEach((j, k) => val.set(j, { tensor: have[k]! }));
          continue;
        }
        const inputs = x.inputs.map((j, k) => {
          if (j < 0) return j;
          const v = args2[k];
          if (v) return materialize(v, `${body.name}/${sg.tensors[j]!.name}/${iter}`);
          if (sg.tensors[j]!.data) return sharedConst(sg, j);
          throw new UnsupportedError(`${where}: "${sg.name}" reads tensor ${sg.tensors[j]!.name} before anything writes it`);
        });
        const outputs = x.outputs.map((j) => add({ ...sg.tensors[j]!, shape: [...sg.tensors[j]!.shape], name: `${body.name}/${sg.tensors[j]!.name}${onlyConstants ? '' : `/${iter}`}` }));
        operators.push({ ...x, inputs, outputs, intermediates: [], mutatingVariableInputs: [] });
        outputs.forEach((m, k) => val.set(x.outputs[k]!, { tensor: m }));
        if (onlyConstants) invariant.set(x, outputs);
      }
      return sg.outputs.map((j) => {
        const v = valueOf(j);
        if (!v) throw new UnsupportedError(`${where}: "${sg.name}" does not compute its output ${sg.tensors[j]!.name}`);
        return v;
      });
    };

    for (let iter = 0; ; ++iter) {
      const [c] = run(cond, cur, iter, false);
      if (!c || !('known' in c) || c.known.values.length !== 1) throw new UnsupportedError(`${where}: its condition is not one value known in advance`);
      if (!c.known.values[0]) break;
      if (iter >= MAX_ITERATIONS) throw new UnsupportedError(`${where}: more than ${MAX_ITERATIONS} iterations`);
      cur = run(body, cur, iter, true);
    }
    op.outputs.forEach((j, k) => {
      const m = materialize(cur[k]!, main.tensors[j]!.name);
      // A loop output the model returns keeps its name.
      if (main.outputs.includes(j)) tensors[m] = { ...tensors[m]!, name: main.tensors[j]!.name };
      alias.set(j, m);
    });
  }
  return { ...main, tensors, operators, outputs: main.outputs.map(at) };
}
