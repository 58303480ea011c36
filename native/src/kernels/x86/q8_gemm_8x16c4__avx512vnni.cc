// 8x16 quantized GEMM micro-kernel, k in quads ("c4"), AVX-512 VNNI: unsigned 8-bit A rows times one
// packed signed 8-bit B panel with vpdpbusd (64 multiply-adds per instruction), one zmm accumulator
// of 16 columns per row, then the output stage of q8_gemm_output_avx2.h on 16 lanes at once.
//
// Exactness: the driver (q8_gemm.cc, PackPanelVnni/PackARowsVnni) shifts A to unsigned (a_u = a + c_a)
// and B to signed (b_s = b - c_b) and folds the shifts and zero points into per-column and per-row
// terms, so that acc = dot(a_u, b_s) + rowcoef * rowsum(a_u) + colterm equals
// sum_k (a - Z_a)(b - Z_b) + bias modulo 2^32; vpdpbusd adds its four exact products (|u8 * s8| < 2^15)
// to the accumulator with wrap-around, as the reference's int32 accumulation wraps.
// Functions carry target attributes, so the file builds without -mavx512* and only runs after dispatch.
#include "kernels/gemm/q8_gemm.h"

#if defined(__x86_64__) || defined(__i386__)
#if defined(__GNUC__) && !defined(__clang__)
// GCC 12's _mm512 cast/extract intrinsics read an intentionally undefined register and warn.
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#pragma GCC diagnostic ignored "-Wuninitialized"
#endif
#include <immintrin.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <limits>
#include <type_traits>


#define LITEQ_AVX512VNNI __attribute__((target("avx2,avx512f,avx512bw,avx512vl,avx512vnni")))

#include "kernels/gemm/q8_gemm.h"
#include "kernels/x86/one_step_avx512_inl.h"

namespace liteq {
namespace q8_gemm {
namespace {

// The panel's per-column output params as 16-lane registers, loaded once per micro-kernel call. The
// ties-up constants are stored for the AVX2 kernel's lane order (q8_gemm.cc PackPanelParams: index
// 8*half + 4*odd + j for column 8*half + 2*j + odd): even columns are quarters 0 and 2, odd 1 and 3.
struct OutputRegs {
  __m512i mult, lshift, rshift, round_even, round_odd, count_even, count_odd, post, zp, vmin, vmax;
  __m512i rmask, rhalf;  // RoundingDivideByPOT's (1 << rshift) - 1 and its half, per column
  // The one-step constants (q8_gemm.cc PackOneStepParams), [even | odd] columns.
  __m512i mult_odd;
  x86::OneStepLanes one;
  bool one_step;
  bool saturate;  // the clamp is the output type's range: a saturating narrow does it
};

LITEQ_AVX512VNNI inline __m512i Halves(const int64_t* lo, const int64_t* hi) {
  return _mm512_inserti64x4(_mm512_castsi256_si512(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(lo))),
                            _mm256_loadu_si256(reinterpret_cast<const __m256i*>(hi)), 1);
}

LITEQ_AVX512VNNI inline OutputRegs LoadOutputRegs(const int32_t* params, const OutputParams& op) {
  OutputRegs o;
  o.mult = _mm512_loadu_si512(params + kNR);
  o.lshift = _mm512_loadu_si512(params + 2 * kNR);
  o.rshift = _mm512_loadu_si512(params + 3 * kNR);
  const int64_t* round = reinterpret_cast<const int64_t*>(params + 4 * kNR);
  const int64_t* count = round + 16;
  o.one_step = op.one_step != 0;
  if (o.one_step) {  // the one-step constants in the ties-up slots (q8_gemm.cc PackOneStepParams)
    const uint32_t* fix = reinterpret_cast<const uint32_t*>(count + 16);
    o.one = {_mm512_loadu_si512(round),
             _mm512_loadu_si512(round + 8),
             _mm512_loadu_si512(count),
             _mm512_loadu_si512(count + 8),
             _mm512_cvtepu32_epi64(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(fix))),
             _mm512_cvtepu32_epi64(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(fix + 8)))};
  } else {
    o.round_even = Halves(round, round + 8);
    o.round_odd = Halves(round + 4, round + 12);
    o.count_even = Halves(count, count + 8);
    o.count_odd = Halves(count + 4, count + 12);
  }
  o.post = _mm512_loadu_si512(reinterpret_cast<const int32_t*>(count + 16));
  o.zp = _mm512_set1_epi32(op.output_offset);
  o.vmin = _mm512_set1_epi32(op.act_min);
  o.vmax = _mm512_set1_epi32(op.act_max);
  const __m512i one = _mm512_set1_epi32(1);
  o.rmask = _mm512_sub_epi32(_mm512_sllv_epi32(one, o.rshift), one);
  o.rhalf = _mm512_srli_epi32(o.rmask, 1);
  o.mult_odd = _mm512_srli_epi64(o.mult, 32);
  o.saturate = false;
  return o;
}

// The output stage of q8_gemm_output_avx2.h on 16 lanes: the same integer steps, lane for lane.
LITEQ_AVX512VNNI inline __m512i Requantize16(__m512i acc, const OutputRegs& o, bool left_shift, bool ties_up) {
  const __m512i x = left_shift ? _mm512_sllv_epi32(acc, o.lshift) : acc;  // wraps like ShiftLeftWrapping
  __m512i even = _mm512_mul_epi32(x, o.mult);
  __m512i odd = _mm512_mul_epi32(_mm512_srli_epi64(x, 32), _mm512_srli_epi64(o.mult, 32));
  __m512i r;
  if (ties_up) {
    even = _mm512_srlv_epi64(_mm512_add_epi64(even, o.round_even), o.count_even);
    odd = _mm512_srlv_epi64(_mm512_add_epi64(odd, o.round_odd), o.count_odd);
    r = _mm512_add_epi32(_mm512_mask_blend_epi32(0xAAAA, even, _mm512_slli_epi64(odd, 32)), o.post);
  } else {
    const __m512i half = _mm512_set1_epi64(int64_t{1} << 30);
    const __m512i one = _mm512_set1_epi32(1);
    even = _mm512_add_epi64(even, half);
    odd = _mm512_add_epi64(odd, half);
    const __m512i high = _mm512_mask_blend_epi32(0xAAAA, _mm512_srli_epi64(even, 31), _mm512_slli_epi64(odd, 1));
    // RoundingDivideByPOT: ties away from zero.
    const __m512i remainder = _mm512_and_si512(high, o.rmask);
    const __m512i threshold = _mm512_sub_epi32(o.rhalf, _mm512_srai_epi32(high, 31));
    const __m512i shifted = _mm512_srav_epi32(high, o.rshift);
    r = _mm512_mask_add_epi32(shifted, _mm512_cmpgt_epi32_mask(remainder, threshold), shifted, one);
    r = _mm512_add_epi32(r, o.zp);
  }
  return _mm512_min_epi32(_mm512_max_epi32(r, o.vmin), o.vmax);
}

// One output row of a tile: the per-row term (wrapping like the rest of the int32 arithmetic), the
// output stage, and the first nr bytes stored (clamped to the output type's range, so truncating the
// lanes to bytes is exact).
template <typename T>
LITEQ_AVX512VNNI inline void StoreRow16(__m512i x, int32_t rowcoef, int32_t rowsum, const OutputRegs& o, bool left_shift, bool ties_up,
                                        int nr, T* c) {
  if (rowcoef != 0) x = _mm512_add_epi32(x, _mm512_set1_epi32(static_cast<int32_t>(static_cast<uint32_t>(rowcoef) * static_cast<uint32_t>(rowsum))));
  __m128i bytes;
  if (o.one_step) {  // q8_gemm.cc PackOneStepParams, kernels/one_step.h
    const __m512i shifted = left_shift ? _mm512_sllv_epi32(x, o.lshift) : x;  // wraps like ShiftLeftWrapping
    bytes = x86::Narrow16<T>(x86::OneStep16(shifted, o.mult, o.mult_odd, o.one, !ties_up), o.saturate, o.vmin, o.vmax);
  } else {
    bytes = _mm512_cvtepi32_epi8(Requantize16(x, o, left_shift, ties_up));
  }
  if (nr == kNR) {
    _mm_storeu_si128(reinterpret_cast<__m128i*>(c), bytes);
  } else {
    _mm_mask_storeu_epi8(c, static_cast<__mmask16>((1u << nr) - 1), bytes);
  }
}

// One 8-row tile: rows [0, mr) of a (mr <= 8) against the panel, stored through the output stage.
template <typename T>
LITEQ_AVX512VNNI inline void Tile8x16c4(int mr, int nr, int kquads, const uint8_t* a, size_t a_stride, const int32_t* rowsum,
                                        int32_t rowcoef, const int8_t* panel, const __m512i colterm, const OutputRegs& o,
                                        bool left_shift, bool ties_up, T* c, size_t c_stride) {
  const uint8_t* ar[kMRVnni];
  for (int r = 0; r < kMRVnni; ++r) ar[r] = a + static_cast<size_t>(r < mr ? r : 0) * a_stride;
  __m512i acc0 = colterm, acc1 = colterm, acc2 = colterm, acc3 = colterm;
  __m512i acc4 = colterm, acc5 = colterm, acc6 = colterm, acc7 = colterm;
  const int8_t* w = panel;
  for (int kq = 0; kq < kquads; ++kq, w += 4 * kNR) {
    const __m512i b = _mm512_load_si512(w);
    int32_t q[kMRVnni];
    for (int r = 0; r < kMRVnni; ++r) std::memcpy(&q[r], ar[r] + 4 * kq, 4);
    acc0 = _mm512_dpbusd_epi32(acc0, _mm512_set1_epi32(q[0]), b);
    acc1 = _mm512_dpbusd_epi32(acc1, _mm512_set1_epi32(q[1]), b);
    acc2 = _mm512_dpbusd_epi32(acc2, _mm512_set1_epi32(q[2]), b);
    acc3 = _mm512_dpbusd_epi32(acc3, _mm512_set1_epi32(q[3]), b);
    acc4 = _mm512_dpbusd_epi32(acc4, _mm512_set1_epi32(q[4]), b);
    acc5 = _mm512_dpbusd_epi32(acc5, _mm512_set1_epi32(q[5]), b);
    acc6 = _mm512_dpbusd_epi32(acc6, _mm512_set1_epi32(q[6]), b);
    acc7 = _mm512_dpbusd_epi32(acc7, _mm512_set1_epi32(q[7]), b);
  }
  const __m512i acc[kMRVnni] = {acc0, acc1, acc2, acc3, acc4, acc5, acc6, acc7};
  for (int r = 0; r < mr; ++r) StoreRow16(acc[r], rowcoef, rowsum[r], o, left_shift, ties_up, nr, c + r * c_stride);
}

// A short tile of MR = 4, 2 or 1 rows (the last rows of a block; M = 1 for a classifier's 1x1 conv):
// rows [0, mr) of a, like Tile8x16c4, but with kChains independent sums per row over alternating k
// quads, so vpdpbusd's latency does not serialize them; the chains are added at the end (int32
// wrap-around addition: the same sum modulo 2^32). Eight rows keep Tile8x16c4, whose code is tuned.
template <int MR, typename T>
LITEQ_AVX512VNNI inline void Tile16c4(int mr, int nr, int kquads, const uint8_t* a, size_t a_stride, const int32_t* rowsum,
                                      int32_t rowcoef, const int8_t* panel, const __m512i colterm, const OutputRegs& o,
                                      bool left_shift, bool ties_up, T* c, size_t c_stride) {
  static_assert(MR == 1 || MR == 2 || MR == 4, "short tiles only");
  constexpr int kChains = MR == 4 ? 2 : 4;
  const uint8_t* ar[MR];
  for (int r = 0; r < MR; ++r) ar[r] = a + static_cast<size_t>(r < mr ? r : 0) * a_stride;
  __m512i acc[kChains][MR];
#pragma GCC unroll 8
  for (int r = 0; r < MR; ++r) {
    acc[0][r] = colterm;
    for (int ch = 1; ch < kChains; ++ch) acc[ch][r] = _mm512_setzero_si512();
  }
  const int8_t* w = panel;
  int kq = 0;
  for (; kq + kChains <= kquads; kq += kChains) {
#pragma GCC unroll 4
    for (int ch = 0; ch < kChains; ++ch, w += 4 * kNR) {
      const __m512i b = _mm512_load_si512(w);
#pragma GCC unroll 8
      for (int r = 0; r < MR; ++r) {
        int32_t q;
        std::memcpy(&q, ar[r] + 4 * (kq + ch), 4);
        acc[ch][r] = _mm512_dpbusd_epi32(acc[ch][r], _mm512_set1_epi32(q), b);
      }
    }
  }
  for (; kq < kquads; ++kq, w += 4 * kNR) {
    const __m512i b = _mm512_load_si512(w);
#pragma GCC unroll 8
    for (int r = 0; r < MR; ++r) {
      int32_t q;
      std::memcpy(&q, ar[r] + 4 * kq, 4);
      acc[0][r] = _mm512_dpbusd_epi32(acc[0][r], _mm512_set1_epi32(q), b);
    }
  }
  // Unrolled over the tile's rows (constant indices keep the accumulators in registers), up to mr.
#pragma GCC unroll 8
  for (int r = 0; r < MR; ++r) {
    if (r >= mr) break;
    __m512i x = acc[0][r];
    for (int ch = 1; ch < kChains; ++ch) x = _mm512_add_epi32(x, acc[ch][r]);
    StoreRow16(x, rowcoef, rowsum[r], o, left_shift, ties_up, nr, c + r * c_stride);
  }
}

// Rows [0, m) of a against one panel, 8 at a time, the last 1-4 rows in the smallest tile that holds
// them; the panel's output parameters are loaded once.
template <typename T>
LITEQ_AVX512VNNI inline void Gemm8x16c4(int m, int nr, int kquads, const uint8_t* a, size_t a_stride, const int32_t* rowsum,
                                        int32_t rowcoef, const int8_t* panel, const OutputParams& op, T* c, size_t c_stride) {
  const int32_t* params = reinterpret_cast<const int32_t*>(panel + static_cast<size_t>(kquads) * 4 * kNR);
  const __m512i colterm = _mm512_loadu_si512(params);
  OutputRegs o = LoadOutputRegs(params, op);
  o.saturate = op.act_min == std::numeric_limits<T>::min() && op.act_max == std::numeric_limits<T>::max();
  const bool left_shift = op.left_shift != 0, ties_up = op.rounding == 1;
  for (int r = 0; r < m; r += kMRVnni) {
    const int mr = std::min(kMRVnni, m - r);
    const uint8_t* ar = a + static_cast<size_t>(r) * a_stride;
    T* cr = c + static_cast<size_t>(r) * c_stride;
    if (mr > 4) {
      Tile8x16c4<T>(mr, nr, kquads, ar, a_stride, rowsum + r, rowcoef, panel, colterm, o, left_shift, ties_up, cr, c_stride);
    } else if (mr > 2) {
      Tile16c4<4, T>(mr, nr, kquads, ar, a_stride, rowsum + r, rowcoef, panel, colterm, o, left_shift, ties_up, cr, c_stride);
    } else if (mr == 2) {
      Tile16c4<2, T>(mr, nr, kquads, ar, a_stride, rowsum + r, rowcoef, panel, colterm, o, left_shift, ties_up, cr, c_stride);
    } else {
      Tile16c4<1, T>(mr, nr, kquads, ar, a_stride, rowsum + r, rowcoef, panel, colterm, o, left_shift, ties_up, cr, c_stride);
    }
  }
}

}  // namespace

LITEQ_AVX512VNNI void RowSumsAvx512(const uint8_t* a, size_t stride, int rows, int len, int32_t* out) {
  const __m512i zero = _mm512_setzero_si512();
  for (int r = 0; r < rows; ++r, a += stride) {
    __m512i acc = zero;
    int k = 0;
    for (; k + 64 <= len; k += 64) acc = _mm512_add_epi64(acc, _mm512_sad_epu8(_mm512_loadu_si512(a + k), zero));
    if (k < len) {
      const __mmask64 m = ~__mmask64{0} >> (64 - (len - k));
      acc = _mm512_add_epi64(acc, _mm512_sad_epu8(_mm512_maskz_loadu_epi8(m, a + k), zero));
    }
    out[r] = static_cast<int32_t>(_mm512_reduce_add_epi64(acc));
  }
}

LITEQ_AVX512VNNI void CopyRowAvx512(uint8_t* dst, const void* src, int n, bool flip) {
  const uint8_t* s = static_cast<const uint8_t*>(src);
  const __m512i bits = flip ? _mm512_set1_epi8(static_cast<char>(0x80)) : _mm512_setzero_si512();
  int i = 0;
  for (; i + 64 <= n; i += 64) _mm512_storeu_si512(dst + i, _mm512_xor_si512(_mm512_loadu_si512(s + i), bits));
  if (i < n) {
    const __mmask64 m = ~__mmask64{0} >> (64 - (n - i));
    _mm512_mask_storeu_epi8(dst + i, m, _mm512_xor_si512(_mm512_maskz_loadu_epi8(m, s + i), bits));
  }
}

namespace {

// One im2col row (filter rows of at most 61 bytes, see q8_gemm.h): per filter row one masked load of the
// taps inside the input (the rest read as pad), flipped when asked, stored as 64 bytes whose tail past
// the segment is 0 (the next segment or row overwrites it); the block's very last row stores only its
// own row_len bytes, so writes stay inside the block.
LITEQ_AVX512VNNI inline void Im2colRowGeneral(const reference::ConvShape& s, const uint8_t* in, int b, int ox, int oy, int seg,
                                              int row_len, bool last, __m512i bits, __m512i padv, uint8_t* dst) {
  const __mmask64 seg_mask = ~__mmask64{0} >> (64 - seg);
  const int64_t row_bytes = static_cast<int64_t>(s.in_w) * s.in_c;
  const int ix0 = ox * s.stride_w - s.pad_left;
  // The taps of a filter row inside the input, as a byte mask of the segment.
  const reference::InsideTaps kx = reference::TapsInside(s, ix0);
  const int lo = kx.lo * s.in_c, hi = kx.hi * s.in_c;
  const __mmask64 inside = lo < hi ? (~__mmask64{0} >> (64 - hi)) & (~__mmask64{0} << lo) : 0;
  for (int ky = 0; ky < s.filter_h; ++ky) {
    const int iy = oy * s.stride_h - s.pad_top + ky * s.dilation_h;
    __m512i v = padv;
    if (iy >= 0 && iy < s.in_h && inside != 0) {
      // Masked-off bytes are neither read nor faulted on, so the base may lie before the row.
      const uintptr_t src = reinterpret_cast<uintptr_t>(in) + static_cast<uintptr_t>((static_cast<int64_t>(b) * s.in_h + iy) * row_bytes +
                                                                                      static_cast<int64_t>(ix0) * s.in_c);
      const __m512i x = _mm512_xor_si512(_mm512_maskz_loadu_epi8(inside, reinterpret_cast<const void*>(src)), bits);
      v = _mm512_mask_blend_epi8(inside, padv, x);
    }
    v = _mm512_maskz_mov_epi8(seg_mask, v);
    if (!last || ky + 1 < s.filter_h) {
      _mm512_storeu_si512(dst + ky * seg, v);
    } else {
      _mm512_mask_storeu_epi8(dst + ky * seg, ~__mmask64{0} >> (64 - (row_len - ky * seg)), v);
    }
  }
}

#define LITEQ_AVX512VBMI __attribute__((target("avx2,avx512f,avx512bw,avx512vl,avx512vnni,avx512vbmi")))

// The same rows with VBMI when every filter row fits 16 bytes and there are at most 4 (first layers:
// 3x3 or 2x2 over 3 channels): a row whose taps are all inside the input is its filter rows' 16-byte
// masked loads in one zmm, flipped, and one vpermb that packs the K bytes together (the rest zeroed),
// stored as 32 or 64 bytes; rows touching the border take the general path.
LITEQ_AVX512VBMI void Im2colSmallVbmi(const reference::ConvShape& s, const uint8_t* in, int m0, int m1, int row_len, __m512i bits,
                                      __m512i padv, uint8_t* dst) {
  const int seg = s.filter_w * s.in_c, K = seg * s.filter_h;
  alignas(64) uint8_t order[64] = {};
  for (int j = 0; j < K; ++j) order[j] = static_cast<uint8_t>((j / seg) * 16 + j % seg);
  const __m512i idx = _mm512_load_si512(order);
  const __mmask64 k_mask = ~__mmask64{0} >> (64 - K);
  const __mmask16 seg16 = static_cast<__mmask16>((1u << seg) - 1);
  const int64_t row_bytes = static_cast<int64_t>(s.in_w) * s.in_c;
  const int last_iy_ok = s.in_h - 1 - (s.filter_h - 1) * s.dilation_h;  // oy*sh - pad_top must be in [0, this]
  reference::PixelWalk px(s, m0);
  for (int m = m0; m < m1; ++m, px.Next()) {
    uint8_t* d = dst + static_cast<size_t>(m - m0) * row_len;
    const bool last = m + 1 == m1;
    const int ix0 = px.ox * s.stride_w - s.pad_left, iy0 = px.oy * s.stride_h - s.pad_top;
    if (ix0 < 0 || ix0 + s.filter_w > s.in_w || iy0 < 0 || iy0 > last_iy_ok) {
      Im2colRowGeneral(s, in, px.b, px.ox, px.oy, seg, row_len, last, bits, padv, d);
      continue;
    }
    const uint8_t* src = in + (static_cast<int64_t>(px.b) * s.in_h + iy0) * row_bytes + static_cast<int64_t>(ix0) * s.in_c;
    const int64_t step = static_cast<int64_t>(s.dilation_h) * row_bytes;
    __m512i v = _mm512_castsi128_si512(_mm_maskz_loadu_epi8(seg16, src));
    for (int ky = 1; ky < s.filter_h; ++ky) {
      const __m128i r = _mm_maskz_loadu_epi8(seg16, src + ky * step);
      v = ky == 1 ? _mm512_inserti32x4(v, r, 1) : ky == 2 ? _mm512_inserti32x4(v, r, 2) : _mm512_inserti32x4(v, r, 3);
    }
    v = _mm512_maskz_permutexvar_epi8(k_mask, idx, _mm512_xor_si512(v, bits));
    if (last) {
      _mm512_mask_storeu_epi8(d, ~__mmask64{0} >> (64 - row_len), v);
    } else if (row_len <= 32) {
      _mm256_storeu_si256(reinterpret_cast<__m256i*>(d), _mm512_castsi512_si256(v));
    } else {
      _mm512_storeu_si512(d, v);
    }
  }
}

}  // namespace

LITEQ_AVX512VNNI void Im2colSmallAvx512(const reference::ConvShape& s, const void* input, int m0, int m1, int row_len,
                                        uint8_t pad, bool flip, uint8_t* dst) {
  const uint8_t* in = static_cast<const uint8_t*>(input);
  const int seg = s.filter_w * s.in_c;  // one filter row of taps, (kx, ic): at most 61 bytes here
  const __m512i bits = flip ? _mm512_set1_epi8(static_cast<char>(0x80)) : _mm512_setzero_si512();
  const __m512i padv = _mm512_set1_epi8(static_cast<char>(pad));
  if (seg <= 16 && s.filter_h <= 4 && x86::CpuHasVbmi()) return Im2colSmallVbmi(s, in, m0, m1, row_len, bits, padv, dst);
  reference::PixelWalk px(s, m0);
  for (int m = m0; m < m1; ++m, px.Next()) {
    Im2colRowGeneral(s, in, px.b, px.ox, px.oy, seg, row_len, m + 1 == m1, bits, padv, dst + static_cast<size_t>(m - m0) * row_len);
  }
}

LITEQ_AVX512VNNI void QU8Gemm8x16c4Avx512Vnni(int m, int nr, int kquads, const uint8_t* a, size_t a_stride, const int32_t* rowsum,
                                              int32_t rowcoef, const int8_t* panel, const OutputParams& op, uint8_t* c,
                                              size_t c_stride) {
  Gemm8x16c4<uint8_t>(m, nr, kquads, a, a_stride, rowsum, rowcoef, panel, op, c, c_stride);
}

LITEQ_AVX512VNNI void QS8Gemm8x16c4Avx512Vnni(int m, int nr, int kquads, const uint8_t* a, size_t a_stride, const int32_t* rowsum,
                                              int32_t rowcoef, const int8_t* panel, const OutputParams& op, int8_t* c,
                                              size_t c_stride) {
  Gemm8x16c4<int8_t>(m, nr, kquads, a, a_stride, rowsum, rowcoef, panel, op, c, c_stride);
}

}  // namespace q8_gemm
}  // namespace liteq

#endif  // x86
