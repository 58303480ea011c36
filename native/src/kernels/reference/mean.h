// MEAN over a set of axes, plain loops. TFLite 2.9 picks one of several arithmetics by the op's
// shape and quantization, and each rounds differently, so the lowering names the one to run:
//
//   kFloat        sum in float in input order, divide by n in float.
//   kQuantHW      TFLite's 4-D mean over H and W with keep_dims (optimized_ops::Mean): acc = sum(q)
//                 of the raw integers, out = MultiplyByQuantizedMultiplier(acc, M, s) + bias with
//                 M, s from s_in / (n * s_out) computed in float and bias = Z_out - Z_in*s_in/s_out
//                 rounded; r = s_in(q - Z_in) so mean(r)/s_out + Z_out = acc*s_in/(n*s_out) + bias.
//   kQuantHWInt8  the same shape for int8 (TFLite 2.9 runs reference_integer_ops::Mean here, measured):
//                 acc = sum(q - Z_in), acc = MultiplyByQuantizedMultiplier(acc, M, s) with M, s from
//                 s_in / s_out in double, then divided by n rounding half away from zero, + Z_out.
//   kQuantSame    input and output share scale and zero point: out = sum(q) / n, C division
//                 (truncates toward zero).
//   kQuantFloat   otherwise (reference QuantizedMeanOrSum): mean = float(sum(q)) / float(n), out =
//                 round(mean * (s_in/s_out) + (-Z_in * s_in/s_out)) + Z_out, all in float, clamped.
//
// Sums of q fit int32 for up to 2^23 reduced elements.
#ifndef LITEQ_KERNELS_REFERENCE_MEAN_H_
#define LITEQ_KERNELS_REFERENCE_MEAN_H_

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include "fixedpoint.h"

namespace liteq {
namespace reference {

enum class MeanMode : int32_t { kFloat = 0, kQuantHW = 1, kQuantSame = 2, kQuantFloat = 3, kQuantHWInt8 = 4 };

struct MeanShape {
  int rank;
  int dims[6];
  uint32_t reduce_mask;  // bit i set: axis i is reduced
};

// Calls fn(input_index, output_index) for every input element in raster order; output_index counts
// the kept axes only.
template <typename Fn>
void ForEachReduced(const MeanShape& s, Fn fn) {
  int64_t total = 1;
  for (int i = 0; i < s.rank; ++i) total *= s.dims[i];
  int idx[6] = {0, 0, 0, 0, 0, 0};
  for (int64_t in = 0; in < total; ++in) {
    int64_t out = 0;
    for (int i = 0; i < s.rank; ++i) {
      if (!(s.reduce_mask >> i & 1)) out = out * s.dims[i] + idx[i];
    }
    fn(in, out);
    for (int i = s.rank - 1; i >= 0; --i) {
      if (++idx[i] < s.dims[i]) break;
      idx[i] = 0;
    }
  }
}

inline int64_t MeanOutputCount(const MeanShape& s) {
  int64_t n = 1;
  for (int i = 0; i < s.rank; ++i) {
    if (!(s.reduce_mask >> i & 1)) n *= s.dims[i];
  }
  return n;
}

inline int64_t MeanReducedCount(const MeanShape& s) {
  int64_t n = 1;
  for (int i = 0; i < s.rank; ++i) {
    if (s.reduce_mask >> i & 1) n *= s.dims[i];
  }
  return n;
}

// `sums`: MeanOutputCount(s) floats of working memory (the kernel's scratch), or null to allocate them.
inline void MeanFloat(const MeanShape& s, const float* input, float* output, float* sums = nullptr) {
  const int64_t outputs = MeanOutputCount(s);
  std::vector<float> own(sums ? 0 : outputs);
  float* sum = sums ? sums : own.data();
  std::fill(sum, sum + outputs, 0.0f);
  ForEachReduced(s, [&](int64_t in, int64_t out) { sum[out] += input[in]; });
  const float n = static_cast<float>(MeanReducedCount(s));
  for (int64_t o = 0; o < outputs; ++o) output[o] = sum[o] / n;
}

struct QuantizedMeanParams {
  MeanMode mode;
  int32_t multiplier, shift, bias;  // kQuantHW, kQuantHWInt8 (no bias)
  float scale, float_bias;          // kQuantFloat: s_in / s_out and -Z_in * that, both float
  int32_t input_zero_point;         // kQuantHWInt8
  int32_t output_zero_point;        // kQuantFloat, kQuantHWInt8
  int32_t qmin, qmax;
};

// The quantized mean of each output from the int32 sum of its inputs (MeanQuantized below).
template <typename T>
void MeanQuantizedFromSums(const MeanShape& s, const QuantizedMeanParams& p, const int32_t* sum, T* output) {
  const int64_t outputs = MeanOutputCount(s);
  const int64_t n = MeanReducedCount(s);
  for (int64_t o = 0; o < outputs; ++o) {
    int32_t q = 0;
    switch (p.mode) {
      case MeanMode::kQuantHW:
        q = std::min(std::max(MultiplyByQuantizedMultiplier(sum[o], p.multiplier, p.shift) + p.bias, p.qmin), p.qmax);
        break;
      case MeanMode::kQuantHWInt8: {
        // sum(q - Z_in) = sum(q) - n * Z_in; |n * Z_in| < 2^31 for any n the int32 sum allows.
        int32_t acc = MultiplyByQuantizedMultiplier(sum[o] - static_cast<int32_t>(n) * p.input_zero_point, p.multiplier, p.shift);
        const int32_t count = static_cast<int32_t>(n);
        acc = acc > 0 ? (acc + count / 2) / count : (acc - count / 2) / count;
        q = std::min(std::max(WrappingAdd(acc, p.output_zero_point), p.qmin), p.qmax);
        break;
      }
      case MeanMode::kQuantSame:
        q = n > 0 ? static_cast<int32_t>(sum[o] / n) : 0;
        break;
      default: {
        const float mean = static_cast<float>(sum[o]) / static_cast<float>(n);
        // Two separate float roundings (no fused multiply-add), as TFLite's x86 build computes it.
        const float scaled = mean * p.scale;
        float r = std::round(scaled + p.float_bias) + static_cast<float>(p.output_zero_point);
        r = std::max(std::min(r, static_cast<float>(p.qmax)), static_cast<float>(p.qmin));
        q = TruncToInt32(r);
        break;
      }
    }
    output[o] = static_cast<T>(q);
  }
}

// `sums`: MeanOutputCount(s) int32s of working memory (the kernel's scratch), or null to allocate them.
template <typename T>
void MeanQuantized(const MeanShape& s, const QuantizedMeanParams& p, const T* input, T* output, int32_t* sums = nullptr) {
  const int64_t outputs = MeanOutputCount(s);
  std::vector<int32_t> own(sums ? 0 : outputs);
  int32_t* sum = sums ? sums : own.data();
  std::fill(sum, sum + outputs, 0);
  ForEachReduced(s, [&](int64_t in, int64_t out) { sum[out] += input[in]; });
  MeanQuantizedFromSums<T>(s, p, sum, output);
}

}  // namespace reference
}  // namespace liteq

#endif  // LITEQ_KERNELS_REFERENCE_MEAN_H_
