// The lazy single-class NMS the uint8 fast path runs equals the eager reference loop (TFLite's) on
// random boxes and scores, ties and heavy overlap included.
#include <algorithm>
#include <random>
#include <vector>

#include "kernels/reference/detection_postprocess.h"
#include "testing.h"

LQ_TEST(LazySingleClassNmsEqualsTheEagerReference) {
  using liteq::reference::BoxCorner;
  std::mt19937 rng(1234);
  std::uniform_real_distribution<float> u(0.0f, 1.0f);
  for (int trial = 0; trial < 300; ++trial) {
    const int n = 1 + static_cast<int>(rng() % 2000);
    std::vector<BoxCorner> boxes(n);
    std::vector<float> scores(n);
    const int levels = 1 + static_cast<int>(rng() % 40);  // few distinct scores: many ties
    const float extent = trial % 3 == 0 ? 0.9f : 0.2f;    // large boxes overlap a lot
    for (int i = 0; i < n; ++i) {
      const float y = u(rng), x = u(rng), h = u(rng) * extent, w = u(rng) * extent;
      boxes[i] = {y, x, y + h, x + w};
      scores[i] = static_cast<float>(rng() % levels) / static_cast<float>(levels);
    }
    const float score_threshold = trial % 4 == 0 ? 0.0f : u(rng) * 0.5f;
    const float iou_threshold = 0.05f + u(rng) * 0.9f;
    const int max_detections = 1 + static_cast<int>(rng() % 100);
    std::vector<int> eager(static_cast<size_t>(n)), lazy(static_cast<size_t>(n));
    liteq::reference::Selection eager_sel{eager.data(), 0, n}, lazy_sel{lazy.data(), 0, n};
    liteq::reference::Workspace ws(nullptr, 0);  // heap slices
    liteq::reference::NonMaxSuppressionSingleClass(boxes.data(), scores.data(), n, score_threshold, iou_threshold, max_detections, ws, &eager_sel);
    liteq::reference::NonMaxSuppressionSingleClassLazy(boxes.data(), scores.data(), n, score_threshold, iou_threshold, max_detections, ws, &lazy_sel);
    const bool same = eager_sel.size == lazy_sel.size && std::equal(eager.begin(), eager.begin() + eager_sel.size, lazy.begin());
    LQ_CHECK(same);
    if (!same) return;
  }
}
