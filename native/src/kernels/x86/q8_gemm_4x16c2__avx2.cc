// 4x16 quantized GEMM micro-kernel, k in pairs ("c2"), AVX2: int16 A rows (zero point already
// subtracted) times one packed int16 B panel with _mm256_madd_epi16, 8 int32 accumulators, then the
// requantization of reference/output_stage.h on 8 columns at a time (q8_gemm_output_avx2.h), and a
// uint8/int8 store.
// Functions carry target("avx2") so the file builds without -mavx2 and only runs after dispatch.
#include "kernels/gemm/q8_gemm.h"

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>

#include <cstring>

#include "kernels/x86/q8_gemm_output_avx2.h"

namespace liteq {
namespace q8_gemm {
namespace {

// kWide: all 16 columns; else only columns 0-7 are computed (a panel's tail with nr <= 8).
// kOneRow: mr == 1 (FULLY_CONNECTED with one batch row, row tails) skips rows 1-3 entirely.
template <typename T, bool kWide, bool kOneRow>
LITEQ_AVX2 inline void Gemm4x16c2(int mr, int nr, int kpairs, const int16_t* a, size_t a_stride,
                                  const int16_t* panel, const OutputParams& op, T* c, size_t c_stride) {
  const int32_t* params = reinterpret_cast<const int32_t*>(panel + static_cast<size_t>(kpairs) * 2 * kNR);
  const int16_t* a0 = a;
  const int16_t* a1 = mr > 1 ? a0 + a_stride : a0;
  const int16_t* a2 = mr > 2 ? a0 + 2 * a_stride : a1;
  const int16_t* a3 = mr > 3 ? a0 + 3 * a_stride : a2;
  __m256i c00 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(params));
  __m256i c01 = kWide ? _mm256_loadu_si256(reinterpret_cast<const __m256i*>(params + 8)) : _mm256_setzero_si256();
  __m256i c10 = c00, c11 = c01, c20 = c00, c21 = c01, c30 = c00, c31 = c01;
  const int16_t* w = panel;
  for (int kk = 0; kk < kpairs; ++kk) {
    const __m256i b0 = _mm256_load_si256(reinterpret_cast<const __m256i*>(w));
    const __m256i b1 = kWide ? _mm256_load_si256(reinterpret_cast<const __m256i*>(w + 16)) : b0;
    int32_t p0, p1, p2, p3;  // one (k, k+1) pair of each row, broadcast to every column
    std::memcpy(&p0, a0 + 2 * kk, 4);
    if (!kOneRow) {
      std::memcpy(&p1, a1 + 2 * kk, 4);
      std::memcpy(&p2, a2 + 2 * kk, 4);
      std::memcpy(&p3, a3 + 2 * kk, 4);
    } else {
      p1 = p2 = p3 = 0;
    }
    const __m256i v0 = _mm256_set1_epi32(p0), v1 = _mm256_set1_epi32(p1);
    const __m256i v2 = _mm256_set1_epi32(p2), v3 = _mm256_set1_epi32(p3);
    c00 = _mm256_add_epi32(c00, _mm256_madd_epi16(v0, b0));
    if (kWide) c01 = _mm256_add_epi32(c01, _mm256_madd_epi16(v0, b1));
    if (!kOneRow) c10 = _mm256_add_epi32(c10, _mm256_madd_epi16(v1, b0));
    if (kWide && !kOneRow) c11 = _mm256_add_epi32(c11, _mm256_madd_epi16(v1, b1));
    if (!kOneRow) c20 = _mm256_add_epi32(c20, _mm256_madd_epi16(v2, b0));
    if (kWide && !kOneRow) c21 = _mm256_add_epi32(c21, _mm256_madd_epi16(v2, b1));
    if (!kOneRow) c30 = _mm256_add_epi32(c30, _mm256_madd_epi16(v3, b0));
    w += 32;
    if (kWide && !kOneRow) c31 = _mm256_add_epi32(c31, _mm256_madd_epi16(v3, b1));
  }
  const __m256i acc[4][2] = {{c00, c01}, {c10, c11}, {c20, c21}, {c30, c31}};
  for (int r = 0; r < mr; ++r) RequantizeAndStoreRow<T>(acc[r][0], acc[r][1], kWide, params, op, nr, c + r * c_stride);
}

}  // namespace

LITEQ_AVX2 void QU8Gemm4x16c2Avx2(int mr, int nr, int kpairs, const int16_t* a, size_t a_stride,
                                  const int16_t* panel, const OutputParams& op, uint8_t* c, size_t c_stride) {
  if (mr == 1) {
    if (nr > 8) {
      Gemm4x16c2<uint8_t, true, true>(mr, nr, kpairs, a, a_stride, panel, op, c, c_stride);
    } else {
      Gemm4x16c2<uint8_t, false, true>(mr, nr, kpairs, a, a_stride, panel, op, c, c_stride);
    }
  } else if (nr > 8) {
    Gemm4x16c2<uint8_t, true, false>(mr, nr, kpairs, a, a_stride, panel, op, c, c_stride);
  } else {
    Gemm4x16c2<uint8_t, false, false>(mr, nr, kpairs, a, a_stride, panel, op, c, c_stride);
  }
}

LITEQ_AVX2 void QS8Gemm4x16c2Avx2(int mr, int nr, int kpairs, const int16_t* a, size_t a_stride,
                                  const int16_t* panel, const OutputParams& op, int8_t* c, size_t c_stride) {
  if (mr == 1) {
    if (nr > 8) {
      Gemm4x16c2<int8_t, true, true>(mr, nr, kpairs, a, a_stride, panel, op, c, c_stride);
    } else {
      Gemm4x16c2<int8_t, false, true>(mr, nr, kpairs, a, a_stride, panel, op, c, c_stride);
    }
  } else if (nr > 8) {
    Gemm4x16c2<int8_t, true, false>(mr, nr, kpairs, a, a_stride, panel, op, c, c_stride);
  } else {
    Gemm4x16c2<int8_t, false, false>(mr, nr, kpairs, a, a_stride, panel, op, c, c_stride);
  }
}

}  // namespace q8_gemm
}  // namespace liteq

#endif  // x86
