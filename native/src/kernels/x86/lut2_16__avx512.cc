// Two-byte-index table lookup (kernels/lut.h LookupPairs), 16 elements per step with AVX-512: the
// index 256 * a + b of each element, one vpgatherdd of 4 bytes at table + index (kPairTableBytes holds
// the 3 bytes past the last entry), the low byte of each lane kept. Exact by construction: the table
// holds the reference op's result for every pair of operand bytes.
#include "kernels/lut.h"

#if defined(__x86_64__) || defined(__i386__)
#if defined(__GNUC__) && !defined(__clang__)
// GCC 12's _mm512_cvtepu8_epi32 passes an intentionally undefined pass-through operand.
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <immintrin.h>

#include "kernels/x86/isa.h"

namespace liteq {
namespace {

__attribute__((target("avx512f,avx512bw,avx512vl"))) void LookupPairsAvx512(const uint8_t* table, const uint8_t* a, const uint8_t* b,
                                                                             int64_t n, uint8_t* out) {
  int64_t i = 0;
  for (; i + 16 <= n; i += 16) {
    const __m512i x = _mm512_cvtepu8_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(a + i)));
    const __m512i y = _mm512_cvtepu8_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(b + i)));
    const __m512i v = _mm512_i32gather_epi32(_mm512_or_si512(_mm512_slli_epi32(x, 8), y), table, 1);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out + i), _mm512_cvtepi32_epi8(v));
  }
  for (; i < n; ++i) out[i] = table[256 * a[i] + b[i]];
}

}  // namespace

bool PairLookupIsFast() { return x86::ActiveIsa() >= x86::Isa::kAvx512; }

void LookupPairs(const uint8_t* table, const uint8_t* a, const uint8_t* b, int64_t n, uint8_t* out) {
  if (PairLookupIsFast()) return LookupPairsAvx512(table, a, b, n, out);
  for (int64_t i = 0; i < n; ++i) out[i] = table[256 * a[i] + b[i]];
}

}  // namespace liteq

#else

namespace liteq {
bool PairLookupIsFast() { return false; }
void LookupPairs(const uint8_t* table, const uint8_t* a, const uint8_t* b, int64_t n, uint8_t* out) {
  for (int64_t i = 0; i < n; ++i) out[i] = table[256 * a[i] + b[i]];
}
}  // namespace liteq

#endif
