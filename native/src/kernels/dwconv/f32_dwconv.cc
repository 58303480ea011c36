// Float depthwise micro-kernels: AVX2 (16, then 8 channels per step) and SSE4.1 (8), then a scalar tail; the
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

namespace liteq {
namespace dwconv {

__attribute__((target("avx2"))) void F32DwconvAvx2(const F32Params& p, const float* const* taps,
                                                  const float* const* weights, int num_taps, size_t n, size_t step,
                                                  float* out) {
  const int channels = p.channels;
  const __m256 lo = _mm256_set1_ps(p.min), hi = _mm256_set1_ps(p.max);
  for (size_t i = 0; i < n; ++i) {
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
      // max_ps(lo, acc) = lo > acc ? lo : acc keeps a NaN acc, as std::max(acc, lo) does; min_ps alike.
      _mm256_storeu_ps(out + c, _mm256_min_ps(hi, _mm256_max_ps(lo, acc0)));
      _mm256_storeu_ps(out + c + 8, _mm256_min_ps(hi, _mm256_max_ps(lo, acc1)));
    }
    for (; c + 8 <= channels; c += 8) {
      __m256 acc = p.bias ? _mm256_loadu_ps(p.bias + c) : _mm256_setzero_ps();
      for (int t = 0; t < num_taps; ++t) {
        acc = _mm256_add_ps(acc, _mm256_mul_ps(_mm256_loadu_ps(taps[t] + offset + c), _mm256_loadu_ps(weights[t] + c)));
      }
      _mm256_storeu_ps(out + c, _mm256_min_ps(hi, _mm256_max_ps(lo, acc)));
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
      _mm_storeu_ps(out + c, _mm_min_ps(hi, _mm_max_ps(lo, acc0)));
      _mm_storeu_ps(out + c + 4, _mm_min_ps(hi, _mm_max_ps(lo, acc1)));
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
