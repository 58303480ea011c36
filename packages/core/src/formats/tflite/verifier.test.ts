import { ByteBuffer } from 'flatbuffers';
import { describe, expect, it } from 'vitest';
import { ModelFormatError } from '../../errors.js';
import type { Model } from '../../ir/types.js';
import { Model as FbModel } from './generated/tflite/model.js';
import { readTflite, verifyTflite, writeTflite } from './index.js';

/** MUL(x, const) → y, plus one custom op, so every kind of table appears. */
function tinyModel(): Model {
  const c = new Uint8Array(new Float32Array([1, 2, 3, 4]).buffer);
  return {
    version: 3,
    description: 'tiny',
    metadata: [{ name: 'meta', data: new Uint8Array([9, 9]) }],
    signatureDefs: [{ signatureKey: 'serving_default', subgraphIndex: 0, inputs: [{ name: 'x', tensorIndex: 0 }], outputs: [{ name: 'y', tensorIndex: 2 }] }],
    subgraphs: [{
      name: 'main',
      inputs: [0],
      outputs: [2],
      tensors: [
        { name: 'x', shape: [1, 4], dtype: 'float32', isVariable: false, hasRank: true },
        { name: 'c', shape: [1, 4], dtype: 'float32', isVariable: false, hasRank: true, data: c },
        { name: 'y', shape: [1, 4], dtype: 'float32', isVariable: false, hasRank: true, quantization: { scale: [0.5], zeroPoint: [3n], quantizedDimension: 0, min: [], max: [] } },
        { name: 'z', shape: [1, 4], dtype: 'float32', isVariable: false, hasRank: true },
      ],
      operators: [
        { op: { kind: 'builtin', opcode: 'MUL', version: 1, options: { type: 'MulOptions', fusedActivationFunction: 'RELU6' } }, inputs: [0, 1], outputs: [2], intermediates: [], mutatingVariableInputs: [] },
        { op: { kind: 'custom', customCode: 'MyOp', version: 1, customOptionsMap: { k: 1 } }, inputs: [2, -1], outputs: [3], intermediates: [], mutatingVariableInputs: [] },
      ],
    }],
  };
}

const bytes = writeTflite(tinyModel());
const root = (b: Uint8Array): FbModel => FbModel.getRootAsModel(new ByteBuffer(b));
const u32 = (b: Uint8Array, pos: number, v: number): void => new DataView(b.buffer, b.byteOffset).setUint32(pos, v, true);
const i32 = (b: Uint8Array, pos: number, v: number): void => new DataView(b.buffer, b.byteOffset).setInt32(pos, v, true);

/** Absolute position of a table field's value (follows the vtable), like the verifier does. */
function fieldPos(t: { bb_pos: number }, b: Uint8Array, vtOffset: number): number {
  const bb = new ByteBuffer(b);
  const fo = bb.__offset(t.bb_pos, vtOffset);
  if (!fo) throw new Error('field absent');
  return t.bb_pos + fo;
}
const target = (b: Uint8Array, pos: number): number => pos + new DataView(b.buffer, b.byteOffset).getUint32(pos, true);

function expectError(b: Uint8Array, field: string, offset: number | undefined, reason: RegExp): void {
  let err: unknown;
  try {
    readTflite(b, 'bad.tflite');
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(ModelFormatError);
  const e = err as ModelFormatError;
  expect(e.format).toBe('tflite');
  expect(e.file).toBe('bad.tflite');
  expect(e.field).toBe(field);
  if (offset !== undefined) expect(e.offset).toBe(offset);
  expect(e.reason).toMatch(reason);
}

describe('verifyTflite on hand-made bad buffers', () => {
  it('accepts the valid model and reads it back', () => {
    expect(() => verifyTflite(bytes)).not.toThrow();
    const m = readTflite(bytes);
    expect(m.subgraphs[0]!.operators[0]!.op).toEqual({ kind: 'builtin', opcode: 'MUL', version: 1, options: { type: 'MulOptions', fusedActivationFunction: 'RELU6' } });
    expect(m.signatureDefs[0]!.outputs).toEqual([{ name: 'y', tensorIndex: 2 }]);
  });

  it('requires the TFL3 identifier', () => {
    const b = bytes.slice();
    b[4] = 0x58;
    expect(() => readTflite(b)).toThrow('not a TFLite flatbuffer (no TFL3 identifier)');
    expect(() => readTflite(new Uint8Array(3))).toThrow(ModelFormatError);
  });

  it('rejects a root offset past the end', () => {
    const b = bytes.slice();
    u32(b, 0, b.length + 100);
    expectError(b, '<root>', 0, /past the end/);
  });

  it('rejects a vector whose declared length is larger than the file, before allocating', () => {
    const b = bytes.slice();
    const t = root(b).subgraphs(0)!.tensors(2)!;
    const vec = target(b, fieldPos(t, b, 4)); // Tensor.shape
    u32(b, vec, 0x7fffffff);
    expectError(b, 'subgraphs[0].tensors[2].shape', vec + 4, /vector of 2147483647 elements.*outside/);
  });

  it('rejects constant data longer than the file', () => {
    const b = bytes.slice();
    const buf = root(b).buffers(1)!;
    const vec = target(b, fieldPos(buf, b, 4)); // Buffer.data
    u32(b, vec, 0xfffffff0);
    expectError(b, 'buffers[1].data', vec + 4, /outside/);
  });

  it('rejects a vtable outside the file', () => {
    const b = bytes.slice();
    const t = root(b).subgraphs(0)!.tensors(1)!;
    i32(b, t.bb_pos, -0x7ffffff0);
    expectError(b, 'subgraphs[0].tensors[1]', undefined, /vtable of Tensor/);
  });

  it('rejects a misaligned table', () => {
    const b = bytes.slice();
    const sg = root(b).subgraphs(0)!;
    const slot = fieldPos(sg, b, 4); // SubGraph.tensors
    const vec = target(b, slot);
    u32(b, vec + 4, new DataView(b.buffer).getUint32(vec + 4, true) + 1); // tensors[0] offset + 1
    expectError(b, 'subgraphs[0].tensors[0]', undefined, /not 4-byte aligned/);
  });

  it('rejects a string without its NUL terminator', () => {
    const b = bytes.slice();
    const t = root(b).subgraphs(0)!.tensors(0)!;
    const s = target(b, fieldPos(t, b, 10)); // Tensor.name
    b[s + 4 + 1] = 0x41; // after "x"
    expectError(b, 'subgraphs[0].tensors[0].name', s + 5, /NUL/);
  });

  it('rejects an unknown builtin_options union type', () => {
    const b = bytes.slice();
    const op = root(b).subgraphs(0)!.operators(0)!;
    const typePos = fieldPos(op, b, 10); // Operator.builtin_options_type
    b[typePos] = 250;
    expectError(b, 'subgraphs[0].operators[0].builtin_options_type', typePos, /unknown BuiltinOptions type 250/);
  });

  it('verifies the options table of the union member', () => {
    const b = bytes.slice();
    const op = root(b).subgraphs(0)!.operators(0)!;
    const opts = target(b, fieldPos(op, b, 12));
    i32(b, opts, 0x7ffffff0);
    expectError(b, 'subgraphs[0].operators[0].builtin_options', undefined, /vtable of MulOptions/);
  });

  it('caps nesting depth and table visits', () => {
    expect(() => verifyTflite(bytes, { maxDepth: 2 })).toThrow(/nested deeper than 2/);
    expect(() => verifyTflite(bytes, { maxTables: 5 })).toThrow(/more than 5 tables/);
  });
});

describe('readTflite semantic checks', () => {
  const withModel = (edit: (m: Model) => void): Uint8Array => {
    const m = tinyModel();
    edit(m);
    return writeTflite(m);
  };

  it('allows -1 (optional) operator inputs', () => {
    expect(readTflite(bytes).subgraphs[0]!.operators[1]!.inputs).toEqual([2, -1]);
  });

  it('rejects tensor indices out of range', () => {
    expectError(withModel((m) => (m.subgraphs[0]!.operators[0]!.inputs = [0, 7])), 'subgraphs[0].operators[0].inputs[1]', undefined, /tensor index 7 out of range/);
    expectError(withModel((m) => (m.subgraphs[0]!.outputs = [-1])), 'subgraphs[0].outputs[0]', undefined, /out of range/);
    expectError(withModel((m) => (m.signatureDefs[0]!.inputs[0]!.tensorIndex = 9)), 'signature_defs[0].inputs[0].tensor_index', undefined, /out of range/);
  });

  it('rejects constant data inconsistent with shape × dtype', () => {
    expectError(withModel((m) => (m.subgraphs[0]!.tensors[1]!.shape = [1, 5])), 'subgraphs[0].tensors[1].buffer', undefined, /16 bytes but shape \[1,5\] of float32 needs 20/);
  });

  it('rejects buffer and opcode indices out of range', () => {
    const b = bytes.slice();
    const t = root(b).subgraphs(0)!.tensors(1)!;
    u32(b, fieldPos(t, b, 8), 99); // Tensor.buffer
    expectError(b, 'subgraphs[0].tensors[1].buffer', undefined, /buffer 99 out of range/);
    const c = bytes.slice();
    const op = root(c).subgraphs(0)!.operators(1)!;
    u32(c, fieldPos(op, c, 4), 42); // Operator.opcode_index
    expectError(c, 'subgraphs[0].operators[1].opcode_index', undefined, /operator code 42 out of range/);
  });

  it('resolves builtin codes as max(builtin_code, deprecated_builtin_code)', () => {
    // Old files set only the int8 deprecated field: zero builtin_code, still MUL (18).
    const b = bytes.slice();
    const oc = root(b).operatorCodes(0)!;
    expect([oc.builtinCode(), oc.deprecatedBuiltinCode()]).toEqual([18, 18]);
    u32(b, fieldPos(oc, b, 10), 0);
    expect(readTflite(b).subgraphs[0]!.operators[0]!.op).toMatchObject({ opcode: 'MUL' });
    // Codes past 127 keep 127 (PLACEHOLDER_FOR_GREATER_OP_CODES) in the deprecated field.
    const m = tinyModel();
    m.subgraphs[0]!.operators[0]!.op = { kind: 'builtin', opcode: 'CUMSUM', version: 1, options: { type: 'CumsumOptions', exclusive: true, reverse: false } };
    const c = writeTflite(m);
    const oc2 = root(c).operatorCodes(0)!;
    expect([oc2.builtinCode(), oc2.deprecatedBuiltinCode()]).toEqual([128, 127]);
    expect(readTflite(c).subgraphs[0]!.operators[0]!.op).toEqual(m.subgraphs[0]!.operators[0]!.op);
  });
});
