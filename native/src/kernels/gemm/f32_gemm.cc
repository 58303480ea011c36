// Float GEMM driver: B panels (K x 16 floats + bias), A rows used in place (FULLY_CONNECTED, 1x1
// convs) or im2col'd per block into the thread's scratch slot, the 8x16 AVX-512 or 4x16 AVX2 micro-kernel
// (8x8 AVX2 for a partial last panel of <= 8 columns).
#include "kernels/gemm/f32_gemm.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "kernels/gemm/q8_gemm.h"
#include "kernels/gemm/gemm_split.h"
#include "runtime/thread_pool.h"

namespace liteq {
namespace f32gemm {
namespace {

constexpr size_t kAlign = 64;
constexpr size_t kABlockBytes = 64 * 1024;
constexpr int kMaxABlockRows = 64;
constexpr int kTasksPerThread = 4;
[[maybe_unused]] constexpr double kMinMacsPerTask = 1 << 20;

size_t AlignUp(size_t v) { return (v + kAlign - 1) / kAlign * kAlign; }
int NumPanels(int N) { return (N + kNR - 1) / kNR; }
size_t PanelFloats(int K) { return static_cast<size_t>(K) * kNR + kNR; }
int ABlockRows(int K) {
  const int rows = static_cast<int>(kABlockBytes / (static_cast<size_t>(K) * 4)) / kRowGroup * kRowGroup;
  return std::max(kRowGroup, std::min(kMaxABlockRows, rows));
}
size_t PackedBBytes(int N, int K) { return AlignUp(static_cast<size_t>(NumPanels(N)) * PanelFloats(K) * 4); }
// One vector (16 floats) of slack past the rows: the small-row im2col stores whole vectors, and the
// last rows' stores reach up to 16 floats past the block (the next thread's slot, or past the scratch).
size_t ABlockBytes(int K) { return AlignUp(static_cast<size_t>(ABlockRows(K)) * K * 4) + 64; }

void PackPanel(const Problem& p, int panel, float* dst) {
  const int n0 = panel * kNR;
  for (int col = 0; col < kNR; ++col) {
    const int n = n0 + col;
    const float* row = n < p.N ? p.b + static_cast<int64_t>(n) * p.K : nullptr;
    for (int k = 0; k < p.K; ++k) dst[k * kNR + col] = row ? row[k] : 0.0f;
    dst[static_cast<size_t>(p.K) * kNR + col] = row && p.bias ? p.bias[n] : 0.0f;
  }
}

#if defined(__x86_64__) || defined(__i386__) || defined(__wasm_simd128__)
#if defined(__wasm_simd128__)
constexpr auto kMicroKernel = F32Gemm4x16WasmSimd;
#else
constexpr auto kMicroKernel = F32Gemm4x16Avx2;
#endif

void Im2col(const Problem& p, int m0, int m1, float* dst) {
  const reference::ConvShape& s = *p.conv;
#if !defined(__wasm_simd128__)
  if (s.dilation_w == 1 && s.filter_w * s.in_c <= 16) {  // first layers
    if (q8_gemm::ActiveIsa() >= q8_gemm::Isa::kAvx512) return Im2colSmallAvx512(s, p.a, m0, m1, dst);
    return Im2colSmallAvx2(s, p.a, m0, m1, dst);
  }
#endif
  const int row_len = s.filter_w * s.in_c;  // one filter row of taps, (kx, ic)
  for (int m = m0; m < m1; ++m) {
    const int ox = m % s.out_w, oy = (m / s.out_w) % s.out_h, b = m / (s.out_w * s.out_h);
    const int ix0 = ox * s.stride_w - s.pad_left;
    // With no dilation, a filter row wholly inside the image is one contiguous run of the NHWC input.
    const bool x_inside = s.dilation_w == 1 && ix0 >= 0 && ix0 + s.filter_w <= s.in_w;
    for (int ky = 0; ky < s.filter_h; ++ky) {
      const int iy = oy * s.stride_h - s.pad_top + ky * s.dilation_h;
      if (iy < 0 || iy >= s.in_h) {
        std::fill(dst, dst + row_len, 0.0f);
        dst += row_len;
        continue;
      }
      const float* src_row = p.a + (static_cast<int64_t>(b) * s.in_h + iy) * s.in_w * s.in_c;
      if (x_inside) {
        std::memcpy(dst, src_row + static_cast<int64_t>(ix0) * s.in_c, sizeof(float) * row_len);
        dst += row_len;
        continue;
      }
      for (int kx = 0; kx < s.filter_w; ++kx, dst += s.in_c) {
        const int ix = ix0 + kx * s.dilation_w;
        if (ix < 0 || ix >= s.in_w) {
          std::fill(dst, dst + s.in_c, 0.0f);
          continue;
        }
        std::memcpy(dst, src_row + static_cast<int64_t>(ix) * s.in_c, sizeof(float) * s.in_c);
      }
    }
  }
}

#if !defined(__wasm_simd128__)
// A block's rows [mb, mb_end) of a convolution (dilation_w 1) read in place: an output pixel whose taps
// all lie inside the input reads them there (one filter_w * in_c run per filter row); the others are
// im2col'd into their slot of a_buf. row[i] / stride[i] describe block row mb + i.
void InPlaceRows(const Problem& p, int mb, int mb_end, float* a_buf, const float** row, size_t* stride) {
  const reference::ConvShape& s = *p.conv;
  const size_t seg = static_cast<size_t>(s.filter_w) * s.in_c;
  const size_t pitch = static_cast<size_t>(s.dilation_h) * s.in_w * s.in_c;
  const int64_t step = static_cast<int64_t>(s.stride_w) * s.in_c;
  // Output columns whose filter rows lie inside the input along x: ix0 = ox * stride_w - pad_left >= 0
  // and ix0 + filter_w <= in_w.
  const int ox_lo = (s.pad_left + s.stride_w - 1) / s.stride_w;
  const int x_room = s.in_w - s.filter_w + s.pad_left;
  const int ox_hi = x_room < 0 ? 0 : std::min(s.out_w, x_room / s.stride_w + 1);
  int ox = mb % s.out_w, oy = (mb / s.out_w) % s.out_h, b = mb / (s.out_w * s.out_h);
  for (int m = mb; m < mb_end;) {
    // The rest of this output row (or of the block): one input row offset, one test along y.
    const int run = std::min(mb_end - m, s.out_w - ox);
    const int iy0 = oy * s.stride_h - s.pad_top;
    const bool y_inside = iy0 >= 0 && iy0 + (s.filter_h - 1) * s.dilation_h < s.in_h;
    const int64_t base = ((static_cast<int64_t>(b) * s.in_h + iy0) * s.in_w - s.pad_left) * s.in_c;
    for (int j = 0; j < run; ++j) {
      const int i = m - mb + j, x = ox + j;
      if (y_inside && x >= ox_lo && x < ox_hi) {
        row[i] = p.a + (base + x * step);
        stride[i] = pitch;
      } else {
        float* dst = a_buf + static_cast<int64_t>(i) * p.K;
        Im2col(p, m + j, m + j + 1, dst);  // (its vector stores stay within the slot's one vector of slack)
        row[i] = dst;
        stride[i] = seg;
      }
    }
    m += run;
    ox += run;
    if (ox == s.out_w) {
      ox = 0;
      if (++oy == s.out_h) oy = 0, ++b;
    }
  }
}

// ARows for the tile of block rows [i, i + mr).
ARows TileRows(const Problem& p, const float* const* row, const size_t* stride, int i, int mr) {
  ARows a;
  for (int r = 0; r < 8; ++r) {
    const int j = i + (r < mr ? r : mr - 1);
    a.row[r] = row[j];
    a.seg_stride[r] = stride[j];
  }
  a.segs = p.conv->filter_h;
  a.seg_len = p.conv->filter_w * p.conv->in_c;
  return a;
}
#endif

void RunTile(const Problem& p, const float* packed_b, float* a_buf, int m_begin, int m_end, int p_begin, int p_end,
             bool whole_rows) {
  const size_t panel_len = PanelFloats(p.K);
  const int block_rows = ABlockRows(p.K);
#if !defined(__wasm_simd128__)
  const bool avx512 = q8_gemm::ActiveIsa() >= q8_gemm::Isa::kAvx512;
#endif
#if !defined(__wasm_simd128__)
  // At AVX-512, convolutions without dilation along x read their interior pixels in place (ARows).
  const bool in_place = avx512 && p.conv && p.conv->dilation_w == 1;
  const float* row[kMaxABlockRows];
  size_t stride[kMaxABlockRows];
#endif
  for (int mb = m_begin; mb < m_end; mb += block_rows) {
    const int mb_end = std::min(m_end, mb + block_rows);
    const float* a = p.a + static_cast<int64_t>(mb) * p.K;
#if !defined(__wasm_simd128__)
    if (in_place) {
      InPlaceRows(p, mb, mb_end, a_buf, row, stride);
      for (int panel = p_begin; panel < p_end; ++panel) {
        const int n0 = panel * kNR, nr = std::min(kNR, p.N - n0);
        float* c = p.c + n0;
        if (nr == kNR && panel + 1 < p_end && p.N - n0 - kNR <= 8) {  // 16 + a last <= 8, as below
          for (int m = mb; m < mb_end; m += 8) {
            const int mr = std::min(8, mb_end - m);
            F32Gemm8x24Avx512Rows(mr, p.N - n0 - kNR, TileRows(p, row, stride, m - mb, mr), packed_b + panel * panel_len,
                                  packed_b + (panel + 1) * panel_len, p.act_min, p.act_max, c + static_cast<int64_t>(m) * p.N, p.N);
          }
          ++panel;
          continue;
        }
        const auto kernel = nr <= 8 ? F32Gemm8x8Avx512Rows : F32Gemm8x16Avx512Rows;
        for (int m = mb; m < mb_end; m += 8) {
          const int mr = std::min(8, mb_end - m);
          kernel(mr, nr, TileRows(p, row, stride, m - mb, mr), packed_b + panel * panel_len, p.act_min, p.act_max,
                 c + static_cast<int64_t>(m) * p.N, p.N);
        }
      }
      if (whole_rows && p.rows_done) (*p.rows_done)(mb, mb_end);
      continue;
    }
#endif
    if (p.conv) {
      Im2col(p, mb, mb_end, a_buf);
      a = a_buf;
    }
    for (int panel = p_begin; panel < p_end; ++panel) {
      const int n0 = panel * kNR, nr = std::min(kNR, p.N - n0);
#if !defined(__wasm_simd128__)
      // A full panel followed by a last one of <= 8 columns (24 = 16 + 8, 40, 88, ...): both in one pass.
      if (avx512 && nr == kNR && panel + 1 < p_end && p.N - n0 - kNR <= 8) {
        const int tail = p.N - n0 - kNR;
        for (int m = mb; m < mb_end; m += 8) {
          F32Gemm8x24Avx512(std::min(8, mb_end - m), tail, p.K, a + static_cast<int64_t>(m - mb) * p.K, p.K, packed_b + panel * panel_len,
                            packed_b + (panel + 1) * panel_len, p.act_min, p.act_max, p.c + static_cast<int64_t>(m) * p.N + n0, p.N);
        }
        ++panel;
        continue;
      }
#endif
#if defined(__wasm_simd128__)
      const auto kernel = kMicroKernel;
      const int mr = kMR;
#else
      // A partial last panel of <= 8 columns: half the work per row, eight rows per call.
      const auto kernel = nr <= 8 ? (avx512 ? F32Gemm8x8Avx512 : F32Gemm8x8Avx2) : avx512 ? F32Gemm8x16Avx512 : kMicroKernel;
      const int mr = nr <= 8 || avx512 ? 8 : kMR;
#endif
      for (int m = mb; m < mb_end; m += mr) {
        kernel(std::min(mr, mb_end - m), nr, p.K, a + static_cast<int64_t>(m - mb) * p.K, p.K, packed_b + panel * panel_len,
               p.act_min, p.act_max, p.c + static_cast<int64_t>(m) * p.N + n0, p.N);
      }
    }
    if (whole_rows && p.rows_done) (*p.rows_done)(mb, mb_end);
  }
}
#endif  // x86 or WebAssembly SIMD128

}  // namespace

bool Supports(const Problem& p, bool check_weights) {
#if defined(__x86_64__) || defined(__i386__) || defined(__wasm_simd128__)
#if defined(__wasm_simd128__)
  if (q8_gemm::ActiveIsa() < q8_gemm::Isa::kWasmSimd128 || p.M <= 0 || p.N <= 0 || p.K <= 0) return false;
#else
  if (q8_gemm::ActiveIsa() < q8_gemm::Isa::kAvx2 || p.M <= 0 || p.N <= 0 || p.K <= 0) return false;
#endif
  if (check_weights && p.conv) {  // only im2col padding multiplies weights by an implicit 0
    const int64_t n = static_cast<int64_t>(p.N) * p.K;
    for (int64_t i = 0; i < n; ++i) {
      if (!std::isfinite(p.b[i])) return false;
    }
  }
  return true;
#else
  (void)p, (void)check_weights;
  return false;
#endif
}

size_t ScratchBytes(int M, int N, int K, int threads, bool packed) {
  (void)M;
  if (N <= 0 || K <= 0) return 0;
  const int slots = x86::MaxGemmTasks(threads, kTasksPerThread);
  return (packed ? 0 : PackedBBytes(N, K)) + static_cast<size_t>(slots) * ABlockBytes(K);
}

size_t PackedWeightsBytes(int N, int K) { return N > 0 && K > 0 ? PackedBBytes(N, K) : 0; }

void PackWeights(const Problem& p, uint8_t* dst) {
  float* out = reinterpret_cast<float*>(dst);
  for (int i = 0; i < NumPanels(p.N); ++i) PackPanel(p, i, out + i * PanelFloats(p.K));
}

void Run(const OpContext& ctx, const Problem& p, const uint8_t* packed) {
#if defined(__x86_64__) || defined(__i386__) || defined(__wasm_simd128__)
  const int panels = NumPanels(p.N);
  const size_t panel_len = PanelFloats(p.K);
  uint8_t* a_slots = ctx.scratch + (packed ? 0 : PackedBBytes(p.N, p.K));  // B's room only when packed here
  const size_t slot_bytes = ABlockBytes(p.K);
  const float* packed_b = reinterpret_cast<const float*>(packed);
  if (!packed_b) {
    float* dst = reinterpret_cast<float*>(ctx.scratch);
    ParallelFor(ctx, panels, [&](int64_t begin, int64_t end) {
      for (int64_t i = begin; i < end; ++i) PackPanel(p, static_cast<int>(i), dst + i * panel_len);
    });
    packed_b = dst;
  }
  const x86::GemmSplit split = x86::PlanGemmSplit(p.M, p.N, p.K, panels, kRowGroup, ctx.num_threads, kMinMacsPerTask, kTasksPerThread);
  // Every task computes whole rows (all panels) when tasks split rows, or when there is one task.
  const bool whole_rows = split.split_m || split.tasks == 1;
  x86::RunGemmTasks(ctx, split, [&](int t) {
    float* a_buf = reinterpret_cast<float*>(a_slots + static_cast<size_t>(t) * slot_bytes);
    int m0, m1, p0, p1;
    split.Range(t, &m0, &m1, &p0, &p1);
    if (m0 < m1 && p0 < p1) RunTile(p, packed_b, a_buf, m0, m1, p0, p1, whole_rows);
  });
  if (p.rows_done && !whole_rows) ParallelFor(ctx, p.M, *p.rows_done);
#else
  (void)ctx, (void)p, (void)packed;
#endif
}

}  // namespace f32gemm
}  // namespace liteq
