// Post-training quantization of a float model, one file per scheme: uint8 (TOCO's legacy per-tensor
// scheme, through the converter's own quantize step), int8 (full integer), dynamic and float16
// (weights only), then the model I/O type.
import { InvalidInputError, UnsupportedError } from '../../errors.js';
import { floatData } from '../../graph/from-model.js';
import { checkSubgraphStructure } from '../../ir/check.js';
import { opName } from '../../ir/op-name.js';
import { constantName, nonFiniteWeight } from '../numerics/weights.js';
import type { Model } from '../../ir/types.js';
import { quantizeInt8Scheme } from './int8.js';
import { adaptIo } from './io.js';
import type { QuantizeModelOptions } from './options.js';
import { quantizeUint8Scheme } from './toco-uint8.js';
import { weightsBehindDequantize } from './weights-only.js';

export { adaptIo } from './io.js';
export { quantizeGraph, type TocoQuantizeOptions } from './toco-uint8.js';
export type { QuantScheme, IoType, QuantizeModelOptions } from './options.js';

/**
 * Quantizes a float model with the given scheme; the input model is not changed. uint8 and int8
 * quantize subgraph 0 (calibration runs the model); dynamic and float16 every subgraph.
 */
export function quantizeModel(model: Model, o: QuantizeModelOptions): Model {
  const sg = model.subgraphs[0];
  if (!sg) throw new UnsupportedError('model has no subgraph');
  checkSubgraphStructure(sg, 'quantize');
  checkQuantizable(model, o);
  if (sg.tensors.some((t) => t.dtype === 'uint8' || t.dtype === 'int8')) throw new UnsupportedError('the model is already quantized (it has uint8/int8 tensors): quantize its float twin (liteq dequantize gives one)');
  const loop = sg.operators.find((op) => op.op.kind === 'builtin' && (op.op.opcode === 'WHILE' || op.op.opcode === 'IF'));
  if (loop && (o.scheme === 'uint8' || o.scheme === 'int8')) {
    throw new UnsupportedError(`\`scheme=${o.scheme}\` quantizes the main graph's activations, and this model has control flow (${opName(loop)}: e.g. a Keras LSTM/GRU/RNN layer), whose subgraphs it would leave float: use scheme dynamic or float16, which quantize the weights of every subgraph`);
  }
  switch (o.scheme) {
    case 'uint8':
      return adaptIo(quantizeUint8Scheme(model, o), o.io ?? 'uint8');
    case 'int8':
      return adaptIo(quantizeInt8Scheme(model, o), o.io ?? 'int8');
    case 'dynamic':
    case 'float16':
      if (o.io && o.io !== 'float') throw new UnsupportedError(`\`scheme=${o.scheme}\` keeps float activations: \`io\` must be float`);
      return weightsBehindDequantize(model, o);
  }
}

/** Ranges and weights the schemes can turn into quantization parameters: finite, min <= max. */
function checkQuantizable(model: Model, o: QuantizeModelOptions): void {
  const sg = model.subgraphs[0]!;
  for (const [i, r] of o.ranges ?? []) {
    const t = sg.tensors[i];
    if (!t) throw new InvalidInputError(`\`ranges\`: tensor ${i} is not in the model`);
    if (!Number.isFinite(r.min) || !Number.isFinite(r.max) || r.min > r.max) {
      throw new InvalidInputError(`\`ranges\`: tensor ${i} "${t.name}" has range [${r.min}, ${r.max}], not a finite min <= max (did calibration see NaN or Inf activations?)`);
    }
  }
  // float16 takes any value; dynamic checks each weight it quantizes as it quantizes it (one read of a
  // large model's weights), and weights it leaves float need not be finite.
  if (o.scheme === 'float16' || o.scheme === 'dynamic') return;
  sg.tensors.forEach((t, i) => {
    if (t.dtype !== 'float32' || !t.data) return;
    const v = floatData(t.data); // constants may sit at any offset of the model file
    // x - x is NaN exactly for NaN and ±Inf; a plain loop (no callback) keeps this at memory speed.
    for (let k = 0; k < v.length; k++) {
      const x = v[k]!;
      if (x - x !== 0) throw nonFiniteWeight(constantName(i, t), v, k);
    }
  });
}
