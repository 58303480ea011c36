// 8x16 float GEMM micro-kernel, AVX-512F without FMA: one zmm per row holds the panel's 16 columns,
// and every lane adds its products in the reference's k order with a separate multiply and add, as
// the AVX2 kernel does, so the two agree bit for bit. Eight rows per B load: half the instructions
// per multiply-add of the 4x16 AVX2 kernel (the A value is an embedded broadcast of the multiply).
// F32Gemm8x24Avx512: a full panel and the next, last panel's first nr_tail <= 8 columns in one pass
// (24 channels = 16 + 8: each A value loaded once for both), the same per-lane operations.
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

namespace {

__attribute__((target("avx512f"), always_inline)) inline void Gemm8x16Body(int mr, int nr, const ARows& rows, const float* panel,
                                                                          float act_min, float act_max, float* c, size_t c_stride) {
  __m512 c0 = _mm512_setzero_ps(), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0, c6 = c0, c7 = c0;
  const float* w = panel;
  for (int s = 0; s < rows.segs; ++s) {
  const float* ar[8];
  for (int r = 0; r < 8; ++r) ar[r] = rows.row[r] + (s == 0 ? 0 : s * rows.seg_stride[r]);
  for (int k = 0; k < rows.seg_len; ++k, w += kNR) {
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

__attribute__((target("avx2,avx512f,avx512vl"), always_inline)) inline void Gemm8x24Body(int mr, int nr_tail, const ARows& rows,
                                                                                        const float* panel, const float* tail_panel,
                                                                                        float act_min, float act_max, float* c,
                                                                                        size_t c_stride) {
  __m512 c0 = _mm512_setzero_ps(), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0, c6 = c0, c7 = c0;
  __m256 d0 = _mm256_setzero_ps(), d1 = d0, d2 = d0, d3 = d0, d4 = d0, d5 = d0, d6 = d0, d7 = d0;
  const float* w = panel;
  const float* t = tail_panel;
  for (int s = 0; s < rows.segs; ++s) {
  const float* ar[8];
  for (int r = 0; r < 8; ++r) ar[r] = rows.row[r] + (s == 0 ? 0 : s * rows.seg_stride[r]);
  for (int k = 0; k < rows.seg_len; ++k, w += kNR, t += kNR) {
    const __m512 b = _mm512_load_ps(w);
    const __m256 e = _mm256_load_ps(t);
    // Each multiply broadcasts A from memory ({1to16}, {1to8}): two loads are cheaper than one
    // broadcast into a register, which takes a vector pipe on Zen 4.
#define LITEQ_ROW(i)                                                                  \
    c##i = _mm512_add_ps(c##i, _mm512_mul_ps(_mm512_set1_ps(ar[i][k]), b));           \
    d##i = _mm256_add_ps(d##i, _mm256_mul_ps(_mm256_set1_ps(ar[i][k]), e));
    LITEQ_ROW(0) LITEQ_ROW(1) LITEQ_ROW(2) LITEQ_ROW(3) LITEQ_ROW(4) LITEQ_ROW(5) LITEQ_ROW(6) LITEQ_ROW(7)
#undef LITEQ_ROW
  }
  }
  const __m512 bias = _mm512_load_ps(w);
  const __m256 bias_tail = _mm256_load_ps(t);
  const __m512 lo = _mm512_set1_ps(act_min), hi = _mm512_set1_ps(act_max);
  const __m512 acc[8] = {c0, c1, c2, c3, c4, c5, c6, c7};
  const __m256 acc_tail[8] = {d0, d1, d2, d3, d4, d5, d6, d7};
  const __mmask8 store = static_cast<__mmask8>((1u << nr_tail) - 1);
  for (int r = 0; r < mr; ++r) {
    _mm512_storeu_ps(c + r * c_stride, _mm512_min_ps(hi, _mm512_max_ps(lo, _mm512_add_ps(acc[r], bias))));
    const __m256 y = _mm256_min_ps(_mm512_castps512_ps256(hi), _mm256_max_ps(_mm512_castps512_ps256(lo), _mm256_add_ps(acc_tail[r], bias_tail)));
    _mm256_mask_storeu_ps(c + r * c_stride + kNR, store, y);
  }
}

}  // namespace

__attribute__((target("avx512f"))) void F32Gemm8x16Avx512(int mr, int nr, int K, const float* a, size_t a_stride,
                                                         const float* panel, float act_min, float act_max, float* c,
                                                         size_t c_stride) {
  Gemm8x16Body(mr, nr, PlainRows(mr, K, a, a_stride), panel, act_min, act_max, c, c_stride);
}

__attribute__((target("avx512f"))) void F32Gemm8x16Avx512Rows(int mr, int nr, const ARows& a, const float* panel, float act_min,
                                                             float act_max, float* c, size_t c_stride) {
  Gemm8x16Body(mr, nr, a, panel, act_min, act_max, c, c_stride);
}

__attribute__((target("avx2,avx512f,avx512vl"))) void F32Gemm8x24Avx512(int mr, int nr_tail, int K, const float* a, size_t a_stride,
                                                                        const float* panel, const float* tail_panel, float act_min,
                                                                        float act_max, float* c, size_t c_stride) {
  Gemm8x24Body(mr, nr_tail, PlainRows(mr, K, a, a_stride), panel, tail_panel, act_min, act_max, c, c_stride);
}

__attribute__((target("avx2,avx512f,avx512vl"))) void F32Gemm8x24Avx512Rows(int mr, int nr_tail, const ARows& a, const float* panel,
                                                                            const float* tail_panel, float act_min, float act_max,
                                                                            float* c, size_t c_stride) {
  Gemm8x24Body(mr, nr_tail, a, panel, tail_panel, act_min, act_max, c, c_stride);
}

// Im2colSmallAvx2 with one masked 16-lane load and one store per filter row (the same bytes: the taps
// inside the input, 0 elsewhere, lanes past the segment 0 and overwritten by the next segment or row).
__attribute__((target("avx2,avx512f,avx512vl"))) void Im2colSmallAvx512(const reference::ConvShape& s, const float* input, int m0, int m1,
                                                                        float* dst) {
  const int seg = s.filter_w * s.in_c;  // one filter row of taps, (kx, ic): at most 16 floats here
  const int K = s.filter_h * seg;
  const __mmask16 seg_mask = static_cast<__mmask16>((1u << seg) - 1);
  const int64_t row_floats = static_cast<int64_t>(s.in_w) * s.in_c;
  reference::PixelWalk px(s, m0);
  for (int m = m0; m < m1; ++m, dst += K, px.Next()) {
    const int ix0 = px.ox * s.stride_w - s.pad_left;
    const reference::InsideTaps kx = reference::TapsInside(s, ix0);
    const int lo = kx.lo * s.in_c, hi = kx.hi * s.in_c;
    const __mmask16 inside = static_cast<__mmask16>(((1u << hi) - 1) & ~((1u << lo) - 1));
    for (int ky = 0; ky < s.filter_h; ++ky) {
      const int iy = px.oy * s.stride_h - s.pad_top + ky * s.dilation_h;
      __m512 v = _mm512_setzero_ps();  // padding taps are 0
      if (iy >= 0 && iy < s.in_h) {
        // Masked-off lanes are neither read nor faulted on, so the base may lie before the row.
        const uintptr_t src = reinterpret_cast<uintptr_t>(input) +
                              static_cast<uintptr_t>(((static_cast<int64_t>(px.b) * s.in_h + iy) * row_floats + static_cast<int64_t>(ix0) * s.in_c) *
                                                     static_cast<int64_t>(sizeof(float)));
        v = _mm512_maskz_loadu_ps(inside, reinterpret_cast<const float*>(src));
      }
      if (m + 1 < m1 || ky + 1 < s.filter_h) {
        _mm512_storeu_ps(dst + ky * seg, v);
      } else {
        _mm512_mask_storeu_ps(dst + ky * seg, seg_mask, v);
      }
    }
  }
}

}  // namespace f32gemm
}  // namespace liteq

#endif  // x86
