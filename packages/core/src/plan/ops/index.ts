// Every op lowering the executor supports. Append new families here (one import, one entry).
import type { OpLowering } from '../types.js';
import { reshapeLowering } from './reshape.js';
import { convLowering } from './conv.js';
import { depthwiseConvLowering } from './depthwise-conv.js';
import { fullyConnectedLowering } from './fully-connected.js';
import { batchMatMulLowering } from './batch-matmul.js';
import { comparisonLowering, gatherLowering, selectLowering } from './gather-select.js';
import { meanLowering } from './mean.js';
import { reverseLowering, sliceLowering, splitLowering } from './slice.js';
import { padLowering } from './pad.js';
import { poolingLowering } from './pooling.js';
import { elementwiseLowering, minMaxLowering } from './elementwise.js';
import { concatenationLowering } from './concatenation.js';
import { activationsLowering } from './activations.js';
import { quantizeLowering } from './quantize.js';
import { detectionPostprocessLowering } from './detection-postprocess.js';

export const OP_LOWERINGS: readonly OpLowering[] = [
  reshapeLowering,
  convLowering,
  depthwiseConvLowering,
  fullyConnectedLowering,
  batchMatMulLowering,
  gatherLowering,
  comparisonLowering,
  selectLowering,
  sliceLowering,
  splitLowering,
  reverseLowering,
  poolingLowering,
  meanLowering,
  padLowering,
  elementwiseLowering,
  minMaxLowering,
  concatenationLowering,
  activationsLowering,
  quantizeLowering,
  detectionPostprocessLowering,
];
