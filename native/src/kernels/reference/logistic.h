// LOGISTIC and TANH (tf/tensorflow/lite/kernels/activations.cc).
//
// What TFLite 2.9 runs for uint8/int8 is NOT the fixed-point reference (reference/logistic.h,
// Logistic16bitPrecision): the registered kernel (Register_LOGISTIC -> kGenericOptimized, same for
// TANH) builds a 256-entry lookup table in Prepare, in float32:
//   table[q] = clamp(round(f(s_in * (q - Z_in)) * (1 / s_out)) + Z_out)
// with f(x) = 1.f / (1.f + expf(-x)) (LOGISTIC) or tanhf(x) (TANH), round = std::round (half away
// from zero), and then maps each input byte through the table. The table is built here with the same
// float32 operations and the same libm calls (expf/tanhf), so it matches the runtime's table.
#ifndef LITEQ_KERNELS_REFERENCE_LOGISTIC_H_
#define LITEQ_KERNELS_REFERENCE_LOGISTIC_H_

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

#include "fixedpoint.h"

namespace liteq {
namespace reference {

inline float LogisticFloat(float x) { return 1.0f / (1.0f + std::exp(-x)); }
inline float TanhFloat(float x) { return std::tanh(x); }

// TFLite's PopulateLookupTable<T>: indexed by the input byte (int8 values by their uint8 bit pattern).
template <typename T, typename Fn>
void PopulateLookupTable(float input_scale, int32_t input_zero_point, float output_scale, int32_t output_zero_point,
                         Fn transform, uint8_t table[256]) {
  static_assert(sizeof(T) == 1, "8-bit lookup tables only");
  const float inverse_scale = 1 / output_scale;
  const int32_t maxval = std::numeric_limits<T>::max();
  const int32_t minval = std::numeric_limits<T>::min();
  for (int32_t val = minval; val <= maxval; ++val) {
    const float dequantized = input_scale * static_cast<float>(val - input_zero_point);
    const float transformed = transform(dequantized);
    const float rescaled = std::round(transformed * inverse_scale);
    const int32_t quantized = TruncToInt32(rescaled + static_cast<float>(output_zero_point));
    table[static_cast<uint8_t>(static_cast<T>(val))] = static_cast<uint8_t>(static_cast<T>(std::max(std::min(maxval, quantized), minval)));
  }
}

inline void LookupBytes(const uint8_t table[256], const uint8_t* in, int64_t n, uint8_t* out) {
  for (int64_t i = 0; i < n; ++i) out[i] = table[in[i]];
}

}  // namespace reference
}  // namespace liteq

#endif  // LITEQ_KERNELS_REFERENCE_LOGISTIC_H_
