// 4x16 quantized GEMM micro-kernel, k in pairs ("c2"), AVX2: int16 A rows (zero point already
// subtracted) times one packed int16 B panel with _mm256_madd_epi16, 8 int32 accumulators, then the
// requantization of reference/output_stage.h on 8 columns at a time, and a uint8/int8 store.
// Functions carry target("avx2") so the file builds without -mavx2 and only runs after dispatch.
#include "kernels/gemm/q8_gemm.h"

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>

#include <cstring>

#define LITEQ_AVX2 __attribute__((target("avx2")))

namespace liteq {
namespace q8_gemm {
namespace {

// OutputStage(acc + bias, multiplier, shift, rounding, ...) on 8 lanes with per-lane parameters.
// SaturatingRoundingDoublingHighMul(x, m) with nudge 2^30 (x*m >= 0) or 1 - 2^30 (x*m < 0) and a
// truncating division by 2^31 equals floor((x*m + 2^30) / 2^31) in both cases, so one 64-bit add and
// a shift do it; the result fits int32, so the low half of a logical shift is the arithmetic one.
// (The saturating case needs m == INT32_MIN, which Supports() excludes.)
// acc already includes the bias (the accumulators start from it).
LITEQ_AVX2 inline __m256i Requantize(__m256i acc, const int32_t* params, bool left_shift, bool ties_up, __m256i zp,
                                     __m256i vmin, __m256i vmax) {
  const __m256i mult = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(params + kNR));
  const __m256i lshift = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(params + 2 * kNR));
  const __m256i rshift = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(params + 3 * kNR));
  const __m256i one = _mm256_set1_epi32(1);
  const __m256i half = _mm256_set1_epi64x(int64_t{1} << 30);
  const __m256i x = left_shift ? _mm256_sllv_epi32(acc, lshift) : acc;  // wraps like ShiftLeftWrapping
  const __m256i even = _mm256_add_epi64(_mm256_mul_epi32(x, mult), half);
  const __m256i odd = _mm256_add_epi64(_mm256_mul_epi32(_mm256_srli_epi64(x, 32), _mm256_srli_epi64(mult, 32)), half);
  const __m256i high = _mm256_blend_epi32(_mm256_srli_epi64(even, 31), _mm256_slli_epi64(odd, 1), 0xAA);
  __m256i r;
  if (ties_up) {
    // (h + 2^(s-1)) >> s == (h >> s) + bit s-1 of h; s == 0 makes the count -1, which srlv zeroes.
    r = _mm256_add_epi32(_mm256_srav_epi32(high, rshift),
                         _mm256_and_si256(_mm256_srlv_epi32(high, _mm256_sub_epi32(rshift, one)), one));
  } else {
    // RoundingDivideByPOT: ties away from zero.
    const __m256i mask = _mm256_sub_epi32(_mm256_sllv_epi32(one, rshift), one);
    const __m256i remainder = _mm256_and_si256(high, mask);
    const __m256i threshold =
        _mm256_sub_epi32(_mm256_srli_epi32(mask, 1), _mm256_cmpgt_epi32(_mm256_setzero_si256(), high));
    r = _mm256_sub_epi32(_mm256_srav_epi32(high, rshift), _mm256_cmpgt_epi32(remainder, threshold));
  }
  r = _mm256_add_epi32(r, zp);
  return _mm256_min_epi32(_mm256_max_epi32(r, vmin), vmax);
}

// kWide: all 16 columns; else only columns 0-7 are computed (a panel's tail with nr <= 8).
// kOneRow: mr == 1 (FULLY_CONNECTED with one batch row, row tails) skips rows 1-3 entirely.
// The ties-up rescale (CONV_2D / FULLY_CONNECTED in TFLite 2.9) with PackPanel's one-step constants;
// `half` is 0 for columns 0-7, 1 for 8-15.
LITEQ_AVX2 inline __m256i RequantizeTiesUp(__m256i acc, const int32_t* params, int half, bool left_shift,
                                           __m256i vmin, __m256i vmax) {
  const __m256i mult = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(params + kNR + 8 * half));
  const __m256i x =
      left_shift ? _mm256_sllv_epi32(acc, _mm256_loadu_si256(reinterpret_cast<const __m256i*>(params + 2 * kNR + 8 * half)))
                 : acc;
  const int64_t* round = reinterpret_cast<const int64_t*>(params + 4 * kNR) + 8 * half;
  const int64_t* count = round + 16;
  const int32_t* post = reinterpret_cast<const int32_t*>(reinterpret_cast<const int64_t*>(params + 4 * kNR) + 32);
  __m256i even = _mm256_mul_epi32(x, mult);
  __m256i odd = _mm256_mul_epi32(_mm256_srli_epi64(x, 32), _mm256_srli_epi64(mult, 32));
  even = _mm256_add_epi64(even, _mm256_loadu_si256(reinterpret_cast<const __m256i*>(round)));
  odd = _mm256_add_epi64(odd, _mm256_loadu_si256(reinterpret_cast<const __m256i*>(round + 4)));
  even = _mm256_srlv_epi64(even, _mm256_loadu_si256(reinterpret_cast<const __m256i*>(count)));
  odd = _mm256_srlv_epi64(odd, _mm256_loadu_si256(reinterpret_cast<const __m256i*>(count + 4)));
  __m256i r = _mm256_blend_epi32(even, _mm256_slli_epi64(odd, 32), 0xAA);
  r = _mm256_add_epi32(r, _mm256_loadu_si256(reinterpret_cast<const __m256i*>(post + 8 * half)));
  return _mm256_min_epi32(_mm256_max_epi32(r, vmin), vmax);
}

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
  const bool ties_up = op.rounding == 1;
  const __m256i zp = _mm256_set1_epi32(op.output_offset);
  const __m256i vmin = _mm256_set1_epi32(op.act_min), vmax = _mm256_set1_epi32(op.act_max);
  const __m256i acc[4][2] = {{c00, c01}, {c10, c11}, {c20, c21}, {c30, c31}};
  for (int r = 0; r < mr; ++r) {
    __m256i lo, hi;
    if (ties_up) {
      lo = RequantizeTiesUp(acc[r][0], params, 0, op.left_shift != 0, vmin, vmax);
      hi = kWide ? RequantizeTiesUp(acc[r][1], params, 1, op.left_shift != 0, vmin, vmax) : lo;
    } else {
      lo = Requantize(acc[r][0], params, op.left_shift != 0, false, zp, vmin, vmax);
      hi = kWide ? Requantize(acc[r][1], params + 8, op.left_shift != 0, false, zp, vmin, vmax) : lo;
    }
    // packs works within 128-bit lanes: [0-3 8-11 | 4-7 12-15] -> reorder the 64-bit quarters.
    const __m256i w16 = _mm256_permute4x64_epi64(_mm256_packs_epi32(lo, hi), 0xD8);
    const __m128i w16lo = _mm256_castsi256_si128(w16), w16hi = _mm256_extracti128_si256(w16, 1);
    // Values are already clamped to the type's range, so the saturating packs are exact.
    const __m128i bytes = sizeof(T) == 1 && static_cast<T>(-1) > 0 ? _mm_packus_epi16(w16lo, w16hi)
                                                                    : _mm_packs_epi16(w16lo, w16hi);
    T* out = c + r * c_stride;
    if (nr == kNR) {
      _mm_storeu_si128(reinterpret_cast<__m128i*>(out), bytes);
    } else {
      alignas(16) uint8_t tmp[16];
      _mm_store_si128(reinterpret_cast<__m128i*>(tmp), bytes);
      std::memcpy(out, tmp, static_cast<size_t>(nr));
    }
  }
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
