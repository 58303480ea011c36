// Quantized ADD / SUB, AVX2, 8 elements per step (see q8_vadd.h); the tail uses the reference.
#include <type_traits>

#include "kernels/vadd/q8_vadd.h"

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>

#define LITEQ_AVX2 __attribute__((target("avx2")))

namespace liteq {
namespace vadd {
namespace {

struct Rescale8 {
  __m128i left, right;  // shift counts
  __m256i multiplier, mask, threshold;
};

LITEQ_AVX2 Rescale8 MakeRescale(int32_t multiplier, int32_t shift) {
  const int left = shift > 0 ? shift : 0, right = shift > 0 ? 0 : -shift;
  const int32_t mask = static_cast<int32_t>((int64_t{1} << right) - 1);
  return {_mm_cvtsi32_si128(left), _mm_cvtsi32_si128(right), _mm256_set1_epi32(multiplier), _mm256_set1_epi32(mask),
          _mm256_set1_epi32(mask >> 1)};
}

// MultiplyByQuantizedMultiplier on 8 lanes: wrapping << left, the doubling high multiply (ties up,
// (x*m + 2^30) >> 31; bits 31..62 of the 64-bit sums), then the right shift rounding ties away from 0.
LITEQ_AVX2 inline __m256i Rescale(__m256i v, const Rescale8& r) {
  const __m256i x = _mm256_sll_epi32(v, r.left);
  const __m256i nudge = _mm256_set1_epi64x(int64_t{1} << 30);
  const __m256i even = _mm256_add_epi64(_mm256_mul_epi32(x, r.multiplier), nudge);
  const __m256i odd = _mm256_add_epi64(_mm256_mul_epi32(_mm256_srli_epi64(x, 32), r.multiplier), nudge);
  const __m256i high = _mm256_blend_epi32(_mm256_srli_epi64(even, 31), _mm256_slli_epi64(odd, 1), 0xAA);
  const __m256i rem = _mm256_and_si256(high, r.mask);
  const __m256i threshold = _mm256_sub_epi32(r.threshold, _mm256_cmpgt_epi32(_mm256_setzero_si256(), high));
  return _mm256_sub_epi32(_mm256_sra_epi32(high, r.right), _mm256_cmpgt_epi32(rem, threshold));
}

template <typename T>
LITEQ_AVX2 inline __m256i Load8(const T* p) {
  const __m128i v = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(p));
  return std::is_same<T, uint8_t>::value ? _mm256_cvtepu8_epi32(v) : _mm256_cvtepi8_epi32(v);
}

template <typename T>
LITEQ_AVX2 void Vadd(const reference::QuantizedAddSpec& s, bool subtract, const T* a, const T* b, size_t n, T* out) {
  const Rescale8 r1 = MakeRescale(s.input1_multiplier, s.input1_shift);
  const Rescale8 r2 = MakeRescale(s.input2_multiplier, s.input2_shift);
  const Rescale8 ro = MakeRescale(s.output_multiplier, s.output_shift);
  const __m256i off1 = _mm256_set1_epi32(s.input1_offset), off2 = _mm256_set1_epi32(s.input2_offset);
  const __m128i left = _mm_cvtsi32_si128(s.left_shift);
  const __m256i out_off = _mm256_set1_epi32(s.output_offset);
  const __m256i lo = _mm256_set1_epi32(s.activation_min), hi = _mm256_set1_epi32(s.activation_max);
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    // (offset + q) << left_shift: |offset + q| < 2^9 and left_shift 20 in practice; wraps like the reference otherwise.
    const __m256i x1 = Rescale(_mm256_sll_epi32(_mm256_add_epi32(Load8(a + i), off1), left), r1);
    const __m256i x2 = Rescale(_mm256_sll_epi32(_mm256_add_epi32(Load8(b + i), off2), left), r2);
    const __m256i raw = subtract ? _mm256_sub_epi32(x1, x2) : _mm256_add_epi32(x1, x2);
    __m256i v = _mm256_add_epi32(Rescale(raw, ro), out_off);
    v = _mm256_min_epi32(_mm256_max_epi32(v, lo), hi);
    const __m128i s16 = _mm_packs_epi32(_mm256_castsi256_si128(v), _mm256_extracti128_si256(v, 1));
    const __m128i bytes = std::is_same<T, uint8_t>::value ? _mm_packus_epi16(s16, s16) : _mm_packs_epi16(s16, s16);
    _mm_storel_epi64(reinterpret_cast<__m128i*>(out + i), bytes);
  }
  VaddReference(s, subtract, a + i, b + i, n - i, out + i);
}

}  // namespace

void QU8VaddAvx2(const reference::QuantizedAddSpec& s, bool subtract, const uint8_t* a, const uint8_t* b, size_t n,
                 uint8_t* out) {
  Vadd<uint8_t>(s, subtract, a, b, n, out);
}

void QS8VaddAvx2(const reference::QuantizedAddSpec& s, bool subtract, const int8_t* a, const int8_t* b, size_t n,
                 int8_t* out) {
  Vadd<int8_t>(s, subtract, a, b, n, out);
}

}  // namespace vadd
}  // namespace liteq

#else  // not x86: never selected; defined so dispatch links.

namespace liteq {
namespace vadd {
void QU8VaddAvx2(const reference::QuantizedAddSpec& s, bool subtract, const uint8_t* a, const uint8_t* b, size_t n,
                 uint8_t* out) {
  VaddReference(s, subtract, a, b, n, out);
}
void QS8VaddAvx2(const reference::QuantizedAddSpec& s, bool subtract, const int8_t* a, const int8_t* b, size_t n,
                 int8_t* out) {
  VaddReference(s, subtract, a, b, n, out);
}
}  // namespace vadd
}  // namespace liteq

#endif
