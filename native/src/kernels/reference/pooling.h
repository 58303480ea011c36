// AVERAGE_POOL_2D and MAX_POOL_2D, NHWC, plain loops. The window is clipped to the input (padding
// taps are not counted), as TFLite does. Quantized pooling keeps the input's scale and zero point
// (lowering checks input and output agree), so it works on the raw integers:
//   average: acc = sum(q) over the clipped window, rounded to nearest with ties away from zero,
//            (acc + n/2) / n for acc > 0 and (acc - n/2) / n otherwise (C division truncates);
//            uint8 sums are never negative, so that is TFLite's uint8 (acc + n/2) / n.
//   max:     the largest q, then the activation clamp.
// int32 holds acc for any window up to 2^23 taps.
#ifndef LITEQ_KERNELS_REFERENCE_POOLING_H_
#define LITEQ_KERNELS_REFERENCE_POOLING_H_

#include <algorithm>
#include <cstdint>
#include <limits>

namespace liteq {
namespace reference {

struct PoolShape {
  int batches, in_h, in_w, channels;
  int out_h, out_w;
  int filter_h, filter_w;
  int stride_h, stride_w;
  int pad_top, pad_left;
};

// The window of output (oy, ox) clipped to the input: [y0, y1) x [x0, x1).
struct PoolWindow {
  int y0, y1, x0, x1;
};

inline PoolWindow ClipWindow(const PoolShape& s, int oy, int ox) {
  const int oy0 = oy * s.stride_h - s.pad_top, ox0 = ox * s.stride_w - s.pad_left;
  // A window wholly in the padding is empty (y1 == y0), never of negative extent.
  const int y0 = std::max(oy0, 0), x0 = std::max(ox0, 0);
  return {y0, std::max(y0, std::min(oy0 + s.filter_h, s.in_h)), x0, std::max(x0, std::min(ox0 + s.filter_w, s.in_w))};
}

// Rows [row_begin, row_end) of the flattened (batch, out_y) range.
inline void AveragePoolFloat(const PoolShape& s, const float* input, float act_min, float act_max, float* output,
                             int row_begin, int row_end) {
  for (int row = row_begin; row < row_end; ++row) {
    const int b = row / s.out_h, oy = row % s.out_h;
    for (int ox = 0; ox < s.out_w; ++ox) {
      const PoolWindow w = ClipWindow(s, oy, ox);
      const int count = (w.y1 - w.y0) * (w.x1 - w.x0);
      float* out = output + ((static_cast<int64_t>(b) * s.out_h + oy) * s.out_w + ox) * s.channels;
      for (int c = 0; c < s.channels; ++c) {
        // Summed in input raster order, then divided: TFLite's float average pool does the same.
        float total = 0.0f;
        for (int y = w.y0; y < w.y1; ++y) {
          for (int x = w.x0; x < w.x1; ++x) {
            total += input[((static_cast<int64_t>(b) * s.in_h + y) * s.in_w + x) * s.channels + c];
          }
        }
        const float average = count > 0 ? total / static_cast<float>(count) : 0.0f;
        out[c] = std::min(std::max(average, act_min), act_max);
      }
    }
  }
}

template <typename T>
void AveragePoolQuantized(const PoolShape& s, const T* input, int32_t act_min, int32_t act_max, T* output,
                          int row_begin, int row_end) {
  for (int row = row_begin; row < row_end; ++row) {
    const int b = row / s.out_h, oy = row % s.out_h;
    for (int ox = 0; ox < s.out_w; ++ox) {
      const PoolWindow w = ClipWindow(s, oy, ox);
      const int32_t count = (w.y1 - w.y0) * (w.x1 - w.x0);
      T* out = output + ((static_cast<int64_t>(b) * s.out_h + oy) * s.out_w + ox) * s.channels;
      for (int c = 0; c < s.channels; ++c) {
        int32_t acc = 0;
        for (int y = w.y0; y < w.y1; ++y) {
          for (int x = w.x0; x < w.x1; ++x) {
            acc += input[((static_cast<int64_t>(b) * s.in_h + y) * s.in_w + x) * s.channels + c];
          }
        }
        int32_t average = 0;
        if (count > 0) average = acc > 0 ? (acc + count / 2) / count : (acc - count / 2) / count;
        out[c] = static_cast<T>(std::min(std::max(average, act_min), act_max));
      }
    }
  }
}

// Channels innermost: each window tap updates every channel's running max in one contiguous loop;
// per channel the std::max calls come in window raster order (NaN propagates the same way). Always
// inlined, so a caller compiled for a wider ISA (pooling.cc's AVX2 float path) vectorizes it for that.
template <typename T, typename Clamp>
__attribute__((always_inline)) inline void MaxPool(const PoolShape& s, const T* input, Clamp act_min, Clamp act_max, T* output, int row_begin,
             int row_end) {
  for (int row = row_begin; row < row_end; ++row) {
    const int b = row / s.out_h, oy = row % s.out_h;
    for (int ox = 0; ox < s.out_w; ++ox) {
      const PoolWindow w = ClipWindow(s, oy, ox);
      T* out = output + ((static_cast<int64_t>(b) * s.out_h + oy) * s.out_w + ox) * s.channels;
      std::fill(out, out + s.channels, std::numeric_limits<T>::lowest());
      for (int y = w.y0; y < w.y1; ++y) {
        for (int x = w.x0; x < w.x1; ++x) {
          const T* in = input + ((static_cast<int64_t>(b) * s.in_h + y) * s.in_w + x) * s.channels;
          for (int c = 0; c < s.channels; ++c) out[c] = std::max(out[c], in[c]);
        }
      }
      for (int c = 0; c < s.channels; ++c) out[c] = static_cast<T>(std::min(std::max(static_cast<Clamp>(out[c]), act_min), act_max));
    }
  }
}

}  // namespace reference
}  // namespace liteq

#endif  // LITEQ_KERNELS_REFERENCE_POOLING_H_
