// Unary activations: LOGISTIC, TANH, SOFTMAX, RELU, RELU6, RELU_N1_TO_1, LEAKY_RELU, HARD_SWISH for
// float32, uint8 and int8. Lowering: packages/core/src/plan/ops/activations.ts.
#include <algorithm>
#include <cstdint>

#include "kernels/kernel_lists.h"
#include "kernels/lut.h"
#include "kernels/params.h"
#include "kernels/reference/activations.h"
#include "kernels/reference/logistic.h"
#include "kernels/reference/softmax.h"
#include "liteq/liteq.h"
#include "runtime/error.h"
#include "runtime/op.h"

namespace liteq {
namespace {

template <typename P, DType D>
int CheckUnary(const OpArgs& a) {
  if (!CheckedParams<P>(a, "activation")) return LastStatus();
  if (a.num_inputs != 1 || a.num_outputs != 1 || !a.inputs[0]) return Fail(LITEQ_E_INVALID_ARGUMENT, "activation: expects 1 input and 1 output");
  if (a.inputs[0]->dtype != D || a.outputs[0]->dtype != D) return Fail(LITEQ_E_INVALID_ARGUMENT, "activation: tensor dtype does not match the kernel");
  if (a.inputs[0]->NumElements() != a.outputs[0]->NumElements()) return Fail(LITEQ_E_INVALID_ARGUMENT, "activation: input and output sizes differ");
  return LITEQ_OK;
}

enum class Fn { kLogistic, kTanh };

template <Fn F>
int RunLutFloat(const OpContext&, const OpArgs& a) {
  const float* in = a.inputs[0]->Data<float>();
  float* out = a.outputs[0]->Data<float>();
  const int64_t n = a.inputs[0]->NumElements();
  for (int64_t i = 0; i < n; ++i) out[i] = F == Fn::kLogistic ? reference::LogisticFloat(in[i]) : reference::TanhFloat(in[i]);
  return LITEQ_OK;
}

// The 256-entry table of an 8-bit LOGISTIC/TANH (TFLite's PopulateLookupTable: one float function
// call per entry), built once at plan creation: per inference only the lookups remain.
template <Fn F, typename T>
void FillLut8(const OpArgs& a, uint8_t* table) {
  const LutParams& p = *ParamsAs<LutParams>(a);
  if (F == Fn::kLogistic) {
    reference::PopulateLookupTable<T>(p.input_scale, p.input_zero_point, p.output_scale, p.output_zero_point, reference::LogisticFloat, table);
  } else {
    reference::PopulateLookupTable<T>(p.input_scale, p.input_zero_point, p.output_scale, p.output_zero_point, reference::TanhFloat, table);
  }
}

template <Fn F, typename T>
size_t PrepareLut8(const OpArgs& a, uint8_t* dst) {
  if (dst) FillLut8<F, T>(a, dst);
  return 256;
}

template <Fn F, typename T>
int RunLut8(const OpContext& ctx, const OpArgs& a) {
  uint8_t local[256];
  const uint8_t* table = ctx.prepared;
  if (!table || ctx.prepared_bytes != 256) {  // e.g. a kernel run outside a plan
    FillLut8<F, T>(a, local);
    table = local;
  }
  // Large tensors (SSD's 1917 x 91 class scores) are split over the threads in 16 KiB blocks.
  constexpr int64_t kBlock = 16384;
  const int64_t n = a.inputs[0]->NumElements();
  const uint8_t* in = a.inputs[0]->data;
  uint8_t* out = a.outputs[0]->data;
  ParallelFor(ctx, (n + kBlock - 1) / kBlock, [&](int64_t begin, int64_t end) {
    const int64_t i0 = begin * kBlock, i1 = std::min(n, end * kBlock);
    LookupBytes(table, in + i0, i1 - i0, out + i0);
  });
  return LITEQ_OK;
}

int SoftmaxRows(const Tensor& t, int64_t* rows, int* depth) {
  if (t.rank < 1) return Fail(LITEQ_E_INVALID_ARGUMENT, "softmax: input must have rank >= 1");
  *depth = t.Dim(-1);
  *rows = *depth ? t.NumElements() / *depth : 0;
  return LITEQ_OK;
}

int RunSoftmaxFloat(const OpContext&, const OpArgs& a) {
  const SoftmaxParams& p = *ParamsAs<SoftmaxParams>(a);
  int64_t rows;
  int depth;
  if (int s = SoftmaxRows(*a.inputs[0], &rows, &depth)) return s;
  for (int64_t r = 0; r < rows; ++r) {
    reference::SoftmaxFloatRow(p.beta, a.inputs[0]->Data<float>() + r * depth, depth, a.outputs[0]->Data<float>() + r * depth);
  }
  return LITEQ_OK;
}

// The exp table of an 8-bit SOFTMAX (256 floats), built once at plan creation as LOGISTIC's.
size_t PrepareSoftmax8(const OpArgs& a, uint8_t* dst) {
  const SoftmaxParams& p = *ParamsAs<SoftmaxParams>(a);
  if (dst) reference::PopulateSoftmaxLookupTable(p.input_scale, p.beta, reinterpret_cast<float*>(dst));
  return 256 * sizeof(float);
}

template <typename T>
int RunSoftmax8(const OpContext& ctx, const OpArgs& a) {
  const SoftmaxParams& p = *ParamsAs<SoftmaxParams>(a);
  int64_t rows;
  int depth;
  if (int s = SoftmaxRows(*a.inputs[0], &rows, &depth)) return s;
  float local[256];
  const float* table = reinterpret_cast<const float*>(ctx.prepared);
  if (!table || ctx.prepared_bytes != sizeof(local)) {  // e.g. a kernel run outside a plan
    PrepareSoftmax8(a, reinterpret_cast<uint8_t*>(local));
    table = local;
  }
  for (int64_t r = 0; r < rows; ++r) {
    reference::SoftmaxQuantizedRow<T>(table, p.output_scale, p.output_zero_point, a.inputs[0]->Data<T>() + r * depth, depth,
                                      a.outputs[0]->Data<T>() + r * depth);
  }
  return LITEQ_OK;
}

int RunReluFloat(const OpContext&, const OpArgs& a) {
  const ReluParams& p = *ParamsAs<ReluParams>(a);
  const float* in = a.inputs[0]->Data<float>();
  float* out = a.outputs[0]->Data<float>();
  const int64_t n = a.inputs[0]->NumElements();
  const float lo = p.float_activation_min, hi = p.float_activation_max;
  if (lo == 0.0f && hi == 6.0f) {
    // TFLite 2.9's RELU6: std::min(std::max(0.f, x), 6.f) — NaN becomes 0.
    for (int64_t i = 0; i < n; ++i) out[i] = std::min(std::max(lo, in[i]), hi);
  } else {
    // RELU (Eigen's cwiseMax(0.f): x wins unless x < 0, so NaN and -0 pass) and RELU_N1_TO_1
    // (x > 1 ? 1 : x < -1 ? -1 : x): NaN stays NaN.
    for (int64_t i = 0; i < n; ++i) out[i] = in[i] > hi ? hi : (in[i] < lo ? lo : in[i]);
  }
  return LITEQ_OK;
}

template <typename T>
int RunRelu8(const OpContext&, const OpArgs& a) {
  const ReluParams& p = *ParamsAs<ReluParams>(a);
  const T* in = a.inputs[0]->Data<T>();
  T* out = a.outputs[0]->Data<T>();
  const int64_t n = a.inputs[0]->NumElements();
  for (int64_t i = 0; i < n; ++i) {
    out[i] = static_cast<T>(reference::QuantizedReluX(in[i], p.input_zero_point, p.output_zero_point, p.output_multiplier,
                                                      p.output_shift, p.activation_min, p.activation_max));
  }
  return LITEQ_OK;
}

int RunLeakyReluFloat(const OpContext&, const OpArgs& a) {
  const LeakyReluParams& p = *ParamsAs<LeakyReluParams>(a);
  const float* in = a.inputs[0]->Data<float>();
  float* out = a.outputs[0]->Data<float>();
  const int64_t n = a.inputs[0]->NumElements();
  for (int64_t i = 0; i < n; ++i) out[i] = reference::LeakyReluFloat(in[i], p.alpha);
  return LITEQ_OK;
}

template <typename T>
int RunLeakyRelu8(const OpContext&, const OpArgs& a) {
  const LeakyReluParams& p = *ParamsAs<LeakyReluParams>(a);
  const T* in = a.inputs[0]->Data<T>();
  T* out = a.outputs[0]->Data<T>();
  const int64_t n = a.inputs[0]->NumElements();
  for (int64_t i = 0; i < n; ++i) {
    out[i] = static_cast<T>(reference::QuantizedLeakyRelu(in[i], p.input_zero_point, p.output_zero_point, p.identity_multiplier,
                                                          p.identity_shift, p.alpha_multiplier, p.alpha_shift,
                                                          std::numeric_limits<T>::min(), std::numeric_limits<T>::max()));
  }
  return LITEQ_OK;
}

int RunHardSwishFloat(const OpContext&, const OpArgs& a) {
  const float* in = a.inputs[0]->Data<float>();
  float* out = a.outputs[0]->Data<float>();
  const int64_t n = a.inputs[0]->NumElements();
  for (int64_t i = 0; i < n; ++i) out[i] = reference::HardSwishFloat(in[i]);
  return LITEQ_OK;
}

template <typename T>
int RunHardSwish8(const OpContext&, const OpArgs& a) {
  const reference::HardSwishSpec& p = *ParamsAs<reference::HardSwishSpec>(a);
  const T* in = a.inputs[0]->Data<T>();
  T* out = a.outputs[0]->Data<T>();
  const int64_t n = a.inputs[0]->NumElements();
  for (int64_t i = 0; i < n; ++i) out[i] = reference::QuantizedHardSwish<T>(p, in[i]);
  return LITEQ_OK;
}

constexpr DType kF32 = DType::kFloat32;
constexpr DType kU8 = DType::kUInt8;
constexpr DType kI8 = DType::kInt8;

}  // namespace

const KernelInfo kActivationKernels[] = {
    {"logistic_f32", RunLutFloat<Fn::kLogistic>, CheckUnary<LutParams, kF32>, nullptr},
    {"logistic_u8", RunLut8<Fn::kLogistic, uint8_t>, CheckUnary<LutParams, kU8>, nullptr, PrepareLut8<Fn::kLogistic, uint8_t>},
    {"logistic_i8", RunLut8<Fn::kLogistic, int8_t>, CheckUnary<LutParams, kI8>, nullptr, PrepareLut8<Fn::kLogistic, int8_t>},
    {"tanh_f32", RunLutFloat<Fn::kTanh>, CheckUnary<LutParams, kF32>, nullptr},
    {"tanh_u8", RunLut8<Fn::kTanh, uint8_t>, CheckUnary<LutParams, kU8>, nullptr, PrepareLut8<Fn::kTanh, uint8_t>},
    {"tanh_i8", RunLut8<Fn::kTanh, int8_t>, CheckUnary<LutParams, kI8>, nullptr, PrepareLut8<Fn::kTanh, int8_t>},
    {"softmax_f32", RunSoftmaxFloat, CheckUnary<SoftmaxParams, kF32>, nullptr},
    {"softmax_u8", RunSoftmax8<uint8_t>, CheckUnary<SoftmaxParams, kU8>, nullptr, PrepareSoftmax8},
    {"softmax_i8", RunSoftmax8<int8_t>, CheckUnary<SoftmaxParams, kI8>, nullptr, PrepareSoftmax8},
    // RELU, RELU6 and RELU_N1_TO_1 differ only in the clamp the params carry.
    {"relu_f32", RunReluFloat, CheckUnary<ReluParams, kF32>, nullptr},
    {"relu_u8", RunRelu8<uint8_t>, CheckUnary<ReluParams, kU8>, nullptr},
    {"relu_i8", RunRelu8<int8_t>, CheckUnary<ReluParams, kI8>, nullptr},
    {"leaky_relu_f32", RunLeakyReluFloat, CheckUnary<LeakyReluParams, kF32>, nullptr},
    {"leaky_relu_u8", RunLeakyRelu8<uint8_t>, CheckUnary<LeakyReluParams, kU8>, nullptr},
    {"leaky_relu_i8", RunLeakyRelu8<int8_t>, CheckUnary<LeakyReluParams, kI8>, nullptr},
    {"hard_swish_f32", RunHardSwishFloat, CheckUnary<reference::HardSwishSpec, kF32>, nullptr},
    {"hard_swish_u8", RunHardSwish8<uint8_t>, CheckUnary<reference::HardSwishSpec, kU8>, nullptr},
    {"hard_swish_i8", RunHardSwish8<int8_t>, CheckUnary<reference::HardSwishSpec, kI8>, nullptr},
};
const size_t kActivationKernelCount = sizeof(kActivationKernels) / sizeof(kActivationKernels[0]);

}  // namespace liteq
