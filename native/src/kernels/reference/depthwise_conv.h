// DEPTHWISE_CONV_2D, plain loops. Input NHWC; the filter is [1, kh, kw, in_c * depth_multiplier];
// output channel oc = ic * depth_multiplier + m reads only input channel ic.
// Quantized arithmetic as in conv.h: sum((q_in - Z_in)(q_w - Z_w)) + bias in units of s_in * s_w[oc],
// then OutputStage. At most kh * kw products of < 2^16 each, so int32 never overflows in practice.
#ifndef LITEQ_KERNELS_REFERENCE_DEPTHWISE_CONV_H_
#define LITEQ_KERNELS_REFERENCE_DEPTHWISE_CONV_H_

#include <algorithm>
#include <cstdint>

#include "kernels/reference/conv.h"

namespace liteq {
namespace reference {

// s.out_c must equal s.in_c * depth_multiplier. Rows as in conv.h.
inline void DepthwiseConvFloat(const ConvShape& s, int depth_multiplier, const float* input, const float* filter,
                               const float* bias, float act_min, float act_max, float* output, int row_begin,
                               int row_end) {
  for (int row = row_begin; row < row_end; ++row) {
    const int b = row / s.out_h, oy = row % s.out_h;
    for (int ox = 0; ox < s.out_w; ++ox) {
      for (int ic = 0; ic < s.in_c; ++ic) {
        for (int m = 0; m < depth_multiplier; ++m) {
          const int oc = ic * depth_multiplier + m;
          // TFLite 2.9's optimized float kernel (the one its runtime runs) starts from the bias and adds
          // the taps in (ky, kx) order; its reference header adds the bias last, which rounds differently.
          float acc = bias ? bias[oc] : 0.0f;
          for (int ky = 0; ky < s.filter_h; ++ky) {
            const int iy = oy * s.stride_h - s.pad_top + ky * s.dilation_h;
            if (iy < 0 || iy >= s.in_h) continue;
            for (int kx = 0; kx < s.filter_w; ++kx) {
              const int ix = ox * s.stride_w - s.pad_left + kx * s.dilation_w;
              if (ix < 0 || ix >= s.in_w) continue;
              acc += input[((static_cast<int64_t>(b) * s.in_h + iy) * s.in_w + ix) * s.in_c + ic] *
                     filter[(static_cast<int64_t>(ky) * s.filter_w + kx) * s.out_c + oc];
            }
          }
          // The same kernel's clamp, std::max(min, std::min(max, acc)): a NaN sum becomes act_max (its
          // reference header's std::min(std::max(acc, min), max) would keep the NaN).
          output[((static_cast<int64_t>(b) * s.out_h + oy) * s.out_w + ox) * s.out_c + oc] =
              std::max(act_min, std::min(act_max, acc));
        }
      }
    }
  }
}

template <typename T>
void DepthwiseConvQuantized(const ConvShape& s, int depth_multiplier, const QuantizedConvParams& p, const T* input,
                            const T* filter, const int32_t* bias, T* output, int row_begin, int row_end) {
  for (int row = row_begin; row < row_end; ++row) {
    const int b = row / s.out_h, oy = row % s.out_h;
    for (int ox = 0; ox < s.out_w; ++ox) {
      for (int ic = 0; ic < s.in_c; ++ic) {
        for (int m = 0; m < depth_multiplier; ++m) {
          const int oc = ic * depth_multiplier + m;
          int64_t acc = 0;
          for (int ky = 0; ky < s.filter_h; ++ky) {
            const int iy = oy * s.stride_h - s.pad_top + ky * s.dilation_h;
            if (iy < 0 || iy >= s.in_h) continue;
            for (int kx = 0; kx < s.filter_w; ++kx) {
              const int ix = ox * s.stride_w - s.pad_left + kx * s.dilation_w;
              if (ix < 0 || ix >= s.in_w) continue;
              const int32_t in = input[((static_cast<int64_t>(b) * s.in_h + iy) * s.in_w + ix) * s.in_c + ic];
              const int32_t f = filter[(static_cast<int64_t>(ky) * s.filter_w + kx) * s.out_c + oc];
              acc += static_cast<int64_t>(in + p.input_offset) * (f + p.filter_offset);
            }
          }
          if (bias) acc += bias[oc];
          const int ch = p.per_channel ? oc : 0;
          output[((static_cast<int64_t>(b) * s.out_h + oy) * s.out_w + ox) * s.out_c + oc] = static_cast<T>(
              OutputStage(WrapToInt32(acc), p.multipliers[ch], p.shifts[ch], p.rounding, p.output_offset, p.act_min,
                          p.act_max));
        }
      }
    }
  }
}

}  // namespace reference
}  // namespace liteq

#endif  // LITEQ_KERNELS_REFERENCE_DEPTHWISE_CONV_H_
