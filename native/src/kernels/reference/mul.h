// MUL (tf/tensorflow/lite/kernels/mul.cc; internal/reference/mul.h, reference/integer_ops/mul.h).
//
// Quantized: r_out = r1 * r2 = s1 s2 (q1 - Z1)(q2 - Z2), so
// q_out = Z_out + (q1 - Z1)(q2 - Z2) * (s1 s2 / s_out). The product of two offset 8-bit values is at
// most 255 * 255 < 2^16, far from int32 overflow; the real multiplier may exceed 1 (shift > 0).
#ifndef LITEQ_KERNELS_REFERENCE_MUL_H_
#define LITEQ_KERNELS_REFERENCE_MUL_H_

#include <algorithm>
#include <cstdint>

#include "fixedpoint.h"

namespace liteq {
namespace reference {

struct QuantizedMulSpec {
  int32_t input1_offset;  // -Z1
  int32_t input2_offset;  // -Z2
  int32_t output_offset;  // Z_out
  int32_t output_multiplier;
  int32_t output_shift;
  int32_t activation_min;
  int32_t activation_max;
};

inline int32_t QuantizedMulElement(const QuantizedMulSpec& p, int32_t q1, int32_t q2) {
  const int32_t product = (p.input1_offset + q1) * (p.input2_offset + q2);
  const int32_t out = WrappingAdd(MultiplyByQuantizedMultiplier(product, p.output_multiplier, p.output_shift), p.output_offset);
  return std::min(p.activation_max, std::max(p.activation_min, out));
}

// TFLite's ActivationFunctionWithMinMax order (x first): NaN stays NaN.
inline float FloatMulElement(float a, float b, float act_min, float act_max) {
  return std::min(std::max(a * b, act_min), act_max);
}

inline int32_t Int32MulElement(int32_t a, int32_t b, int32_t act_min, int32_t act_max) {
  const int32_t r = static_cast<int32_t>(static_cast<uint32_t>(a) * static_cast<uint32_t>(b));
  return std::min(act_max, std::max(act_min, r));
}

}  // namespace reference
}  // namespace liteq

#endif  // LITEQ_KERNELS_REFERENCE_MUL_H_
