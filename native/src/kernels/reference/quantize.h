// QUANTIZE and DEQUANTIZE (tf/tensorflow/lite/kernels/quantize.cc, dequantize.cc;
// internal/reference/quantize.h, dequantize.h, requantize.h).
#ifndef LITEQ_KERNELS_REFERENCE_QUANTIZE_H_
#define LITEQ_KERNELS_REFERENCE_QUANTIZE_H_

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>

#include "fixedpoint.h"

namespace liteq {
namespace reference {

// float -> 8-bit: q = clamp(Z + round(x / s)), rounding half away from zero. The division is in
// DOUBLE: TFLite 2.9's registered kernel runs optimized_ops::AffineQuantize, whose scalar loop divides
// by the double QuantizationParams::scale (the reference header divides in float32, which rounds
// quotients like 161.49999823 up to 161.5 and then to 162; the runtime outputs 161 — measured).
template <typename T>
inline T AffineQuantize(float x, float scale, int32_t zero_point) {
  const int32_t unclamped = WrappingAdd(TruncToInt32(std::round(static_cast<double>(x) / static_cast<double>(scale))), zero_point);
  const int32_t lo = std::numeric_limits<T>::min(), hi = std::numeric_limits<T>::max();
  return static_cast<T>(std::min(hi, std::max(lo, unclamped)));
}

// 8-bit -> 8-bit with other params: q_out = Z_out + (q_in - Z_in) * (s_in / s_out), the ratio as a Q31
// multiplier (QuantizeMultiplier of the double ratio); |q_in - Z_in| <= 255, no overflow.
template <typename Out>
inline Out Requantize(int32_t q, int32_t input_zero_point, int32_t output_zero_point, int32_t multiplier, int32_t shift) {
  const int32_t v = WrappingAdd(MultiplyByQuantizedMultiplier(q - input_zero_point, multiplier, shift), output_zero_point);
  const int32_t lo = std::numeric_limits<Out>::min(), hi = std::numeric_limits<Out>::max();
  return static_cast<Out>(std::min(hi, std::max(lo, v)));
}

// 8-bit -> float: s * (q - Z), computed in double and rounded once to float as TFLite's Dequantize
// does (DequantizationParams.scale is a double); the product is exact in double.
inline float Dequantize(int32_t q, float scale, int32_t zero_point) {
  return static_cast<float>(static_cast<double>(scale) * static_cast<double>(q - zero_point));
}

// IEEE binary16 -> binary32, exact (subnormals, infinities and NaN payloads included).
inline float HalfToFloat(uint16_t h) {
  const uint32_t sign = static_cast<uint32_t>(h & 0x8000u) << 16;
  uint32_t exp = (h >> 10) & 0x1fu;
  uint32_t mant = h & 0x3ffu;
  uint32_t bits;
  if (exp == 0x1f) {
    bits = sign | 0x7f800000u | (mant << 13);
  } else if (exp != 0) {
    bits = sign | ((exp + 112u) << 23) | (mant << 13);
  } else if (mant == 0) {
    bits = sign;
  } else {
    // Subnormal half: normalize into a float exponent.
    exp = 113;
    while ((mant & 0x400u) == 0) {
      mant <<= 1;
      --exp;
    }
    mant &= 0x3ffu;
    bits = sign | (exp << 23) | (mant << 13);
  }
  float f;
  std::memcpy(&f, &bits, sizeof(f));
  return f;
}

}  // namespace reference
}  // namespace liteq

#endif  // LITEQ_KERNELS_REFERENCE_QUANTIZE_H_
