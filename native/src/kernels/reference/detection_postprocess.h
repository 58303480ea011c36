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
#include <cstddef>
#include <cstdint>
#include <memory>
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
inline bool ValidateBoxes(const BoxCorner* boxes, int n) {
  for (int i = 0; i < n; ++i) {
    if (boxes[i].ymin > boxes[i].ymax || boxes[i].xmin > boxes[i].xmax) return false;
  }
  return true;
}

// The temporary arrays of one post-process run, as 64-byte aligned slices of a caller's buffer (the
// op's scratch, DetectionWorkspaceBytes long), so that an inference allocates nothing. Without a
// buffer, or past its end (which that bound rules out), slices come from the heap and live as long
// as the workspace. Mark/Release give back what a loop iteration took.
class Workspace {
 public:
  Workspace(uint8_t* base, size_t size) : base_(base), size_(size) {}
  template <typename T>
  T* Take(size_t n) {
    const size_t bytes = std::max<size_t>(n * sizeof(T), 1);
    const size_t at = (used_ + 63) / 64 * 64;
    if (base_ != nullptr && at <= size_ && bytes <= size_ - at) {
      used_ = at + bytes;
      return reinterpret_cast<T*>(base_ + at);
    }
    heap_.emplace_back(new uint8_t[bytes]);  // operator new[]: aligned for any fundamental type
    return reinterpret_cast<T*>(heap_.back().get());
  }
  size_t Mark() const { return used_; }
  void Release(size_t mark) { used_ = mark; }

 private:
  uint8_t* base_;
  size_t size_;
  size_t used_ = 0;
  std::vector<std::unique_ptr<uint8_t[]>> heap_;
};

// Selected box indices, at most `capacity` (the caller's bound on the selection).
struct Selection {
  int* data;
  int size;
  int capacity;
  void Clear() { size = 0; }
  void Push(int v) { data[size++] = v; }
  const int* begin() const { return data; }
  const int* end() const { return data + size; }
};

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

// The scores at or above the threshold and their indices, in index order; returns how many.
inline int SelectDetectionsAboveScoreThreshold(const float* values, int n, float threshold, float* keep_values, int* keep_indices) {
  int k = 0;
  for (int i = 0; i < n; ++i) {
    if (values[i] >= threshold) {
      keep_values[k] = values[i];
      keep_indices[k++] = i;
    }
  }
  return k;
}

// Greedy NMS over one score per box: candidates above the score threshold in decreasing score order
// (stable), each selected box suppressing later ones with IoU > threshold; at most max_detections
// (`selected` holds at least min(n, max_detections)). TFLite's stable sort of the candidates is a
// sort by (score desc, position asc): no NaN passes the threshold, so that is a strict total order
// and std::sort gives the same sequence without the stable sort's temporary buffer.
inline void NonMaxSuppressionSingleClass(const BoxCorner* boxes, const float* scores, int n, float score_threshold, float iou_threshold,
                                         int max_detections, Workspace& ws, Selection* selected) {
  const size_t mark = ws.Mark();
  int* keep_indices = ws.Take<int>(n);
  float* keep_scores = ws.Take<float>(n);
  const int num_kept = SelectDetectionsAboveScoreThreshold(scores, n, score_threshold, keep_scores, keep_indices);
  int* sorted = ws.Take<int>(num_kept);
  std::iota(sorted, sorted + num_kept, 0);
  std::sort(sorted, sorted + num_kept, [keep_scores](int i, int j) { return keep_scores[i] > keep_scores[j] || (keep_scores[i] == keep_scores[j] && i < j); });
  const int output_size = std::min(num_kept, max_detections);
  selected->Clear();
  uint8_t* active = ws.Take<uint8_t>(num_kept);
  std::fill(active, active + num_kept, uint8_t{1});
  int num_active = num_kept;
  for (int i = 0; i < num_kept; ++i) {
    if (num_active == 0 || selected->size >= output_size) break;
    if (!active[i]) continue;
    selected->Push(keep_indices[sorted[i]]);
    active[i] = 0;
    --num_active;
    for (int j = i + 1; j < num_kept; ++j) {
      if (active[j] && ComputeIntersectionOverUnion(boxes[keep_indices[sorted[i]]], boxes[keep_indices[sorted[j]]]) > iou_threshold) {
        active[j] = 0;
        --num_active;
      }
    }
  }
  ws.Release(mark);
}

// The same selection as NonMaxSuppressionSingleClass, computed lazily: a candidate is kept iff no box
// already selected overlaps it by more than the threshold — exactly when the eager loop would not
// have deactivated it, since only selected boxes deactivate others. So it costs (candidates looked
// at) x (boxes selected) IoUs instead of (selected) x (all candidates), and the candidates are
// ordered only as far as they are looked at: by (score desc, index asc), the total order the stable
// sort above produces. IoU arguments keep the eager loop's order (selected, candidate).
inline void NonMaxSuppressionSingleClassLazy(const BoxCorner* boxes, const float* scores, int n, float score_threshold, float iou_threshold,
                                             int max_detections, Workspace& ws, Selection* selected) {
  const size_t mark = ws.Mark();
  int* cand = ws.Take<int>(n);
  int num_cand = 0;
  for (int i = 0; i < n; ++i) {
    if (scores[i] >= score_threshold) cand[num_cand++] = i;
  }
  const auto before = [scores](int a, int b) { return scores[a] > scores[b] || (scores[a] == scores[b] && a < b); };
  selected->Clear();
  const int output_size = std::min(num_cand, max_detections);
  int sorted_upto = 0;
  for (int i = 0; i < num_cand && selected->size < output_size; ++i) {
    if (i == sorted_upto) {  // order the next block of candidates (doubling)
      const int end = std::min(num_cand, std::max(64, 2 * sorted_upto));
      std::partial_sort(cand + sorted_upto, cand + end, cand + num_cand, before);
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
    if (keep) selected->Push(cand[i]);
  }
  ws.Release(mark);
}

struct DetectionOutputs {
  float* boxes;    // [M, 4]
  float* classes;  // [M]
  float* scores;   // [M]
  float* count;    // [1]
};

// Fast NMS: each anchor keeps its top max_classes_per_detection classes, NMS runs on each anchor's
// best score; output slot max_classes_per_detection * k + c holds the k-th selected box's c-th class.
inline void NonMaxSuppressionMultiClassFast(const DetectionOptions& o, const BoxCorner* boxes, int num_boxes, const float* scores,
                                            int num_classes_with_background, Workspace& ws, const DetectionOutputs& out) {
  const int label_offset = num_classes_with_background - o.num_classes;
  const int per_anchor = std::min(o.max_classes_per_detection, o.num_classes);
  float* max_scores = ws.Take<float>(num_boxes);
  int* sorted_class_indices = ws.Take<int>(static_cast<size_t>(num_boxes) * o.num_classes);
  for (int row = 0; row < num_boxes; ++row) {
    const float* box_scores = scores + static_cast<size_t>(row) * num_classes_with_background + label_offset;
    int* class_indices = sorted_class_indices + static_cast<size_t>(row) * o.num_classes;
    DecreasingPartialArgSort(box_scores, o.num_classes, per_anchor, class_indices);
    max_scores[row] = box_scores[class_indices[0]];
  }
  const int capacity = std::max(0, std::min(num_boxes, o.max_detections));
  Selection selected{ws.Take<int>(capacity), 0, capacity};
  NonMaxSuppressionSingleClass(boxes, max_scores, num_boxes, o.nms_score_threshold, o.nms_iou_threshold, o.max_detections, ws, &selected);
  int k = 0;
  for (int index : selected) {
    const float* box_scores = scores + static_cast<size_t>(index) * num_classes_with_background + label_offset;
    const int* class_indices = sorted_class_indices + static_cast<size_t>(index) * o.num_classes;
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

// std::inplace_merge of [0, n1) and [n1, n1 + n2) with the comparator `a.score >= b.score`, as
// libstdc++ runs it when its temporary buffer holds the first range (always, in TFLite): the first
// range moves to the buffer and a forward merge takes the second range's element whenever
// comp(second, first). The buffer is the workspace's.
inline void MergeByScore(BoxInfo* v, int n1, int n2, BoxInfo* buffer) {
  std::copy(v, v + n1, buffer);
  int i = 0, j = n1, k = 0;
  while (i < n1 && j < n1 + n2) v[k++] = v[j].score >= buffer[i].score ? v[j++] : buffer[i++];
  while (i < n1) v[k++] = buffer[i++];
}

inline void NonMaxSuppressionMultiClassRegular(const DetectionOptions& o, const BoxCorner* boxes, int num_boxes, const float* scores,
                                               int num_classes_with_background, Workspace& ws, const DetectionOutputs& out) {
  const int label_offset = num_classes_with_background - o.num_classes;
  const int per_class = std::min(o.detections_per_class, o.max_detections);
  float* class_scores = ws.Take<float>(num_boxes);
  const size_t merged_size = static_cast<size_t>(std::max(o.max_detections, 0)) + std::max(per_class, 0);
  BoxInfo* merged = ws.Take<BoxInfo>(merged_size);
  BoxInfo* merge_buffer = ws.Take<BoxInfo>(merged_size);
  int num_merged = 0;
  const int capacity = std::max(0, std::min(num_boxes, per_class));
  Selection selected{ws.Take<int>(capacity), 0, capacity};
  for (int col = 0; col < o.num_classes; ++col) {
    for (int row = 0; row < num_boxes; ++row) {
      class_scores[row] = scores[static_cast<size_t>(row) * num_classes_with_background + col + label_offset];
    }
    NonMaxSuppressionSingleClass(boxes, class_scores, num_boxes, o.nms_score_threshold, o.nms_iou_threshold, per_class, ws, &selected);
    if (selected.size == 0) continue;
    const int n = selected.size;
    for (int i = 0; i < n; ++i) {
      merged[num_merged + i] = BoxInfo{selected.data[i] * num_classes_with_background + col + label_offset, class_scores[selected.data[i]]};
    }
    MergeByScore(merged, num_merged, n, merge_buffer);
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

// Workspace bytes one run needs at most (the kernel's scratch): the decoded boxes, the dequantized
// scores (uint8), and the larger of the fast and regular paths' arrays, each slice padded to 64.
inline size_t DetectionWorkspaceBytes(int num_boxes, int num_classes, int num_classes_with_background, const DetectionOptions& o) {
  const size_t n = static_cast<size_t>(std::max(num_boxes, 0));
  const size_t m = static_cast<size_t>(std::max(o.max_detections, 0)) + static_cast<size_t>(std::max(std::min(o.detections_per_class, o.max_detections), 0));
  const size_t single_class = n * (4 + 4 + 4 + 1);                                // NMS: keep indices, scores, order, active
  const size_t fast_u8 = n * (4 + 4 + 4) + 4 * m;                                 // max scores, classes, candidates, selection
  const size_t fast = n * 4 + n * static_cast<size_t>(std::max(num_classes, 0)) * 4 + 4 * m + single_class;
  const size_t regular = n * 4 + 2 * m * sizeof(BoxInfo) + 4 * m + single_class;
  return n * sizeof(BoxCorner) + n * static_cast<size_t>(std::max(num_classes_with_background, 0)) * 4 + std::max({fast_u8, fast, regular}) + 16 * 64;
}

}  // namespace reference
}  // namespace liteq

#endif  // LITEQ_KERNELS_REFERENCE_DETECTION_POSTPROCESS_H_
