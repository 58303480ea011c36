// Quantized depthwise micro-kernel, AVX2: 16 channels per step (then 8, then a scalar tail). Two taps'
// input bytes are interleaved (unpack) and widened to int16 so one _mm256_madd_epi16 against the packed
// [channel][2] weights adds both taps' products per channel, in channel order. The requantization is
// the reference's integer arithmetic 8 lanes at a time (see Requantize). Arithmetic: q8_dwconv.h.

#include <type_traits>

#include "kernels/dwconv/q8_dwconv.h"

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>

#include "kernels/x86/q8_dwconv_avx2_inl.h"

namespace liteq {
namespace dwconv {
namespace {

template <typename T, int kPairs>
LITEQ_AVX2 void Dwconv(const Packed& p, const T* const* taps, size_t n, size_t step, T* out) {
  const int pairs = kPairs > 0 ? kPairs : p.pairs;
  const int channels = p.channels;
  const __m256i away = _mm256_set1_epi32(p.rounding == 1 ? 0 : -1);
  for (size_t i = 0; i < n; ++i) {
    const size_t offset = i * step;
    int c = 0;
    for (; c + 16 <= channels; c += 16) {
      __m256i acc0 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p.bias + c));
      __m256i acc1 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p.bias + c + 8));
      for (int k = 0; k < pairs; ++k) {
        const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(taps[2 * k] + offset + c));
        const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(taps[2 * k + 1] + offset + c));
        const int16_t* w = p.weights + (static_cast<size_t>(k) * channels + c) * 2;
        acc0 = _mm256_add_epi32(acc0, _mm256_madd_epi16(Widen<T>(_mm_unpacklo_epi8(a, b)),
                                                        _mm256_loadu_si256(reinterpret_cast<const __m256i*>(w))));
        acc1 = _mm256_add_epi32(acc1, _mm256_madd_epi16(Widen<T>(_mm_unpackhi_epi8(a, b)),
                                                        _mm256_loadu_si256(reinterpret_cast<const __m256i*>(w + 16))));
      }
      const __m256i r0 = Requantize(acc0, p, c, away);
      const __m256i r1 = Requantize(acc1, p, c + 8, away);
      // packs works per 128-bit lane: [0-3 8-11 | 4-7 12-15] -> reorder the 64-bit quarters.
      const __m256i s16 = _mm256_permute4x64_epi64(_mm256_packs_epi32(r0, r1), 0xD8);
      const __m128i lo = _mm256_castsi256_si128(s16), hi = _mm256_extracti128_si256(s16, 1);
      const __m128i bytes = std::is_same<T, uint8_t>::value ? _mm_packus_epi16(lo, hi) : _mm_packs_epi16(lo, hi);
      _mm_storeu_si128(reinterpret_cast<__m128i*>(out + c), bytes);
    }
    if (c + 8 <= channels) {
      __m256i acc = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p.bias + c));
      for (int k = 0; k < pairs; ++k) {
        const __m128i a = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(taps[2 * k] + offset + c));
        const __m128i b = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(taps[2 * k + 1] + offset + c));
        const int16_t* w = p.weights + (static_cast<size_t>(k) * channels + c) * 2;
        acc = _mm256_add_epi32(acc, _mm256_madd_epi16(Widen<T>(_mm_unpacklo_epi8(a, b)),
                                                      _mm256_loadu_si256(reinterpret_cast<const __m256i*>(w))));
      }
      const __m256i r = Requantize(acc, p, c, away);
      const __m128i s16 = _mm_packs_epi32(_mm256_castsi256_si128(r), _mm256_extracti128_si256(r, 1));
      _mm_storel_epi64(reinterpret_cast<__m128i*>(out + c), Narrow<T>(s16));
      c += 8;
    }
    if (c < channels) ScalarChannels<T>(p, taps, i, step, c, out);
    out += channels;
  }
}

template <typename T>
LITEQ_AVX2 void Dispatch(const Packed& p, const T* const* taps, size_t n, size_t step, T* out) {
  switch (p.pairs) {
    case 5: return Dwconv<T, 5>(p, taps, n, step, out);    // 3x3
    case 13: return Dwconv<T, 13>(p, taps, n, step, out);  // 5x5
    default: return Dwconv<T, 0>(p, taps, n, step, out);
  }
}

}  // namespace

void QU8DwconvAvx2(const Packed& p, const uint8_t* const* taps, size_t n, size_t step, uint8_t* out) {
  Dispatch<uint8_t>(p, taps, n, step, out);
}

void QS8DwconvAvx2(const Packed& p, const int8_t* const* taps, size_t n, size_t step, int8_t* out) {
  Dispatch<int8_t>(p, taps, n, step, out);
}

}  // namespace dwconv
}  // namespace liteq

#else  // not x86: never selected (ActiveIsa() is kScalar); defined so dispatch links.

namespace liteq {
namespace dwconv {
void QU8DwconvAvx2(const Packed& p, const uint8_t* const* taps, size_t n, size_t step, uint8_t* out) {
  QU8DwconvScalar(p, taps, n, step, out);
}
void QS8DwconvAvx2(const Packed& p, const int8_t* const* taps, size_t n, size_t step, int8_t* out) {
  QS8DwconvScalar(p, taps, n, step, out);
}
}  // namespace dwconv
}  // namespace liteq

#endif
