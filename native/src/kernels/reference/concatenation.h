// CONCATENATION (tf/tensorflow/lite/kernels/concatenation.cc; internal/reference/concatenation.h).
//
// The tensors are viewed as [outer, axis * inner]: for each outer index, each input contributes one
// contiguous run of dims[axis] * inner elements. uint8 inputs whose (scale, zero point) differ from
// the output's are requantized in float as TFLite's ConcatenationWithScaling does:
//   q_out = Z_out + round(q * (s_in / s_out) + (-Z_in * (s_in / s_out)))
// with s_in / s_out computed as s_in * (1.f / s_out), all in float32 and std::round (half away from
// zero); other inputs are copied byte for byte. int8 inputs must already share the output's params.
#ifndef LITEQ_KERNELS_REFERENCE_CONCATENATION_H_
#define LITEQ_KERNELS_REFERENCE_CONCATENATION_H_

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>

#include "fixedpoint.h"

namespace liteq {
namespace reference {

struct ConcatRequantize {
  bool copy;  // same scale and zero point as the output
  float scale;
  float bias;
};

// TFLite computes `scale` and `bias` once per input: scale = s_in * (1 / s_out), bias = -Z_in * scale.
inline ConcatRequantize MakeConcatRequantize(float input_scale, int32_t input_zero_point, float output_scale,
                                             int32_t output_zero_point) {
  ConcatRequantize r;
  r.copy = input_zero_point == output_zero_point && input_scale == output_scale;
  const float inverse_output_scale = 1.f / output_scale;
  r.scale = input_scale * inverse_output_scale;
  r.bias = static_cast<float>(-input_zero_point) * r.scale;
  return r;
}

inline void RequantizeConcatRun(const uint8_t* in, int64_t n, const ConcatRequantize& r, int32_t output_zero_point,
                                uint8_t* out) {
  for (int64_t j = 0; j < n; ++j) {
    const float x = static_cast<float>(in[j]) * r.scale + r.bias;
    const int32_t v = WrappingAdd(TruncToInt32(std::round(x)), output_zero_point);
    out[j] = static_cast<uint8_t>(std::max(0, std::min(255, v)));
  }
}

}  // namespace reference
}  // namespace liteq

#endif  // LITEQ_KERNELS_REFERENCE_CONCATENATION_H_
