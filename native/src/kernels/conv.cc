// CONV_2D kernels: conv_2d_f32, conv_2d_u8 (legacy per-tensor uint8), conv_2d_i8 (int8, per-channel
// or per-tensor weights). Convs run as a GEMM (gemm/q8_gemm.h, gemm/f32_gemm.h: 1x1 stride 1 directly on
// the input rows, others through im2col; constant weights packed once by the prepare fn) when the CPU
// and parameters allow; otherwise, and as the path the optimized ones are tested against, the
// reference loops from reference/conv.h split over output rows.
//
// Inputs: input [N,H,W,Cin], filter [Cout,KH,KW,Cin], bias [Cout] (optional; float32 or int32).
#include <cstdint>

#include "kernels/conv_common.h"
#include "kernels/kernel_lists.h"
#include "kernels/params.h"
#include "kernels/reference/conv.h"
#include "kernels/gemm/f32_gemm.h"
#include "kernels/gemm/q8_gemm.h"
#include "liteq/liteq.h"
#include "runtime/error.h"
#include "runtime/op.h"

namespace liteq {
namespace {

const int32_t* Multipliers(const OpArgs& a) {
  return reinterpret_cast<const int32_t*>(static_cast<const uint8_t*>(a.params) + sizeof(ConvParams));
}

int CheckConv(const OpArgs& a, DType dtype) {
  const ConvParams* p = CheckedParams<ConvParams>(a, "conv_2d");
  if (!p) return LastStatus();
  if (const int status = CheckConvLike(a, p, dtype, "conv_2d"); status != LITEQ_OK) return status;
  const Tensor& in = *a.inputs[0];
  const Tensor& f = *a.inputs[1];
  if (f.dims[3] != in.dims[3]) return Fail(LITEQ_E_INVALID_ARGUMENT, "conv_2d: filter depth differs from input channels");
  if (f.dims[0] != a.outputs[0]->dims[3]) return Fail(LITEQ_E_INVALID_ARGUMENT, "conv_2d: output shape mismatch");
  return LITEQ_OK;
}

reference::ConvShape ShapeOf(const OpArgs& a, const ConvParams& p) { return ConvShapeOf(a, p); }

int CheckConvF32(const OpArgs& a) { return CheckConv(a, DType::kFloat32); }
int CheckConvU8(const OpArgs& a) { return CheckConv(a, DType::kUInt8); }
int CheckConvI8(const OpArgs& a) { return CheckConv(a, DType::kInt8); }

// A 1x1, stride 1, unpadded conv reads its input rows as the GEMM's A directly.
bool IsPointwise(const reference::ConvShape& s) {
  return s.filter_h == 1 && s.filter_w == 1 && s.stride_h == 1 && s.stride_w == 1 && s.pad_top == 0 &&
         s.pad_left == 0 && s.in_h == s.out_h && s.in_w == s.out_w;
}

f32gemm::Problem FloatGemmProblem(const OpArgs& a, const ConvParams& p, const reference::ConvShape& s) {
  const Tensor* bias = a.num_inputs > 2 ? a.inputs[2] : nullptr;
  return {s.batches * s.out_h * s.out_w, s.out_c, s.filter_h * s.filter_w * s.in_c, a.inputs[0]->Data<float>(),
          nullptr, a.inputs[1]->Data<float>(), bias ? bias->Data<float>() : nullptr, p.float_act_min,
          p.float_act_max, a.outputs[0]->Data<float>()};
}

size_t ScratchConvF32(const OpArgs& a, int num_threads) {
  const ConvParams& p = *ParamsAs<ConvParams>(a);
  const reference::ConvShape s = ShapeOf(a, p);
  return f32gemm::ScratchBytes(s.batches * s.out_h * s.out_w, s.out_c, s.filter_h * s.filter_w * s.in_c, num_threads);
}

size_t PrepareConvF32(const OpArgs& a, uint8_t* dst) {
  const ConvParams& p = *ParamsAs<ConvParams>(a);
  const reference::ConvShape s = ShapeOf(a, p);
  const Tensor* bias = a.num_inputs > 2 ? a.inputs[2] : nullptr;
  f32gemm::Problem g = FloatGemmProblem(a, p, s);
  if (!IsPointwise(s)) g.conv = &s;
  if (!a.inputs[1]->is_constant || (bias && !bias->is_constant) || !f32gemm::Supports(g, true)) return 0;
  if (dst) f32gemm::PackWeights(g, dst);
  return f32gemm::PackedWeightsBytes(g.N, g.K);
}

int RunConvF32(const OpContext& ctx, const OpArgs& a) {
  const ConvParams& p = *ParamsAs<ConvParams>(a);
  const reference::ConvShape s = ShapeOf(a, p);
  const Tensor* bias = a.num_inputs > 2 ? a.inputs[2] : nullptr;
  {
    f32gemm::Problem g = FloatGemmProblem(a, p, s);
    if (!IsPointwise(s)) g.conv = &s;
    const bool prepared = ctx.prepared && ctx.prepared_bytes == f32gemm::PackedWeightsBytes(g.N, g.K);
    if (ctx.scratch && ctx.scratch_bytes >= f32gemm::ScratchBytes(g.M, g.N, g.K, ctx.num_threads) &&
        f32gemm::Supports(g, !prepared)) {
      f32gemm::Run(ctx, g, prepared ? ctx.prepared : nullptr);
      return LITEQ_OK;
    }
  }
  ParallelFor(ctx, static_cast<int64_t>(s.batches) * s.out_h, [&](int64_t begin, int64_t end) {
    reference::ConvFloat(s, a.inputs[0]->Data<float>(), a.inputs[1]->Data<float>(), bias ? bias->Data<float>() : nullptr,
                         p.float_act_min, p.float_act_max, a.outputs[0]->Data<float>(), static_cast<int>(begin),
                         static_cast<int>(end));
  });
  return LITEQ_OK;
}

q8_gemm::Problem GemmProblem(const OpArgs& a, const ConvParams& p, const reference::ConvShape& s) {
  const Tensor* bias = a.num_inputs > 2 ? a.inputs[2] : nullptr;
  const int32_t* multipliers = Multipliers(a);
  q8_gemm::Problem g;
  g.M = s.batches * s.out_h * s.out_w;
  g.N = s.out_c;
  g.K = s.filter_h * s.filter_w * s.in_c;
  g.dtype = a.inputs[0]->dtype;
  g.a = a.inputs[0]->data;
  g.conv = nullptr;  // set by the caller (points at its ConvShape) unless pointwise
  g.a_offset = p.input_offset;
  g.b = a.inputs[1]->data;
  g.b_offset = p.filter_offset;
  g.bias = bias ? bias->Data<int32_t>() : nullptr;
  g.multipliers = multipliers;
  g.shifts = multipliers + p.num_channels;
  g.per_channel = p.num_channels > 1;
  g.output_offset = p.output_offset;
  g.act_min = p.act_min;
  g.act_max = p.act_max;
  g.rounding = p.rounding;
  g.c = a.outputs[0]->data;
  return g;
}

size_t ScratchConvQuantized(const OpArgs& a, int num_threads) {
  const ConvParams& p = *ParamsAs<ConvParams>(a);
  const reference::ConvShape s = ShapeOf(a, p);
  return q8_gemm::ScratchBytes(s.batches * s.out_h * s.out_w, s.out_c, s.filter_h * s.filter_w * s.in_c, num_threads);
}

// Packs constant weights (and bias, requantization parameters) once for the GEMM.
size_t PrepareConvQuantized(const OpArgs& a, uint8_t* dst) {
  const ConvParams& p = *ParamsAs<ConvParams>(a);
  const reference::ConvShape s = ShapeOf(a, p);
  const Tensor* bias = a.num_inputs > 2 ? a.inputs[2] : nullptr;
  const q8_gemm::Problem g = GemmProblem(a, p, s);
  if (!a.inputs[1]->is_constant || (bias && !bias->is_constant) || !q8_gemm::Supports(g)) return 0;
  if (dst) q8_gemm::PackWeights(g, dst);
  return q8_gemm::PackedWeightsBytes(g);
}

template <typename T>
int RunConvQuantized(const OpContext& ctx, const OpArgs& a) {
  const ConvParams& p = *ParamsAs<ConvParams>(a);
  const reference::ConvShape s = ShapeOf(a, p);
  const Tensor* bias = a.num_inputs > 2 ? a.inputs[2] : nullptr;
  const int32_t* multipliers = Multipliers(a);
  {
    q8_gemm::Problem g = GemmProblem(a, p, s);
    if (!IsPointwise(s)) g.conv = &s;
    if (q8_gemm::Supports(g) && ctx.scratch &&
        ctx.scratch_bytes >= q8_gemm::ScratchBytes(g.M, g.N, g.K, ctx.num_threads)) {
      const bool prepared = ctx.prepared && ctx.prepared_bytes == q8_gemm::PackedWeightsBytes(g);
      q8_gemm::Run(ctx, g, prepared ? ctx.prepared : nullptr);
      return LITEQ_OK;
    }
  }
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
    reference::ConvQuantized<T>(s, q, a.inputs[0]->Data<T>(), a.inputs[1]->Data<T>(),
                                bias ? bias->Data<int32_t>() : nullptr, a.outputs[0]->Data<T>(), static_cast<int>(begin),
                                static_cast<int>(end));
  });
  return LITEQ_OK;
}

}  // namespace

const KernelInfo kConvKernels[] = {
    {"conv_2d_f32", RunConvF32, CheckConvF32, ScratchConvF32, PrepareConvF32},
    {"conv_2d_u8", RunConvQuantized<uint8_t>, CheckConvU8, ScratchConvQuantized, PrepareConvQuantized},
    {"conv_2d_i8", RunConvQuantized<int8_t>, CheckConvI8, ScratchConvQuantized, PrepareConvQuantized},
};
const size_t kConvKernelCount = sizeof(kConvKernels) / sizeof(kConvKernels[0]);

}  // namespace liteq
