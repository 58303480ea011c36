// FULLY_CONNECTED, plain loops: out[b][o] = sum_k in[b][k] * w[o][k] + bias[o]; weights [units, depth].
// Quantized as in conv.h: sum((q_in - Z_in)(q_w - Z_w)) + bias in units of s_in * s_w, then
// OutputStage with one multiplier (TFLite 2.9 has no per-channel FULLY_CONNECTED).
#ifndef LITEQ_KERNELS_REFERENCE_FULLY_CONNECTED_H_
#define LITEQ_KERNELS_REFERENCE_FULLY_CONNECTED_H_

#include <algorithm>
#include <cstdint>

#include "kernels/reference/output_stage.h"

namespace liteq {
namespace reference {

// Rows [row_begin, row_end) of the batch.
inline void FullyConnectedFloat(int depth, int units, const float* input, const float* weights, const float* bias,
                                float act_min, float act_max, float* output, int row_begin, int row_end) {
  for (int b = row_begin; b < row_end; ++b) {
    const float* in = input + static_cast<int64_t>(b) * depth;
    for (int o = 0; o < units; ++o) {
      const float* w = weights + static_cast<int64_t>(o) * depth;
      float acc = 0.0f;
      for (int k = 0; k < depth; ++k) acc += in[k] * w[k];
      if (bias) acc += bias[o];
      output[static_cast<int64_t>(b) * units + o] = std::min(std::max(acc, act_min), act_max);
    }
  }
}

struct QuantizedFullyConnectedParams {
  int32_t input_offset, filter_offset, output_offset;
  int32_t multiplier, shift;
  int32_t act_min, act_max;
  Rounding rounding;
};

template <typename T>
void FullyConnectedQuantized(int depth, int units, const QuantizedFullyConnectedParams& p, const T* input,
                             const T* weights, const int32_t* bias, T* output, int row_begin, int row_end) {
  for (int b = row_begin; b < row_end; ++b) {
    const T* in = input + static_cast<int64_t>(b) * depth;
    for (int o = 0; o < units; ++o) {
      const T* w = weights + static_cast<int64_t>(o) * depth;
      int64_t acc = 0;
      for (int k = 0; k < depth; ++k) {
        acc += static_cast<int64_t>(static_cast<int32_t>(in[k]) + p.input_offset) *
               (static_cast<int32_t>(w[k]) + p.filter_offset);
      }
      if (bias) acc += bias[o];
      output[static_cast<int64_t>(b) * units + o] = static_cast<T>(
          OutputStage(WrapToInt32(acc), p.multiplier, p.shift, p.rounding, p.output_offset, p.act_min, p.act_max));
    }
  }
}

}  // namespace reference
}  // namespace liteq

#endif  // LITEQ_KERNELS_REFERENCE_FULLY_CONNECTED_H_
