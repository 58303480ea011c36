// Float DEPTHWISE_CONV_2D (depth multiplier 1), bit-exact to reference/depthwise_conv.h: per channel
// acc = bias (0 without one), then acc += in * w over the taps inside the input in (ky, kx) order
// (separate multiply and add, no FMA), then min(max(acc, lo), hi) — TFLite 2.9's optimized float kernel. SIMD lanes are channels, so every lane does
// exactly the reference's operations in the reference's order. Padding taps are left out (not added
// as 0 * w, which differs for infinite weights), so the driver passes only the valid taps.
#ifndef LITEQ_KERNELS_DWCONV_F32_DWCONV_H_
#define LITEQ_KERNELS_DWCONV_F32_DWCONV_H_

#include <cstddef>

namespace liteq {
namespace dwconv {

struct F32Params {
  int channels;
  const float* bias;  // [channels] or null
  float min, max;
};

// n output pixels (channels floats each, contiguous in out); pixel i reads tap t at
// taps[t] + i * step + c with weights weights[t][c], for t < num_taps.
using F32Ukernel = void (*)(const F32Params& p, const float* const* taps, const float* const* weights, int num_taps,
                            size_t n, size_t step, float* out);
void F32DwconvScalar(const F32Params& p, const float* const* taps, const float* const* weights, int num_taps, size_t n,
                     size_t step, float* out);
void F32DwconvSse41(const F32Params& p, const float* const* taps, const float* const* weights, int num_taps, size_t n,
                    size_t step, float* out);
void F32DwconvAvx2(const F32Params& p, const float* const* taps, const float* const* weights, int num_taps, size_t n,
                   size_t step, float* out);

// Channels [c0, channels) of pixel i, scalar (the SIMD kernels' tail).
inline void F32DwconvChannels(const F32Params& p, const float* const* taps, const float* const* weights, int num_taps,
                              size_t i, size_t step, int c0, float* out) {
  for (int c = c0; c < p.channels; ++c) {
    float acc = p.bias ? p.bias[c] : 0.0f;
    for (int t = 0; t < num_taps; ++t) acc += taps[t][i * step + c] * weights[t][c];
    const float m = acc < p.max ? acc : p.max;  // std::min(max, acc): a NaN acc becomes max
    out[c] = p.min < m ? m : p.min;              // std::max(min, m)
  }
}

}  // namespace dwconv
}  // namespace liteq

#endif  // LITEQ_KERNELS_DWCONV_F32_DWCONV_H_
