// QUANTIZE (float32 -> uint8/int8, and 8-bit -> 8-bit requantization) and DEQUANTIZE (uint8/int8/
// float16 -> float32). Lowering: packages/core/src/plan/ops/quantize.ts.
#include <cstdint>
#include <limits>

#include "kernels/kernel_lists.h"
#include "kernels/lut.h"
#include "kernels/params.h"
#include "kernels/reference/quantize.h"
#include "liteq/liteq.h"
#include "runtime/error.h"
#include "runtime/op.h"

namespace liteq {
namespace {

template <typename P, DType In, DType Out>
int CheckConvert(const OpArgs& a) {
  if (!CheckedParams<P>(a, "quantize")) return LastStatus();
  if (a.num_inputs != 1 || a.num_outputs != 1 || !a.inputs[0]) return Fail(LITEQ_E_INVALID_ARGUMENT, "quantize: expects 1 input and 1 output");
  if (a.inputs[0]->dtype != In || a.outputs[0]->dtype != Out) return Fail(LITEQ_E_INVALID_ARGUMENT, "quantize: tensor dtypes do not match the kernel");
  if (a.inputs[0]->NumElements() != a.outputs[0]->NumElements()) return Fail(LITEQ_E_INVALID_ARGUMENT, "quantize: input and output sizes differ");
  return LITEQ_OK;
}

template <typename Out>
int RunQuantizeFloat(const OpContext&, const OpArgs& a) {
  const QuantizeParams& p = *ParamsAs<QuantizeParams>(a);
  const float* in = a.inputs[0]->Data<float>();
  Out* out = a.outputs[0]->Data<Out>();
  const int64_t n = a.inputs[0]->NumElements();
  for (int64_t i = 0; i < n; ++i) out[i] = reference::AffineQuantize<Out>(in[i], p.output_scale, p.output_zero_point);
  return LITEQ_OK;
}

// 8-bit -> 8-bit: the output depends only on the input byte, so the reference Requantize is evaluated
// once per byte value into a table, then looked up (split over the threads).
template <typename In, typename Out>
int RunRequantize(const OpContext& ctx, const OpArgs& a) {
  const QuantizeParams& p = *ParamsAs<QuantizeParams>(a);
  Out table[256];
  for (int v = std::numeric_limits<In>::min(); v <= std::numeric_limits<In>::max(); ++v) {
    table[static_cast<uint8_t>(v)] = reference::Requantize<Out>(v, p.input_zero_point, p.output_zero_point, p.output_multiplier, p.output_shift);
  }
  const uint8_t* in = a.inputs[0]->data;
  uint8_t* out = a.outputs[0]->data;
  // uint8 <-> int8 with the same scale and zero points 128 apart (a model's uint8 input in front of
  // int8 layers) is a flip of the top bit: a loop the compiler vectorizes.
  bool flip = true;
  for (int v = 0; v < 256; ++v) flip = flip && static_cast<uint8_t>(table[v]) == (v ^ 0x80);
  ParallelForBlocks(ctx, a.inputs[0]->NumElements(), 16384, [&](int64_t i0, int64_t i1) {
    if (flip) {
      // Local restrict pointers: byte stores could otherwise alias the captured ones, which keeps the
      // compiler from vectorizing (it reloaded them for every byte).
      const uint8_t* __restrict src = in + i0;
      uint8_t* __restrict dst = out + i0;
      for (int64_t i = 0, n = i1 - i0; i < n; ++i) dst[i] = static_cast<uint8_t>(src[i] ^ 0x80);
    } else {
      LookupBytes(reinterpret_cast<const uint8_t*>(table), in + i0, i1 - i0, out + i0);
    }
  });
  return LITEQ_OK;
}

template <typename In>
int RunDequantize(const OpContext&, const OpArgs& a) {
  const DequantizeParams& p = *ParamsAs<DequantizeParams>(a);
  const In* in = a.inputs[0]->Data<In>();
  float* out = a.outputs[0]->Data<float>();
  const int64_t n = a.inputs[0]->NumElements();
  for (int64_t i = 0; i < n; ++i) out[i] = reference::Dequantize(in[i], p.scale, p.zero_point);
  return LITEQ_OK;
}

int RunDequantizeHalf(const OpContext&, const OpArgs& a) {
  const uint16_t* in = a.inputs[0]->Data<uint16_t>();
  float* out = a.outputs[0]->Data<float>();
  const int64_t n = a.inputs[0]->NumElements();
  for (int64_t i = 0; i < n; ++i) out[i] = reference::HalfToFloat(in[i]);
  return LITEQ_OK;
}

constexpr DType kF32 = DType::kFloat32;
constexpr DType kF16 = DType::kFloat16;
constexpr DType kU8 = DType::kUInt8;
constexpr DType kI8 = DType::kInt8;

}  // namespace

const KernelInfo kQuantizeKernels[] = {
    {"quantize_f32_u8", RunQuantizeFloat<uint8_t>, CheckConvert<QuantizeParams, kF32, kU8>, nullptr},
    {"quantize_f32_i8", RunQuantizeFloat<int8_t>, CheckConvert<QuantizeParams, kF32, kI8>, nullptr},
    {"quantize_u8_u8", RunRequantize<uint8_t, uint8_t>, CheckConvert<QuantizeParams, kU8, kU8>, nullptr},
    {"quantize_u8_i8", RunRequantize<uint8_t, int8_t>, CheckConvert<QuantizeParams, kU8, kI8>, nullptr},
    {"quantize_i8_u8", RunRequantize<int8_t, uint8_t>, CheckConvert<QuantizeParams, kI8, kU8>, nullptr},
    {"quantize_i8_i8", RunRequantize<int8_t, int8_t>, CheckConvert<QuantizeParams, kI8, kI8>, nullptr},
    {"dequantize_u8", RunDequantize<uint8_t>, CheckConvert<DequantizeParams, kU8, kF32>, nullptr},
    {"dequantize_i8", RunDequantize<int8_t>, CheckConvert<DequantizeParams, kI8, kF32>, nullptr},
    {"dequantize_f16", RunDequantizeHalf, CheckConvert<DequantizeParams, kF16, kF32>, nullptr},
};
const size_t kQuantizeKernelCount = sizeof(kQuantizeKernels) / sizeof(kQuantizeKernels[0]);

}  // namespace liteq
