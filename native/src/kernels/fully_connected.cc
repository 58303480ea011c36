// FULLY_CONNECTED kernels: fully_connected_f32, fully_connected_u8, fully_connected_i8.
// Inputs: input [..., depth] (flattened to [numel/depth, depth]), weights [units, depth],
// bias [units] (optional; float32 or int32). Output [batch, units] (lowering shapes keep_num_dims).
// FULLY_CONNECTED is the GEMM of gemm/q8_gemm.h (gemm/f32_gemm.h for float) with M = batch when the CPU
// and parameters allow; otherwise, and as the path the optimized ones are tested against,
// reference/fully_connected.h.
#include <cstdint>

#include "kernels/kernel_lists.h"
#include "kernels/params.h"
#include "kernels/reference/fully_connected.h"
#include "kernels/gemm/f32_gemm.h"
#include "kernels/gemm/q8_gemm.h"
#include "liteq/liteq.h"
#include "runtime/error.h"
#include "runtime/op.h"

namespace liteq {
namespace {

int CheckFullyConnected(const OpArgs& a, DType dtype) {
  const FullyConnectedParams* p = CheckedParams<FullyConnectedParams>(a, "fully_connected");
  if (!p) return LastStatus();
  if (a.num_inputs < 2 || a.num_outputs != 1 || !a.inputs[0] || !a.inputs[1]) {
    return Fail(LITEQ_E_INVALID_ARGUMENT, "fully_connected: expects input, weights, optional bias and one output");
  }
  const Tensor& in = *a.inputs[0];
  const Tensor& w = *a.inputs[1];
  const Tensor* bias = a.num_inputs > 2 ? a.inputs[2] : nullptr;
  const Tensor& out = *a.outputs[0];
  if (in.dtype != dtype || w.dtype != dtype || out.dtype != dtype) return Fail(LITEQ_E_INVALID_ARGUMENT, "fully_connected: dtype mismatch");
  if (w.rank != 2 || in.rank < 1) return Fail(LITEQ_E_INVALID_ARGUMENT, "fully_connected: weights must be 2-D");
  const int64_t depth = w.dims[1], units = w.dims[0];
  if (depth <= 0 || in.NumElements() % depth != 0) return Fail(LITEQ_E_INVALID_ARGUMENT, "fully_connected: input size is not a multiple of the weights' depth");
  if (out.NumElements() != in.NumElements() / depth * units) return Fail(LITEQ_E_INVALID_ARGUMENT, "fully_connected: output size mismatch");
  if (bias) {
    const DType bias_dtype = dtype == DType::kFloat32 ? DType::kFloat32 : DType::kInt32;
    if (bias->dtype != bias_dtype || bias->NumElements() != units) return Fail(LITEQ_E_INVALID_ARGUMENT, "fully_connected: bad bias");
  }
  return LITEQ_OK;
}

int CheckF32(const OpArgs& a) { return CheckFullyConnected(a, DType::kFloat32); }
int CheckU8(const OpArgs& a) { return CheckFullyConnected(a, DType::kUInt8); }
int CheckI8(const OpArgs& a) { return CheckFullyConnected(a, DType::kInt8); }

f32gemm::Problem FloatGemmProblem(const OpArgs& a, const FullyConnectedParams& p) {
  const int depth = a.inputs[1]->dims[1], units = a.inputs[1]->dims[0];
  const Tensor* bias = a.num_inputs > 2 ? a.inputs[2] : nullptr;
  return {static_cast<int>(a.inputs[0]->NumElements() / depth), units, depth, a.inputs[0]->Data<float>(), nullptr,
          a.inputs[1]->Data<float>(), bias ? bias->Data<float>() : nullptr, p.float_act_min, p.float_act_max,
          a.outputs[0]->Data<float>()};
}

size_t PrepareF32(const OpArgs& a, uint8_t* dst);

size_t ScratchF32(const OpArgs& a, int num_threads) {
  const int depth = a.inputs[1]->dims[1], units = a.inputs[1]->dims[0];
  const int64_t batches = a.inputs[0]->NumElements() / depth;
  // Weights packed at plan time need no room in the scratch (for a large layer, its size again).
  const bool packed = PrepareF32(a, nullptr) > 0;
  return batches <= INT32_MAX ? f32gemm::ScratchBytes(static_cast<int>(batches), units, depth, num_threads, packed) : 0;
}

size_t PrepareF32(const OpArgs& a, uint8_t* dst) {
  const FullyConnectedParams& p = *ParamsAs<FullyConnectedParams>(a);
  const Tensor* bias = a.num_inputs > 2 ? a.inputs[2] : nullptr;
  if (a.inputs[0]->NumElements() / a.inputs[1]->dims[1] > INT32_MAX) return 0;
  const f32gemm::Problem g = FloatGemmProblem(a, p);
  if (!a.inputs[1]->is_constant || (bias && !bias->is_constant) || !f32gemm::Supports(g, false)) return 0;
  if (dst) f32gemm::PackWeights(g, dst);
  return f32gemm::PackedWeightsBytes(g.N, g.K);
}

int RunF32(const OpContext& ctx, const OpArgs& a) {
  const FullyConnectedParams& p = *ParamsAs<FullyConnectedParams>(a);
  const int depth = a.inputs[1]->dims[1], units = a.inputs[1]->dims[0];
  const int64_t batches = a.inputs[0]->NumElements() / depth;
  const Tensor* bias = a.num_inputs > 2 ? a.inputs[2] : nullptr;
  if (batches <= INT32_MAX) {
    const f32gemm::Problem g = FloatGemmProblem(a, p);
    const bool prepared = ctx.prepared && ctx.prepared_bytes == f32gemm::PackedWeightsBytes(g.N, g.K);
    if (ctx.scratch && ctx.scratch_bytes >= f32gemm::ScratchBytes(g.M, g.N, g.K, ctx.num_threads, prepared) &&
        f32gemm::Supports(g, false)) {
      f32gemm::Run(ctx, g, prepared ? ctx.prepared : nullptr);
      return LITEQ_OK;
    }
  }
  ParallelFor(ctx, batches, [&](int64_t begin, int64_t end) {
    reference::FullyConnectedFloat(depth, units, a.inputs[0]->Data<float>(), a.inputs[1]->Data<float>(),
                                   bias ? bias->Data<float>() : nullptr, p.float_act_min, p.float_act_max,
                                   a.outputs[0]->Data<float>(), static_cast<int>(begin), static_cast<int>(end));
  });
  return LITEQ_OK;
}

q8_gemm::Problem GemmProblem(const OpArgs& a, const FullyConnectedParams& p) {
  const int depth = a.inputs[1]->dims[1], units = a.inputs[1]->dims[0];
  const Tensor* bias = a.num_inputs > 2 ? a.inputs[2] : nullptr;
  q8_gemm::Problem g;
  g.M = static_cast<int>(a.inputs[0]->NumElements() / depth);
  g.N = units;
  g.K = depth;
  g.dtype = a.inputs[0]->dtype;
  g.a = a.inputs[0]->data;
  g.conv = nullptr;
  g.a_offset = p.input_offset;
  g.b = a.inputs[1]->data;
  g.b_offset = p.filter_offset;
  g.bias = bias ? bias->Data<int32_t>() : nullptr;
  g.multipliers = &p.multiplier;
  g.shifts = &p.shift;
  g.per_channel = false;
  g.output_offset = p.output_offset;
  g.act_min = p.act_min;
  g.act_max = p.act_max;
  g.rounding = p.rounding;
  g.c = a.outputs[0]->data;
  return g;
}

// Packs constant weights (and bias, requantization parameters) once for the GEMM.
size_t PrepareQuantized(const OpArgs& a, uint8_t* dst) {
  const FullyConnectedParams& p = *ParamsAs<FullyConnectedParams>(a);
  const Tensor* bias = a.num_inputs > 2 ? a.inputs[2] : nullptr;
  if (a.inputs[0]->NumElements() / a.inputs[1]->dims[1] > INT32_MAX) return 0;
  const q8_gemm::Problem g = GemmProblem(a, p);
  if (!a.inputs[1]->is_constant || (bias && !bias->is_constant) || !q8_gemm::Supports(g)) return 0;
  if (dst) q8_gemm::PackWeights(g, dst);
  return q8_gemm::PackedWeightsBytes(g);
}

size_t ScratchQuantized(const OpArgs& a, int num_threads) {
  const int depth = a.inputs[1]->dims[1], units = a.inputs[1]->dims[0];
  const int64_t batches = a.inputs[0]->NumElements() / depth;
  const bool packed = PrepareQuantized(a, nullptr) > 0;  // packed at plan time: no room for the weights
  return batches <= INT32_MAX ? q8_gemm::ScratchBytes(static_cast<int>(batches), units, depth, num_threads, packed) : 0;
}

template <typename T>
int RunQuantized(const OpContext& ctx, const OpArgs& a) {
  const FullyConnectedParams& p = *ParamsAs<FullyConnectedParams>(a);
  const int depth = a.inputs[1]->dims[1], units = a.inputs[1]->dims[0];
  const int64_t batches = a.inputs[0]->NumElements() / depth;
  const Tensor* bias = a.num_inputs > 2 ? a.inputs[2] : nullptr;
  if (batches <= INT32_MAX) {
    const q8_gemm::Problem g = GemmProblem(a, p);
    const bool prepared = ctx.prepared && ctx.prepared_bytes == q8_gemm::PackedWeightsBytes(g) && q8_gemm::IsPacked(g, ctx.prepared);
    if (q8_gemm::Supports(g) && ctx.scratch && ctx.scratch_bytes >= q8_gemm::ScratchBytes(g.M, g.N, g.K, ctx.num_threads, prepared)) {
      q8_gemm::Run(ctx, g, prepared ? ctx.prepared : nullptr);
      return LITEQ_OK;
    }
  }
  const reference::QuantizedFullyConnectedParams q = {p.input_offset, p.filter_offset, p.output_offset, p.multiplier,
                                                      p.shift,        p.act_min,       p.act_max,
                                                      static_cast<reference::Rounding>(p.rounding)};
  ParallelFor(ctx, batches, [&](int64_t begin, int64_t end) {
    reference::FullyConnectedQuantized<T>(depth, units, q, a.inputs[0]->Data<T>(), a.inputs[1]->Data<T>(),
                                          bias ? bias->Data<int32_t>() : nullptr, a.outputs[0]->Data<T>(),
                                          static_cast<int>(begin), static_cast<int>(end));
  });
  return LITEQ_OK;
}

}  // namespace

const KernelInfo kFullyConnectedKernels[] = {
    {"fully_connected_f32", RunF32, CheckF32, ScratchF32, PrepareF32},
    {"fully_connected_u8", RunQuantized<uint8_t>, CheckU8, ScratchQuantized, PrepareQuantized},
    {"fully_connected_i8", RunQuantized<int8_t>, CheckI8, ScratchQuantized, PrepareQuantized},
};
const size_t kFullyConnectedKernelCount = sizeof(kFullyConnectedKernels) / sizeof(kFullyConnectedKernels[0]);

}  // namespace liteq
