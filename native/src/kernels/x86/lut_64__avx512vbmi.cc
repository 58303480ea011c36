// 256-entry byte table lookup, 64 bytes per step with AVX-512 VBMI: vpermt2b looks the low 7 bits of
// each index up in two 128-byte halves of the table, the index's top bit picks the half. Serves the
// 8-bit LOGISTIC / TANH tables and 8-bit -> 8-bit QUANTIZE (kernels/lut.h).
#include "kernels/lut.h"

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>

#include "kernels/x86/isa.h"

namespace liteq {
namespace {

__attribute__((target("avx512f,avx512bw,avx512vbmi"))) void LookupBytesAvx512Vbmi(const uint8_t table[256], const uint8_t* in,
                                                                                   int64_t n, uint8_t* out) {
  const __m512i t0 = _mm512_loadu_si512(table), t1 = _mm512_loadu_si512(table + 64);
  const __m512i t2 = _mm512_loadu_si512(table + 128), t3 = _mm512_loadu_si512(table + 192);
  int64_t i = 0;
  for (; i + 64 <= n; i += 64) {
    const __m512i idx = _mm512_loadu_si512(in + i);
    const __m512i lo = _mm512_permutex2var_epi8(t0, idx, t1), hi = _mm512_permutex2var_epi8(t2, idx, t3);
    _mm512_storeu_si512(out + i, _mm512_mask_blend_epi8(_mm512_movepi8_mask(idx), lo, hi));
  }
  if (i < n) {
    const __mmask64 m = ~__mmask64{0} >> (64 - (n - i));
    const __m512i idx = _mm512_maskz_loadu_epi8(m, in + i);
    const __m512i lo = _mm512_permutex2var_epi8(t0, idx, t1), hi = _mm512_permutex2var_epi8(t2, idx, t3);
    _mm512_mask_storeu_epi8(out + i, m, _mm512_mask_blend_epi8(_mm512_movepi8_mask(idx), lo, hi));
  }
}

}  // namespace

void LookupBytes(const uint8_t table[256], const uint8_t* in, int64_t n, uint8_t* out) {
  // AVX-512 levels only (LITEQ_ISA caps it; the OS saves zmm state there), and the CPU's VBMI bit.
  if (x86::ActiveIsa() >= x86::Isa::kAvx512 && x86::CpuHasVbmi()) return LookupBytesAvx512Vbmi(table, in, n, out);
  reference::LookupBytes(table, in, n, out);
}

}  // namespace liteq

#else

namespace liteq {
void LookupBytes(const uint8_t table[256], const uint8_t* in, int64_t n, uint8_t* out) { reference::LookupBytes(table, in, n, out); }
}  // namespace liteq

#endif
