// The quantized depthwise output stage and byte widening on AVX2 registers, shared by the AVX2 and
// AVX-512 VNNI depthwise micro-kernels (8 channels of the common layout, q8_dwconv.h). Functions
// carry target("avx2"), so they inline into any caller whose target includes AVX2.
#ifndef LITEQ_KERNELS_X86_Q8_DWCONV_AVX2_INL_H_
#define LITEQ_KERNELS_X86_Q8_DWCONV_AVX2_INL_H_

#include <immintrin.h>

#include <type_traits>

#include "kernels/dwconv/q8_dwconv.h"

#define LITEQ_AVX2 __attribute__((target("avx2")))

namespace liteq {
namespace dwconv {

// Round(acc * 2^left * multiplier / 2^31) (gemmlowp's SaturatingRoundingDoublingHighMul: ties up, the
// INT32_MIN * INT32_MIN case excluded by the driver) then the rounding right shift, + Z_out, clamp.
LITEQ_AVX2 inline __m256i Requantize(__m256i acc, const Packed& p, int c, __m256i away) {
  const __m256i x = _mm256_sllv_epi32(acc, _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p.left_shift + c)));
  const __m256i m = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p.multiplier + c));
  const __m256i nudge = _mm256_set1_epi64x(int64_t{1} << 30);
  const __m256i even = _mm256_add_epi64(_mm256_mul_epi32(x, m), nudge);
  const __m256i odd = _mm256_add_epi64(_mm256_mul_epi32(_mm256_srli_epi64(x, 32), _mm256_srli_epi64(m, 32)), nudge);
  // Bits 31..62 of each 64-bit product: the low dword of even >> 31, the high dword of odd << 1.
  const __m256i high = _mm256_blend_epi32(_mm256_srli_epi64(even, 31), _mm256_slli_epi64(odd, 1), 0xAA);
  const __m256i mask = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p.mask + c));
  const __m256i e = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p.right_shift + c));
  const __m256i rem = _mm256_and_si256(high, mask);
  // Ties away from zero: threshold mask/2 (+1 when negative); ties up: mask/2.
  const __m256i neg = _mm256_and_si256(_mm256_cmpgt_epi32(_mm256_setzero_si256(), high), away);
  const __m256i threshold = _mm256_sub_epi32(_mm256_srli_epi32(mask, 1), neg);
  const __m256i shifted = _mm256_sub_epi32(_mm256_srav_epi32(high, e), _mm256_cmpgt_epi32(rem, threshold));
  const __m256i out = _mm256_add_epi32(shifted, _mm256_set1_epi32(p.output_offset));
  return _mm256_min_epi32(_mm256_max_epi32(out, _mm256_set1_epi32(p.act_min)), _mm256_set1_epi32(p.act_max));
}

template <typename T>
LITEQ_AVX2 inline __m256i Widen(__m128i v) {
  if (std::is_same<T, uint8_t>::value) return _mm256_cvtepu8_epi16(v);
  return _mm256_cvtepi8_epi16(v);
}

template <typename T>
LITEQ_AVX2 inline __m128i Narrow(__m128i v) {  // 8 int16 pairs -> 16 bytes (already clamped to T's range)
  if (std::is_same<T, uint8_t>::value) return _mm_packus_epi16(v, v);
  return _mm_packs_epi16(v, v);
}

}  // namespace dwconv
}  // namespace liteq

#endif  // LITEQ_KERNELS_X86_Q8_DWCONV_AVX2_INL_H_
