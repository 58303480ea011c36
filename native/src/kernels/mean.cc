// MEAN kernels: mean_f32, mean_u8, mean_i8. One input (the axis tensor is folded into the params by
// lowering); the output holds the kept dimensions (keep_dims only changes its shape, not its bytes).
#include <cstdint>
#include <limits>
#include <algorithm>

#include "kernels/kernel_lists.h"
#include "kernels/params.h"
#include "kernels/reference/mean.h"
#include "liteq/liteq.h"
#include "runtime/error.h"
#include "runtime/op.h"

namespace liteq {
namespace {

int CheckMean(const OpArgs& a, DType dtype) {
  const MeanParams* p = CheckedParams<MeanParams>(a, "mean");
  if (!p) return LastStatus();
  if (a.num_inputs < 1 || a.num_outputs != 1 || !a.inputs[0]) return Fail(LITEQ_E_INVALID_ARGUMENT, "mean: expects 1 input and 1 output");
  const Tensor& in = *a.inputs[0];
  const Tensor& out = *a.outputs[0];
  if (in.dtype != dtype || out.dtype != dtype) return Fail(LITEQ_E_INVALID_ARGUMENT, "mean: dtype mismatch");
  if (in.rank > 6 || (p->reduce_mask >> in.rank) != 0) return Fail(LITEQ_E_INVALID_ARGUMENT, "mean: reduced axis out of range");
  const bool is_float = dtype == DType::kFloat32;
  if (is_float != (p->mode == static_cast<int32_t>(reference::MeanMode::kFloat)) || p->mode < 0 || p->mode > 4) {
    return Fail(LITEQ_E_INVALID_ARGUMENT, "mean: mode does not fit the dtype");
  }
  reference::MeanShape s{in.rank, {0, 0, 0, 0, 0, 0}, static_cast<uint32_t>(p->reduce_mask)};
  for (int i = 0; i < in.rank; ++i) s.dims[i] = in.dims[i];
  if (out.NumElements() != reference::MeanOutputCount(s)) return Fail(LITEQ_E_INVALID_ARGUMENT, "mean: output size mismatch");
  return LITEQ_OK;
}

reference::MeanShape ShapeOf(const OpArgs& a, const MeanParams& p) {
  const Tensor& in = *a.inputs[0];
  reference::MeanShape s{in.rank, {0, 0, 0, 0, 0, 0}, static_cast<uint32_t>(p.reduce_mask)};
  for (int i = 0; i < in.rank; ++i) s.dims[i] = in.dims[i];
  return s;
}

int CheckF32(const OpArgs& a) { return CheckMean(a, DType::kFloat32); }
int CheckU8(const OpArgs& a) { return CheckMean(a, DType::kUInt8); }
int CheckI8(const OpArgs& a) { return CheckMean(a, DType::kInt8); }

// Scratch: one 4-byte sum per output (float or int32), so a run allocates nothing.
size_t ScratchMean(const OpArgs& a, int) {
  return static_cast<size_t>(reference::MeanOutputCount(ShapeOf(a, *ParamsAs<MeanParams>(a)))) * 4;
}

// The sums' memory: the scratch, or (a kernel run outside a plan) null for the reference to allocate.
template <typename S>
S* Sums(const OpContext& ctx, const reference::MeanShape& s) {
  const size_t bytes = static_cast<size_t>(reference::MeanOutputCount(s)) * sizeof(S);
  return ctx.scratch != nullptr && ctx.scratch_bytes >= bytes ? reinterpret_cast<S*>(ctx.scratch) : nullptr;
}

int RunF32(const OpContext& ctx, const OpArgs& a) {
  const reference::MeanShape s = ShapeOf(a, *ParamsAs<MeanParams>(a));
  reference::MeanFloat(s, a.inputs[0]->Data<float>(), a.outputs[0]->Data<float>(), Sums<float>(ctx, s));
  return LITEQ_OK;
}

template <typename T>
int RunQuantized(const OpContext& ctx, const OpArgs& a) {
  const MeanParams& p = *ParamsAs<MeanParams>(a);
  const reference::QuantizedMeanParams q = {static_cast<reference::MeanMode>(p.mode),
                                            p.multiplier,
                                            p.shift,
                                            p.bias,
                                            p.scale,
                                            p.float_bias,
                                            p.input_zero_point,
                                            p.output_zero_point,
                                            std::numeric_limits<T>::min(),
                                            std::numeric_limits<T>::max()};
  const reference::MeanShape s = ShapeOf(a, p);
  int32_t* sums = Sums<int32_t>(ctx, s);
  if (s.rank == 4 && s.reduce_mask == 0b0110 && sums != nullptr) {
    // The spatial mean of NHWC (global average pooling): per batch, sum each channel over H x W with
    // contiguous rows, then the reference's per-output arithmetic on the same sums.
    const int batches = s.dims[0], hw = s.dims[1] * s.dims[2], c = s.dims[3];
    int32_t* sum = sums;
    std::fill(sum, sum + static_cast<size_t>(batches) * c, 0);
    const T* in = a.inputs[0]->Data<T>();
    for (int b = 0; b < batches; ++b) {
      int32_t* acc = sum + static_cast<size_t>(b) * c;
      for (int i = 0; i < hw; ++i) {
        const T* row = in + (static_cast<size_t>(b) * hw + i) * c;
        for (int k = 0; k < c; ++k) acc[k] += row[k];
      }
    }
    reference::MeanQuantizedFromSums<T>(s, q, sum, a.outputs[0]->Data<T>());
    return LITEQ_OK;
  }
  reference::MeanQuantized<T>(s, q, a.inputs[0]->Data<T>(), a.outputs[0]->Data<T>(), sums);
  return LITEQ_OK;
}

}  // namespace

const KernelInfo kMeanKernels[] = {
    {"mean_f32", RunF32, CheckF32, ScratchMean},
    {"mean_u8", RunQuantized<uint8_t>, CheckU8, ScratchMean},
    {"mean_i8", RunQuantized<int8_t>, CheckI8, ScratchMean},
};
const size_t kMeanKernelCount = sizeof(kMeanKernels) / sizeof(kMeanKernels[0]);

}  // namespace liteq
