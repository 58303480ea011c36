// What `liteq inspect` reports about an IR model. The JSON keys are stable: tests and tools rely on them.
import { DTYPE_BYTES, numElements, type FlexValue, type Model, type Operator, type Subgraph, type Tensor } from '../ir/types.js';
import { opName } from '../ir/op-name.js';

export interface TensorSummary {
  name: string;
  shape: number[];
  dtype: string;
  quantization: { scale: number[]; zero_point: number[]; quantized_dimension: number } | null;
}

export interface TfliteSummary {
  format: 'tflite';
  description: string;
  version: number;
  subgraphs: number;
  inputs: TensorSummary[];
  outputs: TensorSummary[];
  /** Op name → count: builtins by schema name ("CONV_2D"), custom ops by custom code. */
  operators: Record<string, number>;
  /** Custom code → its decoded flexbuffer options (of the first op with that code). */
  custom_options: Record<string, unknown>;
  /** Number of elements in constant (weight) tensors. */
  params: number;
  /** Constant bytes by dtype. */
  bytes_by_dtype: Record<string, number>;
  /** Multiply-accumulates of CONV_2D, DEPTHWISE_CONV_2D and FULLY_CONNECTED, from static shapes. */
  macs: number;
  tensors: number;
  metadata: string[];
  signatures: string[];
  file_bytes: number;
}

export function summarizeTensor(t: Tensor): TensorSummary {
  const q = t.quantization;
  return {
    name: t.name,
    shape: [...t.shape],
    dtype: t.dtype,
    quantization:
      q && q.scale.length > 0
        ? { scale: [...q.scale], zero_point: q.zeroPoint.map(Number), quantized_dimension: q.quantizedDimension }
        : null,
  };
}


/** MACs of one op from static shapes; 0 for ops that are not conv/depthwise/FC or have unknown shapes. */
export function opMacs(sg: Subgraph, op: Operator): number {
  if (op.op.kind !== 'builtin') return 0;
  const out = sg.tensors[op.outputs[0] ?? -1];
  const filter = sg.tensors[op.inputs[1] ?? -1];
  if (!out || !filter) return 0;
  const outElems = numElements(out.shape);
  if (!Number.isFinite(outElems)) return 0;
  const f = filter.shape;
  switch (op.op.opcode) {
    case 'CONV_2D': // filter [O, KH, KW, I]: each output sums KH*KW*I products
      return f.length === 4 ? outElems * f[1]! * f[2]! * f[3]! : 0;
    case 'DEPTHWISE_CONV_2D': // filter [1, KH, KW, O]: each output sums KH*KW products
      return f.length === 4 ? outElems * f[1]! * f[2]! : 0;
    case 'FULLY_CONNECTED': // weights [O, I]
      return f.length === 2 ? outElems * f[1]! : 0;
    default:
      return 0;
  }
}

/** JSON-safe copy of a decoded flexbuffer value (bigint → number, bytes → array). */
export function flexToJson(v: FlexValue): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Uint8Array) return Array.from(v);
  if (Array.isArray(v)) return v.map(flexToJson);
  if (v && typeof v === 'object') {
    const o: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) o[k] = flexToJson(v[k]!);
    return o;
  }
  return v;
}

export function summarizeTflite(model: Model, fileBytes: number): TfliteSummary {
  const operators: Record<string, number> = {};
  const customOptions: Record<string, unknown> = {};
  const bytesByDtype: Record<string, number> = {};
  let params = 0;
  let macs = 0;
  let tensors = 0;
  for (const sg of model.subgraphs) {
    tensors += sg.tensors.length;
    for (const op of sg.operators) {
      const name = opName(op);
      operators[name] = (operators[name] ?? 0) + 1;
      if (op.op.kind === 'custom' && !(name in customOptions)) {
        customOptions[name] = op.op.customOptionsMap ? flexToJson(op.op.customOptionsMap) : null;
      }
      macs += opMacs(sg, op);
    }
    for (const t of sg.tensors) {
      if (!t.data || t.data.byteLength === 0) continue;
      const n = numElements(t.shape);
      params += Number.isFinite(n) ? n : t.data.byteLength / (DTYPE_BYTES[t.dtype] || 1);
      bytesByDtype[t.dtype] = (bytesByDtype[t.dtype] ?? 0) + t.data.byteLength;
    }
  }
  const main = model.subgraphs[0];
  return {
    format: 'tflite',
    description: model.description,
    version: model.version,
    subgraphs: model.subgraphs.length,
    inputs: main ? main.inputs.map((i) => summarizeTensor(main.tensors[i]!)) : [],
    outputs: main ? main.outputs.map((i) => summarizeTensor(main.tensors[i]!)) : [],
    operators,
    custom_options: customOptions,
    params,
    bytes_by_dtype: bytesByDtype,
    macs,
    tensors,
    metadata: model.metadata.map((m) => m.name),
    signatures: model.signatureDefs.map((s) => s.signatureKey),
    file_bytes: fileBytes,
  };
}
