// The quantized GEMM output stage on AVX2 registers, shared by the AVX2 and AVX-512 VNNI micro-kernels:
// int32 accumulators (bias already added) of one row's 16 columns -> requantize with the packed
// panel's per-column params (q8_gemm.h) -> clamp -> uint8/int8 store. Functions carry target("avx2"),
// so they inline into any caller whose target includes AVX2.
#ifndef LITEQ_KERNELS_X86_Q8_GEMM_OUTPUT_AVX2_H_
#define LITEQ_KERNELS_X86_Q8_GEMM_OUTPUT_AVX2_H_

#include <immintrin.h>

#include <cstdint>
#include <cstring>

#include "kernels/gemm/q8_gemm.h"

#define LITEQ_AVX2 __attribute__((target("avx2")))

namespace liteq {
namespace q8_gemm {

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

// One row: lo = columns 0-7, hi = 8-15 (ignored unless wide) -> requantized, clamped, stored (nr columns).
template <typename T>
LITEQ_AVX2 inline void RequantizeAndStoreRow(__m256i acc_lo, __m256i acc_hi, bool wide, const int32_t* params,
                                             const OutputParams& op, int nr, T* out) {
  const __m256i vmin = _mm256_set1_epi32(op.act_min), vmax = _mm256_set1_epi32(op.act_max);
  __m256i lo, hi;
  if (op.rounding == 1) {
    lo = RequantizeTiesUp(acc_lo, params, 0, op.left_shift != 0, vmin, vmax);
    hi = wide ? RequantizeTiesUp(acc_hi, params, 1, op.left_shift != 0, vmin, vmax) : lo;
  } else {
    const __m256i zp = _mm256_set1_epi32(op.output_offset);
    lo = Requantize(acc_lo, params, op.left_shift != 0, false, zp, vmin, vmax);
    hi = wide ? Requantize(acc_hi, params + 8, op.left_shift != 0, false, zp, vmin, vmax) : lo;
  }
  // packs works within 128-bit lanes: [0-3 8-11 | 4-7 12-15] -> reorder the 64-bit quarters.
  const __m256i w16 = _mm256_permute4x64_epi64(_mm256_packs_epi32(lo, hi), 0xD8);
  const __m128i w16lo = _mm256_castsi256_si128(w16), w16hi = _mm256_extracti128_si256(w16, 1);
  // Values are already clamped to the type's range, so the saturating packs are exact.
  const __m128i bytes = sizeof(T) == 1 && static_cast<T>(-1) > 0 ? _mm_packus_epi16(w16lo, w16hi)
                                                                  : _mm_packs_epi16(w16lo, w16hi);
  if (nr == kNR) {
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out), bytes);
  } else {
    alignas(16) uint8_t tmp[16];
    _mm_store_si128(reinterpret_cast<__m128i*>(tmp), bytes);
    std::memcpy(out, tmp, static_cast<size_t>(nr));
  }
}

}  // namespace q8_gemm
}  // namespace liteq

#endif  // LITEQ_KERNELS_X86_Q8_GEMM_OUTPUT_AVX2_H_
