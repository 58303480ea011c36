// Quantized DEPTHWISE_CONV_2D (depth multiplier 1), uint8 and int8, bit-exact to
// reference/depthwise_conv.h:
//   out[c] = OutputStage(sum_k (in_k[c] - Z_in)(w_k[c] - Z_w) + bias[c])
//
// Rewritten so the inner loop reads raw input bytes:
//   sum_k (in_k + io) w'_k + bias = sum_k in_k w'_k + (bias + io * sum_k w'_k),   w' = w + fo
// Padding taps point at a row of Z_in (= -io) bytes, whose (in + io) is 0 as in the reference, so the
// identity holds for every tap and borders need no branches in the micro-kernel. |in| <= 255 and
// |w'| <= 32767 - 255 keep every _mm_madd_epi16 pair sum exact; all sums wrap mod 2^32 exactly as the
// reference's WrapToInt32(int64 sum) does.
//
// Per run the driver (depthwise_conv.cc) packs w' as int16 tap pairs [pair][channel][2] (an odd tap
// count gets a zero-weight partner), the folded bias and the per-channel requantization arrays into
// the op's scratch, then for each output pixel passes the micro-kernel one input pointer per tap:
// interior pixels of a row in one call (pointers advance by stride_w * C), border pixels one by one.
#ifndef LITEQ_KERNELS_DWCONV_Q8_DWCONV_H_
#define LITEQ_KERNELS_DWCONV_Q8_DWCONV_H_

#include <cstddef>
#include <cstdint>

#include "kernels/one_step.h"

#include "kernels/x86/isa.h"
#include "runtime/op.h"

namespace liteq {
namespace dwconv {

using x86::Isa;
using x86::ActiveIsa;

// Everything a micro-kernel reads besides the input, packed per run (arrays are [channels]).
struct Packed {
  int channels;
  int pairs;               // ceil(taps / 2)
  const int16_t* weights;  // [pairs][channels][2]: w' of taps 2p and 2p+1
  const int32_t* bias;     // bias + io * sum_k w'_k
  const int32_t* multiplier;
  const int32_t* shift;        // TFLite's shift (> 0: left)
  const int32_t* left_shift;   // max(shift, 0)
  const int32_t* left_mult;    // 1 << left_shift
  const int32_t* right_shift;  // max(-shift, 0)
  const int32_t* mask;         // (1 << right_shift) - 1
  bool uniform_shift;          // every right_shift is the same (per-tensor quantization)
  int32_t output_offset, act_min, act_max;
  int32_t rounding;  // reference::Rounding: 0 ties away from zero, 1 ties up
  // The AVX-512 layout of the same values, for whole blocks of 32 channels: within a block, the order
  // the 512-bit kernel's two accumulators hold them (channels 0-7, 16-23, then 8-15, 24-31).
  int blocks32 = 0;
  const int16_t* weights32 = nullptr;  // [blocks32][pairs][32 channels][2]
  // [blocks32][kArrays32Ints]: int32 bias, multiplier, left_shift, right_shift, mask [32] each, then
  // int64 round[32]. With one_step, the right_shift and mask slots hold int64 count[32] instead (the
  // one-step constants of kernels/one_step.h, in [accumulator][even lanes | odd lanes] order).
  const int32_t* arrays32 = nullptr;
  // Every right shift is in [1, kMaxOneStepShift] (ties away; [0, ..] ties up): the AVX-512 kernel's
  // one-step output stage, whose ties-away correction is then the same for every channel.
  bool one_step = false;
  // The VNNI "quads" layout, for whole blocks of 64 channels when one_step holds and every w' fits a
  // signed byte (int8 filters, or uint8 ones whose zero point leaves them in [-128, 127]): four taps'
  // input bytes per channel (made unsigned: int8 inputs flipped by 0x80, the -128 * sum(w') folded into
  // the bias) against four taps' w' with one vpdpbusd. Accumulator a (0..3), dword k (0..15) holds
  // channel 16 * (k / 4) + 4 * a + k % 4 (what the in-lane byte/word unpacks of four 64-byte tap
  // loads give); the narrowing packs put the 64 results back in channel order.
  int blocks64 = 0;
  // Exactly 32 channels: one block whose dwords 32-63 repeat channels 0-31, for two pixels per step
  // (pixel i's 32 channels in the low 256 bits of each load, pixel i + 1's in the high).
  bool two_pixels = false;
  int quads = 0;                       // ceil(taps / 4); taps has 4 * quads entries
  const int8_t* weights64 = nullptr;   // [blocks64][quads][4 accumulators][16 dwords][4 taps]
  // [blocks64][4 accumulators][kQuadAccInts]: int32 bias[16], multiplier[16], left_shift[16], then int64
  // round[16] and count[16] in [even lanes | odd lanes] order (kernels/one_step.h).
  const int32_t* arrays64 = nullptr;
};
constexpr int kArrays32Ints = 5 * 32 + 32 * 2;
constexpr int kQuadAccInts = 3 * 16 + 2 * 32;
constexpr int kArrays64Ints = 4 * kQuadAccInts;
// Channel (within its 64-block; mod 32 in the two-pixel form) of accumulator a's dword k in the quads layout.
constexpr int QuadChannel(int a, int k) { return 16 * (k / 4) + 4 * a + k % 4; }
inline bool OneStepFits(const int32_t* right_shift, int channels, int32_t rounding) {
  const int lowest = rounding != 1 ? 1 : 0;  // ties away: a zero shift would need no correction
  for (int c = 0; c < channels; ++c) {
    if (right_shift[c] < lowest || right_shift[c] > kMaxOneStepShift) return false;
  }
  return true;
}
// Position of lane j (0..31, Avx512LaneChannel order) in the one-step arrays.
constexpr int OneStepLane(int j) { return (j / 16) * 16 + (j % 2) * 8 + (j % 16) / 2; }

// Channel of lane j (0..31) of a 32-channel block in the AVX-512 layout.
constexpr int Avx512LaneChannel(int j) { return j < 8 ? j : j < 16 ? j + 8 : j < 24 ? j - 8 : j; }

// Computes n output pixels (each `channels` values, contiguous in out). Pixel i reads tap t of channel
// c at taps[t] + i * step + c; taps has 2 * pairs entries (the odd partner's weight is zero).
using U8Ukernel = void (*)(const Packed& p, const uint8_t* const* taps, size_t n, size_t step, uint8_t* out);
using S8Ukernel = void (*)(const Packed& p, const int8_t* const* taps, size_t n, size_t step, int8_t* out);

// Portable version of the same arithmetic (the reference for the micro-kernels' channel tails).
void QU8DwconvScalar(const Packed& p, const uint8_t* const* taps, size_t n, size_t step, uint8_t* out);
void QS8DwconvScalar(const Packed& p, const int8_t* const* taps, size_t n, size_t step, int8_t* out);
void QU8DwconvSse41(const Packed& p, const uint8_t* const* taps, size_t n, size_t step, uint8_t* out);
void QS8DwconvSse41(const Packed& p, const int8_t* const* taps, size_t n, size_t step, int8_t* out);
void QU8DwconvAvx2(const Packed& p, const uint8_t* const* taps, size_t n, size_t step, uint8_t* out);
void QS8DwconvAvx2(const Packed& p, const int8_t* const* taps, size_t n, size_t step, int8_t* out);
void QU8DwconvAvx512Vnni(const Packed& p, const uint8_t* const* taps, size_t n, size_t step, uint8_t* out);
void QS8DwconvAvx512Vnni(const Packed& p, const int8_t* const* taps, size_t n, size_t step, int8_t* out);
void QU8DwconvWasmSimd(const Packed& p, const uint8_t* const* taps, size_t n, size_t step, uint8_t* out);
void QS8DwconvWasmSimd(const Packed& p, const int8_t* const* taps, size_t n, size_t step, int8_t* out);

// Channels [c0, channels) of pixel `pixel`, scalar (shared by the SIMD kernels for their tails).
template <typename T>
void ScalarChannels(const Packed& p, const T* const* taps, size_t pixel, size_t step, int c0, T* out);

// The depthwise_conv_2d_u8 / _i8 kernels run at a chosen level (tests and benchmarks; the registered
// kernels use ActiveIsa()). kScalar runs the reference loops, as does any shape or parameter the
// micro-kernels do not cover (depth multiplier > 1, more than kMaxTaps taps, out-of-range offsets).
constexpr int kMaxTaps = 64;
int RunDepthwiseU8(const OpContext& ctx, const OpArgs& args, Isa isa);
int RunDepthwiseS8(const OpContext& ctx, const OpArgs& args, Isa isa);
// depthwise_conv_2d_f32 likewise (dwconv/f32_dwconv.h).
int RunDepthwiseF32(const OpContext& ctx, const OpArgs& args, Isa isa);

}  // namespace dwconv
}  // namespace liteq

#endif  // LITEQ_KERNELS_DWCONV_Q8_DWCONV_H_
