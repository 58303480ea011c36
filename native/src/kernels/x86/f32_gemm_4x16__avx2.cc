// 4x16 float GEMM micro-kernel, AVX2 without FMA: per lane the reference's sequential k sum.
#include "kernels/gemm/f32_gemm.h"

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>

#include <algorithm>
#include <cstdint>

namespace liteq {
namespace f32gemm {
namespace {

// Lanes [0, n) of a masked store (0 < n < 8): channel counts that are not multiples of 16 end in a
// partial tile, and a store through a stack copy + memcpy cost more than the tile's arithmetic.
__attribute__((target("avx2"))) inline __m256i TailMask(int n) {
  return _mm256_cmpgt_epi32(_mm256_set1_epi32(n), _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7));
}

}  // namespace

__attribute__((target("avx2"))) void F32Gemm4x16Avx2(int mr, int nr, int K, const float* a, size_t a_stride,
                                                     const float* panel, float act_min, float act_max, float* c,
                                                     size_t c_stride) {
  const float* a0 = a;
  const float* a1 = mr > 1 ? a0 + a_stride : a0;
  const float* a2 = mr > 2 ? a0 + 2 * a_stride : a1;
  const float* a3 = mr > 3 ? a0 + 3 * a_stride : a2;
  __m256 c00 = _mm256_setzero_ps(), c01 = _mm256_setzero_ps(), c10 = c00, c11 = c00, c20 = c00, c21 = c00,
         c30 = c00, c31 = c00;
  const float* w = panel;
  for (int k = 0; k < K; ++k, w += kNR) {
    const __m256 b0 = _mm256_load_ps(w), b1 = _mm256_load_ps(w + 8);
    const __m256 v0 = _mm256_broadcast_ss(a0 + k), v1 = _mm256_broadcast_ss(a1 + k);
    const __m256 v2 = _mm256_broadcast_ss(a2 + k), v3 = _mm256_broadcast_ss(a3 + k);
    c00 = _mm256_add_ps(c00, _mm256_mul_ps(v0, b0));
    c01 = _mm256_add_ps(c01, _mm256_mul_ps(v0, b1));
    c10 = _mm256_add_ps(c10, _mm256_mul_ps(v1, b0));
    c11 = _mm256_add_ps(c11, _mm256_mul_ps(v1, b1));
    c20 = _mm256_add_ps(c20, _mm256_mul_ps(v2, b0));
    c21 = _mm256_add_ps(c21, _mm256_mul_ps(v2, b1));
    c30 = _mm256_add_ps(c30, _mm256_mul_ps(v3, b0));
    c31 = _mm256_add_ps(c31, _mm256_mul_ps(v3, b1));
  }
  const __m256 bias0 = _mm256_load_ps(w), bias1 = _mm256_load_ps(w + 8);
  const __m256 lo = _mm256_set1_ps(act_min), hi = _mm256_set1_ps(act_max);
  const __m256 acc[4][2] = {{c00, c01}, {c10, c11}, {c20, c21}, {c30, c31}};
  for (int r = 0; r < mr; ++r) {
    // std::min(std::max(x, lo), hi): max_ps(lo, x) is (lo > x ? lo : x) and min_ps(hi, y) is
    // (hi < y ? hi : y), the same operand order, so a NaN stays NaN as in the reference.
    const __m256 y0 = _mm256_min_ps(hi, _mm256_max_ps(lo, _mm256_add_ps(acc[r][0], bias0)));
    const __m256 y1 = _mm256_min_ps(hi, _mm256_max_ps(lo, _mm256_add_ps(acc[r][1], bias1)));
    float* out = c + r * c_stride;
    if (nr == kNR) {
      _mm256_storeu_ps(out, y0);
      _mm256_storeu_ps(out + 8, y1);
    } else if (nr >= 8) {
      _mm256_storeu_ps(out, y0);
      if (nr > 8) _mm256_maskstore_ps(out + 8, TailMask(nr - 8), y1);
    } else {
      _mm256_maskstore_ps(out, TailMask(nr), y0);
    }
  }
}

// The same for a panel's first nr <= 8 columns (a partial last panel: e.g. 24 channels = 16 + 8) and up
// to 8 rows: one ymm per row, the identical per-lane operations. Eight rows, so eight independent sums
// per B load keep both adders busy (four would wait on the add latency). One body for two targets: at
// AVX-512 (VL) the compiler folds each A broadcast into the multiply ({1to8}), which on Zen 4 nearly
// doubles the rate (a separate vbroadcastss takes a vector pipe); the arithmetic is the same.
namespace {
__attribute__((target("avx2"), always_inline)) inline void Gemm8x8Body(int mr, int nr, const ARows& rows, const float* panel,
                                                                      float act_min, float act_max, float* c, size_t c_stride) {
  __m256 c0 = _mm256_setzero_ps(), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0, c6 = c0, c7 = c0;
  const float* w = panel;
  for (int s = 0; s < rows.segs; ++s) {
  const float* ar[8];
  for (int r = 0; r < 8; ++r) ar[r] = rows.row[r] + (s == 0 ? 0 : s * rows.seg_stride[r]);
  for (int k = 0; k < rows.seg_len; ++k, w += kNR) {
    const __m256 b = _mm256_load_ps(w);
    c0 = _mm256_add_ps(c0, _mm256_mul_ps(_mm256_set1_ps(ar[0][k]), b));
    c1 = _mm256_add_ps(c1, _mm256_mul_ps(_mm256_set1_ps(ar[1][k]), b));
    c2 = _mm256_add_ps(c2, _mm256_mul_ps(_mm256_set1_ps(ar[2][k]), b));
    c3 = _mm256_add_ps(c3, _mm256_mul_ps(_mm256_set1_ps(ar[3][k]), b));
    c4 = _mm256_add_ps(c4, _mm256_mul_ps(_mm256_set1_ps(ar[4][k]), b));
    c5 = _mm256_add_ps(c5, _mm256_mul_ps(_mm256_set1_ps(ar[5][k]), b));
    c6 = _mm256_add_ps(c6, _mm256_mul_ps(_mm256_set1_ps(ar[6][k]), b));
    c7 = _mm256_add_ps(c7, _mm256_mul_ps(_mm256_set1_ps(ar[7][k]), b));
  }
  }
  const __m256 bias = _mm256_load_ps(w);
  const __m256 lo = _mm256_set1_ps(act_min), hi = _mm256_set1_ps(act_max);
  const __m256 acc[8] = {c0, c1, c2, c3, c4, c5, c6, c7};
  for (int r = 0; r < mr; ++r) {
    const __m256 y = _mm256_min_ps(hi, _mm256_max_ps(lo, _mm256_add_ps(acc[r], bias)));
    if (nr == 8) _mm256_storeu_ps(c + r * c_stride, y);
    else _mm256_maskstore_ps(c + r * c_stride, TailMask(nr), y);
  }
}
}  // namespace

__attribute__((target("avx2"))) void F32Gemm8x8Avx2(int mr, int nr, int K, const float* a, size_t a_stride, const float* panel,
                                                    float act_min, float act_max, float* c, size_t c_stride) {
  Gemm8x8Body(mr, nr, PlainRows(mr, K, a, a_stride), panel, act_min, act_max, c, c_stride);
}

__attribute__((target("avx2,avx512f,avx512vl"))) void F32Gemm8x8Avx512(int mr, int nr, int K, const float* a, size_t a_stride,
                                                                       const float* panel, float act_min, float act_max, float* c,
                                                                       size_t c_stride) {
  Gemm8x8Body(mr, nr, PlainRows(mr, K, a, a_stride), panel, act_min, act_max, c, c_stride);
}

__attribute__((target("avx2,avx512f,avx512vl"))) void F32Gemm8x8Avx512Rows(int mr, int nr, const ARows& a, const float* panel,
                                                                           float act_min, float act_max, float* c, size_t c_stride) {
  Gemm8x8Body(mr, nr, a, panel, act_min, act_max, c, c_stride);
}

namespace {
// Lanes with lo <= idx < hi, as a maskload/maskstore mask.
__attribute__((target("avx2"))) inline __m256i LaneRange(__m256i idx, int lo, int hi) {
  return _mm256_andnot_si256(_mm256_cmpgt_epi32(_mm256_set1_epi32(lo), idx), _mm256_cmpgt_epi32(_mm256_set1_epi32(hi), idx));
}
}  // namespace

__attribute__((target("avx2"))) void Im2colSmallAvx2(const reference::ConvShape& s, const float* input, int m0, int m1,
                                                     float* dst) {
  const int seg = s.filter_w * s.in_c;  // one filter row of taps, (kx, ic): at most 16 floats here
  const int K = s.filter_h * seg;
  const __m256i idx0 = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7), idx1 = _mm256_add_epi32(idx0, _mm256_set1_epi32(8));
  const __m256i seg0 = LaneRange(idx0, 0, seg), seg1 = LaneRange(idx1, 0, seg);
  const int64_t row_floats = static_cast<int64_t>(s.in_w) * s.in_c;
  reference::PixelWalk px(s, m0);
  for (int m = m0; m < m1; ++m, dst += K, px.Next()) {
    const int ix0 = px.ox * s.stride_w - s.pad_left;
    const reference::InsideTaps kx = reference::TapsInside(s, ix0);
    const __m256i in0 = LaneRange(idx0, kx.lo * s.in_c, kx.hi * s.in_c), in1 = LaneRange(idx1, kx.lo * s.in_c, kx.hi * s.in_c);
    for (int ky = 0; ky < s.filter_h; ++ky) {
      const int iy = px.oy * s.stride_h - s.pad_top + ky * s.dilation_h;
      __m256 v0 = _mm256_setzero_ps(), v1 = _mm256_setzero_ps();  // padding taps are 0
      if (iy >= 0 && iy < s.in_h) {
        // Masked-off lanes are neither read nor faulted on, so the base may lie before the row.
        const uintptr_t src = reinterpret_cast<uintptr_t>(input) +
                              static_cast<uintptr_t>(((static_cast<int64_t>(px.b) * s.in_h + iy) * row_floats + static_cast<int64_t>(ix0) * s.in_c) *
                                                     static_cast<int64_t>(sizeof(float)));
        v0 = _mm256_maskload_ps(reinterpret_cast<const float*>(src), in0);
        v1 = _mm256_maskload_ps(reinterpret_cast<const float*>(src) + 8, in1);
      }
      // Lanes past the segment are 0 and land on the next segment or row, which is written later, so
      // plain stores do (masked stores are slow on AMD); the last rows' stores reach past the block into
      // the slot's one vector of slack (f32_gemm.cc ABlockBytes), and the very last one is masked.
      if (m + 1 < m1 || ky + 1 < s.filter_h) {
        _mm256_storeu_ps(dst + ky * seg, v0);
        _mm256_storeu_ps(dst + ky * seg + 8, v1);
      } else {
        _mm256_maskstore_ps(dst + ky * seg, seg0, v0);
        _mm256_maskstore_ps(dst + ky * seg + 8, seg1, v1);
      }
    }
  }
}

}  // namespace f32gemm
}  // namespace liteq

#endif  // x86
