// Quantized depthwise micro-kernel, SSE4.1: 8 channels per step, then a scalar tail. Same scheme as
// q8_dwconv_16c__avx2.cc (interleave two taps, widen, _mm_madd_epi16 against [channel][2] weights).
// SSE has no per-lane variable shifts: the left shift is a multiply by 2^left (it wraps the same way)
// and a per-channel right shift is done lane by lane. Arithmetic: q8_dwconv.h.

#include <type_traits>

#include "kernels/dwconv/q8_dwconv.h"

#if defined(__x86_64__) || defined(__i386__)
#include <smmintrin.h>

#define LITEQ_SSE41 __attribute__((target("sse4.1")))

namespace liteq {
namespace dwconv {
namespace {

LITEQ_SSE41 inline __m128i ShiftRightArith(__m128i v, const int32_t* e, bool uniform) {
  if (uniform) return _mm_sra_epi32(v, _mm_cvtsi32_si128(e[0]));
  const __m128i s0 = _mm_sra_epi32(v, _mm_cvtsi32_si128(e[0]));
  const __m128i s1 = _mm_sra_epi32(v, _mm_cvtsi32_si128(e[1]));
  const __m128i s2 = _mm_sra_epi32(v, _mm_cvtsi32_si128(e[2]));
  const __m128i s3 = _mm_sra_epi32(v, _mm_cvtsi32_si128(e[3]));
  return _mm_blend_epi16(_mm_blend_epi16(s0, s1, 0x0C), _mm_blend_epi16(s2, s3, 0xC0), 0xF0);
}

// See Requantize in q8_dwconv_16c__avx2.cc.
LITEQ_SSE41 inline __m128i Requantize(__m128i acc, const Packed& p, int c, __m128i away) {
  const __m128i x = _mm_mullo_epi32(acc, _mm_loadu_si128(reinterpret_cast<const __m128i*>(p.left_mult + c)));
  const __m128i m = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p.multiplier + c));
  const __m128i nudge = _mm_set1_epi64x(int64_t{1} << 30);
  const __m128i even = _mm_add_epi64(_mm_mul_epi32(x, m), nudge);
  const __m128i odd = _mm_add_epi64(_mm_mul_epi32(_mm_srli_epi64(x, 32), _mm_srli_epi64(m, 32)), nudge);
  const __m128i high = _mm_blend_epi16(_mm_srli_epi64(even, 31), _mm_slli_epi64(odd, 1), 0xCC);
  const __m128i mask = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p.mask + c));
  const __m128i rem = _mm_and_si128(high, mask);
  const __m128i neg = _mm_and_si128(_mm_cmpgt_epi32(_mm_setzero_si128(), high), away);
  const __m128i threshold = _mm_sub_epi32(_mm_srli_epi32(mask, 1), neg);
  const __m128i shifted =
      _mm_sub_epi32(ShiftRightArith(high, p.right_shift + c, p.uniform_shift), _mm_cmpgt_epi32(rem, threshold));
  const __m128i out = _mm_add_epi32(shifted, _mm_set1_epi32(p.output_offset));
  return _mm_min_epi32(_mm_max_epi32(out, _mm_set1_epi32(p.act_min)), _mm_set1_epi32(p.act_max));
}

template <typename T>
LITEQ_SSE41 inline __m128i Widen(__m128i v) {  // the low 8 bytes to int16
  if (std::is_same<T, uint8_t>::value) return _mm_cvtepu8_epi16(v);
  return _mm_cvtepi8_epi16(v);
}

template <typename T, int kPairs>
LITEQ_SSE41 void Dwconv(const Packed& p, const T* const* taps, size_t n, size_t step, T* out) {
  const int pairs = kPairs > 0 ? kPairs : p.pairs;
  const int channels = p.channels;
  const __m128i away = _mm_set1_epi32(p.rounding == 1 ? 0 : -1);
  for (size_t i = 0; i < n; ++i) {
    const size_t offset = i * step;
    int c = 0;
    for (; c + 8 <= channels; c += 8) {
      __m128i acc0 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p.bias + c));
      __m128i acc1 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p.bias + c + 4));
      for (int k = 0; k < pairs; ++k) {
        const __m128i a = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(taps[2 * k] + offset + c));
        const __m128i b = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(taps[2 * k + 1] + offset + c));
        const __m128i ab = _mm_unpacklo_epi8(a, b);
        const int16_t* w = p.weights + (static_cast<size_t>(k) * channels + c) * 2;
        acc0 = _mm_add_epi32(acc0, _mm_madd_epi16(Widen<T>(ab), _mm_loadu_si128(reinterpret_cast<const __m128i*>(w))));
        acc1 = _mm_add_epi32(acc1, _mm_madd_epi16(Widen<T>(_mm_srli_si128(ab, 8)),
                                                  _mm_loadu_si128(reinterpret_cast<const __m128i*>(w + 8))));
      }
      const __m128i s16 = _mm_packs_epi32(Requantize(acc0, p, c, away), Requantize(acc1, p, c + 4, away));
      const __m128i bytes = std::is_same<T, uint8_t>::value ? _mm_packus_epi16(s16, s16) : _mm_packs_epi16(s16, s16);
      _mm_storel_epi64(reinterpret_cast<__m128i*>(out + c), bytes);
    }
    if (c < channels) ScalarChannels<T>(p, taps, i, step, c, out);
    out += channels;
  }
}

template <typename T>
LITEQ_SSE41 void Dispatch(const Packed& p, const T* const* taps, size_t n, size_t step, T* out) {
  switch (p.pairs) {
    case 5: return Dwconv<T, 5>(p, taps, n, step, out);
    case 13: return Dwconv<T, 13>(p, taps, n, step, out);
    default: return Dwconv<T, 0>(p, taps, n, step, out);
  }
}

}  // namespace

void QU8DwconvSse41(const Packed& p, const uint8_t* const* taps, size_t n, size_t step, uint8_t* out) {
  Dispatch<uint8_t>(p, taps, n, step, out);
}

void QS8DwconvSse41(const Packed& p, const int8_t* const* taps, size_t n, size_t step, int8_t* out) {
  Dispatch<int8_t>(p, taps, n, step, out);
}

}  // namespace dwconv
}  // namespace liteq

#else  // not x86: never selected (ActiveIsa() is kScalar); defined so dispatch links.

namespace liteq {
namespace dwconv {
void QU8DwconvSse41(const Packed& p, const uint8_t* const* taps, size_t n, size_t step, uint8_t* out) {
  QU8DwconvScalar(p, taps, n, step, out);
}
void QS8DwconvSse41(const Packed& p, const int8_t* const* taps, size_t n, size_t step, int8_t* out) {
  QS8DwconvScalar(p, taps, n, step, out);
}
}  // namespace dwconv
}  // namespace liteq

#endif
