// The hybrid FULLY_CONNECTED's integer dot products at AVX-512 VNNI (hybrid_dot__avx512vnni.cc).
#ifndef LITEQ_KERNELS_X86_HYBRID_DOT_H_
#define LITEQ_KERNELS_X86_HYBRID_DOT_H_

#include <cstddef>
#include <cstdint>

namespace liteq {
namespace x86 {

// For rows r < rows (1..4) of int8 weights at w + r * stride, depth bytes each: dots[r] = Σ_k w[k]·vu[k]
// (vu unsigned), and when with_sums, sums[r] = Σ_k w[k]; int32, wrapping. Isa::kAvx512Vnni only.
void HybridDotsVnni(const int8_t* w, size_t stride, int rows, int depth, const uint8_t* vu, bool with_sums, int32_t* dots, int32_t* sums);

// One output pixel of the hybrid DEPTHWISE_CONV_2D (depth multiplier 1): for each channel c < channels,
// acc = Σ_t w_t[c]·(q_t[c] − zp) over the `taps` taps inside the input (q_t, w_t: int8 rows at channel
// 0), then out[c] = min(max((float(acc)·s_in)·ws[c] + bias[c], lo), hi) — the scalar loop's operations
// in its order, 16 channels per step. Isa::kAvx512 and above.
void HybridDepthwisePixelAvx512(const int8_t* const* q, const int8_t* const* w, int taps, int channels, int32_t zp, float s_in,
                                const float* ws, const float* bias, float lo, float hi, float* out);

}  // namespace x86
}  // namespace liteq

#endif  // LITEQ_KERNELS_X86_HYBRID_DOT_H_
