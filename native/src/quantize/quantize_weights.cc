// Bulk weight quantization for the converter (toco QuantizeBuffer): the hot loop of
// `liteq convert --inference_type=QUANTIZED_UINT8` (~6 M weights for SSD MobileNet v2).
#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#include <immintrin.h>

#include "kernels/x86/isa.h"
#endif

#include "liteq/liteq.h"
#include "runtime/error.h"
#include "runtime/thread_pool.h"

extern "C" int liteq_quantize_int8_per_channel(const float* x, size_t n, const float* scales, size_t channels,
                                               size_t inner, int32_t qmin, int32_t qmax, int8_t* out) {
  if (channels == 0 || inner == 0 || n % (channels * inner) != 0) {
    return liteq::Fail(LITEQ_E_INVALID_ARGUMENT, "liteq_quantize_int8_per_channel: n must be a multiple of channels * inner (both > 0)");
  }
  if (qmin < -128 || qmax > 127 || qmin > qmax) {
    return liteq::Fail(LITEQ_E_INVALID_ARGUMENT, "liteq_quantize_int8_per_channel: need -128 <= qmin <= qmax <= 127");
  }
  if (n > 0 && (x == nullptr || out == nullptr || scales == nullptr)) {
    return liteq::Fail(LITEQ_E_INVALID_ARGUMENT, "liteq_quantize_int8_per_channel: null buffer");
  }
  for (size_t c = 0; c < channels && n > 0; ++c) {
    if (!(scales[c] > 0.0f) || !std::isfinite(scales[c])) {
      return liteq::Fail(LITEQ_E_INVALID_ARGUMENT, "liteq_quantize_int8_per_channel: scale " + std::to_string(c) + " must be finite and > 0");
    }
  }
  const double lo = qmin;
  const double hi = qmax;
  // Element i belongs to channel (i / inner) % channels: walk [outer][channels][inner] so the scale is
  // looked up once per run of `inner` values, not divided out per element.
  size_t i = 0;
  while (i < n) {
    for (size_t c = 0; c < channels; ++c) {
      const double s = scales[c];
      for (size_t k = 0; k < inner; ++k, ++i) {
        const double v = x[i];
        if (!std::isfinite(v)) {
          return liteq::Fail(LITEQ_E_INVALID_ARGUMENT, "liteq_quantize_int8_per_channel: non-finite value at index " + std::to_string(i));
        }
        double q = std::round(v / s);
        q = q < lo ? lo : (q > hi ? hi : q);
        out[i] = static_cast<int8_t>(q);
      }
    }
  }
  liteq::ClearError();
  return LITEQ_OK;
}

// ---- Fused bulk weight quantization (large models: `liteq quantize --scheme dynamic|float16`) --------
// One read of the float weights where the layout allows: a channel whose values are contiguous is
// scanned for max|w| and quantized while it is still in cache; per-tensor scales and strided channels
// take a parallel scan, then a parallel quantize pass. Work is split over a process-wide pool; every
// split is deterministic and each element's result depends only on its value and its channel's
// scale, so the bytes are the same for any thread count and ISA.
namespace {

liteq::ThreadPool& BulkPool() {
  static liteq::ThreadPool pool(liteq::DefaultThreadCount());
  return pool;
}

constexpr size_t kNoBad = static_cast<size_t>(-1);

// The TS reference (quantize/numerics/weights.ts): scale = float32(max|w| / 127 in double), 1 for an
// all-zero channel or one whose scale underflows.
float SymmetricScale(float max_abs, int32_t qmax) {
  if (!(max_abs > 0.0f)) return 1.0f;
  const float s = static_cast<float>(static_cast<double>(max_abs) / static_cast<double>(qmax));
  return s == 0.0f ? 1.0f : s;
}

// max|x| over [0, n); the index of the first non-finite value, or kNoBad.
size_t ScanMaxAbsScalar(const float* x, size_t n, float* max_abs) {
  float m = *max_abs;
  for (size_t i = 0; i < n; ++i) {
    const float v = x[i];
    if (!(v - v == 0.0f)) return i;
    const float a = std::fabs(v);
    m = a > m ? a : m;
  }
  *max_abs = m;
  return kNoBad;
}

void QuantizeSymmetricScalar(const float* x, size_t n, float scale, int32_t qmax, int8_t* out) {
  const double s = scale;
  const double hi = qmax;
  for (size_t i = 0; i < n; ++i) {
    double q = std::round(static_cast<double>(x[i]) / s);
    q = q < -hi ? -hi : (q > hi ? hi : q);
    out[i] = static_cast<int8_t>(q);
  }
}

#if defined(__x86_64__) || defined(__i386__)
// Read per call (ActiveIsa is a cached detection capped by LITEQ_ISA / the tests' cap).
bool HasAvx2() {
  const liteq::x86::Isa isa = liteq::x86::ActiveIsa();
  return isa >= liteq::x86::Isa::kAvx2 && isa != liteq::x86::Isa::kWasmSimd128;
}

// v - v is 0 for finite v and NaN for NaN / ±inf: a mask of the lanes holding a non-finite value.
__attribute__((target("avx2"))) inline int NonFiniteLanes(__m256 v) {
  return _mm256_movemask_ps(_mm256_cmp_ps(_mm256_sub_ps(v, v), _mm256_setzero_ps(), _CMP_NEQ_UQ));
}

__attribute__((target("avx2"))) size_t ScanMaxAbsAvx2(const float* x, size_t n, float* max_abs) {
  const __m256 abs_mask = _mm256_castsi256_ps(_mm256_set1_epi32(0x7fffffff));
  __m256 m0 = _mm256_set1_ps(*max_abs), m1 = m0;
  size_t i = 0;
  for (; i + 16 <= n; i += 16) {
    const __m256 a = _mm256_loadu_ps(x + i), b = _mm256_loadu_ps(x + i + 8);
    if ((NonFiniteLanes(a) | NonFiniteLanes(b)) != 0) break;
    m0 = _mm256_max_ps(m0, _mm256_and_ps(a, abs_mask));
    m1 = _mm256_max_ps(m1, _mm256_and_ps(b, abs_mask));
  }
  alignas(32) float lanes[8];
  _mm256_store_ps(lanes, _mm256_max_ps(m0, m1));
  float m = *max_abs;
  for (float v : lanes) m = v > m ? v : m;
  const size_t bad = ScanMaxAbsScalar(x + i, n - i, &m);
  if (bad != kNoBad) return i + bad;
  *max_abs = m;
  return kNoBad;
}

// round half away from zero of q (exact): t = trunc(q); t + sign(q) when |q - t| >= 0.5.
__attribute__((target("avx2"))) inline __m256d RoundHalfAway(__m256d q) {
  const __m256d sign = _mm256_set1_pd(-0.0);
  const __m256d t = _mm256_round_pd(q, _MM_FROUND_TO_ZERO | _MM_FROUND_NO_EXC);
  const __m256d frac = _mm256_andnot_pd(sign, _mm256_sub_pd(q, t));
  const __m256d step = _mm256_or_pd(_mm256_and_pd(q, sign), _mm256_set1_pd(1.0));
  return _mm256_add_pd(t, _mm256_and_pd(_mm256_cmp_pd(frac, _mm256_set1_pd(0.5), _CMP_GE_OQ), step));
}

// x / s by a multiply with 1/s: the product is within a few ulp of the exact quotient, which only
// matters when the quotient is that close to a rounding boundary (k + 0.5); such a vector is redone
// with the division, so the result is the division's, bit for bit.
__attribute__((target("avx2"))) inline __m256d DivideForRounding(__m256d x, __m256d s, __m256d inv) {
  const __m256d sign = _mm256_set1_pd(-0.0);
  const __m256d q = _mm256_mul_pd(x, inv);
  const __m256d frac = _mm256_andnot_pd(sign, _mm256_sub_pd(q, _mm256_round_pd(q, _MM_FROUND_TO_ZERO | _MM_FROUND_NO_EXC)));
  const __m256d off = _mm256_andnot_pd(sign, _mm256_sub_pd(frac, _mm256_set1_pd(0.5)));
  // |q| <= 2^24 / 2^-149 is far below 2^52 for weights; near (k + 0.5) within 2^-30 → divide.
  if (_mm256_movemask_pd(_mm256_cmp_pd(off, _mm256_set1_pd(0x1p-30), _CMP_NGT_UQ)) != 0) return _mm256_div_pd(x, s);
  return q;
}

// 8 quantized values of x, in double (the definition's arithmetic, vectorized exactly).
__attribute__((target("avx2"))) inline __m128i QuantizeSymmetric8Double(__m256 v, __m256d s, __m256d inv, __m256d lo, __m256d hi) {
  __m256d a = DivideForRounding(_mm256_cvtps_pd(_mm256_castps256_ps128(v)), s, inv);
  __m256d b = DivideForRounding(_mm256_cvtps_pd(_mm256_extractf128_ps(v, 1)), s, inv);
  a = _mm256_min_pd(_mm256_max_pd(RoundHalfAway(a), lo), hi);
  b = _mm256_min_pd(_mm256_max_pd(RoundHalfAway(b), lo), hi);
  return _mm_packs_epi32(_mm256_cvttpd_epi32(a), _mm256_cvttpd_epi32(b));
}

// One 8-lane step of the float path below: the clamped rint(x · inv) and the lanes near a half.
__attribute__((target("avx2"))) inline void QuantizeStepFloat(const float* p, __m256 inv, __m256i lo, __m256i hi, __m256i* r, int* near) {
  const __m256 q = _mm256_mul_ps(_mm256_loadu_ps(p), inv);
  const __m256 t = _mm256_round_ps(q, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
  const __m256 abs_mask = _mm256_castsi256_ps(_mm256_set1_epi32(0x7fffffff));
  *near = _mm256_movemask_ps(_mm256_cmp_ps(_mm256_and_ps(_mm256_sub_ps(q, t), abs_mask), _mm256_set1_ps(0.5f - 0x1p-12f), _CMP_GT_OQ));
  // cvtps gives INT_MIN past 2^31: clamp in float first (any |t| > 256 is past ±qmax anyway).
  const __m256 c = _mm256_min_ps(_mm256_max_ps(t, _mm256_set1_ps(-256.0f)), _mm256_set1_ps(256.0f));
  *r = _mm256_min_epi32(_mm256_max_epi32(_mm256_cvtps_epi32(c), lo), hi);
}

// The float fast path of QuantizeSymmetric, exact: q = x · float(1/s) is within |x/s| · 2^-22 of the
// quotient x / s (two float roundings). Where |x/s| <= 256 that is below 2^-14, so when q lies more
// than 2^-12 from any k + 0.5, x / s rounds (half away, in double) to the integer nearest q, which
// is what vcvtps2dq (nearest even) gives; where |x/s| > 256 both are past the clamp at ±qmax <= 127
// with the same sign. A vector with a lane inside the 2^-12 band is computed in double. Needs
// 1/s finite and s normal (the caller checks); x is finite (scanned before).
__attribute__((target("avx2"))) void QuantizeSymmetricFloatAvx2(const float* x, size_t n, float scale, int32_t qmax, int8_t* out) {
  const __m256 inv_f = _mm256_set1_ps(static_cast<float>(1.0 / static_cast<double>(scale)));
  const __m256i hi_i = _mm256_set1_epi32(qmax), lo_i = _mm256_set1_epi32(-qmax);
  const __m256d s = _mm256_set1_pd(scale), inv = _mm256_set1_pd(1.0 / static_cast<double>(scale));
  const __m256d hi = _mm256_set1_pd(qmax), lo = _mm256_set1_pd(-qmax);
  size_t i = 0;
  for (; i + 16 <= n; i += 16) {
    __m256i r0, r1;
    int n0, n1;
    QuantizeStepFloat(x + i, inv_f, lo_i, hi_i, &r0, &n0);
    QuantizeStepFloat(x + i + 8, inv_f, lo_i, hi_i, &r1, &n1);
    __m128i w0 = _mm_packs_epi32(_mm256_castsi256_si128(r0), _mm256_extracti128_si256(r0, 1));
    __m128i w1 = _mm_packs_epi32(_mm256_castsi256_si128(r1), _mm256_extracti128_si256(r1, 1));
    if ((n0 | n1) != 0) {
      if (n0 != 0) w0 = QuantizeSymmetric8Double(_mm256_loadu_ps(x + i), s, inv, lo, hi);
      if (n1 != 0) w1 = QuantizeSymmetric8Double(_mm256_loadu_ps(x + i + 8), s, inv, lo, hi);
    }
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out + i), _mm_packs_epi16(w0, w1));
  }
  QuantizeSymmetricScalar(x + i, n - i, scale, qmax, out + i);
}

__attribute__((target("avx2"))) void QuantizeSymmetricAvx2(const float* x, size_t n, float scale, int32_t qmax, int8_t* out) {
  if (std::isnormal(scale) && std::isfinite(static_cast<float>(1.0 / static_cast<double>(scale)))) {
    return QuantizeSymmetricFloatAvx2(x, n, scale, qmax, out);
  }
  const __m256d s = _mm256_set1_pd(scale);
  const __m256d inv = _mm256_set1_pd(1.0 / static_cast<double>(scale));
  const __m256d hi = _mm256_set1_pd(qmax), lo = _mm256_set1_pd(-qmax);
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    const __m128i w = QuantizeSymmetric8Double(_mm256_loadu_ps(x + i), s, inv, lo, hi);
    _mm_storel_epi64(reinterpret_cast<__m128i*>(out + i), _mm_packs_epi16(w, w));
  }
  QuantizeSymmetricScalar(x + i, n - i, scale, qmax, out + i);
}
#endif

size_t ScanMaxAbs(const float* x, size_t n, float* max_abs) {
#if defined(__x86_64__) || defined(__i386__)
  if (HasAvx2()) return ScanMaxAbsAvx2(x, n, max_abs);
#endif
  return ScanMaxAbsScalar(x, n, max_abs);
}

void QuantizeSymmetric(const float* x, size_t n, float scale, int32_t qmax, int8_t* out) {
#if defined(__x86_64__) || defined(__i386__)
  if (HasAvx2()) return QuantizeSymmetricAvx2(x, n, scale, qmax, out);
#endif
  QuantizeSymmetricScalar(x, n, scale, qmax, out);
}

// Pieces of [0, n) for the pool: about 1 MiB of floats each, so both threads stay busy to the end.
constexpr size_t kPiece = 256 * 1024;

size_t NumPieces(size_t n) { return (n + kPiece - 1) / kPiece; }

// fn(piece, begin, length) for every piece of [0, n), spread over the bulk pool.
template <typename Fn>
void ForEachPiece(size_t n, Fn&& fn) {
  BulkPool().Run(static_cast<int>(NumPieces(n)), [&](int p) {
    const size_t b = static_cast<size_t>(p) * kPiece;
    fn(static_cast<size_t>(p), b, std::min(kPiece, n - b));
  });
}

// The first failing index over runs of `stride` elements, run r reporting bad[r] (kNoBad: none).
size_t FirstBad(const std::vector<size_t>& bad, size_t stride) {
  for (size_t r = 0; r < bad.size(); ++r) {
    if (bad[r] != kNoBad) return r * stride + bad[r];
  }
  return kNoBad;
}


// The caller's I/O hooks around one piece (liteq_bulk_hooks): where a piece of x is read from (x
// itself, or a copy the read hook makes in a buffer of the thread) and where its results go (out
// itself, or a buffer of the thread that the write hook then gets); the first hook failure is kept.
class Hooks {
 public:
  explicit Hooks(const liteq_bulk_hooks* h) : h_(h) {}

  // The floats x[0, count) of a piece to compute from: src itself, or this thread's copy from the read
  // hook — nullptr when that failed (the piece is then skipped, the call fails).
  const float* Load(const float* src, size_t count) {
    if (!Reads()) return src;
    if (Failed()) return nullptr;
    float* const copy = Staging<float, 0>(count);
    const int e = h_->read(copy, src, count * sizeof(float), h_->ctx);
    if (e == 0) return copy;
    Fail(e, "reading the input");
    return nullptr;
  }
  // Where `count` results meant for dst are computed: dst itself, or this thread's staging buffer;
  // Put() then hands them over.
  template <typename T>
  T* Target(T* dst, size_t count) const {
    return Writes() ? Staging<T, 1>(count) : dst;
  }
  template <typename T>
  void Put(T* dst, const T* computed, size_t count) {
    if (!Writes() || count == 0 || Failed()) return;
    if (const int e = h_->write(dst, computed, count * sizeof(T), h_->ctx); e != 0) Fail(e, "writing the results");
  }

  bool Failed() const { return failed_errno_.load(std::memory_order_relaxed) != 0; }
  // LITEQ_OK, or LITEQ_E_IO naming `call`, what failed and the first hook failure's errno.
  int Status(const char* call) const {
    const int e = failed_errno_.load();
    if (e == 0) return LITEQ_OK;
    return liteq::Fail(LITEQ_E_IO, std::string(call) + ": " + failed_what_.load() + " failed: " + std::strerror(e));
  }

 private:
  bool Reads() const { return h_ != nullptr && h_->read != nullptr; }
  bool Writes() const { return h_ != nullptr && h_->write != nullptr; }
  void Fail(int e, const char* what) {
    int none = 0;
    if (failed_errno_.compare_exchange_strong(none, e)) failed_what_.store(what);
  }
  // A buffer of `count` T of the calling thread (Slot 0: inputs, 1: results; 8-byte units: aligned).
  template <typename T, int Slot>
  static T* Staging(size_t count) {
#if LITEQ_THREADS
    thread_local std::vector<uint64_t> staging;
#else
    static std::vector<uint64_t> staging;  // (one thread per WebAssembly instance)
#endif
    const size_t words = (count * sizeof(T) + 7) / 8;
    if (staging.size() < words) staging.resize(words);
    return reinterpret_cast<T*>(staging.data());
  }

  const liteq_bulk_hooks* h_;
  std::atomic<int> failed_errno_{0};
  std::atomic<const char*> failed_what_{""};
};

// toco QuantizeBuffer on [0, n): clamp(round_half_away(zp + x / scale), qmin, qmax) in double. The
// index of the first non-finite value, or kNoBad.
size_t QuantizeUint8Scalar(const float* x, size_t n, double scale, double zp, double lo, double hi, uint8_t* out) {
  for (size_t i = 0; i < n; ++i) {
    const double v = x[i];
    if (!std::isfinite(v)) return i;
    // std::round is half away from zero, as toco's QuantizeBuffer; clamp in double before the cast
    // so out-of-range values saturate instead of wrapping.
    double q = std::round(zp + v / scale);
    q = q < lo ? lo : (q > hi ? hi : q);
    out[i] = static_cast<uint8_t>(q);
  }
  return kNoBad;
}

#if defined(__x86_64__) || defined(__i386__)
// zp + x / scale by DivideForRounding: zp is an integer, so zp + q rounds the same way as zp + x / scale
// whenever q is not within 2^-30 of a half (and such vectors divide).
__attribute__((target("avx2"))) size_t QuantizeUint8Avx2(const float* x, size_t n, double scale, double zp, double lo,
                                                         double hi, uint8_t* out) {
  const __m256d s = _mm256_set1_pd(scale), inv = _mm256_set1_pd(1.0 / scale), z = _mm256_set1_pd(zp);
  const __m256d vlo = _mm256_set1_pd(lo), vhi = _mm256_set1_pd(hi);
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    const __m256 v = _mm256_loadu_ps(x + i);
    // A vector with a non-finite value goes the scalar way, which reports it.
    if (NonFiniteLanes(v) != 0) {
      const size_t bad = QuantizeUint8Scalar(x + i, 8, scale, zp, lo, hi, out + i);
      if (bad != kNoBad) return i + bad;
      continue;
    }
    __m256d a = _mm256_add_pd(z, DivideForRounding(_mm256_cvtps_pd(_mm256_castps256_ps128(v)), s, inv));
    __m256d b = _mm256_add_pd(z, DivideForRounding(_mm256_cvtps_pd(_mm256_extractf128_ps(v, 1)), s, inv));
    a = _mm256_min_pd(_mm256_max_pd(RoundHalfAway(a), vlo), vhi);
    b = _mm256_min_pd(_mm256_max_pd(RoundHalfAway(b), vlo), vhi);
    const __m128i w = _mm_packs_epi32(_mm256_cvttpd_epi32(a), _mm256_cvttpd_epi32(b));
    _mm_storel_epi64(reinterpret_cast<__m128i*>(out + i), _mm_packus_epi16(w, w));
  }
  const size_t bad = QuantizeUint8Scalar(x + i, n - i, scale, zp, lo, hi, out + i);
  return bad == kNoBad ? kNoBad : i + bad;
}

// min and max of [0, n) folded into *lo / *hi; NaN is skipped (min_ps/max_ps return their second
// operand, the running value, when the first is NaN), as dataRange's comparisons skip it.
__attribute__((target("avx2"))) void MinMaxAvx2(const float* x, size_t n, float* lo, float* hi) {
  __m256 mn = _mm256_set1_ps(*lo), mx = _mm256_set1_ps(*hi);
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    const __m256 v = _mm256_loadu_ps(x + i);
    mn = _mm256_min_ps(v, mn);
    mx = _mm256_max_ps(v, mx);
  }
  alignas(32) float a[8], b[8];
  _mm256_store_ps(a, mn);
  _mm256_store_ps(b, mx);
  for (int k = 0; k < 8; ++k) {
    if (a[k] < *lo) *lo = a[k];
    if (b[k] > *hi) *hi = b[k];
  }
  for (; i < n; ++i) {
    if (x[i] < *lo) *lo = x[i];
    if (x[i] > *hi) *hi = x[i];
  }
}
#endif

}  // namespace

extern "C" int liteq_quantize_uint8(const float* x, size_t n, double scale, int32_t zero_point, int32_t qmin,
                                    int32_t qmax, uint8_t* out) {
  if (!(scale > 0.0) || !std::isfinite(scale)) {
    return liteq::Fail(LITEQ_E_INVALID_ARGUMENT, "liteq_quantize_uint8: scale must be finite and > 0");
  }
  if (qmin < 0 || qmax > 255 || qmin > qmax) {
    return liteq::Fail(LITEQ_E_INVALID_ARGUMENT, "liteq_quantize_uint8: need 0 <= qmin <= qmax <= 255");
  }
  if (n > 0 && (x == nullptr || out == nullptr)) {
    return liteq::Fail(LITEQ_E_INVALID_ARGUMENT, "liteq_quantize_uint8: null buffer");
  }
  std::vector<size_t> bad(NumPieces(n), kNoBad);
  ForEachPiece(n, [&](size_t p, size_t b, size_t len) {
#if defined(__x86_64__) || defined(__i386__)
    if (HasAvx2()) {
      bad[p] = QuantizeUint8Avx2(x + b, len, scale, zero_point, qmin, qmax, out + b);
      return;
    }
#endif
    bad[p] = QuantizeUint8Scalar(x + b, len, scale, zero_point, qmin, qmax, out + b);
  });
  if (const size_t i = FirstBad(bad, kPiece); i != kNoBad) {
    return liteq::Fail(LITEQ_E_INVALID_ARGUMENT, "liteq_quantize_uint8: non-finite value at index " + std::to_string(i));
  }
  liteq::ClearError();
  return LITEQ_OK;
}

extern "C" int liteq_min_max(const float* x, size_t n, float* min, float* max) {
  if (min == nullptr || max == nullptr || (n > 0 && x == nullptr)) return liteq::Fail(LITEQ_E_INVALID_ARGUMENT, "liteq_min_max: null buffer");
  const size_t pieces = NumPieces(n);
  std::vector<float> lo(pieces, 0.0f), hi(pieces, 0.0f);
  ForEachPiece(n, [&](size_t p, size_t b, size_t len) {
#if defined(__x86_64__) || defined(__i386__)
    if (HasAvx2()) return MinMaxAvx2(x + b, len, &lo[p], &hi[p]);
#endif
    for (size_t i = b; i < b + len; ++i) {
      if (x[i] < lo[p]) lo[p] = x[i];
      if (x[i] > hi[p]) hi[p] = x[i];
    }
  });
  *min = 0.0f;
  *max = 0.0f;
  for (size_t p = 0; p < pieces; ++p) {
    *min = std::min(*min, lo[p]);
    *max = std::max(*max, hi[p]);
  }
  liteq::ClearError();
  return LITEQ_OK;
}

extern "C" int liteq_quantize_int8_symmetric(const float* x, size_t n, size_t channels, size_t inner, int32_t qmax,
                                             float* scales, int8_t* out, size_t* bad_index, const liteq_bulk_hooks* hooks) {
  Hooks hk(hooks);
  if (bad_index != nullptr) *bad_index = kNoBad;
  if (channels == 0 || inner == 0 || n % (channels * inner) != 0) {
    return liteq::Fail(LITEQ_E_INVALID_ARGUMENT, "liteq_quantize_int8_symmetric: n must be a multiple of channels * inner (both > 0)");
  }
  if (qmax < 1 || qmax > 127) return liteq::Fail(LITEQ_E_INVALID_ARGUMENT, "liteq_quantize_int8_symmetric: need 1 <= qmax <= 127");
  if (scales == nullptr || (n > 0 && (x == nullptr || out == nullptr))) {
    return liteq::Fail(LITEQ_E_INVALID_ARGUMENT, "liteq_quantize_int8_symmetric: null buffer");
  }
  const size_t outer = n / (channels * inner);
  std::vector<float> max_abs(channels, 0.0f);
  auto fail_at = [&](size_t i) {
    if (bad_index != nullptr) *bad_index = i;
    return liteq::Fail(LITEQ_E_INVALID_ARGUMENT, "liteq_quantize_int8_symmetric: non-finite value at index " + std::to_string(i));
  };
  liteq::ThreadPool& pool = BulkPool();
  if (outer == 1 && channels >= 2 * static_cast<size_t>(pool.num_threads()) && inner <= 4 * kPiece) {
    // Each channel is one contiguous run: scan it and quantize it while it is in cache. A task takes
    // a group of channels of about a piece (the hooks' read and write once per group, not per channel),
    // with at least two groups per thread.
    const size_t threads = static_cast<size_t>(pool.num_threads());
    const size_t group = std::max<size_t>(1, std::min(kPiece / inner, channels / (2 * threads)));
    const size_t groups = (channels + group - 1) / group;
    std::vector<size_t> bad(channels, kNoBad);
    pool.Run(static_cast<int>(groups), [&](int g) {
      const size_t c0 = static_cast<size_t>(g) * group, c1 = std::min(channels, c0 + group);
      const float* const xg = hk.Load(x + c0 * inner, (c1 - c0) * inner);
      if (xg == nullptr) return;
      int8_t* const dst = out + c0 * inner;
      int8_t* const q = hk.Target(dst, (c1 - c0) * inner);
      bool ok = true;
      for (size_t c = c0; c < c1; ++c) {
        const float* xc = xg + (c - c0) * inner;
        bad[c] = ScanMaxAbs(xc, inner, &max_abs[c]);
        if (bad[c] != kNoBad) {
          ok = false;
          break;
        }
        scales[c] = SymmetricScale(max_abs[c], qmax);
        QuantizeSymmetric(xc, inner, scales[c], qmax, q + (c - c0) * inner);
      }
      if (ok) hk.Put(dst, q, (c1 - c0) * inner);
    });
    if (const size_t i = FirstBad(bad, inner); i != kNoBad) return fail_at(i);
  } else if (outer == 1) {
    // Few, long channels (channels == 1: per tensor): a parallel scan per channel, then its quantize.
    for (size_t c = 0; c < channels; ++c) {
      const float* xc = x + c * inner;
      std::vector<float> part(NumPieces(inner), 0.0f);
      std::vector<size_t> bad(part.size(), kNoBad);
      ForEachPiece(inner, [&](size_t p, size_t b, size_t len) {
        const float* const xp = hk.Load(xc + b, len);
        if (xp == nullptr) return;
        bad[p] = ScanMaxAbs(xp, len, &part[p]);
      });
      if (hk.Failed()) break;
      if (const size_t i = FirstBad(bad, kPiece); i != kNoBad) return fail_at(c * inner + i);
      for (const float m : part) max_abs[c] = std::max(max_abs[c], m);
      scales[c] = SymmetricScale(max_abs[c], qmax);
      ForEachPiece(inner, [&](size_t, size_t b, size_t len) {
        const float* const xp = hk.Load(xc + b, len);
        if (xp == nullptr) return;
        int8_t* const dst = out + c * inner + b;
        int8_t* const q = hk.Target(dst, len);
        QuantizeSymmetric(xp, len, scales[c], qmax, q);
        hk.Put(dst, q, len);
      });
    }
  } else {
    // Channels interleave (a depthwise filter's last dimension): small tensors, one plain pass each
    // way, over runs of whole rows ([channels][inner] each) of about a piece at a time.
    const size_t row = channels * inner;
    const size_t rows = std::max<size_t>(1, kPiece / row);
    for (size_t o0 = 0; o0 < outer && !hk.Failed(); o0 += rows) {
      const size_t o1 = std::min(outer, o0 + rows);
      const float* const xr = hk.Load(x + o0 * row, (o1 - o0) * row);
      if (xr == nullptr) break;
      for (size_t i = 0; i < (o1 - o0) * row; i += inner) {
        const size_t bad = ScanMaxAbsScalar(xr + i, inner, &max_abs[(i / inner) % channels]);
        if (bad != kNoBad) return fail_at(o0 * row + i + bad);
      }
    }
    for (size_t c = 0; c < channels; ++c) scales[c] = SymmetricScale(max_abs[c], qmax);
    for (size_t o0 = 0; o0 < outer && !hk.Failed(); o0 += rows) {
      const size_t o1 = std::min(outer, o0 + rows);
      const float* const xr = hk.Load(x + o0 * row, (o1 - o0) * row);
      if (xr == nullptr) break;
      int8_t* const dst = out + o0 * row;
      int8_t* const q = hk.Target(dst, (o1 - o0) * row);
      for (size_t i = 0; i < (o1 - o0) * row; i += inner) QuantizeSymmetric(xr + i, inner, scales[(i / inner) % channels], qmax, q + i);
      hk.Put(dst, q, (o1 - o0) * row);
    }
  }
  if (const int status = hk.Status("liteq_quantize_int8_symmetric"); status != LITEQ_OK) return status;
  liteq::ClearError();
  return LITEQ_OK;
}

namespace {

// IEEE half from float, round to nearest even, overflow to ±inf, NaN as sign | 0x7e00: the TS
// reference's floatToHalf (quantize/numerics/float16.ts) bit for bit.
uint16_t HalfFromFloat(float v) {
  uint32_t x;
  std::memcpy(&x, &v, 4);
  const uint32_t sign = (x >> 16) & 0x8000u;
  const int32_t exp = static_cast<int32_t>((x >> 23) & 0xffu);
  uint32_t mant = x & 0x7fffffu;
  if (exp == 0xff) return static_cast<uint16_t>(sign | 0x7c00u | (mant ? 0x200u : 0u));
  const int32_t e = exp - 127 + 15;
  if (e >= 0x1f) return static_cast<uint16_t>(sign | 0x7c00u);
  if (e <= 0) {
    if (e < -10) return static_cast<uint16_t>(sign);
    mant |= 0x800000u;
    const uint32_t shift = static_cast<uint32_t>(14 - e);
    const uint32_t half = 1u << (shift - 1);
    const uint32_t rest = mant & ((1u << shift) - 1);
    uint32_t h = mant >> shift;
    if (rest > half || (rest == half && (h & 1u))) ++h;
    return static_cast<uint16_t>(sign | h);
  }
  const uint32_t rest = mant & 0x1fffu;
  uint32_t h = (static_cast<uint32_t>(e) << 10) | (mant >> 13);
  if (rest > 0x1000u || (rest == 0x1000u && (h & 1u))) ++h;
  return static_cast<uint16_t>(sign | h);
}

void ToHalfScalar(const float* x, size_t n, uint16_t* out) {
  for (size_t i = 0; i < n; ++i) out[i] = HalfFromFloat(x[i]);
}

#if defined(__x86_64__) || defined(__i386__)
bool HasF16c() {
  static const bool f16c = [] {
    unsigned a = 0, b = 0, c = 0, d = 0;
    return __get_cpuid(1, &a, &b, &c, &d) && (c & bit_F16C) != 0;
  }();
  return f16c && HasAvx2();
}

// vcvtps2ph rounds to nearest even like the reference; it keeps NaN payloads, so NaN lanes go the
// scalar way.
__attribute__((target("avx2,f16c"))) void ToHalfF16c(const float* x, size_t n, uint16_t* out) {
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    const __m256 v = _mm256_loadu_ps(x + i);
    if (_mm256_movemask_ps(_mm256_cmp_ps(v, v, _CMP_UNORD_Q)) != 0) {
      ToHalfScalar(x + i, 8, out + i);
      continue;
    }
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out + i), _mm256_cvtps_ph(v, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC));
  }
  ToHalfScalar(x + i, n - i, out + i);
}
#endif

}  // namespace

extern "C" int liteq_float_to_half(const float* x, size_t n, uint16_t* out, const liteq_bulk_hooks* hooks) {
  Hooks hk(hooks);
  if (n > 0 && (x == nullptr || out == nullptr)) return liteq::Fail(LITEQ_E_INVALID_ARGUMENT, "liteq_float_to_half: null buffer");
  ForEachPiece(n, [&](size_t, size_t b, size_t len) {
    const float* const xp = hk.Load(x + b, len);
    if (xp == nullptr) return;
    uint16_t* const h = hk.Target(out + b, len);
#if defined(__x86_64__) || defined(__i386__)
    if (HasF16c()) ToHalfF16c(xp, len, h);
    else ToHalfScalar(xp, len, h);
#else
    ToHalfScalar(xp, len, h);
#endif
    hk.Put(out + b, h, len);
  });
  if (const int status = hk.Status("liteq_float_to_half"); status != LITEQ_OK) return status;
  liteq::ClearError();
  return LITEQ_OK;
}
