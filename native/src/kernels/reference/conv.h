// CONV_2D, plain loops: the bit-exact specification the optimized variants are tested against.
// Tensors are NHWC; the filter is [out_c, kh, kw, in_c] (TFLite's OHWI).
//
// Quantized: r = s(q - Z). With input offset -Z_in and filter offset -Z_w (0 for int8's symmetric
// weights) the int32 accumulator sum((q_in - Z_in)(q_w - Z_w)) + bias is the real output in units
// of s_in * s_w[c]; OutputStage rescales it. One uint8 product is at most 255 * 255 < 2^16, so
// int32 holds 2^15 taps exactly; TFLite wraps beyond that and so do we (WrapToInt32).
// Padding taps (outside the input) contribute nothing: the padded value is the zero point.
#ifndef LITEQ_KERNELS_REFERENCE_CONV_H_
#define LITEQ_KERNELS_REFERENCE_CONV_H_

#include <algorithm>
#include <cstdint>

#include "kernels/reference/output_stage.h"

namespace liteq {
namespace reference {

struct ConvShape {
  int batches, in_h, in_w, in_c;
  int out_h, out_w, out_c;
  int filter_h, filter_w;
  int stride_h, stride_w;
  int dilation_h, dilation_w;
  int pad_top, pad_left;  // TFLite pads floor(total/2) before; the remainder after is implicit
};

// The taps kx in [lo, hi) of a filter row starting at input column ix0 (dilation_w 1) that lie inside
// the input row (lo == hi when none does): what an im2col copies, the rest being padding.
struct InsideTaps {
  int lo, hi;
};
inline InsideTaps TapsInside(const ConvShape& s, int ix0) {
  const int lo = ix0 < 0 ? (s.filter_w < -ix0 ? s.filter_w : -ix0) : 0;
  const int end = s.in_w - ix0 < s.filter_w ? s.in_w - ix0 : s.filter_w;
  return {lo, end > lo ? end : lo};
}

// The output pixel (batch b, oy, ox) of the im2col rows m0, m0 + 1, ... (rows are pixels in NHWC order):
// the walk the optimized im2col kernels step through a block of rows with.
struct PixelWalk {
  PixelWalk(const ConvShape& shape, int m0)
      : s(shape), ox(m0 % shape.out_w), oy((m0 / shape.out_w) % shape.out_h), b(m0 / (shape.out_w * shape.out_h)) {}
  void Next() {
    if (++ox == s.out_w) {
      ox = 0;
      if (++oy == s.out_h) oy = 0, ++b;
    }
  }
  const ConvShape& s;
  int ox, oy, b;
};

// Output rows [row_begin, row_end) of the flattened (batch, out_y) range, so callers can split work.
inline void ConvFloat(const ConvShape& s, const float* input, const float* filter, const float* bias, float act_min,
                      float act_max, float* output, int row_begin, int row_end) {
  for (int row = row_begin; row < row_end; ++row) {
    const int b = row / s.out_h, oy = row % s.out_h;
    for (int ox = 0; ox < s.out_w; ++ox) {
      for (int oc = 0; oc < s.out_c; ++oc) {
        float acc = 0.0f;
        for (int ky = 0; ky < s.filter_h; ++ky) {
          const int iy = oy * s.stride_h - s.pad_top + ky * s.dilation_h;
          if (iy < 0 || iy >= s.in_h) continue;
          for (int kx = 0; kx < s.filter_w; ++kx) {
            const int ix = ox * s.stride_w - s.pad_left + kx * s.dilation_w;
            if (ix < 0 || ix >= s.in_w) continue;
            const float* in = input + ((static_cast<int64_t>(b) * s.in_h + iy) * s.in_w + ix) * s.in_c;
            const float* f = filter + ((static_cast<int64_t>(oc) * s.filter_h + ky) * s.filter_w + kx) * s.in_c;
            for (int ic = 0; ic < s.in_c; ++ic) acc += in[ic] * f[ic];
          }
        }
        if (bias) acc += bias[oc];
        output[((static_cast<int64_t>(b) * s.out_h + oy) * s.out_w + ox) * s.out_c + oc] =
            std::min(std::max(acc, act_min), act_max);
      }
    }
  }
}

struct QuantizedConvParams {
  int32_t input_offset;   // -Z_in
  int32_t filter_offset;  // -Z_w (uint8 legacy); 0 for int8
  int32_t output_offset;  // Z_out
  int32_t act_min, act_max;
  Rounding rounding;
  // multipliers/shifts have out_c entries when per_channel, else one.
  const int32_t* multipliers;
  const int32_t* shifts;
  bool per_channel;
};

template <typename T>
void ConvQuantized(const ConvShape& s, const QuantizedConvParams& p, const T* input, const T* filter,
                   const int32_t* bias, T* output, int row_begin, int row_end) {
  for (int row = row_begin; row < row_end; ++row) {
    const int b = row / s.out_h, oy = row % s.out_h;
    for (int ox = 0; ox < s.out_w; ++ox) {
      for (int oc = 0; oc < s.out_c; ++oc) {
        int64_t acc = 0;
        for (int ky = 0; ky < s.filter_h; ++ky) {
          const int iy = oy * s.stride_h - s.pad_top + ky * s.dilation_h;
          if (iy < 0 || iy >= s.in_h) continue;
          for (int kx = 0; kx < s.filter_w; ++kx) {
            const int ix = ox * s.stride_w - s.pad_left + kx * s.dilation_w;
            if (ix < 0 || ix >= s.in_w) continue;
            const T* in = input + ((static_cast<int64_t>(b) * s.in_h + iy) * s.in_w + ix) * s.in_c;
            const T* f = filter + ((static_cast<int64_t>(oc) * s.filter_h + ky) * s.filter_w + kx) * s.in_c;
            for (int ic = 0; ic < s.in_c; ++ic) {
              acc += static_cast<int64_t>(static_cast<int32_t>(in[ic]) + p.input_offset) *
                     (static_cast<int32_t>(f[ic]) + p.filter_offset);
            }
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

}  // namespace reference
}  // namespace liteq

#endif  // LITEQ_KERNELS_REFERENCE_CONV_H_
