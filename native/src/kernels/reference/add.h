// ADD and SUB (tf/tensorflow/lite/kernels/add.cc, sub.cc; internal/reference/add.h, sub.h,
// reference/integer_ops/add.h).
//
// Quantized: r = s(q - Z) for each operand. Both inputs are brought to a common scale
// 2 * max(s1, s2) / 2^20: each offset input (|q - Z| <= 255) is shifted left by 20 (fits in 29 bits)
// and multiplied by s_i / (2 max(s1, s2)) <= 1/2, so each scaled value is < 2^28 and their sum or
// difference < 2^29: no int32 overflow. The sum is then rescaled by 2 max(s1, s2) / (2^20 s_out).
// Every multiplier is a Q31 value < 1 with a right shift (QuantizeMultiplierSmallerThanOneExp).
#ifndef LITEQ_KERNELS_REFERENCE_ADD_H_
#define LITEQ_KERNELS_REFERENCE_ADD_H_

#include <algorithm>
#include <cstdint>

#include "fixedpoint.h"

namespace liteq {
namespace reference {

struct QuantizedAddSpec {
  int32_t input1_offset;  // -Z1
  int32_t input2_offset;  // -Z2
  int32_t output_offset;  // Z_out
  int32_t left_shift;     // 20 for 8-bit
  int32_t input1_multiplier;
  int32_t input1_shift;  // <= 0
  int32_t input2_multiplier;
  int32_t input2_shift;
  int32_t output_multiplier;
  int32_t output_shift;
  int32_t activation_min;
  int32_t activation_max;
};

// One output element of quantized ADD (subtract = false) or SUB (subtract = true).
inline int32_t QuantizedAddElement(const QuantizedAddSpec& p, int32_t q1, int32_t q2, bool subtract) {
  // (q - Z) * 2^left_shift, wrapping instead of overflowing on hostile offsets (same value otherwise).
  const int32_t shifted1 = ShiftLeftWrapping(static_cast<int32_t>(static_cast<uint32_t>(p.input1_offset) + static_cast<uint32_t>(q1)), p.left_shift);
  const int32_t shifted2 = ShiftLeftWrapping(static_cast<int32_t>(static_cast<uint32_t>(p.input2_offset) + static_cast<uint32_t>(q2)), p.left_shift);
  const int32_t scaled1 = MultiplyByQuantizedMultiplier(shifted1, p.input1_multiplier, p.input1_shift);
  const int32_t scaled2 = MultiplyByQuantizedMultiplier(shifted2, p.input2_multiplier, p.input2_shift);
  const int32_t raw = subtract ? static_cast<int32_t>(static_cast<uint32_t>(scaled1) - static_cast<uint32_t>(scaled2)) : WrappingAdd(scaled1, scaled2);
  const int32_t out = WrappingAdd(MultiplyByQuantizedMultiplier(raw, p.output_multiplier, p.output_shift), p.output_offset);
  return std::min(p.activation_max, std::max(p.activation_min, out));
}

// Float ADD/SUB: one IEEE operation then the fused activation's clamp.
// TFLite's ActivationFunctionWithMinMax: std::min(std::max(x, lo), hi) with x first, so NaN stays NaN.
inline float FloatAddElement(float a, float b, bool subtract, float act_min, float act_max) {
  const float r = subtract ? a - b : a + b;
  return std::min(std::max(r, act_min), act_max);
}

// int32 ADD/SUB (no quantization; wraps like TFLite's plain int32 arithmetic).
inline int32_t Int32AddElement(int32_t a, int32_t b, bool subtract, int32_t act_min, int32_t act_max) {
  const int32_t r = static_cast<int32_t>(subtract ? static_cast<uint32_t>(a) - static_cast<uint32_t>(b)
                                                  : static_cast<uint32_t>(a) + static_cast<uint32_t>(b));
  return std::min(act_max, std::max(act_min, r));
}

}  // namespace reference
}  // namespace liteq

#endif  // LITEQ_KERNELS_REFERENCE_ADD_H_
