// RELU, RELU6, RELU_N1_TO_1, LEAKY_RELU, HARD_SWISH (tf/tensorflow/lite/kernels/activations.cc;
// internal/reference/reference_ops.h ReluX, leaky_relu.h, hard_swish.h).
#ifndef LITEQ_KERNELS_REFERENCE_ACTIVATIONS_H_
#define LITEQ_KERNELS_REFERENCE_ACTIVATIONS_H_

#include <algorithm>
#include <cstdint>
#include <limits>

#include "fixedpoint.h"

namespace liteq {
namespace reference {

// Quantized RELU family: rescale r = s_in (q - Z_in) to the output's params, then clamp to the
// activation's quantized range. |q - Z_in| <= 255, so the rescale cannot overflow.
inline int32_t QuantizedReluX(int32_t q, int32_t input_zero_point, int32_t output_zero_point, int32_t multiplier, int32_t shift,
                              int32_t act_min, int32_t act_max) {
  const int32_t v = WrappingAdd(output_zero_point, MultiplyByQuantizedMultiplier(q - input_zero_point, multiplier, shift));
  return std::min(act_max, std::max(act_min, v));
}

// Quantized LEAKY_RELU: identity multiplier s_in / s_out for q >= Z_in, alpha s_in / s_out below.
inline int32_t QuantizedLeakyRelu(int32_t q, int32_t input_zero_point, int32_t output_zero_point, int32_t identity_multiplier,
                                  int32_t identity_shift, int32_t alpha_multiplier, int32_t alpha_shift, int32_t qmin,
                                  int32_t qmax) {
  const int32_t x = q - input_zero_point;
  const int32_t v = WrappingAdd(output_zero_point, x >= 0 ? MultiplyByQuantizedMultiplier(x, identity_multiplier, identity_shift)
                                                         : MultiplyByQuantizedMultiplier(x, alpha_multiplier, alpha_shift));
  return std::min(qmax, std::max(qmin, v));
}

inline float LeakyReluFloat(float x, float alpha) { return x > 0 ? x : x * alpha; }
// TFLite 2.9's optimized float HardSwish multiplies by a float 1/6 (the reference header divides by
// 6, which differs by an ulp; measured: the multiply matches the runtime).
inline float HardSwishFloat(float x) { return x * std::min(6.0f, std::max(0.0f, x + 3.0f)) * (1.0f / 6.0f); }

// ---- HARD_SWISH, quantized: x * relu6(x + 3) / 6 in 16-bit fixed point (TFLite's HardSwishParams).

struct HardSwishSpec {
  int32_t input_zero_point;
  int32_t output_zero_point;
  int32_t reluish_multiplier_fixedpoint_int16;
  int32_t reluish_multiplier_exponent;
  int32_t output_multiplier_fixedpoint_int16;
  int32_t output_multiplier_exponent;  // <= 0
};

// gemmlowp's int16 SaturatingRoundingDoublingHighMul: round(a b / 2^15), ties away from zero.
inline int16_t SaturatingRoundingDoublingHighMul16(int16_t a, int16_t b) {
  if (a == b && a == std::numeric_limits<int16_t>::min()) return std::numeric_limits<int16_t>::max();
  const int32_t ab = static_cast<int32_t>(a) * static_cast<int32_t>(b);
  const int32_t nudge = ab >= 0 ? (1 << 14) : (1 - (1 << 14));
  return static_cast<int16_t>((ab + nudge) / (1 << 15));
}

// a b / 2^15 truncated toward zero (TFLite hard_swish.h SaturatingDoublingHighMul).
inline int16_t SaturatingDoublingHighMul16(int16_t a, int16_t b) {
  if (a == b && a == std::numeric_limits<int16_t>::min()) return std::numeric_limits<int16_t>::max();
  const int32_t ab = static_cast<int32_t>(a) * static_cast<int32_t>(b);
  return static_cast<int16_t>(ab / (1 << 15));
}

inline int16_t SaturatingLeftShift16(int16_t value, int amount) {
  const int32_t r = static_cast<int32_t>(value) * (1 << amount);
  return static_cast<int16_t>(std::min<int32_t>(32767, std::max<int32_t>(-32768, r)));
}

template <typename T>
inline T QuantizedHardSwish(const HardSwishSpec& p, T q) {
  const int16_t input_value = static_cast<int16_t>(q - p.input_zero_point);
  // On the "hires" input scale s_in / 128: |q - Z| <= 255 so x * 2^7 fits in int16.
  const int16_t input_value_on_hires_input_scale = static_cast<int16_t>(input_value * (1 << 7));
  const int16_t input_value_on_preshift_output_scale = SaturatingRoundingDoublingHighMul16(
      input_value_on_hires_input_scale, static_cast<int16_t>(p.output_multiplier_fixedpoint_int16));
  // "reluish" = clamp((x + 3) / 6, 0, 1) as Q15, obtained from x on the scale where 3.0 <-> 32768.
  int16_t reluish_value = input_value_on_hires_input_scale;
  if (p.reluish_multiplier_exponent > 0) reluish_value = SaturatingLeftShift16(reluish_value, p.reluish_multiplier_exponent - 1);
  reluish_value = SaturatingRoundingDoublingHighMul16(reluish_value, static_cast<int16_t>(p.reluish_multiplier_fixedpoint_int16));
  if (p.reluish_multiplier_exponent > 0) reluish_value = SaturatingLeftShift16(reluish_value, 1);
  if (p.reluish_multiplier_exponent < 0) {
    reluish_value = static_cast<int16_t>(RoundingDivideByPOT(reluish_value, -p.reluish_multiplier_exponent));
  }
  reluish_value = static_cast<int16_t>((static_cast<int32_t>(reluish_value) + (1 << 15)) >> 1);
  const int16_t preshift_output_value = SaturatingDoublingHighMul16(reluish_value, input_value_on_preshift_output_scale);
  int16_t output_value = static_cast<int16_t>(RoundingDivideByPOT(preshift_output_value, -p.output_multiplier_exponent));
  // TFLite adds the zero point in int16 (wrapping, as its int16_t += does).
  output_value = static_cast<int16_t>(output_value + p.output_zero_point);
  output_value = std::min<int16_t>(output_value, std::numeric_limits<T>::max());
  output_value = std::max<int16_t>(output_value, std::numeric_limits<T>::min());
  return static_cast<T>(output_value);
}

}  // namespace reference
}  // namespace liteq

#endif  // LITEQ_KERNELS_REFERENCE_ACTIVATIONS_H_
