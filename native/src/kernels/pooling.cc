// AVERAGE_POOL_2D and MAX_POOL_2D kernels: {average,max}_pool_2d_{f32,u8,i8}, NHWC, one input.
// Quantized pooling works on raw integers (input and output share scale and zero point).
#include <cstdint>

#include "kernels/conv_common.h"
#include "kernels/kernel_lists.h"
#include "kernels/params.h"
#include "kernels/x86/f32_rows.h"
#include "kernels/x86/isa.h"
#include "kernels/reference/pooling.h"
#include "liteq/liteq.h"
#include "runtime/error.h"
#include "runtime/op.h"

namespace liteq {
namespace {

int CheckPool(const OpArgs& a, DType dtype) {
  const PoolParams* p = CheckedParams<PoolParams>(a, "pool_2d");
  if (!p) return LastStatus();
  if (a.num_inputs < 1 || a.num_outputs != 1 || !a.inputs[0]) return Fail(LITEQ_E_INVALID_ARGUMENT, "pool_2d: expects 1 input and 1 output");
  const Tensor& in = *a.inputs[0];
  const Tensor& out = *a.outputs[0];
  if (in.rank != 4 || out.rank != 4) return Fail(LITEQ_E_INVALID_ARGUMENT, "pool_2d: tensors must be 4-D");
  if (in.dtype != dtype || out.dtype != dtype) return Fail(LITEQ_E_INVALID_ARGUMENT, "pool_2d: dtype mismatch");
  if (in.dims[0] != out.dims[0] || in.dims[3] != out.dims[3]) return Fail(LITEQ_E_INVALID_ARGUMENT, "pool_2d: output shape mismatch");
  if (p->stride_h < 1 || p->stride_w < 1 || p->filter_h < 1 || p->filter_w < 1 || p->pad_top < 0 || p->pad_left < 0) {
    return Fail(LITEQ_E_INVALID_ARGUMENT, "pool_2d: bad stride, filter or padding");
  }
  if (!WindowArithmeticFits(out.dims[1], p->stride_h, p->filter_h, 1, p->pad_top) ||
      !WindowArithmeticFits(out.dims[2], p->stride_w, p->filter_w, 1, p->pad_left)) {
    return Fail(LITEQ_E_INVALID_ARGUMENT, "pool_2d: window geometry too large");
  }
  return LITEQ_OK;
}

reference::PoolShape ShapeOf(const OpArgs& a, const PoolParams& p) {
  const Tensor& in = *a.inputs[0];
  const Tensor& out = *a.outputs[0];
  return {in.dims[0], in.dims[1], in.dims[2], in.dims[3], out.dims[1], out.dims[2],
          p.filter_h, p.filter_w, p.stride_h, p.stride_w, p.pad_top,   p.pad_left};
}

int CheckF32(const OpArgs& a) { return CheckPool(a, DType::kFloat32); }
int CheckU8(const OpArgs& a) { return CheckPool(a, DType::kUInt8); }
int CheckI8(const OpArgs& a) { return CheckPool(a, DType::kInt8); }

int RunAverageF32(const OpContext& ctx, const OpArgs& a) {
  const PoolParams& p = *ParamsAs<PoolParams>(a);
  const reference::PoolShape s = ShapeOf(a, p);
  ParallelFor(ctx, static_cast<int64_t>(s.batches) * s.out_h, [&](int64_t begin, int64_t end) {
    reference::AveragePoolFloat(s, a.inputs[0]->Data<float>(), p.float_act_min, p.float_act_max,
                                a.outputs[0]->Data<float>(), static_cast<int>(begin), static_cast<int>(end));
  });
  return LITEQ_OK;
}

template <typename T>
int RunAverageQuantized(const OpContext& ctx, const OpArgs& a) {
  const PoolParams& p = *ParamsAs<PoolParams>(a);
  const reference::PoolShape s = ShapeOf(a, p);
  ParallelFor(ctx, static_cast<int64_t>(s.batches) * s.out_h, [&](int64_t begin, int64_t end) {
    reference::AveragePoolQuantized<T>(s, a.inputs[0]->Data<T>(), p.act_min, p.act_max, a.outputs[0]->Data<T>(),
                                       static_cast<int>(begin), static_cast<int>(end));
  });
  return LITEQ_OK;
}

// Float max pool: the reference loops, compiled once more for AVX2 (its std::max and clamp are lane-wise
// IEEE operations, so the bytes are the same at every vector width) and chosen by the ISA level; at
// AVX-512 x86::MaxPoolF32Avx512 (f32_rows.h) keeps each channel block's max in a register.
#if defined(__x86_64__) || defined(__i386__)
__attribute__((target("avx2"))) void MaxPoolF32Avx2(const reference::PoolShape& s, const float* in, float lo, float hi, float* out,
                                                     int begin, int end) {
  reference::MaxPool<float, float>(s, in, lo, hi, out, begin, end);
}
#endif

int RunMaxF32(const OpContext& ctx, const OpArgs& a) {
  const PoolParams& p = *ParamsAs<PoolParams>(a);
  const reference::PoolShape s = ShapeOf(a, p);
  ParallelFor(ctx, static_cast<int64_t>(s.batches) * s.out_h, [&](int64_t begin, int64_t end) {
#if defined(__x86_64__) || defined(__i386__)
    if (x86::ActiveIsa() >= x86::Isa::kAvx512) {
      return x86::MaxPoolF32Avx512(s, a.inputs[0]->Data<float>(), p.float_act_min, p.float_act_max, a.outputs[0]->Data<float>(),
                                   static_cast<int>(begin), static_cast<int>(end));
    }
    if (x86::ActiveIsa() >= x86::Isa::kAvx2) {
      return MaxPoolF32Avx2(s, a.inputs[0]->Data<float>(), p.float_act_min, p.float_act_max, a.outputs[0]->Data<float>(),
                            static_cast<int>(begin), static_cast<int>(end));
    }
#endif
    reference::MaxPool<float, float>(s, a.inputs[0]->Data<float>(), p.float_act_min, p.float_act_max,
                                     a.outputs[0]->Data<float>(), static_cast<int>(begin), static_cast<int>(end));
  });
  return LITEQ_OK;
}

template <typename T>
int RunMaxQuantized(const OpContext& ctx, const OpArgs& a) {
  const PoolParams& p = *ParamsAs<PoolParams>(a);
  const reference::PoolShape s = ShapeOf(a, p);
  ParallelFor(ctx, static_cast<int64_t>(s.batches) * s.out_h, [&](int64_t begin, int64_t end) {
    reference::MaxPool<T, int32_t>(s, a.inputs[0]->Data<T>(), p.act_min, p.act_max, a.outputs[0]->Data<T>(),
                                   static_cast<int>(begin), static_cast<int>(end));
  });
  return LITEQ_OK;
}

}  // namespace

const KernelInfo kPoolingKernels[] = {
    {"average_pool_2d_f32", RunAverageF32, CheckF32, nullptr},
    {"average_pool_2d_u8", RunAverageQuantized<uint8_t>, CheckU8, nullptr},
    {"average_pool_2d_i8", RunAverageQuantized<int8_t>, CheckI8, nullptr},
    {"max_pool_2d_f32", RunMaxF32, CheckF32, nullptr},
    {"max_pool_2d_u8", RunMaxQuantized<uint8_t>, CheckU8, nullptr},
    {"max_pool_2d_i8", RunMaxQuantized<int8_t>, CheckI8, nullptr},
};
const size_t kPoolingKernelCount = sizeof(kPoolingKernels) / sizeof(kPoolingKernels[0]);

}  // namespace liteq
