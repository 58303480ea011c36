// Quantized GEMM behind CONV_2D (1x1 = plain GEMM, others through im2col) and FULLY_CONNECTED:
//   C[m][n] = OutputStage(sum_k (A[m][k] - Z_a)(B[n][k] - Z_b) + bias[n])
// with A = activations [M, K] (or the im2col view of an NHWC input), B = weights [N, K] in their TFLite
// layout, C = [M, N]. Bit-exact to reference/conv.h and reference/fully_connected.h: the zero points
// are subtracted into int16 (|a|, |b| <= 510), so every _mm256_madd_epi16 pair sum is exact, and the
// int32 accumulation wraps mod 2^32 exactly as the reference's WrapToInt32(int64 sum) does. The
// output stage is the same integer arithmetic (AVX2: 8 columns at a time; SSE4.1: the scalar
// reference OutputStage per value).
//
// B is packed into 16-column panels of k-pairs (int16, zero point subtracted) with each column's bias
// and requantization constants — or, at the AVX-512 VNNI level, of k-quads of signed bytes (see
// q8_gemm_8x16c4__avx512vnni.cc for how the zero points are folded into per-row and per-column terms): once at plan creation by the kernel's prepare fn when weights and bias
// are plan constants (Tensor::is_constant), else at the start of every run into the op's scratch.
// Tasks (row ranges, or panel ranges when B outweighs A) go to the pool on demand; each converts
// blocks of A rows (plain rows or im2col) to int16 in its own scratch slot and runs the 4x16 kernel.
#ifndef LITEQ_KERNELS_GEMM_Q8_GEMM_H_
#define LITEQ_KERNELS_GEMM_Q8_GEMM_H_

#include <cstddef>
#include <cstdint>

#include "kernels/reference/conv.h"
#include "kernels/x86/isa.h"
#include "runtime/op.h"
#include "runtime/tensor.h"

namespace liteq {
namespace q8_gemm {

// The ISA choice is shared with the other x86 kernels (kernels/x86/isa.h).
using x86::ActiveIsa;
using x86::Isa;
using x86::SetIsaCapForTesting;

struct Problem {
  int M, N, K;
  DType dtype;  // kUInt8 or kInt8
  // A: rows of K values at a + m*K, or (conv != nullptr) the im2col rows of the NHWC input a, K
  // ordered (ky, kx, ic) like the OHWI filter; padding taps read as the zero point.
  const void* a;
  const reference::ConvShape* conv;
  int32_t a_offset;  // -Z_a
  const void* b;     // [N][K]
  int32_t b_offset;  // -Z_b
  const int32_t* bias;  // [N] or null
  const int32_t* multipliers;
  const int32_t* shifts;
  bool per_channel;  // multipliers/shifts have N entries, else one
  int32_t output_offset, act_min, act_max;
  int32_t rounding;  // reference::Rounding
  void* c;           // [M][N]
  // Optional: called once for each range of rows [m0, m1) of C, after every column of those rows is
  // final — by the task that computed them, while they are in its cache (tasks that split rows), or over
  // the threads after the GEMM (tasks that split columns). conv_2d_*_add runs its ADD there.
  const FunctionRef<void(int64_t, int64_t)>* rows_done = nullptr;
};

// True when the optimized path can run this problem bit-exactly at the active ISA (else callers use
// the reference loops): SSE4.1 or AVX2, offsets within [-255, 255], clamps within the output type, shifts in
// [-31, 31] and no INT32_MIN multiplier.
bool Supports(const Problem& p);

// Enough for either B layout and the A blocks of either, so a plan stays valid whatever ISA level a
// test caps the run at; with packed (B packed at plan time) the A blocks only: a run whose packed B no
// longer matches the active layout (IsPacked false) then needs the full size, or the reference path.
size_t ScratchBytes(int M, int N, int K, int threads, bool packed = false);

// B (weights - Z_b, bias, requantization parameters) in the panel layout of the ISA active now, with a
// 64-byte header naming the layout: built once by a kernel's PrepareFn when weights and bias are plan
// constants, instead of on every run. Run() repacks into the scratch if the layout no longer matches.
size_t PackedWeightsBytes(const Problem& p);
void PackWeights(const Problem& p, uint8_t* dst);  // dst 64-byte aligned, PackedWeightsBytes(p) long

// Whether packed (PackWeights' output, or null) holds B in the layout active now.
bool IsPacked(const Problem& p, const uint8_t* packed);

// Requires Supports(p) and ctx.scratch_bytes >= ScratchBytes(M, N, K, ctx.num_threads, IsPacked(p, packed)).
// packed is PackWeights' output for this problem's B, or null to pack B into the scratch first.
void Run(const OpContext& ctx, const Problem& p, const uint8_t* packed);

// ---- Micro-kernel interface (q8_gemm_4x16c2__avx2.cc) ----
constexpr int kMR = 4;   // rows of A per micro-kernel call
constexpr int kNR = 16;  // columns per packed B panel
// A packed B panel: kpairs blocks of [16 columns][2 k] int16, then kPanelParams int32 column params
// (padding columns get zeros, i.e. multiplier 0): bias[16], multiplier[16], left shift[16], right
// shift[16], then for the ties-up rescale in one 64-bit step (see PackPanel) int64 round[2][2][4] and
// int64 count[2][2][4] ([8-column half][even/odd column][lane]) and int32 post[16].
constexpr int kPanelParams = 4 * kNR + 2 * 16 + 2 * 16 + kNR;
// A VNNI panel of a problem whose output stage runs in one step (OutputParams::one_step) holds the
// one-step constants (kernels/one_step.h) in the ties-up slots instead, each [even columns 0, 2, .., 14 |
// odd columns 1, .., 15]: int64 round[16], int64 count[16], and in post's place uint32 fix[16].

struct OutputParams {
  int32_t output_offset, act_min, act_max, rounding;
  int32_t left_shift;  // nonzero when some column's shift is positive (else the left shift is skipped)
  int32_t one_step;    // nonzero when every column's right shift is <= kMaxOneStepShift (kernels/one_step.h)
};

// C[r][0..nr) for r < mr from int16 A rows (a + r*a_stride, kpairs*2 values) and one B panel.
void QU8Gemm4x16c2Avx2(int mr, int nr, int kpairs, const int16_t* a, size_t a_stride, const int16_t* panel,
                       const OutputParams& op, uint8_t* c, size_t c_stride);
void QS8Gemm4x16c2Avx2(int mr, int nr, int kpairs, const int16_t* a, size_t a_stride, const int16_t* panel,
                       const OutputParams& op, int8_t* c, size_t c_stride);
void QU8Gemm4x16c2Sse41(int mr, int nr, int kpairs, const int16_t* a, size_t a_stride, const int16_t* panel,
                        const OutputParams& op, uint8_t* c, size_t c_stride);
void QS8Gemm4x16c2Sse41(int mr, int nr, int kpairs, const int16_t* a, size_t a_stride, const int16_t* panel,
                        const OutputParams& op, int8_t* c, size_t c_stride);
// AVX-512 VNNI (x86/q8_gemm_8x16c4__avx512vnni.cc): 8 rows of unsigned 8-bit A (kquads*4 bytes each,
// a_stride apart) with their sums rowsum[0..mr), times one panel of kquads blocks of [16 columns][4 k]
// signed bytes followed by the same kPanelParams params (whose bias slot holds the column term).
constexpr int kMRVnni = 8;
// out[r] = sum of the first len bytes of row r (rows stride bytes apart), r < rows.
void RowSumsAvx512(const uint8_t* a, size_t stride, int rows, int len, int32_t* out);
// dst[i] = src[i] (^ 0x80 when flip: int8 -> the unsigned a_u = a + 128) for i < n, 64 bytes at a time.
void CopyRowAvx512(uint8_t* dst, const void* src, int n, bool flip);
// Rows [m0, m1) of the im2col of an NHWC 8-bit input whose filter rows are at most 61 bytes
// (filter_w * in_c <= 61, so a row's last filter row and its zero tail fit one 64-byte store;
// dilation_w 1): row_len bytes per row, taps outside the input read as pad, inside ones copied
// (^ 0x80 when flip), zero tail after K. One masked load and one store per filter row.
void Im2colSmallAvx512(const reference::ConvShape& s, const void* input, int m0, int m1, int row_len, uint8_t pad, bool flip,
                       uint8_t* dst);
// Rows [0, m) of A (any m; 8 per tile) against one B panel: the panel's output parameters are loaded
// once per call, so a block's rows go in one call.
void QU8Gemm8x16c4Avx512Vnni(int m, int nr, int kquads, const uint8_t* a, size_t a_stride, const int32_t* rowsum,
                             int32_t rowcoef, const int8_t* panel, const OutputParams& op, uint8_t* c, size_t c_stride);
void QS8Gemm8x16c4Avx512Vnni(int m, int nr, int kquads, const uint8_t* a, size_t a_stride, const int32_t* rowsum,
                             int32_t rowcoef, const int8_t* panel, const OutputParams& op, int8_t* c, size_t c_stride);
// WebAssembly SIMD128 (wasm/q8_gemm_4x16c2__wasmsimd.cc).
void QU8Gemm4x16c2WasmSimd(int mr, int nr, int kpairs, const int16_t* a, size_t a_stride, const int16_t* panel,
                           const OutputParams& op, uint8_t* c, size_t c_stride);
void QS8Gemm4x16c2WasmSimd(int mr, int nr, int kpairs, const int16_t* a, size_t a_stride, const int16_t* panel,
                           const OutputParams& op, int8_t* c, size_t c_stride);

}  // namespace q8_gemm
}  // namespace liteq

#endif  // LITEQ_KERNELS_GEMM_Q8_GEMM_H_
