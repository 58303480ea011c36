// SOFTMAX (tf/tensorflow/lite/kernels/activations.cc SoftmaxPrepare/SoftmaxEval).
//
// uint8/int8: TFLite 2.9 on x86 runs optimized_ops::Softmax with a float lookup table built in
// Prepare (PopulateSoftmaxLookupTable), not the fixed-point reference/softmax.h:
//   table[255 - v] = expf((-s_in * beta) * v),  v = 0..255
// For each row, with m = max input, entry table[255 - m + q] = exp(beta s_in (q - m)); the row sum is
// accumulated in float in index order, inv = 1.f / (sum * s_out), and each output is
// Z_out + round(table[...] * inv), where round is std::round for int8 outputs and truncation of
// (x + 0.5f) for uint8 outputs (TFLite's QuantizeSoftmaxOutput<uint8_t> off aarch64), then clamped.
// float32: exp(beta (x - max)) normalized by the row sum (TFLite uses Eigen's vectorized exp, so
// float outputs agree to ~1 ulp, not bit for bit).
#ifndef LITEQ_KERNELS_REFERENCE_SOFTMAX_H_
#define LITEQ_KERNELS_REFERENCE_SOFTMAX_H_

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <type_traits>

#include "fixedpoint.h"

namespace liteq {
namespace reference {

inline void PopulateSoftmaxLookupTable(float input_scale, float beta, float table[256]) {
  const float scale = -input_scale * beta;
  for (int32_t val = 0; val <= 255; ++val) table[255 - val] = std::exp(scale * static_cast<float>(val));
}

template <typename T>
inline int32_t QuantizeSoftmaxOutput(float prob_rescaled, int32_t zero_point) {
  if constexpr (std::is_same<T, uint8_t>::value) {
    return TruncToInt32(prob_rescaled + 0.5f);
  } else {
    return WrappingAdd(TruncToInt32(std::round(prob_rescaled)), zero_point);
  }
}

// One row of `depth` values (TFLite's optimized_ops::Softmax inner loop).
template <typename T>
void SoftmaxQuantizedRow(const float table[256], float output_scale, int32_t output_zero_point, const T* in, int depth,
                         T* out) {
  int32_t max_val = std::numeric_limits<T>::min();
  for (int j = 0; j < depth; ++j) max_val = std::max(max_val, static_cast<int32_t>(in[j]));
  // table_offset[q] for q in [min(T), max_val] stays inside the table: 255 - max_val + q in [0, 255].
  const float* table_offset = &table[255 - max_val];
  float sum_exp = 0.0f;
  for (int j = 0; j < depth; ++j) sum_exp += table_offset[in[j]];
  const float inv_sum_exp = 1.0f / (sum_exp * output_scale);
  const int32_t clamp_max = std::numeric_limits<T>::max();
  const int32_t clamp_min = std::numeric_limits<T>::min();
  for (int j = 0; j < depth; ++j) {
    const float prob_rescaled = table_offset[in[j]] * inv_sum_exp;
    const int32_t q = QuantizeSoftmaxOutput<T>(prob_rescaled, output_zero_point);
    out[j] = static_cast<T>(std::max(std::min(clamp_max, q), clamp_min));
  }
}

inline void SoftmaxFloatRow(float beta, const float* in, int depth, float* out) {
  float max_val = in[0];
  for (int j = 1; j < depth; ++j) max_val = std::max(max_val, in[j]);
  float sum = 0.0f;
  for (int j = 0; j < depth; ++j) {
    out[j] = std::exp((in[j] - max_val) * beta);
    sum += out[j];
  }
  const float inv = 1.0f / sum;
  for (int j = 0; j < depth; ++j) out[j] *= inv;
}

}  // namespace reference
}  // namespace liteq

#endif  // LITEQ_KERNELS_REFERENCE_SOFTMAX_H_
