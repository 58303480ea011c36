// Quantized GEMM driver: ISA choice, B panel packing, A row blocks (plain rows or im2col) converted
// to int16 (or, at the AVX-512 VNNI level, to unsigned bytes with their row sums), the split over
// threads and the micro-kernel loop. Portable C++; only the micro-kernels are ISA-specific
// (x86/q8_gemm_4x16c2__avx2.cc, x86/q8_gemm_8x16c4__avx512vnni.cc, ...).
#include "kernels/gemm/q8_gemm.h"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <type_traits>

#include "liteq/liteq.h"
#include "kernels/gemm/gemm_split.h"
#include "kernels/one_step.h"
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

void PackPanelParams(const Problem& p, int panel, int32_t* params);
OutputParams OutputParamsOf(const Problem& p);

// Row m of A (plain, or the im2col row of an NHWC input, K ordered (ky, kx, ic) like the OHWI filter)
// as runs: copy(src, n, k) for n input values landing at column k, pad(n, k) for n padding taps
// (which read as the zero point). Both A layouts are written through this one walk.
template <typename T, typename Copy, typename Pad>
void WalkARow(const Problem& p, int m, Copy copy, Pad pad) {
  const T* a = static_cast<const T*>(p.a);
  if (!p.conv) {
    copy(a + static_cast<int64_t>(m) * p.K, p.K, 0);
    return;
  }
  const reference::ConvShape& s = *p.conv;
  const int ox = m % s.out_w;
  const int oy = (m / s.out_w) % s.out_h;
  const int b = m / (s.out_w * s.out_h);
  int k = 0;
  const int ix0 = ox * s.stride_w - s.pad_left;
  // With no dilation along x and the whole filter row inside the input, a filter row's taps are one
  // contiguous run of filter_w * in_c values (the common interior case; matters for small in_c).
  const bool row_contiguous = s.dilation_w == 1 && ix0 >= 0 && ix0 + s.filter_w <= s.in_w;
  for (int ky = 0; ky < s.filter_h; ++ky) {
    const int iy = oy * s.stride_h - s.pad_top + ky * s.dilation_h;
    if (row_contiguous && iy >= 0 && iy < s.in_h) {
      copy(a + ((static_cast<int64_t>(b) * s.in_h + iy) * s.in_w + ix0) * s.in_c, s.filter_w * s.in_c, k);
      k += s.filter_w * s.in_c;
      continue;
    }
    for (int kx = 0; kx < s.filter_w; ++kx, k += s.in_c) {
      const int ix = ox * s.stride_w - s.pad_left + kx * s.dilation_w;
      if (iy < 0 || iy >= s.in_h || ix < 0 || ix >= s.in_w) {
        pad(s.in_c, k);
      } else {
        copy(a + ((static_cast<int64_t>(b) * s.in_h + iy) * s.in_w + ix) * s.in_c, s.in_c, k);
      }
    }
  }
}

// ---- The AVX-512 VNNI layout: k in quads of bytes ----
// A = a_u - c_a with a_u unsigned (c_a = 128 for int8, 0 for uint8) and B = b_s + c_b with b_s signed
// (c_b = 128 for uint8, 0 for int8), so for each (m, n), modulo 2^32:
//   sum_k (A - Z_a)(B - Z_b) = dot(a_u, b_s) + (c_b - Z_b) rowsum(a_u) - (c_a + Z_a) colsum(b_s)
//                              - K (c_a + Z_a)(c_b - Z_b)
// The column terms (and the bias) are packed in the panel's bias slot; (c_b - Z_b) is `rowcoef`.
enum class Layout : int32_t { kPairs16 = 1, kQuads8 = 2 };
constexpr size_t kHeaderBytes = kAlign;  // PackWeights' header: the layout, then padding

int KQuads(int K) { return (K + 3) / 4; }
int32_t ShiftA(DType d) { return d == DType::kInt8 ? 128 : 0; }  // c_a
int32_t ShiftB(DType d) { return d == DType::kUInt8 ? 128 : 0; }  // c_b
size_t PanelBytesVnni(int K) { return AlignUp(static_cast<size_t>(KQuads(K)) * 4 * kNR + kPanelParams * 4); }
size_t PackedBBytesVnni(int N, int K) { return static_cast<size_t>(NumPanels(N)) * PanelBytesVnni(K); }
int ABlockRowsVnni(int K) {
  const size_t row_bytes = static_cast<size_t>(KQuads(K)) * 4;
  const int rows = static_cast<int>(kABlockBytes / row_bytes) / kMRVnni * kMRVnni;
  return std::max(kMRVnni, std::min(kMaxABlockRows, rows));
}
// A rows (bytes), then their int32 sums.
size_t ABlockBytesVnni(int K) {
  const int rows = ABlockRowsVnni(K);
  return AlignUp(static_cast<size_t>(rows) * KQuads(K) * 4) + AlignUp(static_cast<size_t>(rows) * 4);
}

// The layout the active ISA runs for this problem: VNNI needs the padding value Z_a + c_a to be a byte.
Layout LayoutFor(const Problem& p) {
#if defined(__x86_64__) || defined(__i386__)
  const int32_t pad = ShiftA(p.dtype) - p.a_offset;
  if (ActiveIsa() >= Isa::kAvx512Vnni && pad >= 0 && pad <= 255) return Layout::kQuads8;
#else
  (void)p;
#endif
  return Layout::kPairs16;
}

// The one-step output constants of a VNNI panel (q8_gemm.h, kernels/one_step.h) in place of the
// ties-up ones, from the right shifts already in params; columns past N have m = 0.
void PackOneStepParams(const Problem& p, int32_t* params) {
  int64_t* round = reinterpret_cast<int64_t*>(params + 4 * kNR);
  int64_t* count = round + 16;
  uint32_t* fix = reinterpret_cast<uint32_t*>(count + 16);
  for (int col = 0; col < kNR; ++col) {
    const OneStepConstants k = OneStepFor(params[3 * kNR + col], p.output_offset, p.rounding != 1);
    const int lane = (col % 2) * 8 + col / 2;
    round[lane] = k.round;
    count[lane] = k.count;
    fix[lane] = static_cast<uint32_t>(k.fix);
  }
}

template <typename T>
void PackPanelVnni(const Problem& p, int panel, int8_t* dst) {
  const T* b = static_cast<const T*>(p.b);
  const int n0 = panel * kNR, kquads = KQuads(p.K);
  const int32_t cb = ShiftB(p.dtype);
  int32_t colsum[kNR];
  for (int col = 0; col < kNR; ++col) {
    const int n = n0 + col;
    const T* row = n < p.N ? b + static_cast<int64_t>(n) * p.K : nullptr;
    int32_t sum = 0;
    for (int k = 0; k < kquads * 4; ++k) {
      const int32_t v = row && k < p.K ? static_cast<int32_t>(row[k]) - cb : 0;
      dst[static_cast<size_t>(k >> 2) * 4 * kNR + 4 * col + (k & 3)] = static_cast<int8_t>(v);
      sum += v;
    }
    colsum[col] = sum;
  }
  int32_t* params = reinterpret_cast<int32_t*>(dst + static_cast<size_t>(kquads) * 4 * kNR);
  PackPanelParams(p, panel, params);
  const uint32_t a_term = static_cast<uint32_t>(ShiftA(p.dtype) - p.a_offset);  // c_a + Z_a
  const uint32_t b_term = static_cast<uint32_t>(cb + p.b_offset);               // c_b - Z_b
  for (int col = 0; col < kNR && n0 + col < p.N; ++col) {
    params[col] = static_cast<int32_t>(static_cast<uint32_t>(params[col]) - a_term * static_cast<uint32_t>(colsum[col]) -
                                       static_cast<uint32_t>(p.K) * a_term * b_term);
  }
  if (OutputParamsOf(p).one_step) PackOneStepParams(p, params);
}

// A rows [m0, m1) as unsigned bytes a_u (kquads*4 long, zero tail) and, when with_sums, their sums.
// An im2col padding tap is the zero point, Z_a + c_a as a byte.
template <typename T>
void PackARowsVnni(const Problem& p, int m0, int m1, uint8_t* dst, int32_t* rowsum, bool with_sums) {
  const int row_len = KQuads(p.K) * 4;
  const bool flip = ShiftA(p.dtype) != 0;  // int8 -> +128 is a flip of the top bit
  const uint8_t pad = static_cast<uint8_t>(ShiftA(p.dtype) - p.a_offset);
#if defined(__x86_64__) || defined(__i386__)
  // Plain rows of whole quads are one contiguous run: a single copy (and flip) for the block.
  if (!p.conv && p.K % 4 == 0) {
    CopyRowAvx512(dst, static_cast<const T*>(p.a) + static_cast<int64_t>(m0) * p.K, (m1 - m0) * p.K, flip);
    if (with_sums) RowSumsAvx512(dst, static_cast<size_t>(row_len), m1 - m0, p.K, rowsum);
    return;
  }
  // Small filter rows (first layers: 3 channels): one masked copy per filter row instead of a call per run.
  if (p.conv && p.conv->dilation_w == 1 && p.conv->filter_w * p.conv->in_c <= 61) {
    Im2colSmallAvx512(*p.conv, p.a, m0, m1, row_len, pad, flip, dst);
    if (with_sums) RowSumsAvx512(dst, static_cast<size_t>(row_len), m1 - m0, p.K, rowsum);
    return;
  }
#endif
  for (int m = m0; m < m1; ++m, dst += row_len) {
    std::memset(dst + p.K, 0, static_cast<size_t>(row_len - p.K));
    WalkARow<T>(
        p, m,
        [&](const T* src, int n, int k) {
          uint8_t* d = dst + k;
#if defined(__x86_64__) || defined(__i386__)
          // This layout only runs after AVX-512 VNNI dispatch (LayoutFor).
          CopyRowAvx512(d, src, n, flip);
#else
          std::memcpy(d, src, static_cast<size_t>(n));
          if (flip) {
            for (int i = 0; i < n; ++i) d[i] ^= 0x80;
          }
#endif
        },
        [&](int n, int k) { std::memset(dst + k, pad, static_cast<size_t>(n)); });
  }
#if defined(__x86_64__) || defined(__i386__)
  if (with_sums) RowSumsAvx512(dst - static_cast<size_t>(m1 - m0) * row_len, static_cast<size_t>(row_len), m1 - m0, p.K, rowsum);
#else
  (void)rowsum, (void)with_sums;
#endif
}

// c_b - Z_b: the factor of each A row's sum in the VNNI identity (0 for int8 symmetric weights).
int32_t RowCoef(const Problem& p) { return ShiftB(p.dtype) + p.b_offset; }

// What every micro-kernel call of this problem needs for its output stage.
OutputParams OutputParamsOf(const Problem& p) {
  int32_t any_left_shift = 0, one_step = 1;
  for (int i = 0; i < (p.per_channel ? p.N : 1); ++i) {
    any_left_shift |= p.shifts[i] > 0;
    one_step &= p.shifts[i] >= -kMaxOneStepShift;
  }
  return {p.output_offset, p.act_min, p.act_max, p.rounding, any_left_shift, one_step};
}

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
  PackPanelParams(p, panel, reinterpret_cast<int32_t*>(dst + static_cast<size_t>(kpairs) * 2 * kNR));
}

// A panel's kPanelParams column params (q8_gemm.h): bias, multiplier, shifts, ties-up constants.
void PackPanelParams(const Problem& p, int panel, int32_t* params) {
  const int n0 = panel * kNR;
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
  const int16_t off = static_cast<int16_t>(p.a_offset);
  for (int m = m0; m < m1; ++m, dst += row_len) {
    if (p.K & 1) dst[p.K] = 0;
    WalkARow<T>(
        p, m,
        [&](const T* src, int n, int k) {
          for (int i = 0; i < n; ++i) dst[k + i] = static_cast<int16_t>(src[i] + off);
        },
        // a padding tap is the zero point: contributes 0
        [&](int n, int k) { std::memset(dst + k, 0, sizeof(int16_t) * static_cast<size_t>(n)); });
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
             int p_end, bool a_packed, bool whole_rows) {
  const int kpairs = KPairs(p.K);
  const size_t a_stride = static_cast<size_t>(kpairs) * 2;
  const size_t panel_len = PanelInt16s(p.K);
  const int block_rows = a_packed ? m_end - m_begin : ABlockRows(p.K);  // a_packed: all rows, one block
  const OutputParams op = OutputParamsOf(p);
  T* c = static_cast<T*>(p.c);
  const auto kernel = KernelFor<T>::Get();
  for (int mb = m_begin; mb < m_end; mb += block_rows) {
    const int mb_end = std::min(m_end, mb + block_rows);
    if (!a_packed) PackARows<T>(p, mb, mb_end, a_buf);
    for (int panel = p_begin; panel < p_end; ++panel) {
      const int16_t* pb = packed_b + panel * panel_len;
      const int n0 = panel * kNR, nr = std::min(kNR, p.N - n0);
      for (int m = mb; m < mb_end; m += kMR) {
        const int mr = std::min(kMR, mb_end - m);
        kernel(mr, nr, kpairs, a_buf + (m - mb) * a_stride, a_stride, pb, op,
                      c + static_cast<int64_t>(m) * p.N + n0, static_cast<size_t>(p.N));
      }
    }
    if (whole_rows && p.rows_done) (*p.rows_done)(mb, mb_end);
  }
}

// Panel `panel` of B in `layout`, at its place in the packed area starting at `base`.
template <typename T>
void PackPanelAt(const Problem& p, Layout layout, int panel, uint8_t* base) {
  if (layout == Layout::kQuads8) {
    PackPanelVnni<T>(p, panel, reinterpret_cast<int8_t*>(base) + panel * PanelBytesVnni(p.K));
  } else {
    PackPanel<T>(p, panel, reinterpret_cast<int16_t*>(base) + panel * PanelInt16s(p.K));
  }
}

// Plain uint8 A rows (FULLY_CONNECTED, 1x1 stride-1 convs) whose length is whole quads are read in
// place by the VNNI kernels instead of copied (their row sums computed per block). int8 rows would
// need the flip to a + 128 in the kernel, which cost as much as the copy it saves (measured).
bool DirectAVnni(const Problem& p) { return !p.conv && p.K % 4 == 0 && p.dtype == DType::kUInt8; }

// The VNNI twin of RunTile: rows [m_begin, m_end) x panels [p_begin, p_end).
template <typename T>
void RunTileVnni(const Problem& p, const int8_t* packed_b, uint8_t* a_buf, int m_begin, int m_end, int p_begin,
                 int p_end, bool a_packed, bool whole_rows) {
#if defined(__x86_64__) || defined(__i386__)
  const int kquads = KQuads(p.K);
  const size_t a_stride = static_cast<size_t>(kquads) * 4;
  const size_t panel_len = PanelBytesVnni(p.K);
  const bool direct = !a_packed && DirectAVnni(p);
  const int block_rows = a_packed ? m_end - m_begin : ABlockRowsVnni(p.K);  // a_packed: all rows, one block
  int32_t* rowsum = reinterpret_cast<int32_t*>(a_buf + AlignUp(static_cast<size_t>(block_rows) * a_stride));
  const OutputParams op = OutputParamsOf(p);
  const int32_t rowcoef = RowCoef(p);
  T* c = static_cast<T*>(p.c);
  for (int mb = m_begin; mb < m_end; mb += block_rows) {
    const int mb_end = std::min(m_end, mb + block_rows);
    const uint8_t* a = a_buf;
    if (direct) {
      a = static_cast<const uint8_t*>(p.a) + static_cast<size_t>(mb) * a_stride;
      if (rowcoef != 0) RowSumsAvx512(a, a_stride, mb_end - mb, p.K, rowsum);
    } else if (!a_packed) {
      PackARowsVnni<T>(p, mb, mb_end, a_buf, rowsum, rowcoef != 0);
    }
    for (int panel = p_begin; panel < p_end; ++panel) {
      const int8_t* pb = packed_b + panel * panel_len;
      const int n0 = panel * kNR, nr = std::min(kNR, p.N - n0);
      // The block's rows in one call (8-row tiles inside), so the panel's output parameters load once.
      if constexpr (std::is_same<T, uint8_t>::value) {
        QU8Gemm8x16c4Avx512Vnni(mb_end - mb, nr, kquads, a, a_stride, rowsum, rowcoef, pb, op, c + static_cast<int64_t>(mb) * p.N + n0,
                                static_cast<size_t>(p.N));
      } else {
        QS8Gemm8x16c4Avx512Vnni(mb_end - mb, nr, kquads, a, a_stride, rowsum, rowcoef, pb, op, c + static_cast<int64_t>(mb) * p.N + n0,
                                static_cast<size_t>(p.N));
      }
    }
    if (whole_rows && p.rows_done) (*p.rows_done)(mb, mb_end);
  }
#else
  (void)p, (void)packed_b, (void)a_buf, (void)m_begin, (void)m_end, (void)p_begin, (void)p_end, (void)a_packed, (void)whole_rows;
#endif
}

template <typename T>
void RunTyped(const OpContext& ctx, const Problem& p, const uint8_t* packed) {
  const Layout layout = LayoutFor(p);
  const bool vnni = layout == Layout::kQuads8;
  const int panels = NumPanels(p.N);
  // The packed weights count when they were packed for this layout (a test may have changed the ISA cap).
  const uint8_t* b = IsPacked(p, packed) ? packed + kHeaderBytes : nullptr;
  // B's room in the scratch only when B is packed here.
  uint8_t* a_slots = ctx.scratch + (b ? 0 : std::max(PackedBBytes(p.N, p.K), PackedBBytesVnni(p.N, p.K)));
  const size_t slot_bytes = std::max(ABlockBytes(p.K), ABlockBytesVnni(p.K));
  if (!b) {
    uint8_t* dst = ctx.scratch;
    ParallelFor(ctx, panels, [&](int64_t begin, int64_t end) {
      for (int64_t i = begin; i < end; ++i) PackPanelAt<T>(p, layout, static_cast<int>(i), dst);
    });
    b = dst;
  }
  const int mr = vnni ? kMRVnni : kMR;
  const x86::GemmSplit split = x86::PlanGemmSplit(p.M, p.N, p.K, panels, mr, ctx.num_threads, kMinMacsPerTask, kTasksPerThread);
  // Split by panels (late layers: few pixels, many weights): A is converted once, here, into the
  // whole A-slot area when it fits, and every task reads it, instead of each converting all of A again.
  const size_t a_area = static_cast<size_t>(x86::MaxGemmTasks(ctx.num_threads, kTasksPerThread)) * slot_bytes;
  const size_t a_rows_bytes = AlignUp(static_cast<size_t>(p.M) * (vnni ? KQuads(p.K) * 4 : KPairs(p.K) * 4));
  const bool share_a = !split.split_m && split.tasks > 1 && a_rows_bytes + AlignUp(static_cast<size_t>(p.M) * 4) <= a_area &&
                       !(vnni && DirectAVnni(p));  // rows read in place need no shared copy
  if (share_a) {
    if (vnni) {
      PackARowsVnni<T>(p, 0, p.M, a_slots, reinterpret_cast<int32_t*>(a_slots + a_rows_bytes), RowCoef(p) != 0);
    } else {
      PackARows<T>(p, 0, p.M, reinterpret_cast<int16_t*>(a_slots));
    }
  }
  // Every task computes whole rows (all panels) when tasks split rows, or when there is one task.
  const bool whole_rows = split.split_m || split.tasks == 1;
  x86::RunGemmTasks(ctx, split, [&](int t) {
    uint8_t* slot = share_a ? a_slots : a_slots + static_cast<size_t>(t) * slot_bytes;
    int m0, m1, p0, p1;
    split.Range(t, &m0, &m1, &p0, &p1);
    if (m0 >= m1 || p0 >= p1) return;
    if (vnni) {
      RunTileVnni<T>(p, reinterpret_cast<const int8_t*>(b), slot, m0, m1, p0, p1, share_a, whole_rows);
    } else {
      RunTile<T>(p, reinterpret_cast<const int16_t*>(b), reinterpret_cast<int16_t*>(slot), m0, m1, p0, p1, share_a, whole_rows);
    }
  });
  if (p.rows_done && !whole_rows) ParallelFor(ctx, p.M, *p.rows_done);
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

size_t ScratchBytes(int M, int N, int K, int threads, bool packed) {
  (void)M;
  if (N <= 0 || K <= 0) return 0;
  const int slots = x86::MaxGemmTasks(threads, kTasksPerThread);
  return (packed ? 0 : std::max(PackedBBytes(N, K), PackedBBytesVnni(N, K))) +
         static_cast<size_t>(slots) * std::max(ABlockBytes(K), ABlockBytesVnni(K));
}

bool IsPacked(const Problem& p, const uint8_t* packed) {
  if (!packed) return false;
  int32_t tag = 0;
  std::memcpy(&tag, packed, sizeof(tag));
  return tag == static_cast<int32_t>(LayoutFor(p));
}

size_t PackedWeightsBytes(const Problem& p) {
  if (p.N <= 0 || p.K <= 0) return 0;
  return kHeaderBytes + (LayoutFor(p) == Layout::kQuads8 ? PackedBBytesVnni(p.N, p.K) : PackedBBytes(p.N, p.K));
}

void PackWeights(const Problem& p, uint8_t* dst) {
  const Layout layout = LayoutFor(p);
  const int32_t tag = static_cast<int32_t>(layout);
  std::memcpy(dst, &tag, sizeof(tag));
  for (int i = 0; i < NumPanels(p.N); ++i) {
    if (p.dtype == DType::kUInt8) {
      PackPanelAt<uint8_t>(p, layout, i, dst + kHeaderBytes);
    } else {
      PackPanelAt<int8_t>(p, layout, i, dst + kHeaderBytes);
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
