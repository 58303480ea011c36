// TFLite's requantization arithmetic (tf/tensorflow/lite/kernels/internal/common.h and gemmlowp's
// fixedpoint.h), bit for bit. Every quantized kernel rescales its int32 accumulator with one of these.
#ifndef LITEQ_FIXEDPOINT_H_
#define LITEQ_FIXEDPOINT_H_

#include <cstdint>
#include <limits>

namespace liteq {

// round(a * b / 2^31), rounding half away from zero; the one overflow case (both INT32_MIN) saturates.
inline int32_t SaturatingRoundingDoublingHighMul(int32_t a, int32_t b) {
  const bool overflow = a == b && a == std::numeric_limits<int32_t>::min();
  const int64_t ab = static_cast<int64_t>(a) * static_cast<int64_t>(b);
  const int32_t nudge = ab >= 0 ? (1 << 30) : (1 - (1 << 30));
  // Division (not a shift) truncates toward zero, which with the nudge rounds half away from zero.
  const int32_t ab_x2_high32 = static_cast<int32_t>((ab + nudge) / (1LL << 31));
  return overflow ? std::numeric_limits<int32_t>::max() : ab_x2_high32;
}

// x / 2^exponent rounded to nearest, ties away from zero (gemmlowp RoundingDivideByPOT).
inline int32_t RoundingDivideByPOT(int32_t x, int exponent) {
  const int32_t mask = static_cast<int32_t>((1LL << exponent) - 1);
  const int32_t remainder = x & mask;
  const int32_t threshold = (mask >> 1) + (x < 0 ? 1 : 0);
  return (x >> exponent) + (remainder > threshold ? 1 : 0);
}

// x << n with two's complement wrap-around (as TFLite's int32 multiply by 1 << n behaves in practice),
// written without signed-overflow undefined behaviour.
inline int32_t ShiftLeftWrapping(int32_t x, int n) {
  return static_cast<int32_t>(static_cast<uint32_t>(x) << n);
}

// x * multiplier * 2^(shift - 31) with shift > 0 a left shift: TFLite's reference requantization
// (MultiplyByQuantizedMultiplier in common.h). Used by DEPTHWISE_CONV_2D, ADD, FULLY_CONNECTED, ...
inline int32_t MultiplyByQuantizedMultiplier(int32_t x, int32_t multiplier, int shift) {
  const int left_shift = shift > 0 ? shift : 0;
  const int right_shift = shift > 0 ? 0 : -shift;
  return RoundingDivideByPOT(SaturatingRoundingDoublingHighMul(ShiftLeftWrapping(x, left_shift), multiplier), right_shift);
}

// The same rescale with the final right shift rounding half toward +infinity,
// (x + 2^(s-1)) >> s: the gemmlowp/ruy output stage that TFLite 2.9's CONV_2D actually runs on x86
// (measured against the runtime; see docs/SEMANTICS.md). The high-mul step is identical.
inline int32_t MultiplyByQuantizedMultiplierRoundUp(int32_t x, int32_t multiplier, int shift) {
  const int left_shift = shift > 0 ? shift : 0;
  const int right_shift = shift > 0 ? 0 : -shift;
  const int32_t high = SaturatingRoundingDoublingHighMul(ShiftLeftWrapping(x, left_shift), multiplier);
  if (right_shift == 0) return high;
  const int64_t rounded = (static_cast<int64_t>(high) + (int64_t{1} << (right_shift - 1))) >> right_shift;
  return static_cast<int32_t>(rounded);
}

// float/double -> int32 truncating as x86's cvttss2si/cvttsd2si do (what TFLite's static_cast
// compiles to there): the same value in range; NaN and out-of-range give INT32_MIN, where a plain
// static_cast is undefined behaviour (hostile scales and inputs reach these conversions).
template <typename F>
inline int32_t TruncToInt32(F x) {
  return x > -2147483649.0 && x < 2147483648.0 ? static_cast<int32_t>(x) : std::numeric_limits<int32_t>::min();
}

// a + b with two's complement wrap-around (x86's add), without signed-overflow undefined behaviour.
inline int32_t WrappingAdd(int32_t a, int32_t b) {
  return static_cast<int32_t>(static_cast<uint32_t>(a) + static_cast<uint32_t>(b));
}

}  // namespace liteq

#endif  // LITEQ_FIXEDPOINT_H_
