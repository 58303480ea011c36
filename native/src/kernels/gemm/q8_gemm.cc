// Quantized GEMM driver: ISA choice, B panel packing, A row blocks (plain rows or im2col) converted
// to int16, the split over threads and the micro-kernel loop. Portable C++; only the micro-kernel is
// AVX2 (q8_gemm_4x16c2__avx2.cc).
#include "kernels/gemm/q8_gemm.h"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <limits>

#include "liteq/liteq.h"
#include "kernels/gemm/gemm_split.h"
#include "runtime/thread_pool.h"

namespace liteq {
namespace q8_gemm {
namespace {

constexpr size_t kAlign = 64;
// Bytes of int16 A rows one thread converts at a time (reused across every B panel), so a block
// stays in L2 next to the panel streaming through L1.
constexpr size_t kABlockBytes = 48 * 1024;
constexpr int kMaxABlockRows = 64;
constexpr int kTasksPerThread = 4;
constexpr double kMinMacsPerTask = 1 << 21;

size_t AlignUp(size_t v) { return (v + kAlign - 1) / kAlign * kAlign; }

int KPairs(int K) { return (K + 1) / 2; }
int NumPanels(int N) { return (N + kNR - 1) / kNR; }
size_t PanelInt16s(int K) { return static_cast<size_t>(KPairs(K)) * 2 * kNR + 2 * kPanelParams; }

int ABlockRows(int K) {
  const size_t row_bytes = static_cast<size_t>(KPairs(K)) * 4;
  const int rows = static_cast<int>(kABlockBytes / row_bytes) / kMR * kMR;
  return std::max(kMR, std::min(kMaxABlockRows, rows));
}

size_t PackedBBytes(int N, int K) { return AlignUp(static_cast<size_t>(NumPanels(N)) * PanelInt16s(K) * 2); }
size_t ABlockBytes(int K) { return AlignUp(static_cast<size_t>(ABlockRows(K)) * KPairs(K) * 4); }

template <typename T>
void PackPanel(const Problem& p, int panel, int16_t* dst) {
  const T* b = static_cast<const T*>(p.b);
  const int n0 = panel * kNR, kpairs = KPairs(p.K);
  for (int col = 0; col < kNR; ++col) {
    const int n = n0 + col;
    if (n >= p.N) {
      for (int kk = 0; kk < kpairs; ++kk) dst[kk * 2 * kNR + 2 * col] = dst[kk * 2 * kNR + 2 * col + 1] = 0;
      continue;
    }
    const T* row = b + static_cast<int64_t>(n) * p.K;
    for (int k = 0; k < p.K; ++k) dst[(k >> 1) * 2 * kNR + 2 * col + (k & 1)] = static_cast<int16_t>(row[k] + p.b_offset);
    if (p.K & 1) dst[(kpairs - 1) * 2 * kNR + 2 * col + 1] = 0;
  }
  int32_t* params = reinterpret_cast<int32_t*>(dst + static_cast<size_t>(kpairs) * 2 * kNR);
  for (int col = 0; col < kNR; ++col) {
    const int n = n0 + col;
    const bool valid = n < p.N;
    const int ch = p.per_channel ? n : 0;
    const int32_t shift = valid ? p.shifts[ch] : 0;
    params[col] = valid && p.bias ? p.bias[n] : 0;
    params[kNR + col] = valid ? p.multipliers[ch] : 0;
    params[2 * kNR + col] = shift > 0 ? shift : 0;
    params[3 * kNR + col] = shift > 0 ? 0 : -shift;
  }
  // Ties-up rescale of x (after the left shift) with right shift s in one step on p = x * m:
  //   high = floor((p + 2^30) / 2^31) (SaturatingRoundingDoublingHighMul, m != INT32_MIN)
  //   out  = floor((high + 2^(s-1)) / 2^s) = floor((p + 2^30 + 2^(30+s)) / 2^(31+s))   (s >= 1)
  // by floor(floor(y) / n) = floor(y / n). Adding 2^62 makes the 64-bit sum non-negative so a logical
  // shift does it; its 2^(62-n) share of the result comes off with the zero point (post).
  int64_t* round = reinterpret_cast<int64_t*>(params + 4 * kNR);
  int64_t* count = round + 16;
  int32_t* post = reinterpret_cast<int32_t*>(count + 16);
  for (int col = 0; col < kNR; ++col) {
    const int s = params[3 * kNR + col];
    const int n = 31 + s;
    const int lane = (col / 8) * 8 + (col % 2) * 4 + (col % 8) / 2;
    round[lane] = (int64_t{1} << 62) + (int64_t{1} << 30) + (s > 0 ? int64_t{1} << (30 + s) : 0);
    count[lane] = n;
    post[col] = static_cast<int32_t>(static_cast<uint32_t>(p.output_offset) - static_cast<uint32_t>(uint64_t{1} << (62 - n)));
  }
}

// A rows [m0, m1) as int16 (value - Z_a), rows kpairs*2 long (an odd K gets a zero tail).
template <typename T>
void PackARows(const Problem& p, int m0, int m1, int16_t* dst) {
  const int row_len = KPairs(p.K) * 2;
  const T* a = static_cast<const T*>(p.a);
  const int16_t off = static_cast<int16_t>(p.a_offset);
  for (int m = m0; m < m1; ++m, dst += row_len) {
    if (p.K & 1) dst[p.K] = 0;
    if (!p.conv) {
      const T* src = a + static_cast<int64_t>(m) * p.K;
      for (int k = 0; k < p.K; ++k) dst[k] = static_cast<int16_t>(src[k] + off);
      continue;
    }
    const reference::ConvShape& s = *p.conv;
    const int ox = m % s.out_w;
    const int oy = (m / s.out_w) % s.out_h;
    const int b = m / (s.out_w * s.out_h);
    int16_t* d = dst;
    const int ix0 = ox * s.stride_w - s.pad_left;
    // With no dilation along x and the whole filter row inside the input, a filter row's taps are one
    // contiguous run of filter_w * in_c values (the common interior case; matters for small in_c).
    const bool row_contiguous = s.dilation_w == 1 && ix0 >= 0 && ix0 + s.filter_w <= s.in_w;
    for (int ky = 0; ky < s.filter_h; ++ky) {
      const int iy = oy * s.stride_h - s.pad_top + ky * s.dilation_h;
      if (row_contiguous && iy >= 0 && iy < s.in_h) {
        const T* src = a + ((static_cast<int64_t>(b) * s.in_h + iy) * s.in_w + ix0) * s.in_c;
        const int run = s.filter_w * s.in_c;
        for (int i = 0; i < run; ++i) d[i] = static_cast<int16_t>(src[i] + off);
        d += run;
        continue;
      }
      for (int kx = 0; kx < s.filter_w; ++kx, d += s.in_c) {
        const int ix = ox * s.stride_w - s.pad_left + kx * s.dilation_w;
        if (iy < 0 || iy >= s.in_h || ix < 0 || ix >= s.in_w) {
          std::memset(d, 0, sizeof(int16_t) * s.in_c);  // a padding tap is the zero point: contributes 0
          continue;
        }
        const T* src = a + ((static_cast<int64_t>(b) * s.in_h + iy) * s.in_w + ix) * s.in_c;
        for (int ic = 0; ic < s.in_c; ++ic) d[ic] = static_cast<int16_t>(src[ic] + off);
      }
    }
  }
}

// The micro-kernel for the active ISA (Supports() guarantees SSE4.1 at least).
using U8Kernel = void (*)(int, int, int, const int16_t*, size_t, const int16_t*, const OutputParams&, uint8_t*, size_t);
using S8Kernel = void (*)(int, int, int, const int16_t*, size_t, const int16_t*, const OutputParams&, int8_t*, size_t);
template <typename T>
struct KernelFor;
template <>
struct KernelFor<uint8_t> {
  static U8Kernel Get() {
#if defined(__x86_64__) || defined(__i386__)
    return ActiveIsa() >= Isa::kAvx2 ? QU8Gemm4x16c2Avx2 : QU8Gemm4x16c2Sse41;
#elif defined(__wasm_simd128__)
    return QU8Gemm4x16c2WasmSimd;
#else
    return nullptr;
#endif
  }
};
template <>
struct KernelFor<int8_t> {
  static S8Kernel Get() {
#if defined(__x86_64__) || defined(__i386__)
    return ActiveIsa() >= Isa::kAvx2 ? QS8Gemm4x16c2Avx2 : QS8Gemm4x16c2Sse41;
#elif defined(__wasm_simd128__)
    return QS8Gemm4x16c2WasmSimd;
#else
    return nullptr;
#endif
  }
};

// Rows [m_begin, m_end) x panels [p_begin, p_end), A converted block by block into a_buf.
template <typename T>
void RunTile(const Problem& p, const int16_t* packed_b, int16_t* a_buf, int m_begin, int m_end, int p_begin,
             int p_end) {
  const int kpairs = KPairs(p.K);
  const size_t a_stride = static_cast<size_t>(kpairs) * 2;
  const size_t panel_len = PanelInt16s(p.K);
  const int block_rows = ABlockRows(p.K);
  int32_t any_left_shift = 0;
  for (int i = 0; i < (p.per_channel ? p.N : 1); ++i) any_left_shift |= p.shifts[i] > 0;
  const OutputParams op = {p.output_offset, p.act_min, p.act_max, p.rounding, any_left_shift};
  T* c = static_cast<T*>(p.c);
  const auto kernel = KernelFor<T>::Get();
  for (int mb = m_begin; mb < m_end; mb += block_rows) {
    const int mb_end = std::min(m_end, mb + block_rows);
    PackARows<T>(p, mb, mb_end, a_buf);
    for (int panel = p_begin; panel < p_end; ++panel) {
      const int16_t* pb = packed_b + panel * panel_len;
      const int n0 = panel * kNR, nr = std::min(kNR, p.N - n0);
      for (int m = mb; m < mb_end; m += kMR) {
        const int mr = std::min(kMR, mb_end - m);
        kernel(mr, nr, kpairs, a_buf + (m - mb) * a_stride, a_stride, pb, op,
                      c + static_cast<int64_t>(m) * p.N + n0, static_cast<size_t>(p.N));
      }
    }
  }
}

template <typename T>
void RunTyped(const OpContext& ctx, const Problem& p, const uint8_t* packed) {
  const int panels = NumPanels(p.N);
  const size_t panel_len = PanelInt16s(p.K);
  uint8_t* a_slots = ctx.scratch + PackedBBytes(p.N, p.K);
  const size_t slot_bytes = ABlockBytes(p.K);
  const int16_t* packed_b = reinterpret_cast<const int16_t*>(packed);
  if (!packed_b) {
    int16_t* dst = reinterpret_cast<int16_t*>(ctx.scratch);
    ParallelFor(ctx, panels, [&](int64_t begin, int64_t end) {
      for (int64_t i = begin; i < end; ++i) PackPanel<T>(p, static_cast<int>(i), dst + i * panel_len);
    });
    packed_b = dst;
  }
  const x86::GemmSplit split = x86::PlanGemmSplit(p.M, p.N, p.K, panels, kMR, ctx.num_threads, kMinMacsPerTask, kTasksPerThread);
  x86::RunGemmTasks(ctx, split, [&](int t) {
    int16_t* a_buf = reinterpret_cast<int16_t*>(a_slots + static_cast<size_t>(t) * slot_bytes);
    int m0, m1, p0, p1;
    split.Range(t, &m0, &m1, &p0, &p1);
    if (m0 < m1 && p0 < p1) RunTile<T>(p, packed_b, a_buf, m0, m1, p0, p1);
  });
}

}  // namespace

bool Supports(const Problem& p) {
#if defined(__x86_64__) || defined(__i386__) || defined(__wasm_simd128__)
#if defined(__x86_64__) || defined(__i386__)
  if (ActiveIsa() < Isa::kSse41) return false;
#else
  if (ActiveIsa() < Isa::kWasmSimd128) return false;
#endif
  if (p.dtype != DType::kUInt8 && p.dtype != DType::kInt8) return false;
  if (p.M <= 0 || p.N <= 0 || p.K <= 0) return false;
  if (p.a_offset < -255 || p.a_offset > 255 || p.b_offset < -255 || p.b_offset > 255) return false;
  const int32_t lo = p.dtype == DType::kUInt8 ? 0 : -128, hi = p.dtype == DType::kUInt8 ? 255 : 127;
  if (p.act_min < lo || p.act_max > hi || p.act_min > p.act_max) return false;
  if (p.rounding != 0 && p.rounding != 1) return false;
  const int channels = p.per_channel ? p.N : 1;
  for (int i = 0; i < channels; ++i) {
    if (p.multipliers[i] == std::numeric_limits<int32_t>::min() || p.shifts[i] < -31 || p.shifts[i] > 31) return false;
  }
  return true;
#else
  (void)p;
  return false;
#endif
}

size_t ScratchBytes(int M, int N, int K, int threads) {
  (void)M;
  if (N <= 0 || K <= 0) return 0;
  const int slots = x86::MaxGemmTasks(threads, kTasksPerThread);
  return PackedBBytes(N, K) + static_cast<size_t>(slots) * ABlockBytes(K);
}

size_t PackedWeightsBytes(int N, int K) { return N > 0 && K > 0 ? PackedBBytes(N, K) : 0; }

void PackWeights(const Problem& p, uint8_t* dst) {
  int16_t* out = reinterpret_cast<int16_t*>(dst);
  for (int i = 0; i < NumPanels(p.N); ++i) {
    if (p.dtype == DType::kUInt8) {
      PackPanel<uint8_t>(p, i, out + i * PanelInt16s(p.K));
    } else {
      PackPanel<int8_t>(p, i, out + i * PanelInt16s(p.K));
    }
  }
}

void Run(const OpContext& ctx, const Problem& p, const uint8_t* packed) {
  if (p.dtype == DType::kUInt8) {
    RunTyped<uint8_t>(ctx, p, packed);
  } else {
    RunTyped<int8_t>(ctx, p, packed);
  }
}

}  // namespace q8_gemm
}  // namespace liteq
