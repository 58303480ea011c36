// Output size and padding of a windowed op (conv, depthwise conv, pooling), exactly as TFLite's
// ComputeOutSize / ComputePaddingHeightWidth (tf/tensorflow/lite/kernels/padding.h), and a conv-like
// op's stride, dilation and padding as its params blocks store them.
import { UnsupportedError } from '../../errors.js';
import type { LowerContext, Operator } from '../types.js';
import { intOption, options } from './quant-helpers.js';

export type PaddingMode = 'SAME' | 'VALID';

/** The schema `Padding` enum as the reader decodes it (member name, or its number). */
export function paddingMode(opName: string, v: unknown): PaddingMode {
  if (v === 'SAME' || v === 0) return 'SAME';
  if (v === 'VALID' || v === 1) return 'VALID';
  throw new UnsupportedError(`${opName}: padding ${String(v)} is not SAME or VALID`);
}

/** ComputeOutSize: SAME = ceil(in / stride); VALID = ceil((in - effective + 1) / stride). */
export function computeOutSize(mode: PaddingMode, image: number, filter: number, stride: number, dilation: number): number {
  const effective = (filter - 1) * dilation + 1;
  if (stride === 0) return 0;
  return mode === 'SAME' ? Math.floor((image + stride - 1) / stride) : Math.floor((image + stride - effective) / stride);
}

/** ComputePaddingWithOffset: the padding before (floor of half the total; the odd one goes after). */
export function computePadding(stride: number, dilation: number, inSize: number, filter: number, outSize: number): number {
  const effective = (filter - 1) * dilation + 1;
  const total = Math.max((outSize - 1) * stride + effective - inSize, 0);
  return Math.floor(total / 2);
}

export interface Padding2D {
  outH: number;
  outW: number;
  padTop: number;
  padLeft: number;
}

/** ComputePaddingHeightWidth for an NHWC window op. VALID pads nothing (its total is always 0). */
export function computePadding2D(
  mode: PaddingMode,
  inH: number,
  inW: number,
  filterH: number,
  filterW: number,
  strideH: number,
  strideW: number,
  dilationH = 1,
  dilationW = 1,
): Padding2D {
  const outH = computeOutSize(mode, inH, filterH, strideH, dilationH);
  const outW = computeOutSize(mode, inW, filterW, strideW, dilationW);
  return {
    outH,
    outW,
    padTop: computePadding(strideH, dilationH, inH, filterH, outH),
    padLeft: computePadding(strideW, dilationW, inW, filterW, outW),
  };
}

/**
 * Option the plan gives a CONV_2D / DEPTHWISE_CONV_2D that took over a PAD's spatial padding
 * (plan/fuse.ts `fusePadding`): [top, bottom, left, right] around its unpadded input, in place of its
 * VALID padding. Plan-only: never written to a file.
 */
export const EXPLICIT_PADDING = 'liteqExplicitPadding';

/**
 * Stride, dilation and padding of a conv-like op, checked, with its output size. A conv that took
 * over a PAD carries EXPLICIT_PADDING: its VALID window then runs over the input padded by those amounts.
 */
export function convGeometry(op: Operator, name: string, h: number, w: number, kh: number, kw: number) {
  const strideH = intOption(op, 'strideH', 1);
  const strideW = intOption(op, 'strideW', 1);
  const dilationH = intOption(op, 'dilationHFactor', 1);
  const dilationW = intOption(op, 'dilationWFactor', 1);
  if (strideH < 1 || strideW < 1 || dilationH < 1 || dilationW < 1) throw new UnsupportedError(`${name}: stride ${strideH}x${strideW}, dilation ${dilationH}x${dilationW}`);
  const explicit = options(op)[EXPLICIT_PADDING] as [number, number, number, number] | undefined;
  const pad = explicit
    ? {
        outH: computeOutSize('VALID', h + explicit[0] + explicit[1], kh, strideH, dilationH),
        outW: computeOutSize('VALID', w + explicit[2] + explicit[3], kw, strideW, dilationW),
        padTop: explicit[0],
        padLeft: explicit[2],
      }
    : computePadding2D(paddingMode(name, options(op)['padding']), h, w, kh, kw, strideH, strideW, dilationH, dilationW);
  if (pad.outH <= 0 || pad.outW <= 0) throw new UnsupportedError(`${name}: empty output (${pad.outH}x${pad.outW})`);
  return { strideH, strideW, dilationH, dilationW, pad };
}

/** Stride, dilation and padding as the conv-like params blocks store them. */
export const convGeometryFields = (g: ReturnType<typeof convGeometry>) => ({
  stride_h: g.strideH,
  stride_w: g.strideW,
  dilation_h: g.dilationH,
  dilation_w: g.dilationW,
  pad_top: g.pad.padTop,
  pad_left: g.pad.padLeft,
});

/**
 * The input [N,H,W,C] and filter dimensions of CONV_2D ([Cout,KH,KW,Cin], checked against the input)
 * or DEPTHWISE_CONV_2D ([1,KH,KW,Cout], Cout a multiple of C).
 */
export function convShapes(op: Operator, ctx: LowerContext, name: 'CONV_2D' | 'DEPTHWISE_CONV_2D') {
  const inShape = ctx.shape(op.inputs[0]!);
  const fShape = ctx.shape(op.inputs[1]!);
  if (inShape.length !== 4 || fShape.length !== 4) throw new UnsupportedError(`${name}: input [${inShape}] and filter [${fShape}] must be 4-D`);
  const [n, h, w, cin] = inShape as [number, number, number, number];
  if (name === 'CONV_2D') {
    const [cout, kh, kw, fcin] = fShape as [number, number, number, number];
    if (fcin !== cin) throw new UnsupportedError(`CONV_2D: filter depth ${fcin} differs from input channels ${cin} (grouped convolution)`);
    return { n, h, w, cin, cout, kh, kw };
  }
  const [one, kh, kw, cout] = fShape as [number, number, number, number];
  if (one !== 1) throw new UnsupportedError(`DEPTHWISE_CONV_2D: filter [${fShape}] must have a leading 1`);
  // TFLite derives the multiplier from the shapes (old files store unreliable depth_multiplier values).
  if (cin <= 0 || cout % cin !== 0) throw new UnsupportedError(`DEPTHWISE_CONV_2D: ${cout} output channels is not a multiple of ${cin} input channels`);
  return { n, h, w, cin, cout, kh, kw };
}
