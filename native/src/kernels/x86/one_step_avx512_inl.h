// The one-step output stage (kernels/one_step.h) on 16 int32 lanes, shared by the AVX-512 VNNI GEMM and
// depthwise micro-kernels, and the narrow of the results to bytes. Functions carry the VNNI kernels'
// target attributes, so they inline into them.
#ifndef LITEQ_KERNELS_X86_ONE_STEP_AVX512_INL_H_
#define LITEQ_KERNELS_X86_ONE_STEP_AVX512_INL_H_

#include <immintrin.h>

#include <cstdint>
#include <type_traits>

#define LITEQ_ONE_STEP_AVX512 __attribute__((target("avx2,avx512f,avx512bw,avx512vl,avx512vnni")))

namespace liteq {
namespace x86 {

// The int64 constants of 16 lanes: [even lanes | odd lanes] each (round with Z_out folded in, shift count
// 31 + s, and the ties-away correction).
struct OneStepLanes {
  __m512i round_even, round_odd, count_even, count_odd, fix_even, fix_odd;
};

// x (the accumulator after the left shift) times m per lane (m_odd = m >> 32, the odd lanes' multiplier
// in the low halves), + round, - fix where x * m < -2^30 (ties away only), arithmetic shift by count;
// the even and odd lanes' low halves interleaved back into lane order.
LITEQ_ONE_STEP_AVX512 inline __m512i OneStep16(__m512i x, __m512i m, __m512i m_odd, const OneStepLanes& k, bool ties_away) {
  const __m512i p_even = _mm512_mul_epi32(x, m);
  const __m512i p_odd = _mm512_mul_epi32(_mm512_srli_epi64(x, 32), m_odd);
  __m512i even = _mm512_add_epi64(p_even, k.round_even);
  __m512i odd = _mm512_add_epi64(p_odd, k.round_odd);
  if (ties_away) {
    const __m512i low = _mm512_set1_epi64(-(int64_t{1} << 30));
    even = _mm512_mask_sub_epi64(even, _mm512_cmplt_epi64_mask(p_even, low), even, k.fix_even);
    odd = _mm512_mask_sub_epi64(odd, _mm512_cmplt_epi64_mask(p_odd, low), odd, k.fix_odd);
  }
  even = _mm512_srav_epi64(even, k.count_even);
  odd = _mm512_srav_epi64(odd, k.count_odd);
  const __m512i order = _mm512_set_epi32(30, 14, 28, 12, 26, 10, 24, 8, 22, 6, 20, 4, 18, 2, 16, 0);
  return _mm512_permutex2var_epi32(even, order, odd);
}

// int32 lanes to T's bytes: a saturating narrow when the clamp is T's whole range (`saturate`), else
// clamp to [vmin, vmax] and truncate.
template <typename T>
LITEQ_ONE_STEP_AVX512 inline __m128i Narrow16(__m512i r, bool saturate, __m512i vmin, __m512i vmax) {
  if (saturate) {
    if (std::is_same<T, uint8_t>::value) return _mm512_cvtusepi32_epi8(_mm512_max_epi32(r, _mm512_setzero_si512()));
    return _mm512_cvtsepi32_epi8(r);
  }
  return _mm512_cvtepi32_epi8(_mm512_min_epi32(_mm512_max_epi32(r, vmin), vmax));
}

}  // namespace x86
}  // namespace liteq

#endif  // LITEQ_KERNELS_X86_ONE_STEP_AVX512_INL_H_
