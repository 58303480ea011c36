// Quantized depthwise micro-kernel, AVX-512 VNNI: 64 channels per step in the quads layout where it
// applies (vpdpbusd over four taps; q8_dwconv.h), 32 channels per step in the AVX-512 layout of
// q8_dwconv.h, then 16 and 8 channels in the common layout (256-bit), then a scalar tail. Two taps'
// 32 input bytes are interleaved per 128-bit lane and widened to int16 pairs, so one vpdpwssd against
// the packed weight pairs adds both taps' products per channel (exact: |in| <= 255, |w'| < 2^15 - 255,
// int32 sums wrap like the reference's). The requantization is q8_dwconv__avx2's, 16 lanes at a time.
// Functions carry target attributes, so the file builds without -mavx512* and only runs after dispatch.
#include <limits>
#include <type_traits>

#include "kernels/dwconv/q8_dwconv.h"

#if defined(__x86_64__) || defined(__i386__)
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#pragma GCC diagnostic ignored "-Wuninitialized"
#endif
#include <immintrin.h>

#include "kernels/x86/one_step_avx512_inl.h"
#include "kernels/x86/q8_dwconv_avx2_inl.h"

#define LITEQ_AVX512VNNI __attribute__((target("avx2,avx512f,avx512bw,avx512vl,avx512vnni")))

namespace liteq {
namespace dwconv {
namespace {

// OutputStage on 16 lanes with per-lane parameters (left shift, Q31 multiplier with the 2^30 nudge,
// rounding right shift: ties away from zero when away is all ones, else ties up), + Z_out, clamp.
LITEQ_AVX512VNNI inline __m512i Requantize16(__m512i acc, __m512i lshift, __m512i m, __m512i e, __m512i mask, __m512i away,
                                             __m512i zp, __m512i vmin, __m512i vmax) {
  const __m512i x = _mm512_sllv_epi32(acc, lshift);
  const __m512i nudge = _mm512_set1_epi64(int64_t{1} << 30);
  const __m512i even = _mm512_add_epi64(_mm512_mul_epi32(x, m), nudge);
  const __m512i odd = _mm512_add_epi64(_mm512_mul_epi32(_mm512_srli_epi64(x, 32), _mm512_srli_epi64(m, 32)), nudge);
  const __m512i high = _mm512_mask_blend_epi32(0xAAAA, _mm512_srli_epi64(even, 31), _mm512_slli_epi64(odd, 1));
  const __m512i rem = _mm512_and_si512(high, mask);
  const __m512i neg = _mm512_and_si512(_mm512_srai_epi32(high, 31), away);
  const __m512i threshold = _mm512_sub_epi32(_mm512_srli_epi32(mask, 1), neg);
  const __m512i shifted = _mm512_srav_epi32(high, e);
  const __m512i r = _mm512_mask_add_epi32(shifted, _mm512_cmpgt_epi32_mask(rem, threshold), shifted, _mm512_set1_epi32(1));
  return _mm512_min_epi32(_mm512_max_epi32(_mm512_add_epi32(r, zp), vmin), vmax);
}

// The one-step constants of a 16-lane accumulator: round and count at the block's [even | odd] int64
// arrays (q8_dwconv.h), the ties-away correction the same for every channel.
LITEQ_AVX512VNNI inline x86::OneStepLanes LanesAt(const int64_t* round, const int64_t* count, __m512i fix) {
  return {_mm512_loadu_si512(round), _mm512_loadu_si512(round + 8), _mm512_loadu_si512(count), _mm512_loadu_si512(count + 8), fix, fix};
}

// 64 channels (block blk of the quads layout, q8_dwconv.h) of one pixel: per quad of taps, four 64-byte
// loads interleaved in-lane (bytes, then words) into each channel's four taps, one vpdpbusd per
// accumulator against the packed w' (u8 x s8 products, four per dword, exact; int32 sums wrap as the
// reference's), then the one-step output stage per accumulator and saturating packs, which also put
// the 64 results back in channel order, and the clamp.
template <typename T, bool kTwoPixels>
LITEQ_AVX512VNNI inline __m512i TapBytes(const T* tap, size_t offset, size_t step, int c) {
  if (!kTwoPixels) return _mm512_loadu_si512(tap + offset + c);
  return _mm512_inserti64x4(_mm512_castsi256_si512(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(tap + offset))),
                            _mm256_loadu_si256(reinterpret_cast<const __m256i*>(tap + offset + step)), 1);
}

// kTwoPixels (32 channels): pixels i and i + 1 in one step, 64 output bytes at out.
template <typename T, bool kTwoPixels>
LITEQ_AVX512VNNI inline void Quads64(const Packed& p, const T* const* taps, size_t offset, size_t step, int c, int blk, __m512i fix,
                                     bool ties_away, bool saturate, T* out) {
  const int32_t* arr = p.arrays64 + static_cast<size_t>(blk) * kArrays64Ints;
  const int8_t* w = p.weights64 + static_cast<size_t>(blk) * p.quads * 256;
  __m512i acc0 = _mm512_loadu_si512(arr), acc1 = _mm512_loadu_si512(arr + kQuadAccInts);
  __m512i acc2 = _mm512_loadu_si512(arr + 2 * kQuadAccInts), acc3 = _mm512_loadu_si512(arr + 3 * kQuadAccInts);
  const __m512i flip = _mm512_set1_epi8(static_cast<char>(0x80));
  for (int q = 0; q < p.quads; ++q, w += 256) {
    __m512i t0 = TapBytes<T, kTwoPixels>(taps[4 * q], offset, step, c), t1 = TapBytes<T, kTwoPixels>(taps[4 * q + 1], offset, step, c);
    __m512i t2 = TapBytes<T, kTwoPixels>(taps[4 * q + 2], offset, step, c), t3 = TapBytes<T, kTwoPixels>(taps[4 * q + 3], offset, step, c);
    if (std::is_same<T, int8_t>::value) {
      t0 = _mm512_xor_si512(t0, flip);
      t1 = _mm512_xor_si512(t1, flip);
      t2 = _mm512_xor_si512(t2, flip);
      t3 = _mm512_xor_si512(t3, flip);
    }
    const __m512i lo01 = _mm512_unpacklo_epi8(t0, t1), hi01 = _mm512_unpackhi_epi8(t0, t1);
    const __m512i lo23 = _mm512_unpacklo_epi8(t2, t3), hi23 = _mm512_unpackhi_epi8(t2, t3);
    acc0 = _mm512_dpbusd_epi32(acc0, _mm512_unpacklo_epi16(lo01, lo23), _mm512_loadu_si512(w));
    acc1 = _mm512_dpbusd_epi32(acc1, _mm512_unpackhi_epi16(lo01, lo23), _mm512_loadu_si512(w + 64));
    acc2 = _mm512_dpbusd_epi32(acc2, _mm512_unpacklo_epi16(hi01, hi23), _mm512_loadu_si512(w + 128));
    acc3 = _mm512_dpbusd_epi32(acc3, _mm512_unpackhi_epi16(hi01, hi23), _mm512_loadu_si512(w + 192));
  }
  const auto stage = [&](__m512i acc, const int32_t* a) LITEQ_AVX512VNNI {
    const __m512i m = _mm512_loadu_si512(a + 16);
    const __m512i x = _mm512_sllv_epi32(acc, _mm512_loadu_si512(a + 32));
    const int64_t* round = reinterpret_cast<const int64_t*>(a + 48);
    const int64_t* count = reinterpret_cast<const int64_t*>(a + 80);
    return x86::OneStep16(x, m, _mm512_srli_epi64(m, 32), LanesAt(round, count, fix), ties_away);
  };
  const __m512i r0 = stage(acc0, arr), r1 = stage(acc1, arr + kQuadAccInts);
  const __m512i r2 = stage(acc2, arr + 2 * kQuadAccInts), r3 = stage(acc3, arr + 3 * kQuadAccInts);
  const __m512i p01 = _mm512_packs_epi32(r0, r1), p23 = _mm512_packs_epi32(r2, r3);
  __m512i bytes;
  if (std::is_same<T, uint8_t>::value) {
    bytes = _mm512_packus_epi16(p01, p23);
    if (!saturate) {
      bytes = _mm512_min_epu8(_mm512_max_epu8(bytes, _mm512_set1_epi8(static_cast<char>(p.act_min))), _mm512_set1_epi8(static_cast<char>(p.act_max)));
    }
  } else {
    bytes = _mm512_packs_epi16(p01, p23);
    if (!saturate) {
      bytes = _mm512_min_epi8(_mm512_max_epi8(bytes, _mm512_set1_epi8(static_cast<char>(p.act_min))), _mm512_set1_epi8(static_cast<char>(p.act_max)));
    }
  }
  _mm512_storeu_si512(out + c, bytes);
}

template <typename T>
LITEQ_AVX512VNNI inline __m512i Widen32(__m256i v) {
  if (std::is_same<T, uint8_t>::value) return _mm512_cvtepu8_epi16(v);
  return _mm512_cvtepi8_epi16(v);
}

template <typename T, int kPairs>
LITEQ_AVX512VNNI void Dwconv(const Packed& p, const T* const* taps, size_t n, size_t step, T* out) {
  const int pairs = kPairs > 0 ? kPairs : p.pairs;
  const int channels = p.channels;
  const bool away_from_zero = p.rounding != 1;
  const __m512i away512 = _mm512_set1_epi32(away_from_zero ? -1 : 0);
  const __m256i away256 = _mm256_set1_epi32(away_from_zero ? -1 : 0);
  const __m512i zp = _mm512_set1_epi32(p.output_offset);
  const __m512i vmin = _mm512_set1_epi32(p.act_min), vmax = _mm512_set1_epi32(p.act_max);
  const bool one_step = p.one_step;
  const __m512i fix = _mm512_set1_epi64(away_from_zero ? int64_t{1} << 31 : 0);
  const bool saturate = p.act_min == std::numeric_limits<T>::min() && p.act_max == std::numeric_limits<T>::max();
  size_t i = 0;
  if (p.two_pixels) {  // 32 channels: two pixels per step, then an odd last one below
    for (; i + 2 <= n; i += 2, out += 2 * channels) Quads64<T, true>(p, taps, i * step, step, 0, 0, fix, away_from_zero, saturate, out);
  }
  for (; i < n; ++i) {
    const size_t offset = i * step;
    int c = 0;
    if (!p.two_pixels) {
      for (int blk = 0; blk < p.blocks64; ++blk, c += 64) Quads64<T, false>(p, taps, offset, 0, c, blk, fix, away_from_zero, saturate, out);
    }
    for (int blk = c / 32; blk < p.blocks32; ++blk, c += 32) {
      const int32_t* arr = p.arrays32 + static_cast<size_t>(blk) * kArrays32Ints;
      const int16_t* w = p.weights32 + static_cast<size_t>(blk) * pairs * 64;
      __m512i acc0 = _mm512_loadu_si512(arr);
      __m512i acc1 = _mm512_loadu_si512(arr + 16);
      for (int k = 0; k < pairs; ++k, w += 64) {
        const __m256i a = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(taps[2 * k] + offset + c));
        const __m256i b = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(taps[2 * k + 1] + offset + c));
        acc0 = _mm512_dpwssd_epi32(acc0, Widen32<T>(_mm256_unpacklo_epi8(a, b)), _mm512_loadu_si512(w));
        acc1 = _mm512_dpwssd_epi32(acc1, Widen32<T>(_mm256_unpackhi_epi8(a, b)), _mm512_loadu_si512(w + 32));
      }
      __m128i b0, b1;  // channels 0-7,16-23 and 8-15,24-31
      if (one_step) {
        const int64_t* round = reinterpret_cast<const int64_t*>(arr + 160);
        const int64_t* count = reinterpret_cast<const int64_t*>(arr + 96);
        const __m512i m0 = _mm512_loadu_si512(arr + 32), m1 = _mm512_loadu_si512(arr + 48);
        const __m512i x0 = _mm512_sllv_epi32(acc0, _mm512_loadu_si512(arr + 64)), x1 = _mm512_sllv_epi32(acc1, _mm512_loadu_si512(arr + 80));
        b0 = x86::Narrow16<T>(x86::OneStep16(x0, m0, _mm512_srli_epi64(m0, 32), LanesAt(round, count, fix), away_from_zero), saturate, vmin, vmax);
        b1 = x86::Narrow16<T>(x86::OneStep16(x1, m1, _mm512_srli_epi64(m1, 32), LanesAt(round + 16, count + 16, fix), away_from_zero),
                              saturate, vmin, vmax);
      } else {
        // Clamped to T's range, so truncating to bytes is exact.
        b0 = _mm512_cvtepi32_epi8(Requantize16(acc0, _mm512_loadu_si512(arr + 64), _mm512_loadu_si512(arr + 32),
                                               _mm512_loadu_si512(arr + 96), _mm512_loadu_si512(arr + 128), away512, zp, vmin, vmax));
        b1 = _mm512_cvtepi32_epi8(Requantize16(acc1, _mm512_loadu_si512(arr + 80), _mm512_loadu_si512(arr + 48),
                                               _mm512_loadu_si512(arr + 112), _mm512_loadu_si512(arr + 144), away512, zp, vmin, vmax));
      }
      _mm_storeu_si128(reinterpret_cast<__m128i*>(out + c), _mm_unpacklo_epi64(b0, b1));
      _mm_storeu_si128(reinterpret_cast<__m128i*>(out + c + 16), _mm_unpackhi_epi64(b0, b1));
    }
    for (; c + 16 <= channels; c += 16) {
      __m256i acc0 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p.bias + c));
      __m256i acc1 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p.bias + c + 8));
      for (int k = 0; k < pairs; ++k) {
        const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(taps[2 * k] + offset + c));
        const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(taps[2 * k + 1] + offset + c));
        const int16_t* w = p.weights + (static_cast<size_t>(k) * channels + c) * 2;
        acc0 = _mm256_dpwssd_epi32(acc0, Widen<T>(_mm_unpacklo_epi8(a, b)), _mm256_loadu_si256(reinterpret_cast<const __m256i*>(w)));
        acc1 = _mm256_dpwssd_epi32(acc1, Widen<T>(_mm_unpackhi_epi8(a, b)), _mm256_loadu_si256(reinterpret_cast<const __m256i*>(w + 16)));
      }
      const __m128i b0 = _mm256_cvtepi32_epi8(Requantize(acc0, p, c, away256));
      const __m128i b1 = _mm256_cvtepi32_epi8(Requantize(acc1, p, c + 8, away256));
      _mm_storeu_si128(reinterpret_cast<__m128i*>(out + c), _mm_unpacklo_epi64(b0, b1));
    }
    if (c + 8 <= channels) {
      __m256i acc = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p.bias + c));
      for (int k = 0; k < pairs; ++k) {
        const __m128i a = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(taps[2 * k] + offset + c));
        const __m128i b = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(taps[2 * k + 1] + offset + c));
        const int16_t* w = p.weights + (static_cast<size_t>(k) * channels + c) * 2;
        acc = _mm256_dpwssd_epi32(acc, Widen<T>(_mm_unpacklo_epi8(a, b)), _mm256_loadu_si256(reinterpret_cast<const __m256i*>(w)));
      }
      _mm_storel_epi64(reinterpret_cast<__m128i*>(out + c), _mm256_cvtepi32_epi8(Requantize(acc, p, c, away256)));
      c += 8;
    }
    if (c < channels) ScalarChannels<T>(p, taps, i, step, c, out);
    out += channels;
  }
}

template <typename T>
LITEQ_AVX512VNNI void Dispatch(const Packed& p, const T* const* taps, size_t n, size_t step, T* out) {
  switch (p.pairs) {
    case 5: return Dwconv<T, 5>(p, taps, n, step, out);    // 3x3
    case 13: return Dwconv<T, 13>(p, taps, n, step, out);  // 5x5
    default: return Dwconv<T, 0>(p, taps, n, step, out);
  }
}

}  // namespace

void QU8DwconvAvx512Vnni(const Packed& p, const uint8_t* const* taps, size_t n, size_t step, uint8_t* out) {
  Dispatch<uint8_t>(p, taps, n, step, out);
}

void QS8DwconvAvx512Vnni(const Packed& p, const int8_t* const* taps, size_t n, size_t step, int8_t* out) {
  Dispatch<int8_t>(p, taps, n, step, out);
}

}  // namespace dwconv
}  // namespace liteq

#else  // not x86: never selected; defined so dispatch links.

namespace liteq {
namespace dwconv {
void QU8DwconvAvx512Vnni(const Packed& p, const uint8_t* const* taps, size_t n, size_t step, uint8_t* out) {
  QU8DwconvScalar(p, taps, n, step, out);
}
void QS8DwconvAvx512Vnni(const Packed& p, const int8_t* const* taps, size_t n, size_t step, int8_t* out) {
  QS8DwconvScalar(p, taps, n, step, out);
}
}  // namespace dwconv
}  // namespace liteq

#endif
