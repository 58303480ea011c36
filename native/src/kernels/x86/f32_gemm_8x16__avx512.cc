// 8x16 float GEMM micro-kernel, AVX-512F without FMA: one zmm per row holds the panel's 16 columns,
// and every lane adds its products in the reference's k order with a separate multiply and add, as
// the AVX2 kernel does, so the two agree bit for bit. Eight rows per B load: half the instructions
// per multiply-add of the 4x16 AVX2 kernel (the A value is an embedded broadcast of the multiply).
#include "kernels/gemm/f32_gemm.h"

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>

#include <cstdint>

// GCC 12's _mm512_max_ps/_mm512_min_ps pass an intentionally undefined pass-through operand
// (_mm512_undefined_ps, `__Y = __Y`), which -Wmaybe-uninitialized reports once inlined here.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

namespace liteq {
namespace f32gemm {

__attribute__((target("avx512f"))) void F32Gemm8x16Avx512(int mr, int nr, int K, const float* a, size_t a_stride,
                                                         const float* panel, float act_min, float act_max, float* c,
                                                         size_t c_stride) {
  const float* ar[8];
  for (int r = 0; r < 8; ++r) ar[r] = a + static_cast<size_t>(r < mr ? r : mr - 1) * a_stride;
  __m512 c0 = _mm512_setzero_ps(), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0, c6 = c0, c7 = c0;
  const float* w = panel;
  for (int k = 0; k < K; ++k, w += kNR) {
    const __m512 b = _mm512_load_ps(w);
    c0 = _mm512_add_ps(c0, _mm512_mul_ps(_mm512_set1_ps(ar[0][k]), b));
    c1 = _mm512_add_ps(c1, _mm512_mul_ps(_mm512_set1_ps(ar[1][k]), b));
    c2 = _mm512_add_ps(c2, _mm512_mul_ps(_mm512_set1_ps(ar[2][k]), b));
    c3 = _mm512_add_ps(c3, _mm512_mul_ps(_mm512_set1_ps(ar[3][k]), b));
    c4 = _mm512_add_ps(c4, _mm512_mul_ps(_mm512_set1_ps(ar[4][k]), b));
    c5 = _mm512_add_ps(c5, _mm512_mul_ps(_mm512_set1_ps(ar[5][k]), b));
    c6 = _mm512_add_ps(c6, _mm512_mul_ps(_mm512_set1_ps(ar[6][k]), b));
    c7 = _mm512_add_ps(c7, _mm512_mul_ps(_mm512_set1_ps(ar[7][k]), b));
  }
  const __m512 bias = _mm512_load_ps(w);
  const __m512 lo = _mm512_set1_ps(act_min), hi = _mm512_set1_ps(act_max);
  const __m512 acc[8] = {c0, c1, c2, c3, c4, c5, c6, c7};
  // Lanes [0, nr): partial last panels store through a k-mask.
  const __mmask16 store = static_cast<__mmask16>(nr >= 16 ? 0xFFFF : (1u << nr) - 1);
  for (int r = 0; r < mr; ++r) {
    // The reference's std::min(std::max(x, lo), hi) operand order: max_ps(lo, x) is (lo > x ? lo : x)
    // and min_ps(hi, y) is (hi < y ? hi : y), so a NaN stays NaN.
    const __m512 y = _mm512_min_ps(hi, _mm512_max_ps(lo, _mm512_add_ps(acc[r], bias)));
    _mm512_mask_storeu_ps(c + r * c_stride, store, y);
  }
}

}  // namespace f32gemm
}  // namespace liteq

#endif  // x86
