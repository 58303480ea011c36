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

int RunF32(const OpContext&, const OpArgs& a) {
  const PadParams& p = *ParamsAs<PadParams>(a);
  float value;
  std::memcpy(&value, &p.pad_value, sizeof(value));
  reference::Pad<float>(ShapeOf(a, p), a.inputs[0]->Data<float>(), value, a.outputs[0]->Data<float>());
  return LITEQ_OK;
}

template <typename T>
int RunInt(const OpContext&, const OpArgs& a) {
  const PadParams& p = *ParamsAs<PadParams>(a);
  reference::Pad<T>(ShapeOf(a, p), a.inputs[0]->Data<T>(), static_cast<T>(p.pad_value), a.outputs[0]->Data<T>());
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
