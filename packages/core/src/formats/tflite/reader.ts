// .tflite → IR. Order matters: identifier, then verifyTflite over the whole buffer, then the generated
// accessors (which trust offsets) read it, then semantic checks (indices, data sizes) with typed errors.
import { ByteBuffer } from 'flatbuffers';
import { ModelFormatError, UnsupportedError } from '../../errors.js';
import { fileLength, filePart } from '../file-bytes.js';
import { constantBytes, dtypeOfCode, type BuiltinOp, type CustomOp, type DType, type Model, type Operator, type Quantization, type SignatureDef, type Subgraph, type Tensor } from '../../ir/types.js';
import { decodeFlexbuffer } from './flexbuffers.js';
import { Model as FbModel } from './generated/tflite/model.js';
import type { Operator as FbOperator } from './generated/tflite/operator.js';
import type { SubGraph as FbSubGraph } from './generated/tflite/sub-graph.js';
import type { Tensor as FbTensor } from './generated/tflite/tensor.js';
import { enumLayout, unionMembers, vtableOffset } from './schema-layout.js';
import { decodeTable, decodeUnionFlat } from './table-codec.js';
import { verifyTflite } from './verifier.js';

const CUSTOM = 32;
const VT = {
  sparsity: vtableOffset('Tensor', 'sparsity'),
  shapeSignature: vtableOffset('Tensor', 'shape_signature'),
  customOptions: vtableOffset('Operator', 'custom_options'),
  options: vtableOffset('Operator', 'builtin_options'),
  options2: vtableOffset('Operator', 'builtin_options_2'),
};

/** Schema TensorType name → IR dtype. Types the IR does not have (bfloat16, int2, ...) are rejected. */
function dtypeOf(code: number, fail: (reason: string) => never): DType {
  const dtype = dtypeOfCode(code);
  if (dtype === undefined) fail(`tensor type ${enumLayout('TensorType').byValue.get(code)?.toLowerCase() ?? code} is not supported`);
  return dtype;
}

/** True when the bytes start with a TFLite flatbuffer identifier (for format sniffing). */
export function isTflite(bytes: Uint8Array): boolean {
  return bytes.byteLength >= 8 && bytes[4] === 0x54 && bytes[5] === 0x46 && bytes[6] === 0x4c && bytes[7] === 0x33;
}

class Reader {
  readonly bb: ByteBuffer;
  readonly root: FbModel;
  /** Each buffer's bytes (views into the file), resolved once: inline data or offset/size. */
  private readonly buffers: (Uint8Array | undefined)[] = [];

  constructor(private readonly bytes: Uint8Array, private readonly file: string) {
    this.bb = new ByteBuffer(bytes);
    this.root = FbModel.getRootAsModel(this.bb);
  }

  fail(field: string, reason: string, offset?: number): never {
    throw new ModelFormatError({ file: this.file, format: 'tflite', field, ...(offset !== undefined ? { offset } : {}), reason });
  }

  read(): Model {
    const m = this.root;
    for (let i = 0; i < m.buffersLength(); i++) this.buffers.push(this.buffer(i));
    const opcodes = Array.from({ length: m.operatorCodesLength() }, (_, i) => this.opcode(i));
    const subgraphs = Array.from({ length: m.subgraphsLength() }, (_, i) => this.subgraph(m.subgraphs(i)!, i, opcodes));
    const metadata = Array.from({ length: m.metadataLength() }, (_, i) => {
      const md = m.metadata(i)!;
      return { name: md.name() ?? '', data: this.bufferAt(md.buffer(), `metadata[${i}].buffer`) ?? new Uint8Array(0) };
    });
    const signatureDefs = Array.from({ length: m.signatureDefsLength() }, (_, i) => this.signature(i, subgraphs));
    return { version: m.version(), description: m.description() ?? '', subgraphs, metadata, signatureDefs };
  }

  /** Buffer.data, or Buffer.offset/size (data after the flatbuffer, used past 2 GB; valid when offset > 1). */
  buffer(i: number): Uint8Array | undefined {
    const b = this.root.buffers(i)!;
    const data = b.dataLength() > 0 ? b.dataArray()! : undefined;
    const offset = b.offset();
    if (offset <= 1n) return data;
    return this.part(offset, b.size(), `buffers[${i}].offset`) ?? data;
  }

  /** Data at offset/size of the file (which may be larger than one view: a LargeFile), or undefined when empty. */
  part(offset: bigint, size: bigint, field: string): Uint8Array | undefined {
    const length = fileLength(this.bytes);
    if (offset + size > BigInt(length)) this.fail(field, `offset ${offset} + size ${size} is past the end of the ${length}-byte file`);
    if (size === 0n) return undefined;
    try {
      return filePart(this.bytes, Number(offset), Number(size));
    } catch (e) {
      if (e instanceof RangeError) throw new UnsupportedError(`${this.file}: ${field}: ${e.message}`);
      throw e;
    }
  }

  bufferAt(index: number, field: string): Uint8Array | undefined {
    if (index >= this.buffers.length) this.fail(field, `buffer ${index} out of range (${this.buffers.length} buffers)`);
    return this.buffers[index];
  }

  opcode(i: number): { builtin: string; custom?: string; version: number } {
    const oc = this.root.operatorCodes(i)!;
    // TFLite reads max(builtin_code, deprecated_builtin_code): old files only set the int8 field,
    // new ones put 127 (PLACEHOLDER_FOR_GREATER_OP_CODES) there and the real code in builtin_code.
    const code = Math.max(oc.builtinCode(), oc.deprecatedBuiltinCode());
    const name = enumLayout('BuiltinOperator').byValue.get(code);
    if (name === undefined) this.fail(`operator_codes[${i}].builtin_code`, `unknown builtin operator ${code}`);
    if (code !== CUSTOM) return { builtin: name, version: oc.version() };
    const custom = oc.customCode();
    if (custom === null) this.fail(`operator_codes[${i}].custom_code`, 'CUSTOM operator code without custom_code');
    return { builtin: name, custom, version: oc.version() };
  }

  subgraph(sg: FbSubGraph, s: number, opcodes: ReturnType<Reader['opcode']>[]): Subgraph {
    const path = `subgraphs[${s}]`;
    const tensors = Array.from({ length: sg.tensorsLength() }, (_, t) => this.tensor(sg.tensors(t)!, `${path}.tensors[${t}]`));
    const index = (v: number, field: string, optional: boolean): number => {
      if ((v < 0 || v >= tensors.length) && !(optional && v === -1)) this.fail(field, `tensor index ${v} out of range (${tensors.length} tensors)`);
      return v;
    };
    const ints = (n: number, get: (k: number) => number | null, field: string, optional: boolean): number[] =>
      Array.from({ length: n }, (_, k) => index(get(k)!, `${field}[${k}]`, optional));
    const operators = Array.from({ length: sg.operatorsLength() }, (_, o) => this.operator(sg.operators(o)!, `${path}.operators[${o}]`, opcodes, ints));
    return {
      name: sg.name() ?? '',
      tensors,
      operators,
      inputs: ints(sg.inputsLength(), (k) => sg.inputs(k), `${path}.inputs`, false),
      outputs: ints(sg.outputsLength(), (k) => sg.outputs(k), `${path}.outputs`, false),
    };
  }

  tensor(t: FbTensor, path: string): Tensor {
    const dtype = dtypeOf(t.type(), (reason) => this.fail(`${path}.type`, reason));
    // Indexed accessors, not xxxArray(): typed-array views need aligned offsets, these do not.
    const shape = Array.from({ length: t.shapeLength() }, (_, k) => t.shape(k)!);
    const data = this.bufferAt(t.buffer(), `${path}.buffer`);
    const sparsity = this.subtable(t, VT.sparsity, 'SparsityParameters');
    if (data && !sparsity) {
      const expected = constantBytes(shape, dtype);
      if (expected !== undefined && data.byteLength !== expected) {
        this.fail(`${path}.buffer`, `constant data is ${data.byteLength} bytes but shape [${shape.join(',')}] of ${dtype} needs ${expected}`);
      }
    }
    const tensor: Tensor = { name: t.name() ?? '', shape, dtype, isVariable: t.isVariable(), hasRank: t.hasRank() };
    if (t.shapeSignatureLength() > 0 || this.has(t, VT.shapeSignature)) tensor.shapeSignature = Array.from({ length: t.shapeSignatureLength() }, (_, k) => t.shapeSignature(k)!);
    if (data) tensor.data = data;
    const q = t.quantization();
    if (q) {
      const quant: Quantization = {
        scale: Array.from({ length: q.scaleLength() }, (_, k) => q.scale(k)!),
        zeroPoint: Array.from({ length: q.zeroPointLength() }, (_, k) => q.zeroPoint(k)!),
        quantizedDimension: q.quantizedDimension(),
        min: Array.from({ length: q.minLength() }, (_, k) => q.min(k)!),
        max: Array.from({ length: q.maxLength() }, (_, k) => q.max(k)!),
      };
      const details = decodeTable(this.bb, q.bb_pos, 'QuantizationParameters')['details'] as Quantization['details'];
      if (details) quant.details = details;
      tensor.quantization = quant;
    }
    if (sparsity) tensor.sparsity = sparsity;
    return tensor;
  }

  /** Whether a table field (by vtable offset) is present. */
  has(t: { bb_pos: number }, vtableOffset: number): boolean {
    return this.bb.__offset(t.bb_pos, vtableOffset) !== 0;
  }

  subtable(t: { bb_pos: number }, vtableOffset: number, name: string): Record<string, unknown> | undefined {
    const fo = this.bb.__offset(t.bb_pos, vtableOffset);
    return fo ? decodeTable(this.bb, t.bb_pos + fo + this.bb.readUint32(t.bb_pos + fo), name) : undefined;
  }

  operator(
    op: FbOperator,
    path: string,
    opcodes: ReturnType<Reader['opcode']>[],
    ints: (n: number, get: (k: number) => number | null, field: string, optional: boolean) => number[],
  ): Operator {
    const oi = op.opcodeIndex();
    const code = opcodes[oi];
    if (!code) this.fail(`${path}.opcode_index`, `operator code ${oi} out of range (${opcodes.length} codes)`);
    let kind: BuiltinOp | CustomOp;
    if (code.custom !== undefined) {
      const raw = this.customOptions(op, path);
      kind = { kind: 'custom', customCode: code.custom, version: code.version };
      if (raw) {
        kind.customOptions = raw;
        const map = op.customOptionsFormat() === 0 ? this.flexMap(raw, `${path}.custom_options`) : undefined;
        if (map) kind.customOptionsMap = map;
      }
    } else {
      kind = { kind: 'builtin', opcode: code.builtin, version: code.version };
      const options = this.options(op, VT.options, 'BuiltinOptions');
      if (options) kind.options = options;
      const options2 = this.options(op, VT.options2, 'BuiltinOptions2');
      if (options2) kind.options2 = options2;
    }
    return {
      op: kind,
      // TFLite accepts -1 (kTfLiteOptionalTensor) wherever a node lists tensors.
      inputs: ints(op.inputsLength(), (k) => op.inputs(k), `${path}.inputs`, true),
      outputs: ints(op.outputsLength(), (k) => op.outputs(k), `${path}.outputs`, true),
      intermediates: ints(op.intermediatesLength(), (k) => op.intermediates(k), `${path}.intermediates`, true),
      mutatingVariableInputs: Array.from({ length: op.mutatingVariableInputsLength() }, (_, k) => op.mutatingVariableInputs(k)!),
    };
  }

  options(op: FbOperator, valueSlot: number, union: string): BuiltinOp['options'] {
    const fo = this.bb.__offset(op.bb_pos, valueSlot);
    const to = this.bb.__offset(op.bb_pos, valueSlot - 2); // the union's type byte is the previous slot
    const type = to ? this.bb.readUint8(op.bb_pos + to) : 0;
    if (!fo || type === 0) return undefined;
    return decodeUnionFlat(this.bb, op.bb_pos + fo + this.bb.readUint32(op.bb_pos + fo), unionMembers(union)[type]!);
  }

  customOptions(op: FbOperator, path: string): Uint8Array | undefined {
    const off = op.largeCustomOptionsOffset();
    if (off > 1n) {
      return this.part(off, op.largeCustomOptionsSize(), `${path}.large_custom_options_offset`) ?? new Uint8Array(0);
    }
    return op.customOptionsLength() > 0 || this.has(op, VT.customOptions) ? (op.customOptionsArray() ?? new Uint8Array(0)) : undefined;
  }

  /** Custom options are not always flexbuffers (some ops store raw structs): a decode failure leaves the map unset. */
  flexMap(raw: Uint8Array, field: string): CustomOp['customOptionsMap'] {
    if (raw.byteLength === 0) return undefined;
    try {
      const v = decodeFlexbuffer(raw, { file: this.file, field });
      return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Uint8Array) ? v : undefined;
    } catch (e) {
      if (e instanceof ModelFormatError) return undefined;
      throw e;
    }
  }

  signature(i: number, subgraphs: Subgraph[]): SignatureDef {
    const sd = this.root.signatureDefs(i)!;
    const path = `signature_defs[${i}]`;
    const sub = sd.subgraphIndex();
    if (sub >= subgraphs.length) this.fail(`${path}.subgraph_index`, `subgraph ${sub} out of range (${subgraphs.length} subgraphs)`);
    const n = subgraphs[sub]!.tensors.length;
    const maps = (len: number, get: (k: number) => { name(): string | null; tensorIndex(): number } | null, field: string) =>
      Array.from({ length: len }, (_, k) => {
        const tm = get(k)!;
        if (tm.tensorIndex() >= n) this.fail(`${path}.${field}[${k}].tensor_index`, `tensor index ${tm.tensorIndex()} out of range (${n} tensors)`);
        return { name: tm.name() ?? '', tensorIndex: tm.tensorIndex() };
      });
    return {
      signatureKey: sd.signatureKey() ?? '',
      subgraphIndex: sub,
      inputs: maps(sd.inputsLength(), (k) => sd.inputs(k), 'inputs'),
      outputs: maps(sd.outputsLength(), (k) => sd.outputs(k), 'outputs'),
    };
  }
}

/**
 * Reads a .tflite file into the IR. Constant tensor data and custom option bytes are zero-copy views
 * into `bytes` (keep it alive and unmodified while the model is in use); a LargeFile (file-bytes.ts)
 * gives files over 4 GiB, whose data lies past its head view. Throws ModelFormatError.
 */
export function readTflite(bytes: Uint8Array, file = '<memory>'): Model {
  if (!isTflite(bytes)) throw new ModelFormatError({ file, format: 'tflite', offset: 4, reason: 'not a TFLite flatbuffer (no TFL3 identifier)' });
  verifyTflite(bytes, { file });
  return new Reader(bytes, file).read();
}
