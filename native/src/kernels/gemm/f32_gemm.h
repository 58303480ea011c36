// Float GEMM behind CONV_2D and FULLY_CONNECTED (float32):
//   C[m][n] = clamp(sum_k A[m][k] * B[n][k] + bias[n])
// Bit-exact to reference/conv.h and reference/fully_connected.h: SIMD lanes run over output channels
// and every lane adds its products in the reference's k order (ky, kx, ic) with separate multiply and
// add (no FMA), then the bias, then the clamp in the reference's operand order (NaN propagates).
// An im2col padding tap adds 0 * w = ±0, which leaves the (never -0) accumulator unchanged; only an
// infinite or NaN weight would differ (0 * inf), so Supports() rejects non-finite weights.
#ifndef LITEQ_KERNELS_GEMM_F32_GEMM_H_
#define LITEQ_KERNELS_GEMM_F32_GEMM_H_

#include <cstddef>
#include <cstdint>

#include "kernels/reference/conv.h"
#include "runtime/op.h"

namespace liteq {
namespace f32gemm {

constexpr int kMR = 4;
// Rows that A blocks and thread tasks are split into multiples of: the widest micro-kernel's.
constexpr int kRowGroup = 8;
constexpr int kNR = 16;

struct Problem {
  int M, N, K;
  const float* a;                     // rows at a + m*K, or the NHWC input of `conv`
  const reference::ConvShape* conv;   // im2col when non-null
  const float* b;                     // [N][K]
  const float* bias;                  // [N] or null
  float act_min, act_max;
  float* c;                           // [M][N]
  // Called with each range of rows [m0, m1) once all its columns are final, by the task that computed
  // them (tasks splitting columns: after the GEMM, over the threads); e.g. a fused residual ADD.
  const FunctionRef<void(int64_t, int64_t)>* rows_done = nullptr;
};

// AVX2 active (see q8_gemm::ActiveIsa) and, when check_weights, every weight finite.
bool Supports(const Problem& p, bool check_weights);
// packed: B comes packed (PackWeights at plan time), so the scratch holds only the A blocks; else
// it has room to pack B first.
size_t ScratchBytes(int M, int N, int K, int threads, bool packed = false);
size_t PackedWeightsBytes(int N, int K);
void PackWeights(const Problem& p, uint8_t* dst);
// packed: PackWeights' output for this B, or null to pack into the scratch first. Requires
// ctx.scratch_bytes >= ScratchBytes(M, N, K, threads, packed != null).
void Run(const OpContext& ctx, const Problem& p, const uint8_t* packed);

// Where a micro-kernel reads A from: row r's value k = s * seg_len + j (s < segs, j < seg_len) at
// row[r][s * seg_stride[r] + j]. A row-major block is one segment of K values per row; a convolution
// read in place is one segment per filter row (filter_w * in_c contiguous NHWC values, seg_stride the
// input's row pitch times dilation_h), so the k order is im2col's. Rows past mr repeat row mr - 1.
struct ARows {
  const float* row[8];
  size_t seg_stride[8];
  int segs, seg_len;
};

// A row-major block as ARows: one K-long segment per row at a + r * a_stride.
inline ARows PlainRows(int mr, int K, const float* a, size_t a_stride) {
  ARows rows;
  for (int r = 0; r < 8; ++r) rows.row[r] = a + static_cast<size_t>(r < mr ? r : mr - 1) * a_stride;
  for (int r = 0; r < 8; ++r) rows.seg_stride[r] = 0;
  rows.segs = 1;
  rows.seg_len = K;
  return rows;
}

// Micro-kernel: C[r][0..nr) for r < mr; a rows kpanel-long at a + r*a_stride; panel = K x 16 floats
// then bias[16].
void F32Gemm4x16Avx2(int mr, int nr, int K, const float* a, size_t a_stride, const float* panel, float act_min,
                     float act_max, float* c, size_t c_stride);
// The same with one zmm per row and up to 8 rows (AVX-512F; x86::Isa::kAvx512 and above).
void F32Gemm8x16Avx512(int mr, int nr, int K, const float* a, size_t a_stride, const float* panel, float act_min,
                       float act_max, float* c, size_t c_stride);
// The same for nr <= 8 (reads the panel's first 8 columns only) and mr <= 8 rows.
void F32Gemm8x8Avx2(int mr, int nr, int K, const float* a, size_t a_stride, const float* panel, float act_min,
                    float act_max, float* c, size_t c_stride);
// A full panel and the first nr_tail <= 8 columns of tail_panel (the next, last one) for mr <= 8 rows,
// into C columns [0, 16 + nr_tail) (AVX-512F/VL).
void F32Gemm8x24Avx512(int mr, int nr_tail, int K, const float* a, size_t a_stride, const float* panel, const float* tail_panel,
                       float act_min, float act_max, float* c, size_t c_stride);
// The 8x8 kernel compiled for AVX-512VL (embedded broadcasts; x86::Isa::kAvx512 and above).
void F32Gemm8x8Avx512(int mr, int nr, int K, const float* a, size_t a_stride, const float* panel, float act_min,
                      float act_max, float* c, size_t c_stride);
// The three AVX-512 kernels reading A through ARows (K = segs * seg_len): a convolution's interior
// pixels straight from its input, without an im2col copy.
void F32Gemm8x16Avx512Rows(int mr, int nr, const ARows& a, const float* panel, float act_min, float act_max, float* c,
                           size_t c_stride);
void F32Gemm8x24Avx512Rows(int mr, int nr_tail, const ARows& a, const float* panel, const float* tail_panel, float act_min,
                           float act_max, float* c, size_t c_stride);
void F32Gemm8x8Avx512Rows(int mr, int nr, const ARows& a, const float* panel, float act_min, float act_max, float* c,
                          size_t c_stride);
// Rows [m0, m1) of the im2col of an NHWC float input whose filter rows are at most 16 floats
// (filter_w * in_c <= 16, dilation_w 1), K floats per row, padding taps 0: two masked loads and stores
// per filter row.
void Im2colSmallAvx2(const reference::ConvShape& s, const float* input, int m0, int m1, float* dst);
// The same with 16-lane masked loads (AVX-512F/VL).
void Im2colSmallAvx512(const reference::ConvShape& s, const float* input, int m0, int m1, float* dst);
void F32Gemm4x16WasmSimd(int mr, int nr, int K, const float* a, size_t a_stride, const float* panel, float act_min,
                         float act_max, float* c, size_t c_stride);

}  // namespace f32gemm
}  // namespace liteq

#endif  // LITEQ_KERNELS_GEMM_F32_GEMM_H_
