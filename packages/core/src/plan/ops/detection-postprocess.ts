// TFLite_Detection_PostProcess (custom op) → tflite_detection_postprocess_{u8,f32}
// (native/src/kernels/detection_postprocess.cc). Options come from the op's flexbuffer map with
// TFLite's defaults (detections_per_class 100, use_regular_nms false). Outputs: boxes [1,M,4],
// classes [1,M], scores [1,M], count [1] with M = max_detections * max_classes_per_detection, as
// TFLite's Prepare sizes them.
import { UnsupportedError } from '../../errors.js';
import type { FlexValue } from '../../ir/types.js';
import { f32 } from '../../quantize/numerics/quant-math.js';
import { encodeParams } from '../params.js';
import type { LoweredOp, OpLowering } from '../types.js';
import { requireInput } from './quant-helpers.js';

const OP = 'TFLite_Detection_PostProcess';

function num(map: { [k: string]: FlexValue }, key: string, fallback?: number): number {
  const v = map[key];
  if (v === undefined || v === null) {
    if (fallback === undefined) throw new UnsupportedError(`${OP}: custom option ${key} is missing`);
    return fallback;
  }
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v !== 'number') throw new UnsupportedError(`${OP}: custom option ${key} is not a number`);
  return v;
}

export const detectionPostprocessLowering: OpLowering = {
  ops: [OP],
  lower(op, ctx): LoweredOp {
    if (op.op.kind !== 'custom') throw new UnsupportedError(`${OP}: not a custom op`);
    const map = op.op.customOptionsMap;
    if (!map) throw new UnsupportedError(`${OP}: custom options are not a flexbuffer map`);
    if (op.inputs.length !== 3 || op.outputs.length !== 4) throw new UnsupportedError(`${OP}: expects 3 inputs and 4 outputs`);
    const boxT = requireInput(op, ctx, 0, 'box encodings');
    const scoreT = requireInput(op, ctx, 1, 'class predictions');
    const anchorT = requireInput(op, ctx, 2, 'anchors');
    const boxShape = ctx.shape(op.inputs[0]!);
    const scoreShape = ctx.shape(op.inputs[1]!);
    const anchorShape = ctx.shape(op.inputs[2]!);
    if (boxShape.length !== 3 || scoreShape.length !== 3 || anchorShape.length !== 2) {
      throw new UnsupportedError(`${OP}: input ranks ${boxShape.length}/${scoreShape.length}/${anchorShape.length} (3/3/2 expected)`);
    }
    const n = boxShape[1]!;
    if (boxShape[0] !== 1 || scoreShape[0] !== 1 || scoreShape[1] !== n || anchorShape[0] !== n || anchorShape[1] !== 4 || boxShape[2]! < 4) {
      throw new UnsupportedError(`${OP}: shapes [${boxShape}], [${scoreShape}], [${anchorShape}] disagree`);
    }
    let kind: 'u8' | 'f32';
    if (boxT.dtype === 'uint8' && anchorT.dtype === 'uint8') kind = 'u8';
    else if (boxT.dtype === 'float32' && anchorT.dtype === 'float32') kind = 'f32';
    else throw new UnsupportedError(`${OP}: box encodings ${boxT.dtype} with anchors ${anchorT.dtype} (both uint8 or both float32)`);
    if (scoreT.dtype !== 'uint8' && scoreT.dtype !== 'float32') throw new UnsupportedError(`${OP}: class predictions ${scoreT.dtype}`);
    for (const t of [boxT, scoreT, anchorT]) {
      if (t.dtype === 'uint8' && !(t.quantization && t.quantization.scale.length === 1)) {
        throw new UnsupportedError(`${OP}: uint8 input ${t.name} needs per-tensor quantization`);
      }
    }

    const maxDetections = num(map, 'max_detections');
    const maxClassesPerDetection = num(map, 'max_classes_per_detection');
    const detectionsPerClass = num(map, 'detections_per_class', 100);
    const useRegularNms = num(map, 'use_regular_nms', 0) !== 0;
    const numClasses = num(map, 'num_classes');
    const iou = f32(num(map, 'nms_iou_threshold'));
    const cb = scoreShape[2]!;
    if (cb - numClasses > 1 || cb < numClasses || numClasses < 1) throw new UnsupportedError(`${OP}: num_classes ${numClasses} with ${cb} score columns`);
    if (maxDetections < 0 || maxClassesPerDetection < 1) throw new UnsupportedError(`${OP}: max_detections ${maxDetections}, max_classes_per_detection ${maxClassesPerDetection}`);
    if (useRegularNms && detectionsPerClass <= 0) throw new UnsupportedError(`${OP}: regular NMS with detections_per_class ${detectionsPerClass}`);
    if (!(iou > 0 && iou <= 1)) throw new UnsupportedError(`${OP}: nms_iou_threshold ${iou} outside (0, 1]`);

    const params = encodeParams('DetectionPostProcessParams', {
      max_detections: maxDetections,
      max_classes_per_detection: maxClassesPerDetection,
      detections_per_class: detectionsPerClass,
      use_regular_nms: useRegularNms ? 1 : 0,
      nms_score_threshold: num(map, 'nms_score_threshold'),
      nms_iou_threshold: iou,
      num_classes: numClasses,
      y_scale: num(map, 'y_scale'),
      x_scale: num(map, 'x_scale'),
      h_scale: num(map, 'h_scale'),
      w_scale: num(map, 'w_scale'),
    }).finish();
    const m = maxDetections * maxClassesPerDetection;
    return { kernel: `tflite_detection_postprocess_${kind}`, params, outputShapes: [[1, m, 4], [1, m], [1, m], [1]] };
  },
};
