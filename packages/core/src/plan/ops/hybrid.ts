// Hybrid (dynamic-range) FULLY_CONNECTED, CONV_2D and DEPTHWISE_CONV_2D: float input and output with
// int8 weights → fully_connected_hybrid / conv_2d_hybrid / depthwise_conv_2d_hybrid
// (native/src/kernels/hybrid.cc, which says what TFLite 2.9 computes). FULLY_CONNECTED reads one weight
// scale (TFLite 2.9's EvalHybridDense uses filter->params.scale), or one per output unit (TensorFlow
// 2.21's version 12), and its asymmetric_quantize_inputs option; CONV_2D takes per-tensor or per-output-channel scales along dimension 0; DEPTHWISE_CONV_2D
// per-channel scales along dimension 3 and a bias. Biases are float.
import { UnsupportedError } from '../../errors.js';
import { encodeParams } from '../params.js';
import type { LowerContext, LoweredOp, Operator } from '../types.js';
import { convGeometry, convGeometryFields, convShapes } from './padding.js';
import { activationClamps, channelScales, fusedActivation, input, opName, options, requireInput } from './quant-helpers.js';

/** True when the op has float activations and int8 weights (TFLite's hybrid kernels). */
export function isHybrid(op: Operator, ctx: LowerContext): boolean {
  const x = input(op, ctx, 0);
  const w = input(op, ctx, 1);
  return x?.dtype === 'float32' && (w?.dtype === 'int8' || w?.dtype === 'uint8');
}

function hybridTensors(op: Operator, ctx: LowerContext) {
  const name = opName(op);
  const w = requireInput(op, ctx, 1, 'weights');
  const bias = input(op, ctx, 2);
  const out = ctx.tensor(op.outputs[0]!);
  if (w.dtype !== 'int8') throw new UnsupportedError(`${name}: hybrid with ${w.dtype} weights (int8 is supported)`);
  if (!w.data) throw new UnsupportedError(`${name}: hybrid weights ${w.name} must be constant`);
  if (out.dtype !== 'float32' || (bias && bias.dtype !== 'float32')) throw new UnsupportedError(`${name}: hybrid needs a float output and bias`);
  const act = fusedActivation(op);
  if (act !== 'NONE' && act !== 'RELU' && act !== 'RELU6' && act !== 'RELU_N1_TO_1') throw new UnsupportedError(`${name}: hybrid with fused ${act}`);
  const c = activationClamps(act, 'f32', undefined);
  return { w, scales: channelScales(op, w, 'weights'), float_act_min: c.floatMin, float_act_max: c.floatMax };
}

export function lowerFullyConnectedHybrid(op: Operator, ctx: LowerContext, outShape: number[]): LoweredOp {
  const t = hybridTensors(op, ctx);
  // Per output channel (dimension 0): TensorFlow 2.21's version 12, which TFLite 2.9 cannot load.
  if (t.scales.length !== 1 && (t.scales.length !== t.w.shape[0] || (t.w.quantization?.quantizedDimension ?? 0) !== 0)) {
    throw new UnsupportedError(`FULLY_CONNECTED: hybrid with ${t.scales.length} weight scales along dimension ${t.w.quantization?.quantizedDimension ?? 0} (one, or one per output unit along 0, are supported)`);
  }
  const params = encodeParams('HybridParams', {
    stride_h: 1,
    stride_w: 1,
    dilation_h: 1,
    dilation_w: 1,
    depth_multiplier: 1,
    // Version 12 runs only in TensorFlow ≥ 2.1x, whose asymmetric input quantization subtracts the range in float.
    asymmetric: options(op)['asymmetricQuantizeInputs'] === true ? (t.scales.length > 1 ? 2 : 1) : 0,
    float_act_min: t.float_act_min,
    float_act_max: t.float_act_max,
    num_channels: t.scales.length,
  })
    .f32s(t.scales)
    .finish();
  return { kernel: 'fully_connected_hybrid', params, outputShapes: [outShape] };
}

export function lowerConvHybrid(op: Operator, ctx: LowerContext): LoweredOp {
  const t = hybridTensors(op, ctx);
  const { n, h, w, cout, kh, kw } = convShapes(op, ctx, 'CONV_2D');
  if (t.scales.length !== 1 && (t.scales.length !== cout || t.w.quantization!.quantizedDimension !== 0)) {
    throw new UnsupportedError(`CONV_2D: hybrid weights need one scale or one per output channel along dimension 0`);
  }
  const g = convGeometry(op, 'CONV_2D', h, w, kh, kw);
  const params = encodeParams('HybridParams', {
    ...convGeometryFields(g),
    depth_multiplier: 1,
    asymmetric: 0,
    float_act_min: t.float_act_min,
    float_act_max: t.float_act_max,
    num_channels: t.scales.length,
  })
    .f32s(t.scales)
    .finish();
  return { kernel: 'conv_2d_hybrid', params, outputShapes: [[n, g.pad.outH, g.pad.outW, cout]] };
}

export function lowerDepthwiseHybrid(op: Operator, ctx: LowerContext): LoweredOp {
  const t = hybridTensors(op, ctx);
  const { n, h, w, cin, cout, kh, kw } = convShapes(op, ctx, 'DEPTHWISE_CONV_2D');
  if (t.scales.length !== cout || t.w.quantization!.quantizedDimension !== 3) throw new UnsupportedError('DEPTHWISE_CONV_2D: hybrid weights need one scale per output channel along dimension 3');
  if (!input(op, ctx, 2)) throw new UnsupportedError('DEPTHWISE_CONV_2D: hybrid needs a bias (TFLite 2.9 reads it unconditionally)');
  const g = convGeometry(op, 'DEPTHWISE_CONV_2D', h, w, kh, kw);
  const params = encodeParams('HybridParams', {
    ...convGeometryFields(g),
    depth_multiplier: cout / cin,
    asymmetric: 1,
    float_act_min: t.float_act_min,
    float_act_max: t.float_act_max,
    num_channels: cout,
  })
    .f32s(t.scales)
    .finish();
  return { kernel: 'depthwise_conv_2d_hybrid', params, outputShapes: [[n, g.pad.outH, g.pad.outW, cout]] };
}
