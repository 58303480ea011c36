// DEPTHWISE_CONV_2D kernels: depthwise_conv_2d_f32, depthwise_conv_2d_u8, depthwise_conv_2d_i8.
// Reference loops from reference/depthwise_conv.h, split over output rows.
//
// Inputs: input [N,H,W,Cin], filter [1,KH,KW,Cin*M], bias [Cin*M] (optional; float32 or int32).
#include <cstdint>

#include "kernels/kernel_lists.h"
#include "kernels/reference/depthwise_conv.h"
#include "liteq/liteq.h"
#include "runtime/error.h"
#include "runtime/op.h"

namespace liteq {
namespace {

// The params blob: this struct, then int32 multipliers[num_channels], int32 shifts[num_channels].
struct DepthwiseConvParams {
  int32_t stride_h, stride_w;
  int32_t dilation_h, dilation_w;
  int32_t pad_top, pad_left;
  int32_t depth_multiplier;
  int32_t input_offset;   // -Z_in
  int32_t filter_offset;  // -Z_w
  int32_t output_offset;  // Z_out
  int32_t act_min, act_max;
  float float_act_min, float_act_max;
  int32_t rounding;      // reference::Rounding
  int32_t num_channels;  // 1 or Cout; 0 for float
};
static_assert(sizeof(DepthwiseConvParams) == 64, "DepthwiseConvParams is 16 four-byte fields");

int CheckDepthwise(const OpArgs& a, DType dtype) {
  const DepthwiseConvParams* p = ParamsAs<DepthwiseConvParams>(a);
  if (!p) return Fail(LITEQ_E_INVALID_ARGUMENT, "depthwise_conv_2d: params blob too short");
  if (a.num_inputs < 2 || a.num_outputs != 1 || !a.inputs[0] || !a.inputs[1]) {
    return Fail(LITEQ_E_INVALID_ARGUMENT, "depthwise_conv_2d: expects input, filter, optional bias and one output");
  }
  const Tensor& in = *a.inputs[0];
  const Tensor& f = *a.inputs[1];
  const Tensor* bias = a.num_inputs > 2 ? a.inputs[2] : nullptr;
  const Tensor& out = *a.outputs[0];
  if (in.rank != 4 || f.rank != 4 || out.rank != 4) return Fail(LITEQ_E_INVALID_ARGUMENT, "depthwise_conv_2d: tensors must be 4-D");
  if (in.dtype != dtype || f.dtype != dtype || out.dtype != dtype) return Fail(LITEQ_E_INVALID_ARGUMENT, "depthwise_conv_2d: dtype mismatch");
  if (p->depth_multiplier < 1 || static_cast<int64_t>(in.dims[3]) * p->depth_multiplier != out.dims[3] || f.dims[3] != out.dims[3] ||
      f.dims[0] != 1 || in.dims[0] != out.dims[0]) {
    return Fail(LITEQ_E_INVALID_ARGUMENT, "depthwise_conv_2d: channel counts disagree with the depth multiplier");
  }
  if (bias) {
    const DType bias_dtype = dtype == DType::kFloat32 ? DType::kFloat32 : DType::kInt32;
    if (bias->dtype != bias_dtype || bias->NumElements() != out.dims[3]) return Fail(LITEQ_E_INVALID_ARGUMENT, "depthwise_conv_2d: bad bias");
  }
  if (p->stride_h < 1 || p->stride_w < 1 || p->dilation_h < 1 || p->dilation_w < 1 || p->pad_top < 0 || p->pad_left < 0) {
    return Fail(LITEQ_E_INVALID_ARGUMENT, "depthwise_conv_2d: bad stride, dilation or padding");
  }
  if (dtype != DType::kFloat32) {
    if (p->num_channels != 1 && p->num_channels != out.dims[3]) return Fail(LITEQ_E_INVALID_ARGUMENT, "depthwise_conv_2d: bad channel count");
    if (a.params_size < sizeof(DepthwiseConvParams) + 8u * p->num_channels) {
      return Fail(LITEQ_E_INVALID_ARGUMENT, "depthwise_conv_2d: params blob too short");
    }
  }
  return LITEQ_OK;
}

reference::ConvShape ShapeOf(const OpArgs& a, const DepthwiseConvParams& p) {
  const Tensor& in = *a.inputs[0];
  const Tensor& f = *a.inputs[1];
  const Tensor& out = *a.outputs[0];
  return {in.dims[0], in.dims[1], in.dims[2], in.dims[3], out.dims[1], out.dims[2], out.dims[3],
          f.dims[1],  f.dims[2],  p.stride_h, p.stride_w, p.dilation_h, p.dilation_w, p.pad_top, p.pad_left};
}

int CheckF32(const OpArgs& a) { return CheckDepthwise(a, DType::kFloat32); }
int CheckU8(const OpArgs& a) { return CheckDepthwise(a, DType::kUInt8); }
int CheckI8(const OpArgs& a) { return CheckDepthwise(a, DType::kInt8); }

int RunF32(const OpContext& ctx, const OpArgs& a) {
  const DepthwiseConvParams& p = *ParamsAs<DepthwiseConvParams>(a);
  const reference::ConvShape s = ShapeOf(a, p);
  const Tensor* bias = a.num_inputs > 2 ? a.inputs[2] : nullptr;
  ParallelFor(ctx, static_cast<int64_t>(s.batches) * s.out_h, [&](int64_t begin, int64_t end) {
    reference::DepthwiseConvFloat(s, p.depth_multiplier, a.inputs[0]->Data<float>(), a.inputs[1]->Data<float>(),
                                  bias ? bias->Data<float>() : nullptr, p.float_act_min, p.float_act_max,
                                  a.outputs[0]->Data<float>(), static_cast<int>(begin), static_cast<int>(end));
  });
  return LITEQ_OK;
}

template <typename T>
int RunQuantized(const OpContext& ctx, const OpArgs& a) {
  const DepthwiseConvParams& p = *ParamsAs<DepthwiseConvParams>(a);
  const reference::ConvShape s = ShapeOf(a, p);
  const Tensor* bias = a.num_inputs > 2 ? a.inputs[2] : nullptr;
  const int32_t* multipliers =
      reinterpret_cast<const int32_t*>(static_cast<const uint8_t*>(a.params) + sizeof(DepthwiseConvParams));
  const reference::QuantizedConvParams q = {p.input_offset,
                                            p.filter_offset,
                                            p.output_offset,
                                            p.act_min,
                                            p.act_max,
                                            static_cast<reference::Rounding>(p.rounding),
                                            multipliers,
                                            multipliers + p.num_channels,
                                            p.num_channels > 1};
  ParallelFor(ctx, static_cast<int64_t>(s.batches) * s.out_h, [&](int64_t begin, int64_t end) {
    reference::DepthwiseConvQuantized<T>(s, p.depth_multiplier, q, a.inputs[0]->Data<T>(), a.inputs[1]->Data<T>(),
                                         bias ? bias->Data<int32_t>() : nullptr, a.outputs[0]->Data<T>(),
                                         static_cast<int>(begin), static_cast<int>(end));
  });
  return LITEQ_OK;
}

}  // namespace

const KernelInfo kDepthwiseConvKernels[] = {
    {"depthwise_conv_2d_f32", RunF32, CheckF32, nullptr},
    {"depthwise_conv_2d_u8", RunQuantized<uint8_t>, CheckU8, nullptr},
    {"depthwise_conv_2d_i8", RunQuantized<int8_t>, CheckI8, nullptr},
};
const size_t kDepthwiseConvKernelCount = sizeof(kDepthwiseConvKernels) / sizeof(kDepthwiseConvKernels[0]);

}  // namespace liteq
