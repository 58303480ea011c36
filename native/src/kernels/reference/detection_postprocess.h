// TFLite_Detection_PostProcess (tf/tensorflow/lite/kernels/detection_postprocess.cc): decode SSD box
// encodings against anchors, then fast (max class per anchor) or regular (per class) non-max
// suppression. All arithmetic is float32 in TFLite's order so outputs are identical floats.
//
// Helpers mirror TFLite's: DecodeCenterSizeBoxes, DecreasingArgSort (stable),
// DecreasingPartialArgSort (std::partial_sort, or the first maximum when selecting one),
// SelectDetectionsAboveScoreThreshold, ComputeIntersectionOverUnion, NonMaxSuppressionSingleClass,
// NonMaxSuppressionMultiClassFast / Regular.
#ifndef LITEQ_KERNELS_REFERENCE_DETECTION_POSTPROCESS_H_
#define LITEQ_KERNELS_REFERENCE_DETECTION_POSTPROCESS_H_

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <vector>

namespace liteq {
namespace reference {

struct CenterSize {
  float y, x, h, w;
};
struct BoxCorner {
  float ymin, xmin, ymax, xmax;
};

struct DetectionOptions {
  int max_detections;
  int max_classes_per_detection;
  int detections_per_class;
  bool use_regular_nms;
  float nms_score_threshold;
  float nms_iou_threshold;
  int num_classes;
  CenterSize scale;  // y_scale, x_scale, h_scale, w_scale
};

// Box decode of one anchor. TFLite 2.9 evaluates each coordinate in double and rounds once to float
// (measured: the all-float32 variant differs by an ulp on ~1 box coordinate in 10):
//   yc = y / y_scale * ha + ya;  half_h = 0.5 * exp(h / h_scale) * ha   (x, w alike)
inline BoxCorner DecodeCenterSizeBox(const CenterSize& box, const CenterSize& anchor, const CenterSize& scale) {
  const float ycenter = static_cast<float>(static_cast<double>(box.y) / static_cast<double>(scale.y) * static_cast<double>(anchor.h) +
                                           static_cast<double>(anchor.y));
  const float xcenter = static_cast<float>(static_cast<double>(box.x) / static_cast<double>(scale.x) * static_cast<double>(anchor.w) +
                                           static_cast<double>(anchor.x));
  const float half_h = static_cast<float>(0.5 * std::exp(static_cast<double>(box.h) / static_cast<double>(scale.h)) * static_cast<double>(anchor.h));
  const float half_w = static_cast<float>(0.5 * std::exp(static_cast<double>(box.w) / static_cast<double>(scale.w)) * static_cast<double>(anchor.w));
  return BoxCorner{ycenter - half_h, xcenter - half_w, ycenter + half_h, xcenter + half_w};
}

// Degenerate boxes (zero area) are fine (IoU 0); inverted ones make TFLite fail the op.
inline bool ValidateBoxes(const std::vector<BoxCorner>& boxes) {
  for (const BoxCorner& b : boxes) {
    if (b.ymin > b.ymax || b.xmin > b.xmax) return false;
  }
  return true;
}

inline float ComputeIntersectionOverUnion(const BoxCorner& a, const BoxCorner& b) {
  const float area_a = (a.ymax - a.ymin) * (a.xmax - a.xmin);
  const float area_b = (b.ymax - b.ymin) * (b.xmax - b.xmin);
  if (area_a <= 0 || area_b <= 0) return 0.0f;
  const float ymin = std::max<float>(a.ymin, b.ymin);
  const float xmin = std::max<float>(a.xmin, b.xmin);
  const float ymax = std::min<float>(a.ymax, b.ymax);
  const float xmax = std::min<float>(a.xmax, b.xmax);
  const float intersection = std::max<float>(ymax - ymin, 0.0f) * std::max<float>(xmax - xmin, 0.0f);
  return intersection / (area_a + area_b - intersection);
}

// First index of the maximum (TFLite's ArgMaxVector).
inline int ArgMaxVector(const float* values, int n) {
  float max_value = values[0];
  int max_index = 0;
  for (int i = 1; i < n; ++i) {
    if (values[i] > max_value) {
      max_value = values[i];
      max_index = i;
    }
  }
  return max_index;
}

// The top `num_to_sort` indices by decreasing value; not stable beyond what std::partial_sort does,
// exactly like TFLite (same algorithm from the same standard library).
inline void DecreasingPartialArgSort(const float* values, int num_values, int num_to_sort, int* indices) {
  if (num_to_sort == 1) {
    indices[0] = ArgMaxVector(values, num_values);
  } else {
    std::iota(indices, indices + num_values, 0);
    std::partial_sort(indices, indices + num_to_sort, indices + num_values,
                      [values](int i, int j) { return values[i] > values[j]; });
  }
}

inline void DecreasingArgSort(const float* values, int num_values, int* indices) {
  std::iota(indices, indices + num_values, 0);
  std::stable_sort(indices, indices + num_values, [values](int i, int j) { return values[i] > values[j]; });
}

inline void SelectDetectionsAboveScoreThreshold(const std::vector<float>& values, float threshold,
                                                std::vector<float>* keep_values, std::vector<int>* keep_indices) {
  for (int i = 0; i < static_cast<int>(values.size()); ++i) {
    if (values[i] >= threshold) {
      keep_values->push_back(values[i]);
      keep_indices->push_back(i);
    }
  }
}

// Greedy NMS over one score per box: candidates above the score threshold in decreasing score order
// (stable), each selected box suppressing later ones with IoU > threshold; at most max_detections.
inline void NonMaxSuppressionSingleClass(const std::vector<BoxCorner>& boxes, const std::vector<float>& scores,
                                         float score_threshold, float iou_threshold, int max_detections,
                                         std::vector<int>* selected) {
  std::vector<int> keep_indices;
  std::vector<float> keep_scores;
  SelectDetectionsAboveScoreThreshold(scores, score_threshold, &keep_scores, &keep_indices);
  const int num_kept = static_cast<int>(keep_scores.size());
  std::vector<int> sorted(num_kept);
  DecreasingArgSort(keep_scores.data(), num_kept, sorted.data());
  const int output_size = std::min(num_kept, max_detections);
  selected->clear();
  std::vector<uint8_t> active(num_kept, 1);
  int num_active = num_kept;
  for (int i = 0; i < num_kept; ++i) {
    if (num_active == 0 || static_cast<int>(selected->size()) >= output_size) break;
    if (!active[i]) continue;
    selected->push_back(keep_indices[sorted[i]]);
    active[i] = 0;
    --num_active;
    for (int j = i + 1; j < num_kept; ++j) {
      if (active[j] && ComputeIntersectionOverUnion(boxes[keep_indices[sorted[i]]], boxes[keep_indices[sorted[j]]]) > iou_threshold) {
        active[j] = 0;
        --num_active;
      }
    }
  }
}

// The same selection as NonMaxSuppressionSingleClass, computed lazily: a candidate is kept iff no box
// already selected overlaps it by more than the threshold — exactly when the eager loop would not
// have deactivated it, since only selected boxes deactivate others. So it costs (candidates looked
// at) x (boxes selected) IoUs instead of (selected) x (all candidates), and the candidates are
// ordered only as far as they are looked at: by (score desc, index asc), the total order the stable
// sort above produces. IoU arguments keep the eager loop's order (selected, candidate).
inline void NonMaxSuppressionSingleClassLazy(const std::vector<BoxCorner>& boxes, const std::vector<float>& scores,
                                             float score_threshold, float iou_threshold, int max_detections,
                                             std::vector<int>* selected) {
  std::vector<int> cand;
  cand.reserve(scores.size());
  for (int i = 0; i < static_cast<int>(scores.size()); ++i) {
    if (scores[i] >= score_threshold) cand.push_back(i);
  }
  const auto before = [&scores](int a, int b) { return scores[a] > scores[b] || (scores[a] == scores[b] && a < b); };
  selected->clear();
  const int n = static_cast<int>(cand.size());
  const int output_size = std::min(n, max_detections);
  size_t sorted_upto = 0;
  for (size_t i = 0; i < cand.size() && static_cast<int>(selected->size()) < output_size; ++i) {
    if (i == sorted_upto) {  // order the next block of candidates (doubling)
      const size_t end = std::min(cand.size(), std::max<size_t>(64, 2 * sorted_upto));
      std::partial_sort(cand.begin() + static_cast<std::ptrdiff_t>(sorted_upto), cand.begin() + static_cast<std::ptrdiff_t>(end), cand.end(), before);
      sorted_upto = end;
    }
    const BoxCorner& b = boxes[cand[i]];
    bool keep = true;
    for (int s : *selected) {
      if (ComputeIntersectionOverUnion(boxes[s], b) > iou_threshold) {
        keep = false;
        break;
      }
    }
    if (keep) selected->push_back(cand[i]);
  }
}

struct DetectionOutputs {
  float* boxes;    // [M, 4]
  float* classes;  // [M]
  float* scores;   // [M]
  float* count;    // [1]
};

// Fast NMS: each anchor keeps its top max_classes_per_detection classes, NMS runs on each anchor's
// best score; output slot max_classes_per_detection * k + c holds the k-th selected box's c-th class.
inline void NonMaxSuppressionMultiClassFast(const DetectionOptions& o, const std::vector<BoxCorner>& boxes, const float* scores,
                                            int num_classes_with_background, const DetectionOutputs& out) {
  const int num_boxes = static_cast<int>(boxes.size());
  const int label_offset = num_classes_with_background - o.num_classes;
  const int per_anchor = std::min(o.max_classes_per_detection, o.num_classes);
  std::vector<float> max_scores(num_boxes);
  std::vector<int> sorted_class_indices(static_cast<size_t>(num_boxes) * o.num_classes);
  for (int row = 0; row < num_boxes; ++row) {
    const float* box_scores = scores + static_cast<size_t>(row) * num_classes_with_background + label_offset;
    int* class_indices = sorted_class_indices.data() + static_cast<size_t>(row) * o.num_classes;
    DecreasingPartialArgSort(box_scores, o.num_classes, per_anchor, class_indices);
    max_scores[row] = box_scores[class_indices[0]];
  }
  std::vector<int> selected;
  NonMaxSuppressionSingleClass(boxes, max_scores, o.nms_score_threshold, o.nms_iou_threshold, o.max_detections, &selected);
  int k = 0;
  for (int index : selected) {
    const float* box_scores = scores + static_cast<size_t>(index) * num_classes_with_background + label_offset;
    const int* class_indices = sorted_class_indices.data() + static_cast<size_t>(index) * o.num_classes;
    for (int c = 0; c < per_anchor; ++c) {
      const int slot = o.max_classes_per_detection * k + c;
      const BoxCorner& b = boxes[index];
      out.boxes[4 * slot + 0] = b.ymin;
      out.boxes[4 * slot + 1] = b.xmin;
      out.boxes[4 * slot + 2] = b.ymax;
      out.boxes[4 * slot + 3] = b.xmax;
      out.classes[slot] = static_cast<float>(class_indices[c]);
      out.scores[slot] = box_scores[class_indices[c]];
    }
    ++k;
  }
  out.count[0] = static_cast<float>(k);
}

// Regular NMS: NMS per class (at most min(detections_per_class, max_detections) boxes each); after
// each class its selections (in decreasing score order) are std::inplace_merge'd into the running
// top list with TFLite's non-strict comparator `a.score >= b.score` — which puts a later class ahead
// of an earlier one on equal scores — and the list is cut to max_detections. Unused slots are zero.
// This is TFLite 2.9's single-threaded path (ComputeNMSResult); its multi-threaded path merges per-
// thread lists instead and can order ties differently.
struct BoxInfo {
  int index;  // anchor * num_classes_with_background + class column
  float score;
};

inline void NonMaxSuppressionMultiClassRegular(const DetectionOptions& o, const std::vector<BoxCorner>& boxes, const float* scores,
                                               int num_classes_with_background, const DetectionOutputs& out) {
  const int num_boxes = static_cast<int>(boxes.size());
  const int label_offset = num_classes_with_background - o.num_classes;
  const int per_class = std::min(o.detections_per_class, o.max_detections);
  std::vector<float> class_scores(num_boxes);
  std::vector<BoxInfo> merged(static_cast<size_t>(o.max_detections) + std::max(per_class, 0));
  int num_merged = 0;
  std::vector<int> selected;
  for (int col = 0; col < o.num_classes; ++col) {
    for (int row = 0; row < num_boxes; ++row) {
      class_scores[row] = scores[static_cast<size_t>(row) * num_classes_with_background + col + label_offset];
    }
    NonMaxSuppressionSingleClass(boxes, class_scores, o.nms_score_threshold, o.nms_iou_threshold, per_class, &selected);
    if (selected.empty()) continue;
    const int n = static_cast<int>(selected.size());
    for (int i = 0; i < n; ++i) {
      merged[num_merged + i] = BoxInfo{selected[i] * num_classes_with_background + col + label_offset, class_scores[selected[i]]};
    }
    std::inplace_merge(merged.begin(), merged.begin() + num_merged, merged.begin() + num_merged + n,
                       [](const BoxInfo& a, const BoxInfo& b) { return a.score >= b.score; });
    num_merged = std::min(num_merged + n, o.max_detections);
  }
  for (int slot = 0; slot < o.max_detections; ++slot) {
    if (slot < num_merged) {
      const int anchor = merged[slot].index / num_classes_with_background;
      const int cls = merged[slot].index - anchor * num_classes_with_background - label_offset;
      const BoxCorner& b = boxes[anchor];
      out.boxes[4 * slot + 0] = b.ymin;
      out.boxes[4 * slot + 1] = b.xmin;
      out.boxes[4 * slot + 2] = b.ymax;
      out.boxes[4 * slot + 3] = b.xmax;
      out.classes[slot] = static_cast<float>(cls);
      out.scores[slot] = merged[slot].score;
    } else {
      for (int c = 0; c < 4; ++c) out.boxes[4 * slot + c] = 0.0f;
      out.classes[slot] = 0.0f;
      out.scores[slot] = 0.0f;
    }
  }
  out.count[0] = static_cast<float>(num_merged);
}

}  // namespace reference
}  // namespace liteq

#endif  // LITEQ_KERNELS_REFERENCE_DETECTION_POSTPROCESS_H_
