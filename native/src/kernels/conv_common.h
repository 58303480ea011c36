// What CONV_2D and DEPTHWISE_CONV_2D kernels check and derive the same way. Their params structs
// share the field names used here (stride/dilation/padding, num_channels with the per-channel
// multipliers and shifts after the struct).
#ifndef LITEQ_KERNELS_CONV_COMMON_H_
#define LITEQ_KERNELS_CONV_COMMON_H_

#include <string>

#include "kernels/reference/conv.h"
#include "liteq/liteq.h"
#include "runtime/error.h"
#include "runtime/op.h"

namespace liteq {

// Operands, ranks, dtypes, bias, batch, geometry and the params tail; `name` prefixes messages. The
// channel relations between input, filter and output are the caller's (they differ per op).
// Sliding-window geometry whose index arithmetic (o * stride - pad + k * dilation, in int) cannot
// overflow: the farthest tap of the last output, and the padding, stay below 2^30.
inline bool WindowArithmeticFits(int64_t out, int64_t stride, int64_t filter, int64_t dilation, int64_t pad) {
  constexpr int64_t kLimit = int64_t{1} << 30;
  return out >= 0 && stride >= 1 && filter >= 0 && dilation >= 1 && pad >= 0 && stride < kLimit && dilation < kLimit &&
         filter < kLimit && pad < kLimit && (out > 0 ? out - 1 : 0) * stride + (filter > 0 ? filter - 1 : 0) * dilation + 1 < kLimit;
}

template <typename P>
int CheckConvLike(const OpArgs& a, const P* p, DType dtype, const char* name) {
  const std::string op(name);
  if (!p) return Fail(LITEQ_E_INVALID_ARGUMENT, op + ": params blob too short");
  if (a.num_inputs < 2 || a.num_outputs != 1 || !a.inputs[0] || !a.inputs[1]) {
    return Fail(LITEQ_E_INVALID_ARGUMENT, op + ": expects input, filter, optional bias and one output");
  }
  const Tensor& in = *a.inputs[0];
  const Tensor& f = *a.inputs[1];
  const Tensor* bias = a.num_inputs > 2 ? a.inputs[2] : nullptr;
  const Tensor& out = *a.outputs[0];
  if (in.rank != 4 || f.rank != 4 || out.rank != 4) return Fail(LITEQ_E_INVALID_ARGUMENT, op + ": tensors must be 4-D");
  if (in.dtype != dtype || f.dtype != dtype || out.dtype != dtype) return Fail(LITEQ_E_INVALID_ARGUMENT, op + ": dtype mismatch");
  if (in.dims[0] != out.dims[0]) return Fail(LITEQ_E_INVALID_ARGUMENT, op + ": output shape mismatch");
  if (bias) {
    const DType bias_dtype = dtype == DType::kFloat32 ? DType::kFloat32 : DType::kInt32;
    if (bias->dtype != bias_dtype || bias->NumElements() != out.dims[3]) return Fail(LITEQ_E_INVALID_ARGUMENT, op + ": bad bias");
  }
  if (p->stride_h < 1 || p->stride_w < 1 || p->dilation_h < 1 || p->dilation_w < 1 || p->pad_top < 0 || p->pad_left < 0) {
    return Fail(LITEQ_E_INVALID_ARGUMENT, op + ": bad stride, dilation or padding");
  }
  if (!WindowArithmeticFits(out.dims[1], p->stride_h, f.dims[1], p->dilation_h, p->pad_top) ||
      !WindowArithmeticFits(out.dims[2], p->stride_w, f.dims[2], p->dilation_w, p->pad_left)) {
    return Fail(LITEQ_E_INVALID_ARGUMENT, op + ": window geometry too large");
  }
  if (dtype != DType::kFloat32) {
    if (p->num_channels != 1 && p->num_channels != out.dims[3]) return Fail(LITEQ_E_INVALID_ARGUMENT, op + ": bad channel count");
    if (a.params_size < sizeof(P) + 8u * p->num_channels) return Fail(LITEQ_E_INVALID_ARGUMENT, op + ": params blob too short");
    // The per-channel shifts (after the multipliers) are requantization exponents like the declared
    // `shift` fields: [-31, 31].
    const int32_t* shifts = reinterpret_cast<const int32_t*>(static_cast<const uint8_t*>(a.params) + sizeof(P)) + p->num_channels;
    for (int c = 0; c < p->num_channels; ++c) {
      if (shifts[c] < -31 || shifts[c] > 31) return Fail(LITEQ_E_INVALID_ARGUMENT, op + ": per-channel shift outside [-31, 31]");
    }
  }
  return LITEQ_OK;
}

template <typename P>
reference::ConvShape ConvShapeOf(const OpArgs& a, const P& p) {
  const Tensor& in = *a.inputs[0];
  const Tensor& f = *a.inputs[1];
  const Tensor& out = *a.outputs[0];
  return {in.dims[0], in.dims[1], in.dims[2], in.dims[3], out.dims[1], out.dims[2], out.dims[3],
          f.dims[1],  f.dims[2],  p.stride_h, p.stride_w, p.dilation_h, p.dilation_w, p.pad_top, p.pad_left};
}

}  // namespace liteq

#endif  // LITEQ_KERNELS_CONV_COMMON_H_
