// TFLite_Detection_PostProcess: box encodings [1,N,>=4] + class scores [1,N,C(+1)] + anchors [N,4]
// -> boxes [1,M,4], classes [1,M], scores [1,M], count [1] with M = max_detections *
// max_classes_per_detection. Box encodings and anchors are both uint8 (each dequantized with its own
// params) or both float32; scores uint8 or float32. Lowering: packages/core/src/plan/ops/detection-postprocess.ts.
#include <algorithm>
#include <cstring>

#include "kernels/kernel_lists.h"
#include "kernels/params.h"
#include "kernels/reference/detection_postprocess.h"
#include "kernels/reference/quantize.h"
#include "liteq/liteq.h"
#include "runtime/error.h"
#include "runtime/op.h"

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#endif

namespace liteq {
namespace {

// The largest score byte of one anchor's classes (the hot loop of the fast path: N x C bytes).
inline uint8_t MaxByte(const uint8_t* r, int n) {
  uint8_t m = 0;
  int c = 0;
#if defined(__wasm_simd128__)
  // SIMD128: 16 classes per step, then a horizontal max by halving shuffles.
  if (n >= 16) {
    v128_t v = wasm_v128_load(r);
    for (c = 16; c + 16 <= n; c += 16) v = wasm_u8x16_max(v, wasm_v128_load(r + c));
    v = wasm_u8x16_max(v, wasm_i8x16_shuffle(v, v, 8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7));
    v = wasm_u8x16_max(v, wasm_i8x16_shuffle(v, v, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3));
    v = wasm_u8x16_max(v, wasm_i8x16_shuffle(v, v, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3, 0, 1));
    v = wasm_u8x16_max(v, wasm_i8x16_shuffle(v, v, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0));
    m = wasm_u8x16_extract_lane(v, 0);
  }
#endif
  for (; c < n; ++c) m = r[c] > m ? r[c] : m;  // (auto-vectorized on x86)
  return m;
}

template <DType BoxType>
int CheckDetection(const OpArgs& a) {
  const DetectionPostProcessParams* p = CheckedParams<DetectionPostProcessParams>(a, "detection_postprocess");
  if (!p) return LastStatus();
  if (a.num_inputs != 3 || a.num_outputs != 4 || !a.inputs[0] || !a.inputs[1] || !a.inputs[2]) {
    return Fail(LITEQ_E_INVALID_ARGUMENT, "detection_postprocess: expects 3 inputs and 4 outputs");
  }
  const Tensor &boxes = *a.inputs[0], &scores = *a.inputs[1], &anchors = *a.inputs[2];
  if (boxes.dtype != BoxType || anchors.dtype != BoxType) return Fail(LITEQ_E_INVALID_ARGUMENT, "detection_postprocess: box/anchor dtype does not match the kernel");
  if (scores.dtype != DType::kUInt8 && scores.dtype != DType::kFloat32) return Fail(LITEQ_E_INVALID_ARGUMENT, "detection_postprocess: scores must be uint8 or float32");
  if (boxes.rank != 3 || scores.rank != 3 || anchors.rank != 2) return Fail(LITEQ_E_INVALID_ARGUMENT, "detection_postprocess: bad input ranks");
  const int n = boxes.dims[1];
  if (boxes.dims[0] != 1 || scores.dims[0] != 1 || scores.dims[1] != n || anchors.dims[0] != n || anchors.dims[1] != 4 || boxes.dims[2] < 4) {
    return Fail(LITEQ_E_INVALID_ARGUMENT, "detection_postprocess: input shapes disagree");
  }
  const int cb = scores.dims[2];
  if (cb - p->num_classes > 1 || cb < p->num_classes || p->num_classes < 1) return Fail(LITEQ_E_INVALID_ARGUMENT, "detection_postprocess: num_classes does not match the scores");
  if (p->max_detections < 0 || p->max_classes_per_detection < 1) return Fail(LITEQ_E_INVALID_ARGUMENT, "detection_postprocess: bad max_detections / max_classes_per_detection");
  if (p->use_regular_nms && p->detections_per_class <= 0) return Fail(LITEQ_E_INVALID_ARGUMENT, "detection_postprocess: detections_per_class must be > 0 with regular NMS");
  if (!(p->nms_iou_threshold > 0.0f && p->nms_iou_threshold <= 1.0f)) return Fail(LITEQ_E_INVALID_ARGUMENT, "detection_postprocess: nms_iou_threshold must be in (0, 1]");
  const int64_t m = static_cast<int64_t>(p->max_detections) * p->max_classes_per_detection;
  for (int i = 0; i < 4; ++i) {
    if (a.outputs[i]->dtype != DType::kFloat32) return Fail(LITEQ_E_INVALID_ARGUMENT, "detection_postprocess: outputs must be float32");
  }
  if (a.outputs[0]->NumElements() != 4 * m || a.outputs[1]->NumElements() != m || a.outputs[2]->NumElements() != m || a.outputs[3]->NumElements() != 1) {
    return Fail(LITEQ_E_INVALID_ARGUMENT, "detection_postprocess: output sizes do not match max_detections * max_classes_per_detection");
  }
  return LITEQ_OK;
}

// Reads anchor/box i as (y, x, h, w): dequantized (float(q) - Z) * s for uint8, as stored for float.
template <DType BoxType>
reference::CenterSize ReadCenterSize(const Tensor& t, int i, int stride) {
  if constexpr (BoxType == DType::kUInt8) {
    const uint8_t* q = t.data + static_cast<size_t>(i) * stride;
    // TFLite's Dequantizer: (static_cast<float>(x) - zero_point) * scale, in float.
    const float z = static_cast<float>(t.zero_point);
    return {(static_cast<float>(q[0]) - z) * t.scale, (static_cast<float>(q[1]) - z) * t.scale,
            (static_cast<float>(q[2]) - z) * t.scale, (static_cast<float>(q[3]) - z) * t.scale};
  } else {
    const float* f = t.Data<float>() + static_cast<size_t>(i) * stride;
    return {f[0], f[1], f[2], f[3]};
  }
}

// Fast NMS with one class per detection over uint8 scores (SSD's usual configuration). The reference
// dequantizes all N x C scores and takes each anchor's first maximum; when the dequantization of the
// 256 byte values is strictly increasing that is the first maximum byte, so only one score per anchor
// is dequantized (from the same table). Same selection and outputs as NonMaxSuppressionMultiClassFast.
bool FastNmsOneClassU8(const OpContext& ctx, const reference::DetectionOptions& o, const reference::BoxCorner* boxes, int n,
                       const Tensor& score_t, reference::Workspace& ws, const reference::DetectionOutputs& out) {
  if (o.use_regular_nms || o.max_classes_per_detection != 1) return false;
  float table[256];
  for (int v = 0; v < 256; ++v) {
    table[v] = reference::Dequantize(static_cast<uint8_t>(v), score_t.scale, score_t.zero_point);
    if (v > 0 && !(table[v] > table[v - 1])) return false;
  }
  const int cb = score_t.dims[2];
  const int label_offset = cb - o.num_classes;
  float* max_scores = ws.Take<float>(n);
  int* max_class = ws.Take<int>(n);
  ParallelFor(ctx, n, [&](int64_t begin, int64_t end) {
    for (int64_t row = begin; row < end; ++row) {
      const uint8_t* r = score_t.data + static_cast<size_t>(row) * cb + label_offset;
      const uint8_t m = MaxByte(r, o.num_classes);
      max_class[row] = static_cast<int>(static_cast<const uint8_t*>(std::memchr(r, m, o.num_classes)) - r);
      max_scores[row] = table[m];
    }
  });
  const int capacity = std::max(0, std::min(n, o.max_detections));
  reference::Selection selected{ws.Take<int>(capacity), 0, capacity};
  reference::NonMaxSuppressionSingleClassLazy(boxes, max_scores, n, o.nms_score_threshold, o.nms_iou_threshold, o.max_detections, ws,
                                              &selected);
  int k = 0;
  for (int index : selected) {
    const reference::BoxCorner& b = boxes[index];
    out.boxes[4 * k + 0] = b.ymin;
    out.boxes[4 * k + 1] = b.xmin;
    out.boxes[4 * k + 2] = b.ymax;
    out.boxes[4 * k + 3] = b.xmax;
    out.classes[k] = static_cast<float>(max_class[index]);
    out.scores[k] = max_scores[index];
    ++k;
  }
  out.count[0] = static_cast<float>(k);
  return true;
}

reference::DetectionOptions OptionsOf(const DetectionPostProcessParams& p) {
  return reference::DetectionOptions{p.max_detections, p.max_classes_per_detection, p.detections_per_class, p.use_regular_nms != 0,
                                     p.nms_score_threshold, p.nms_iou_threshold, p.num_classes,
                                     reference::CenterSize{p.y_scale, p.x_scale, p.h_scale, p.w_scale}};
}

// Scratch: every temporary of a run (reference::Workspace slices), so an inference allocates nothing.
size_t ScratchDetection(const OpArgs& a, int) {
  const DetectionPostProcessParams& p = *ParamsAs<DetectionPostProcessParams>(a);
  return reference::DetectionWorkspaceBytes(a.inputs[0]->dims[1], p.num_classes, a.inputs[1]->dims[2], OptionsOf(p));
}

template <DType BoxType>
int RunDetection(const OpContext& ctx, const OpArgs& a) {
  const DetectionPostProcessParams& p = *ParamsAs<DetectionPostProcessParams>(a);
  const Tensor &box_t = *a.inputs[0], &score_t = *a.inputs[1], &anchor_t = *a.inputs[2];
  const int n = box_t.dims[1];
  const int cb = score_t.dims[2];
  const reference::DetectionOptions o = OptionsOf(p);
  reference::Workspace ws(ctx.scratch, ctx.scratch != nullptr ? ctx.scratch_bytes : 0);

  reference::BoxCorner* boxes = ws.Take<reference::BoxCorner>(n);
  ParallelFor(ctx, n, [&](int64_t begin, int64_t end) {
    for (int64_t i = begin; i < end; ++i) {
      const int k = static_cast<int>(i);
      boxes[i] = reference::DecodeCenterSizeBox(ReadCenterSize<BoxType>(box_t, k, box_t.dims[2]), ReadCenterSize<BoxType>(anchor_t, k, 4), o.scale);
    }
  });
  if (!reference::ValidateBoxes(boxes, n)) return Fail(LITEQ_E_INVALID_ARGUMENT, "detection_postprocess: a decoded box has min > max");

  // Slots past the detections are zero (TFLite leaves them as they were).
  for (int i = 0; i < 4; ++i) std::memset(a.outputs[i]->data, 0, a.outputs[i]->bytes);
  const reference::DetectionOutputs out{a.outputs[0]->Data<float>(), a.outputs[1]->Data<float>(), a.outputs[2]->Data<float>(),
                                        a.outputs[3]->Data<float>()};
  if (score_t.dtype == DType::kUInt8 && FastNmsOneClassU8(ctx, o, boxes, n, score_t, ws, out)) return LITEQ_OK;
  const float* scores = nullptr;
  if (score_t.dtype == DType::kUInt8) {
    const size_t count = static_cast<size_t>(n) * cb;
    float* dequantized = ws.Take<float>(count);
    for (size_t i = 0; i < count; ++i) dequantized[i] = reference::Dequantize(score_t.data[i], score_t.scale, score_t.zero_point);
    scores = dequantized;
  } else {
    scores = score_t.Data<float>();
  }

  if (o.use_regular_nms) {
    reference::NonMaxSuppressionMultiClassRegular(o, boxes, n, scores, cb, ws, out);
  } else {
    reference::NonMaxSuppressionMultiClassFast(o, boxes, n, scores, cb, ws, out);
  }
  return LITEQ_OK;
}

}  // namespace

const KernelInfo kDetectionPostProcessKernels[] = {
    {"tflite_detection_postprocess_u8", RunDetection<DType::kUInt8>, CheckDetection<DType::kUInt8>, ScratchDetection},
    {"tflite_detection_postprocess_f32", RunDetection<DType::kFloat32>, CheckDetection<DType::kFloat32>, ScratchDetection},
};
const size_t kDetectionPostProcessKernelCount = sizeof(kDetectionPostProcessKernels) / sizeof(kDetectionPostProcessKernels[0]);

}  // namespace liteq
