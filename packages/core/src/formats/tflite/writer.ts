// IR → .tflite with the flatbuffers Builder and the flatc-generated table builders.
//
// Layout choices follow TFLite's converter: buffer 0 is the empty sentinel; operator codes are
// deduplicated by (builtin, version) / (custom code, version) and carry deprecated_builtin_code =
// min(code, 127); constant data vectors are 16-byte aligned (schema force_align). Past 2 GB (or with
// externalBuffers: 'always') constant data goes after the flatbuffer as Buffer.offset/size, each piece
// 16-byte aligned — the layout readTflite accepts. The builder is pre-sized so data is copied once.
// arena-writer.ts lays a model out around an Arena instead (its data is never copied into a builder).
import { Builder } from 'flatbuffers';
import { TENSOR_TYPE_CODE, type CustomOp, type Model, type Operator as IrOperator, type Subgraph as IrSubgraph, type Tensor as IrTensor } from '../../ir/types.js';
import { MAX_VIEW_BYTES } from '../file-bytes.js';
import { encodeFlexbuffer } from './flexbuffers-encode.js';
import { Buffer as FbBuffer } from './generated/tflite/buffer.js';
import { Metadata as FbMetadata } from './generated/tflite/metadata.js';
import { Model as FbModel } from './generated/tflite/model.js';
import { OperatorCode as FbOperatorCode } from './generated/tflite/operator-code.js';
import { Operator as FbOperator } from './generated/tflite/operator.js';
import { QuantizationParameters as FbQuant } from './generated/tflite/quantization-parameters.js';
import { SignatureDef as FbSignatureDef } from './generated/tflite/signature-def.js';
import { SubGraph as FbSubGraph } from './generated/tflite/sub-graph.js';
import { TensorMap as FbTensorMap } from './generated/tflite/tensor-map.js';
import { Tensor as FbTensor } from './generated/tflite/tensor.js';
import { enumLayout, unionMembers } from './schema-layout.js';
import { encodeTable, encodeUnionFlat, type TableObject } from './table-codec.js';

export interface WriteTfliteOptions {
  /**
   * 'auto' (default): constant data goes after the flatbuffer (Buffer.offset/size) only when the file
   * would pass 2 GB; 'always': always (tests; needs a runtime that reads offset buffers); 'never'.
   */
  externalBuffers?: 'auto' | 'always' | 'never';
}

export const ALIGN = 16;
export const FLATBUFFER_LIMIT = 2 ** 31 - 1;
const CUSTOM = 32;
const PLACEHOLDER_FOR_GREATER_OP_CODES = 127;
/** Any value > 1 (so the field is written and means "offset") whose uint64 encoding has a fixed size. */
const OFFSET_PLACEHOLDER = 2n;

// Arithmetic, not bitwise: offsets pass 2^31 in files over 2 GB.
export const pad16 = (n: number): number => Math.ceil(n / ALIGN) * ALIGN;

/** Plans buffers: index 0 empty, then one per distinct constant (tensors sharing a view share a buffer). */
export class BufferPlan {
  readonly data: Uint8Array[] = [new Uint8Array(0)];
  readonly external: boolean[] = [false];
  private readonly seen = new Map<ArrayBufferLike, Map<string, number>>();

  add(d: Uint8Array | undefined, external: boolean): number {
    if (!d || d.byteLength === 0) return 0;
    let byView = this.seen.get(d.buffer);
    if (!byView) this.seen.set(d.buffer, (byView = new Map()));
    const key = `${d.byteOffset}:${d.byteLength}:${external}`;
    const hit = byView.get(key);
    if (hit !== undefined) return hit;
    this.data.push(d);
    this.external.push(external);
    byView.set(key, this.data.length - 1);
    return this.data.length - 1;
  }
}

interface OpcodeKey {
  builtin: number;
  custom?: string;
  version: number;
}

export class Writer {
  private readonly b: Builder;
  private readonly opcodes: OpcodeKey[] = [];
  private readonly opcodeIndex = new Map<string, number>();

  constructor(
    private readonly model: Model,
    private readonly plan: BufferPlan,
    private readonly tensorBuffers: number[][],
    private readonly metadataBuffers: number[],
    /** Absolute file offsets of external buffers (index = buffer index), or undefined. */
    private readonly externalOffsets: bigint[] | undefined,
    initialSize: number,
    /** Arena layout: buffers whose data sits in the arena (offset per buffer index) are written as a
     * data field to patch (inline) or as Buffer.offset = base + offset (external). */
    private readonly arena?: { offsets: (number | undefined)[]; external: boolean; base: number },
  ) {
    this.b = new Builder(Math.max(1024, Math.min(initialSize, FLATBUFFER_LIMIT)));
  }

  build(): Uint8Array {
    const b = this.b;
    const m = this.model;
    const buffers = this.buffers();
    const subgraphs = m.subgraphs.map((sg, s) => this.subgraph(sg, s));
    const opcodes = this.opcodes.map((oc) => {
      const custom = oc.custom !== undefined ? b.createString(oc.custom) : 0;
      FbOperatorCode.startOperatorCode(b);
      FbOperatorCode.addDeprecatedBuiltinCode(b, Math.min(oc.builtin, PLACEHOLDER_FOR_GREATER_OP_CODES));
      if (custom) FbOperatorCode.addCustomCode(b, custom);
      FbOperatorCode.addVersion(b, oc.version);
      FbOperatorCode.addBuiltinCode(b, oc.builtin);
      return FbOperatorCode.endOperatorCode(b);
    });
    const metadata = m.metadata.map((md, i) => FbMetadata.createMetadata(b, b.createString(md.name), this.metadataBuffers[i]!));
    const signatures = m.signatureDefs.map((sd) => {
      const maps = (list: { name: string; tensorIndex: number }[]) =>
        FbSignatureDef.createInputsVector(b, list.map((t) => FbTensorMap.createTensorMap(b, b.createString(t.name), t.tensorIndex)));
      const inputs = maps(sd.inputs);
      const outputs = maps(sd.outputs);
      const key = b.createString(sd.signatureKey);
      FbSignatureDef.startSignatureDef(b);
      FbSignatureDef.addInputs(b, inputs);
      FbSignatureDef.addOutputs(b, outputs);
      FbSignatureDef.addSignatureKey(b, key);
      FbSignatureDef.addSubgraphIndex(b, sd.subgraphIndex);
      return FbSignatureDef.endSignatureDef(b);
    });
    const opcodesVec = FbModel.createOperatorCodesVector(b, opcodes);
    const subgraphsVec = FbModel.createSubgraphsVector(b, subgraphs);
    const description = b.createString(m.description);
    const buffersVec = FbModel.createBuffersVector(b, buffers);
    const metadataVec = metadata.length ? FbModel.createMetadataVector(b, metadata) : 0;
    const signaturesVec = signatures.length ? FbModel.createSignatureDefsVector(b, signatures) : 0;
    FbModel.startModel(b);
    FbModel.addVersion(b, m.version);
    FbModel.addOperatorCodes(b, opcodesVec);
    FbModel.addSubgraphs(b, subgraphsVec);
    FbModel.addDescription(b, description);
    FbModel.addBuffers(b, buffersVec);
    if (metadataVec) FbModel.addMetadata(b, metadataVec);
    if (signaturesVec) FbModel.addSignatureDefs(b, signaturesVec);
    b.finish(FbModel.endModel(b), 'TFL3');
    return b.asUint8Array();
  }

  private buffers(): number[] {
    const b = this.b;
    // Inline arena buffers get a data field pointing here for now; layoutTfliteInArena patches them.
    const pending = this.arena && !this.arena.external ? b.createByteVector(new Uint8Array(0)) : 0;
    return this.plan.data.map((d, i) => {
      const at = this.arena?.offsets[i];
      if (at !== undefined) {
        FbBuffer.startBuffer(b);
        if (pending) FbBuffer.addData(b, pending);
        else {
          FbBuffer.addOffset(b, BigInt(this.arena!.base + at));
          FbBuffer.addSize(b, BigInt(d.byteLength));
        }
        return FbBuffer.endBuffer(b);
      }
      if (this.plan.external[i]) {
        FbBuffer.startBuffer(b);
        FbBuffer.addOffset(b, this.externalOffsets?.[i] ?? OFFSET_PLACEHOLDER);
        FbBuffer.addSize(b, BigInt(d.byteLength));
        return FbBuffer.endBuffer(b);
      }
      let data = 0;
      if (d.byteLength > 0) {
        // The generated createDataVector ignores force_align and copies byte by byte: align to 16
        // here, then createByteVector copies in bulk (its own 4/1-byte alignment is already met).
        b.prep(ALIGN, d.byteLength);
        data = b.createByteVector(d);
      }
      FbBuffer.startBuffer(b);
      if (data) FbBuffer.addData(b, data);
      return FbBuffer.endBuffer(b);
    });
  }

  private opcode(op: IrOperator['op'], where: string): number {
    let key: OpcodeKey;
    if (op.kind === 'custom') key = { builtin: CUSTOM, custom: op.customCode, version: op.version };
    else {
      const code = enumLayout('BuiltinOperator').byName.get(op.opcode);
      if (code === undefined) throw new TypeError(`tflite writer: ${where}: unknown builtin operator ${op.opcode}`);
      key = { builtin: code, version: op.version };
    }
    const k = `${key.builtin}\0${key.custom ?? ''}\0${key.version}`;
    let i = this.opcodeIndex.get(k);
    if (i === undefined) {
      i = this.opcodes.push(key) - 1;
      this.opcodeIndex.set(k, i);
    }
    return i;
  }

  private subgraph(sg: IrSubgraph, s: number): number {
    const b = this.b;
    const tensors = sg.tensors.map((t, i) => this.tensor(t, this.tensorBuffers[s]![i]!));
    const operators = sg.operators.map((op, i) => this.operator(op, `subgraphs[${s}].operators[${i}]`));
    const tensorsVec = FbSubGraph.createTensorsVector(b, tensors);
    const inputs = FbSubGraph.createInputsVector(b, sg.inputs);
    const outputs = FbSubGraph.createOutputsVector(b, sg.outputs);
    const opsVec = FbSubGraph.createOperatorsVector(b, operators);
    const name = b.createString(sg.name);
    FbSubGraph.startSubGraph(b);
    FbSubGraph.addTensors(b, tensorsVec);
    FbSubGraph.addInputs(b, inputs);
    FbSubGraph.addOutputs(b, outputs);
    FbSubGraph.addOperators(b, opsVec);
    FbSubGraph.addName(b, name);
    return FbSubGraph.endSubGraph(b);
  }

  private tensor(t: IrTensor, buffer: number): number {
    const b = this.b;
    const shape = FbTensor.createShapeVector(b, t.shape);
    const name = b.createString(t.name);
    const sig = t.shapeSignature ? FbTensor.createShapeSignatureVector(b, t.shapeSignature) : 0;
    const quant = t.quantization ? this.quantization(t.quantization) : 0;
    const sparsity = t.sparsity ? encodeTable(b, 'SparsityParameters', t.sparsity as TableObject) : 0;
    const type = TENSOR_TYPE_CODE[t.dtype];
    if (type === undefined) throw new TypeError(`tflite writer: tensor ${t.name}: unknown dtype ${t.dtype}`);
    FbTensor.startTensor(b);
    FbTensor.addShape(b, shape);
    FbTensor.addType(b, type);
    FbTensor.addBuffer(b, buffer);
    FbTensor.addName(b, name);
    if (quant) FbTensor.addQuantization(b, quant);
    FbTensor.addIsVariable(b, t.isVariable);
    if (sparsity) FbTensor.addSparsity(b, sparsity);
    if (sig) FbTensor.addShapeSignature(b, sig);
    FbTensor.addHasRank(b, t.hasRank);
    return FbTensor.endTensor(b);
  }

  private quantization(q: NonNullable<IrTensor['quantization']>): number {
    const b = this.b;
    const min = q.min.length ? FbQuant.createMinVector(b, q.min) : 0;
    const max = q.max.length ? FbQuant.createMaxVector(b, q.max) : 0;
    const scale = q.scale.length ? FbQuant.createScaleVector(b, q.scale) : 0;
    const zp = q.zeroPoint.length ? FbQuant.createZeroPointVector(b, q.zeroPoint) : 0;
    let details = { type: 0, offset: 0 };
    if (q.details) {
      const type = unionMembers('QuantizationDetails').indexOf(q.details.type);
      if (type <= 0) throw new TypeError(`tflite writer: unknown quantization details ${q.details.type}`);
      details = { type, offset: encodeTable(b, q.details.type, q.details.value as TableObject) };
    }
    return FbQuant.createQuantizationParameters(b, min, max, scale, zp, details.type, details.offset, q.quantizedDimension);
  }

  private operator(op: IrOperator, where: string): number {
    const b = this.b;
    const opcodeIndex = this.opcode(op.op, where);
    const inputs = FbOperator.createInputsVector(b, op.inputs);
    const outputs = FbOperator.createOutputsVector(b, op.outputs);
    const inter = op.intermediates.length ? FbOperator.createIntermediatesVector(b, op.intermediates) : 0;
    const mutating = op.mutatingVariableInputs.length ? FbOperator.createMutatingVariableInputsVector(b, op.mutatingVariableInputs) : 0;
    let options = { type: 0, offset: 0 };
    let options2 = { type: 0, offset: 0 };
    let custom = 0;
    if (op.op.kind === 'builtin') {
      if (op.op.options) options = encodeUnionFlat(b, 'BuiltinOptions', op.op.options, `${where}.builtin_options`);
      if (op.op.options2) options2 = encodeUnionFlat(b, 'BuiltinOptions2', op.op.options2, `${where}.builtin_options_2`);
    } else {
      const bytes = customOptionBytes(op.op);
      if (bytes) custom = b.createByteVector(bytes);
    }
    FbOperator.startOperator(b);
    FbOperator.addOpcodeIndex(b, opcodeIndex);
    FbOperator.addInputs(b, inputs);
    FbOperator.addOutputs(b, outputs);
    if (options.type) {
      FbOperator.addBuiltinOptionsType(b, options.type);
      FbOperator.addBuiltinOptions(b, options.offset);
    }
    if (custom) FbOperator.addCustomOptions(b, custom);
    if (mutating) FbOperator.addMutatingVariableInputs(b, mutating);
    if (inter) FbOperator.addIntermediates(b, inter);
    if (options2.type) {
      FbOperator.addBuiltinOptions2Type(b, options2.type);
      FbOperator.addBuiltinOptions2(b, options2.offset);
    }
    return FbOperator.endOperator(b);
  }
}

/** Raw bytes win (exact round trip); without them the decoded map is re-encoded as a flexbuffer. */
function customOptionBytes(op: CustomOp): Uint8Array | undefined {
  if (op.customOptions) return op.customOptions;
  if (op.customOptionsMap) return encodeFlexbuffer(op.customOptionsMap);
  return undefined;
}

/** Generous upper bound of everything but constant data, to pre-size the builder and pick the layout. */
export function structureEstimate(model: Model): number {
  let n = 4096 + model.description.length * 3;
  for (const sg of model.subgraphs) {
    n += 256 + sg.name.length * 3 + 4 * (sg.inputs.length + sg.outputs.length);
    for (const t of sg.tensors) {
      n += 160 + t.name.length * 3 + 8 * (t.shape.length + (t.shapeSignature?.length ?? 0));
      const q = t.quantization;
      if (q) n += 64 + 16 * (q.scale.length + q.min.length + q.max.length) + 16 * q.zeroPoint.length;
      if (t.sparsity) n += 1024;
    }
    for (const op of sg.operators) {
      n += 256 + 4 * (op.inputs.length + op.outputs.length + op.intermediates.length) + op.mutatingVariableInputs.length;
      if (op.op.kind === 'builtin') n += 1024;
      else n += 64 + op.op.customCode.length * 3 + (op.op.customOptions?.byteLength ?? 4096);
    }
  }
  for (const md of model.metadata) n += 64 + md.name.length * 3 + pad16(md.data.byteLength) + ALIGN;
  return n;
}

/** Whether writeTflite puts constant data after the flatbuffer (Buffer.offset/size) for these options. */
export function usesExternalBuffers(model: Model, opts: WriteTfliteOptions = {}): boolean {
  return externalFor(opts, structureEstimate(model), dataEstimate(model));
}

/** The layout choice from the model's structure and data estimates. */
function externalFor(opts: WriteTfliteOptions, structure: number, data: number): boolean {
  const mode = opts.externalBuffers ?? 'auto';
  return mode === 'always' || (mode === 'auto' && structure + data > FLATBUFFER_LIMIT);
}

/** Bytes constant data takes inside a flatbuffer, at most (each vector aligned). */
function dataEstimate(model: Model): number {
  let n = 0;
  for (const sg of model.subgraphs) for (const t of sg.tensors) n += t.data ? pad16(t.data.byteLength) + ALIGN : 0;
  return n;
}

/**
 * Serializes the IR as a .tflite file (identifier TFL3), in one array: up to 4 GiB here (Node's
 * largest); the Node entry's writeModelFile writes larger files piece by piece.
 */
export function writeTflite(model: Model, opts: WriteTfliteOptions = {}): Uint8Array {
  const structure = structureEstimate(model);
  const data = dataEstimate(model);
  const external = externalFor(opts, structure, data);

  const plan = new BufferPlan();
  const tensorBuffers = model.subgraphs.map((sg) => sg.tensors.map((t) => plan.add(t.data, external)));
  // Metadata stays inside the flatbuffer: small, and read by tools that know nothing of offset buffers.
  const metadataBuffers = model.metadata.map((md) => plan.add(md.data, false));
  if (!external) return new Writer(model, plan, tensorBuffers, metadataBuffers, undefined, structure + data).build();

  // Offsets depend on the flatbuffer's size, which does not depend on their values (uint64 fields,
  // always written since > 1): build once with placeholders to measure, then again with real offsets.
  const probe = new Writer(model, plan, tensorBuffers, metadataBuffers, undefined, structure).build();
  let at = pad16(probe.byteLength);
  const offsets: bigint[] = plan.data.map((d, i) => {
    if (!plan.external[i]) return 0n;
    const o = at;
    at = pad16(at + d.byteLength);
    return BigInt(o);
  });
  const fb = new Writer(model, plan, tensorBuffers, metadataBuffers, offsets, structure).build();
  if (fb.byteLength !== probe.byteLength) throw new Error('tflite writer: flatbuffer size changed between passes');
  if (at > MAX_VIEW_BYTES) throw new RangeError(`tflite writer: a ${at}-byte file is larger than one array can hold here; write it with writeModelFile`);
  const out = new Uint8Array(at);
  out.set(fb, 0);
  plan.data.forEach((d, i) => {
    if (plan.external[i]) out.set(d, Number(offsets[i]));
  });
  return out;
}

