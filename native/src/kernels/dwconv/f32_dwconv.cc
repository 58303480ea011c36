// Float depthwise micro-kernels: AVX2 (four pixels x 8 channels, then x 4; single pixels 16, then 8 channels per step) and SSE4.1 (8), then a scalar tail; the
// arithmetic and its order are the reference's (f32_dwconv.h). Also the scalar version.
#include "kernels/dwconv/f32_dwconv.h"

namespace liteq {
namespace dwconv {

void F32DwconvScalar(const F32Params& p, const float* const* taps, const float* const* weights, int num_taps, size_t n,
                     size_t step, float* out) {
  for (size_t i = 0; i < n; ++i) F32DwconvChannels(p, taps, weights, num_taps, i, step, 0, out + i * p.channels);
}

}  // namespace dwconv
}  // namespace liteq

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>

#include <initializer_list>

namespace liteq {
namespace dwconv {

namespace {

// FW when the taps are whole filter rows of FW (3 or 5) neighbouring pixels each (taps[t + 1] is
// taps[t] + step within a row) and the pixels are neighbours too (step = channels: stride 1): then
// pixel i's tap kx of a row is the row's input i + kx, and four pixels' taps of one row are FW + 3
// inputs. 0 otherwise.
int NeighbourRows(const float* const* taps, int num_taps, size_t step, int channels) {
  if (step != static_cast<size_t>(channels) || num_taps == 0) return 0;
  for (const int fw : {3, 5}) {
    if (num_taps % fw != 0) continue;
    bool ok = true;
    for (int t = 0; t < num_taps && ok; ++t) ok = t % fw == 0 || taps[t] == taps[t - 1] + step;
    if (ok) return fw;
  }
  return 0;
}

// Four neighbouring pixels x 8 channels with FW-tap filter rows: each row's FW + 3 inputs are loaded
// once and shared by the pixels; every pixel still adds its taps in order (row by row, kx within).
template <int FW>
__attribute__((target("avx2"), always_inline)) inline void Neighbours4x8(const float* const* taps, const float* const* weights,
                                                                        int num_taps, size_t offset, int c, size_t step,
                                                                        __m256& acc0, __m256& acc1, __m256& acc2, __m256& acc3) {
  for (int t = 0; t < num_taps; t += FW) {
    const float* in = taps[t] + offset + c;
    __m256 v[FW + 3];
#pragma GCC unroll 8
    for (int j = 0; j < FW + 3; ++j) v[j] = _mm256_loadu_ps(in + j * step);
#pragma GCC unroll 5
    for (int kx = 0; kx < FW; ++kx) {
      const __m256 w = _mm256_loadu_ps(weights[t + kx] + c);
      acc0 = _mm256_add_ps(acc0, _mm256_mul_ps(v[kx], w));
      acc1 = _mm256_add_ps(acc1, _mm256_mul_ps(v[kx + 1], w));
      acc2 = _mm256_add_ps(acc2, _mm256_mul_ps(v[kx + 2], w));
      acc3 = _mm256_add_ps(acc3, _mm256_mul_ps(v[kx + 3], w));
    }
  }
}

}  // namespace

__attribute__((target("avx2"))) void F32DwconvAvx2(const F32Params& p, const float* const* taps,
                                                  const float* const* weights, int num_taps, size_t n, size_t step,
                                                  float* out) {
  const int channels = p.channels;
  const __m256 lo = _mm256_set1_ps(p.min), hi = _mm256_set1_ps(p.max);
  const int fw = n >= 4 ? NeighbourRows(taps, num_taps, step, channels) : 0;
  // Four pixels at a time, 8 channels per register: four independent sums per weight load, so the
  // adds (each output's taps in order, as the reference) do not wait on one another's latency.
  size_t i = 0;
  for (; i + 4 <= n && channels >= 8; i += 4) {
    const size_t offset = i * step;
    int c = 0;
    for (; fw != 0 && c + 8 <= channels; c += 8) {
      __m256 acc0 = p.bias ? _mm256_loadu_ps(p.bias + c) : _mm256_setzero_ps();
      __m256 acc1 = acc0, acc2 = acc0, acc3 = acc0;
      if (fw == 3) Neighbours4x8<3>(taps, weights, num_taps, offset, c, step, acc0, acc1, acc2, acc3);
      else Neighbours4x8<5>(taps, weights, num_taps, offset, c, step, acc0, acc1, acc2, acc3);
      _mm256_storeu_ps(out + c, _mm256_max_ps(_mm256_min_ps(acc0, hi), lo));
      _mm256_storeu_ps(out + channels + c, _mm256_max_ps(_mm256_min_ps(acc1, hi), lo));
      _mm256_storeu_ps(out + 2 * channels + c, _mm256_max_ps(_mm256_min_ps(acc2, hi), lo));
      _mm256_storeu_ps(out + 3 * channels + c, _mm256_max_ps(_mm256_min_ps(acc3, hi), lo));
    }
    for (; c + 8 <= channels; c += 8) {
      __m256 acc0 = p.bias ? _mm256_loadu_ps(p.bias + c) : _mm256_setzero_ps();
      __m256 acc1 = acc0, acc2 = acc0, acc3 = acc0;
      for (int t = 0; t < num_taps; ++t) {
        const float* in = taps[t] + offset + c;
        const __m256 w = _mm256_loadu_ps(weights[t] + c);
        acc0 = _mm256_add_ps(acc0, _mm256_mul_ps(_mm256_loadu_ps(in), w));
        acc1 = _mm256_add_ps(acc1, _mm256_mul_ps(_mm256_loadu_ps(in + step), w));
        acc2 = _mm256_add_ps(acc2, _mm256_mul_ps(_mm256_loadu_ps(in + 2 * step), w));
        acc3 = _mm256_add_ps(acc3, _mm256_mul_ps(_mm256_loadu_ps(in + 3 * step), w));
      }
      _mm256_storeu_ps(out + c, _mm256_max_ps(_mm256_min_ps(acc0, hi), lo));
      _mm256_storeu_ps(out + channels + c, _mm256_max_ps(_mm256_min_ps(acc1, hi), lo));
      _mm256_storeu_ps(out + 2 * channels + c, _mm256_max_ps(_mm256_min_ps(acc2, hi), lo));
      _mm256_storeu_ps(out + 3 * channels + c, _mm256_max_ps(_mm256_min_ps(acc3, hi), lo));
    }
    if (c + 4 <= channels) {  // 4 more channels (28 = 24 + 4, 36 = 32 + 4, ...) in 128-bit registers
      const __m128 lo4 = _mm256_castps256_ps128(lo), hi4 = _mm256_castps256_ps128(hi);
      __m128 acc0 = p.bias ? _mm_loadu_ps(p.bias + c) : _mm_setzero_ps();
      __m128 acc1 = acc0, acc2 = acc0, acc3 = acc0;
      for (int t = 0; t < num_taps; ++t) {
        const float* in = taps[t] + offset + c;
        const __m128 w = _mm_loadu_ps(weights[t] + c);
        acc0 = _mm_add_ps(acc0, _mm_mul_ps(_mm_loadu_ps(in), w));
        acc1 = _mm_add_ps(acc1, _mm_mul_ps(_mm_loadu_ps(in + step), w));
        acc2 = _mm_add_ps(acc2, _mm_mul_ps(_mm_loadu_ps(in + 2 * step), w));
        acc3 = _mm_add_ps(acc3, _mm_mul_ps(_mm_loadu_ps(in + 3 * step), w));
      }
      _mm_storeu_ps(out + c, _mm_max_ps(_mm_min_ps(acc0, hi4), lo4));
      _mm_storeu_ps(out + channels + c, _mm_max_ps(_mm_min_ps(acc1, hi4), lo4));
      _mm_storeu_ps(out + 2 * channels + c, _mm_max_ps(_mm_min_ps(acc2, hi4), lo4));
      _mm_storeu_ps(out + 3 * channels + c, _mm_max_ps(_mm_min_ps(acc3, hi4), lo4));
      c += 4;
    }
    if (c < channels) {
      for (int k = 0; k < 4; ++k) F32DwconvChannels(p, taps, weights, num_taps, i + k, step, c, out + k * channels);
    }
    out += 4 * static_cast<size_t>(channels);
  }
  for (; i < n; ++i) {
    const size_t offset = i * step;
    int c = 0;
    for (; c + 16 <= channels; c += 16) {
      __m256 acc0 = p.bias ? _mm256_loadu_ps(p.bias + c) : _mm256_setzero_ps();
      __m256 acc1 = p.bias ? _mm256_loadu_ps(p.bias + c + 8) : _mm256_setzero_ps();
      for (int t = 0; t < num_taps; ++t) {
        const float* in = taps[t] + offset + c;
        const float* w = weights[t] + c;
        acc0 = _mm256_add_ps(acc0, _mm256_mul_ps(_mm256_loadu_ps(in), _mm256_loadu_ps(w)));
        acc1 = _mm256_add_ps(acc1, _mm256_mul_ps(_mm256_loadu_ps(in + 8), _mm256_loadu_ps(w + 8)));
      }
      // min_ps(acc, hi) = acc < hi ? acc : hi (a NaN acc becomes hi), then max_ps(m, lo) = m > lo ? m : lo:
      // TFLite 2.9's std::max(min, std::min(max, acc)) lane for lane.
      _mm256_storeu_ps(out + c, _mm256_max_ps(_mm256_min_ps(acc0, hi), lo));
      _mm256_storeu_ps(out + c + 8, _mm256_max_ps(_mm256_min_ps(acc1, hi), lo));
    }
    for (; c + 8 <= channels; c += 8) {
      __m256 acc = p.bias ? _mm256_loadu_ps(p.bias + c) : _mm256_setzero_ps();
      for (int t = 0; t < num_taps; ++t) {
        acc = _mm256_add_ps(acc, _mm256_mul_ps(_mm256_loadu_ps(taps[t] + offset + c), _mm256_loadu_ps(weights[t] + c)));
      }
      _mm256_storeu_ps(out + c, _mm256_max_ps(_mm256_min_ps(acc, hi), lo));
    }
    if (c < channels) F32DwconvChannels(p, taps, weights, num_taps, i, step, c, out);
    out += channels;
  }
}

__attribute__((target("sse4.1"))) void F32DwconvSse41(const F32Params& p, const float* const* taps,
                                                     const float* const* weights, int num_taps, size_t n, size_t step,
                                                     float* out) {
  const int channels = p.channels;
  const __m128 lo = _mm_set1_ps(p.min), hi = _mm_set1_ps(p.max);
  for (size_t i = 0; i < n; ++i) {
    const size_t offset = i * step;
    int c = 0;
    for (; c + 8 <= channels; c += 8) {
      __m128 acc0 = p.bias ? _mm_loadu_ps(p.bias + c) : _mm_setzero_ps();
      __m128 acc1 = p.bias ? _mm_loadu_ps(p.bias + c + 4) : _mm_setzero_ps();
      for (int t = 0; t < num_taps; ++t) {
        const float* in = taps[t] + offset + c;
        const float* w = weights[t] + c;
        acc0 = _mm_add_ps(acc0, _mm_mul_ps(_mm_loadu_ps(in), _mm_loadu_ps(w)));
        acc1 = _mm_add_ps(acc1, _mm_mul_ps(_mm_loadu_ps(in + 4), _mm_loadu_ps(w + 4)));
      }
      _mm_storeu_ps(out + c, _mm_max_ps(_mm_min_ps(acc0, hi), lo));
      _mm_storeu_ps(out + c + 4, _mm_max_ps(_mm_min_ps(acc1, hi), lo));
    }
    if (c < channels) F32DwconvChannels(p, taps, weights, num_taps, i, step, c, out);
    out += channels;
  }
}

}  // namespace dwconv
}  // namespace liteq

#else  // not x86: never selected; defined so dispatch links.

namespace liteq {
namespace dwconv {
void F32DwconvAvx2(const F32Params& p, const float* const* taps, const float* const* weights, int num_taps, size_t n,
                   size_t step, float* out) {
  F32DwconvScalar(p, taps, weights, num_taps, n, step, out);
}
void F32DwconvSse41(const F32Params& p, const float* const* taps, const float* const* weights, int num_taps, size_t n,
                    size_t step, float* out) {
  F32DwconvScalar(p, taps, weights, num_taps, n, step, out);
}
}  // namespace dwconv
}  // namespace liteq

#endif
