// Integer dot products for the hybrid FULLY_CONNECTED and CONV_2D (kernels/hybrid.cc) at AVX-512 VNNI: up to four
// int8 weight rows against one run of unsigned bytes (the run-time quantized input plus 128), with
// vpdpbusd (64 multiply-adds of u8 x s8 per instruction, four exact products per int32 lane, sums
// wrapping mod 2^32 like the scalar loop's), and optionally each row's sum of weights (the same
// instruction against ones). The caller turns Σ w·(q + 128) back into Σ w·q with −128 · Σ w: integer
// sums are the same in any order, so the results equal the scalar loop's bit for bit. Functions carry
// target attributes, so the file builds without -mavx512* and only runs after dispatch. Also the hybrid
// DEPTHWISE_CONV_2D's per-pixel channel loop at AVX-512 (integer products exact in int32, then the float
// steps lane by lane in the scalar loop's order).
#include "kernels/x86/hybrid_dot.h"

#if defined(__x86_64__) || defined(__i386__)
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#pragma GCC diagnostic ignored "-Wuninitialized"
#endif
#include <immintrin.h>

namespace liteq {
namespace x86 {

__attribute__((target("avx2,avx512f,avx512bw,avx512vl,avx512vnni"))) void HybridDotsVnni(const int8_t* w, size_t stride, int rows, int depth,
                                                                                         const uint8_t* vu, bool with_sums, int32_t* dots,
                                                                                         int32_t* sums) {
  __m512i acc0 = _mm512_setzero_si512(), acc1 = acc0, acc2 = acc0, acc3 = acc0;
  __m512i sum0 = acc0, sum1 = acc0, sum2 = acc0, sum3 = acc0;
  const __m512i ones = _mm512_set1_epi8(1);
  const int8_t* w0 = w;
  const int8_t* w1 = rows > 1 ? w + stride : w;
  const int8_t* w2 = rows > 2 ? w + 2 * stride : w;
  const int8_t* w3 = rows > 3 ? w + 3 * stride : w;
  for (int k = 0; k < depth; k += 64) {
    const __mmask64 m = depth - k >= 64 ? ~__mmask64{0} : (__mmask64{1} << (depth - k)) - 1;
    const __m512i v = _mm512_maskz_loadu_epi8(m, vu + k);
    const __m512i x0 = _mm512_maskz_loadu_epi8(m, w0 + k), x1 = _mm512_maskz_loadu_epi8(m, w1 + k);
    const __m512i x2 = _mm512_maskz_loadu_epi8(m, w2 + k), x3 = _mm512_maskz_loadu_epi8(m, w3 + k);
    acc0 = _mm512_dpbusd_epi32(acc0, v, x0);
    acc1 = _mm512_dpbusd_epi32(acc1, v, x1);
    acc2 = _mm512_dpbusd_epi32(acc2, v, x2);
    acc3 = _mm512_dpbusd_epi32(acc3, v, x3);
    if (with_sums) {
      sum0 = _mm512_dpbusd_epi32(sum0, ones, x0);
      sum1 = _mm512_dpbusd_epi32(sum1, ones, x1);
      sum2 = _mm512_dpbusd_epi32(sum2, ones, x2);
      sum3 = _mm512_dpbusd_epi32(sum3, ones, x3);
    }
  }
  const __m512i accs[4] = {acc0, acc1, acc2, acc3};
  const __m512i s[4] = {sum0, sum1, sum2, sum3};
  for (int r = 0; r < rows; ++r) {
    dots[r] = _mm512_reduce_add_epi32(accs[r]);
    if (with_sums) sums[r] = _mm512_reduce_add_epi32(s[r]);
  }
}

__attribute__((target("avx2,avx512f,avx512bw,avx512vl"))) void HybridDepthwisePixelAvx512(const int8_t* const* q, const int8_t* const* w,
                                                                                         int taps, int channels, int32_t zp, float s_in,
                                                                                         const float* ws, const float* bias, float lo,
                                                                                         float hi, float* out) {
  const __m512i vzp = _mm512_set1_epi32(zp);
  const __m512 vs = _mm512_set1_ps(s_in), vlo = _mm512_set1_ps(lo), vhi = _mm512_set1_ps(hi);
  for (int c = 0; c < channels; c += 16) {
    const __mmask16 m = channels - c >= 16 ? __mmask16(0xFFFF) : static_cast<__mmask16>((1u << (channels - c)) - 1);
    __m512i acc = _mm512_setzero_si512();
    for (int t = 0; t < taps; ++t) {
      const __m512i x = _mm512_sub_epi32(_mm512_cvtepi8_epi32(_mm_maskz_loadu_epi8(m, q[t] + c)), vzp);
      const __m512i k = _mm512_cvtepi8_epi32(_mm_maskz_loadu_epi8(m, w[t] + c));
      acc = _mm512_add_epi32(acc, _mm512_mullo_epi32(k, x));  // exact: |w·(q − zp)| < 2^15
    }
    __m512 v = _mm512_mul_ps(_mm512_mul_ps(_mm512_cvtepi32_ps(acc), vs), _mm512_maskz_loadu_ps(m, ws + c));
    v = _mm512_add_ps(v, _mm512_maskz_loadu_ps(m, bias + c));
    // std::min(std::max(v, lo), hi) in its operand order (a NaN stays NaN).
    _mm512_mask_storeu_ps(out + c, m, _mm512_min_ps(vhi, _mm512_max_ps(vlo, v)));
  }
}

}  // namespace x86
}  // namespace liteq

#endif  // x86
