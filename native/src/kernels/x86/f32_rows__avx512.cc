// AVX-512 float row kernels (f32_rows.h). The reference's element operations map to single
// instructions with the same operand order: x + y is add_ps(x, y) (a NaN operand's payload is the
// first NaN's, as in scalar SSE code); std::max(a, lo) = (a < lo ? lo : a) is max_ps(lo, a);
// std::min(b, hi) = (hi < b ? hi : b) is min_ps(hi, b); std::max(acc, x) = (acc < x ? x : acc) is
// max_ps(x, acc). Functions carry target attributes, so the file builds without -mavx512f.
#include "kernels/x86/f32_rows.h"

#if defined(__x86_64__) || defined(__i386__)
#if defined(__GNUC__) && !defined(__clang__)
// GCC 12's _mm512_max_ps/_mm512_min_ps pass an intentionally undefined pass-through operand.
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <immintrin.h>

#include <algorithm>
#include <limits>

#define LITEQ_AVX512 __attribute__((target("avx2,avx512f,avx512vl")))

namespace liteq {
namespace x86 {
namespace {

LITEQ_AVX512 inline __mmask16 Lanes(int64_t n) { return n >= 16 ? __mmask16(0xFFFF) : static_cast<__mmask16>((1u << n) - 1); }

// clamp(full + small) or clamp(small + full); `s` holds +0.0 in the small operand's missing lanes.
template <bool kFullFirst>
LITEQ_AVX512 inline __m512 AddClamp(__m512 f, __m512 s, __m512 lo, __m512 hi) {
  return _mm512_min_ps(hi, _mm512_max_ps(lo, kFullFirst ? _mm512_add_ps(f, s) : _mm512_add_ps(s, f)));
}

// AddClamp stored to lanes `m`.
template <bool kFullFirst>
LITEQ_AVX512 inline void AddStore(float* o, __mmask16 m, __m512 f, __m512 s, __m512 lo, __m512 hi) {
  _mm512_mask_storeu_ps(o, m, AddClamp<kFullFirst>(f, s, lo, hi));
}

template <bool kFullFirst>
LITEQ_AVX512 void PaddedRows(const float* full, const float* small, int64_t c, int64_t cs, int64_t r0, int64_t r1, float* out,
                             float lo_f, float hi_f) {
  const __m512 lo = _mm512_set1_ps(lo_f), hi = _mm512_set1_ps(hi_f);
  if (cs == c) {  // same-width rows: one run
    const int64_t n = (r1 - r0) * c;
    const float* f = full + r0 * c;
    const float* s = small + r0 * c;
    float* o = out + r0 * c;
    int64_t i = 0;
    for (; i + 16 <= n; i += 16) AddStore<kFullFirst>(o + i, 0xFFFF, _mm512_loadu_ps(f + i), _mm512_loadu_ps(s + i), lo, hi);
    if (i < n) {
      const __mmask16 m = Lanes(n - i);
      AddStore<kFullFirst>(o + i, m, _mm512_maskz_loadu_ps(m, f + i), _mm512_maskz_loadu_ps(m, s + i), lo, hi);
    }
    return;
  }
  if (c > 4 * 16) {
    for (int64_t r = r0; r < r1; ++r) {
      const float* f = full + r * c;
      const float* s = small + r * cs;
      float* o = out + r * c;
      for (int64_t i = 0; i < c; i += 16) {
        const __mmask16 m = Lanes(c - i);
        // The small operand's lanes past cs load as +0.0: the PAD's zeros.
        const __mmask16 ms = i < cs ? Lanes(cs - i) : __mmask16(0);
        AddStore<kFullFirst>(o + i, m, _mm512_maskz_loadu_ps(m, f + i), _mm512_maskz_loadu_ps(ms, s + i), lo, hi);
      }
    }
    return;
  }
  // Rows of at most 4 vectors, software-pipelined: the next row is loaded before this row is stored.
  // A row's last, masked store spans the next row's first lanes (c is not a multiple of 16), and a load
  // issued after it would wait for the store to retire (no forwarding from a partial overlap), once
  // per row; loading first is the same values, since that store leaves the next row's bytes alone.
  const int chunks = static_cast<int>((c + 15) / 16);
  __mmask16 m[4], ms[4];
  for (int k = 0; k < 4; ++k) {
    m[k] = k < chunks ? Lanes(c - 16 * k) : __mmask16(0);
    ms[k] = 16 * k < cs ? Lanes(cs - 16 * k) : __mmask16(0);
  }
  __m512 f[4], sv[4];
  const auto load = [&](int64_t r) LITEQ_AVX512 {
#pragma GCC unroll 4
    for (int k = 0; k < 4; ++k) {
      if (k < chunks) {
        f[k] = _mm512_maskz_loadu_ps(m[k], full + r * c + 16 * k);
        sv[k] = _mm512_maskz_loadu_ps(ms[k], small + r * cs + 16 * k);
      }
    }
  };
  if (r0 < r1) load(r0);
  for (int64_t r = r0; r < r1; ++r) {
    __m512 y[4];
#pragma GCC unroll 4
    for (int k = 0; k < 4; ++k) {
      if (k < chunks) y[k] = AddClamp<kFullFirst>(f[k], sv[k], lo, hi);
    }
    if (r + 1 < r1) load(r + 1);
#pragma GCC unroll 4
    for (int k = 0; k < 4; ++k) {
      if (k < chunks) _mm512_mask_storeu_ps(out + r * c + 16 * k, m[k], y[k]);
    }
  }
}

}  // namespace

LITEQ_AVX512 void AddFloatRowsPaddedAvx512(const float* full, const float* small, int64_t c, int64_t cs, bool full_first, int64_t r0,
                                           int64_t r1, float* out, float lo, float hi) {
  if (full_first) return PaddedRows<true>(full, small, c, cs, r0, r1, out, lo, hi);
  PaddedRows<false>(full, small, c, cs, r0, r1, out, lo, hi);
}

LITEQ_AVX512 void MaxPoolF32Avx512(const reference::PoolShape& s, const float* input, float lo_f, float hi_f, float* output, int begin,
                                   int end) {
  const __m512 lo = _mm512_set1_ps(lo_f), hi = _mm512_set1_ps(hi_f);
  const __m512 lowest = _mm512_set1_ps(std::numeric_limits<float>::lowest());
  const int64_t pixel = s.channels;
  for (int row = begin; row < end; ++row) {
    const int b = row / s.out_h, oy = row % s.out_h;
    for (int ox = 0; ox < s.out_w; ++ox) {
      const reference::PoolWindow w = reference::ClipWindow(s, oy, ox);
      float* out = output + ((static_cast<int64_t>(b) * s.out_h + oy) * s.out_w + ox) * pixel;
      const float* base = input + (static_cast<int64_t>(b) * s.in_h * s.in_w) * pixel;
      for (int c = 0; c < s.channels; c += 16) {
        const __mmask16 m = Lanes(s.channels - c);
        __m512 acc = lowest;
        for (int y = w.y0; y < w.y1; ++y) {
          const float* in = base + (static_cast<int64_t>(y) * s.in_w + w.x0) * pixel + c;
          for (int x = w.x0; x < w.x1; ++x, in += pixel) acc = _mm512_max_ps(_mm512_maskz_loadu_ps(m, in), acc);
        }
        _mm512_mask_storeu_ps(out + c, m, _mm512_min_ps(hi, _mm512_max_ps(lo, acc)));
      }
    }
  }
}

}  // namespace x86
}  // namespace liteq

#endif  // x86
