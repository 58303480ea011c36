// The last step every quantized conv-like kernel shares: rescale the int32 accumulator to the output
// scale, add the output zero point, clamp to the fused activation's range.
//   acc is in units of s_in * s_w (bias included); q_out = Z_out + acc * (s_in * s_w / s_out).
// The multiplier/shift pair is TFLite's QuantizeMultiplier of that real ratio, computed by lowering.
#ifndef LITEQ_KERNELS_REFERENCE_OUTPUT_STAGE_H_
#define LITEQ_KERNELS_REFERENCE_OUTPUT_STAGE_H_

#include <algorithm>
#include <cstdint>

#include "fixedpoint.h"

namespace liteq {
namespace reference {

// Which final right shift TFLite 2.9's x86 kernel for the op really runs (measured, see docs/SEMANTICS.md):
// kTiesAwayFromZero is common.h's MultiplyByQuantizedMultiplier; kTiesUp is the gemmlowp/ruy output
// stage, (x + 2^(s-1)) >> s, used by the GEMM-backed ops.
enum class Rounding : int32_t { kTiesAwayFromZero = 0, kTiesUp = 1 };

inline int32_t Rescale(int32_t acc, int32_t multiplier, int32_t shift, Rounding rounding) {
  return rounding == Rounding::kTiesUp ? MultiplyByQuantizedMultiplierRoundUp(acc, multiplier, shift)
                                       : MultiplyByQuantizedMultiplier(acc, multiplier, shift);
}

inline int32_t OutputStage(int32_t acc, int32_t multiplier, int32_t shift, Rounding rounding, int32_t output_offset,
                           int32_t act_min, int32_t act_max) {
  // Rescale's result is at most |acc| * 2^shift in magnitude; adding the offset wraps like TFLite's int32.
  const int32_t scaled = static_cast<int32_t>(static_cast<uint32_t>(Rescale(acc, multiplier, shift, rounding)) +
                                              static_cast<uint32_t>(output_offset));
  return std::min(std::max(scaled, act_min), act_max);
}

// TFLite accumulates in int32 and relies on it wrapping in practice (a 3x3x4096 uint8 conv can exceed
// 2^31). Summing in int64 and truncating once gives the same residue mod 2^32 without signed overflow.
inline int32_t WrapToInt32(int64_t v) { return static_cast<int32_t>(static_cast<uint64_t>(v)); }

}  // namespace reference
}  // namespace liteq

#endif  // LITEQ_KERNELS_REFERENCE_OUTPUT_STAGE_H_
