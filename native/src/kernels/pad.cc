// PAD / PADV2 kernels: pad_f32, pad_u8, pad_i8, pad_i32. One input (paddings and constant values are
// folded into the params by lowering).
#include <cstdint>
#include <cstring>

#include "kernels/kernel_lists.h"
#include "kernels/params.h"
#include "kernels/reference/pad.h"
#include "liteq/liteq.h"
#include "runtime/error.h"
#include "runtime/op.h"

namespace liteq {
namespace {

int CheckPad(const OpArgs& a, DType dtype) {
  const PadParams* p = CheckedParams<PadParams>(a, "pad");
  if (!p) return LastStatus();
  if (a.num_inputs < 1 || a.num_outputs != 1 || !a.inputs[0]) return Fail(LITEQ_E_INVALID_ARGUMENT, "pad: expects 1 input and 1 output");
  const Tensor& in = *a.inputs[0];
  const Tensor& out = *a.outputs[0];
  if (in.dtype != dtype || out.dtype != dtype) return Fail(LITEQ_E_INVALID_ARGUMENT, "pad: dtype mismatch");
  if (p->rank != in.rank || in.rank > 6 || out.rank != in.rank) return Fail(LITEQ_E_INVALID_ARGUMENT, "pad: rank mismatch");
  for (int i = 0; i < in.rank; ++i) {
    if (p->before[i] < 0 || p->after[i] < 0) return Fail(LITEQ_E_INVALID_ARGUMENT, "pad: negative padding");
    if (static_cast<int64_t>(p->before[i]) + in.dims[i] + p->after[i] != out.dims[i]) {
      return Fail(LITEQ_E_INVALID_ARGUMENT, "pad: output shape mismatch");
    }
  }
  return LITEQ_OK;
}

reference::PadShape ShapeOf(const OpArgs& a, const PadParams& p) {
  reference::PadShape s{p.rank, {}, {}, {}};
  for (int i = 0; i < p.rank; ++i) {
    s.in_dims[i] = a.inputs[0]->dims[i];
    s.before[i] = p.before[i];
    s.after[i] = p.after[i];
  }
  return s;
}

int CheckF32(const OpArgs& a) { return CheckPad(a, DType::kFloat32); }
int CheckU8(const OpArgs& a) { return CheckPad(a, DType::kUInt8); }
int CheckI8(const OpArgs& a) { return CheckPad(a, DType::kInt8); }
int CheckI32(const OpArgs& a) { return CheckPad(a, DType::kInt32); }

// Channel-only padding is split over the threads by rows (its input was just written by a conv split
// over them: one thread reading it all pulls half of it from the other core's cache).
template <typename T>
void RunPad(const OpContext& ctx, const OpArgs& a, T value) {
  const reference::PadShape s = ShapeOf(a, *ParamsAs<PadParams>(a));
  const T* in = a.inputs[0]->Data<T>();
  T* out = a.outputs[0]->Data<T>();
  if (!reference::PadsLastDimensionOnly(s)) return reference::Pad<T>(s, in, value, out);
  ParallelForBlocks(ctx, reference::PadRows(s, a.outputs[0]->NumElements()), 256, [&](int64_t r0, int64_t r1) { reference::PadLastDimension<T>(s, in, value, out, r0, r1); });
}

int RunF32(const OpContext& ctx, const OpArgs& a) {
  float value;
  std::memcpy(&value, &ParamsAs<PadParams>(a)->pad_value, sizeof(value));
  RunPad<float>(ctx, a, value);
  return LITEQ_OK;
}

template <typename T>
int RunInt(const OpContext& ctx, const OpArgs& a) {
  RunPad<T>(ctx, a, static_cast<T>(ParamsAs<PadParams>(a)->pad_value));
  return LITEQ_OK;
}

}  // namespace

const KernelInfo kPadKernels[] = {
    {"pad_f32", RunF32, CheckF32, nullptr},
    {"pad_u8", RunInt<uint8_t>, CheckU8, nullptr},
    {"pad_i8", RunInt<int8_t>, CheckI8, nullptr},
    {"pad_i32", RunInt<int32_t>, CheckI32, nullptr},
};
const size_t kPadKernelCount = sizeof(kPadKernels) / sizeof(kPadKernels[0]);

}  // namespace liteq
