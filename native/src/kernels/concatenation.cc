// CONCATENATION along any axis (lowering normalizes negative axes): float32, int32, int8 (inputs share
// the output's quantization, plain copies) and uint8 (inputs with other params requantized exactly as
// TFLite's ConcatenationWithScaling).
#include <cstring>
#include <vector>

#include "kernels/kernel_lists.h"
#include "kernels/params.h"
#include "kernels/reference/concatenation.h"
#include "liteq/liteq.h"
#include "runtime/error.h"
#include "runtime/op.h"

namespace liteq {
namespace {

const ConcatInputParams* InputParams(const OpArgs& a) {
  return reinterpret_cast<const ConcatInputParams*>(static_cast<const uint8_t*>(a.params) + sizeof(ConcatParams));
}

template <DType D>
int CheckConcat(const OpArgs& a) {
  const ConcatParams* p = CheckedParams<ConcatParams>(a, "concatenation");
  if (!p) return LastStatus();
  if (p->num_inputs != a.num_inputs || a.num_inputs < 1 || a.num_outputs != 1) {
    return Fail(LITEQ_E_INVALID_ARGUMENT, "concatenation: input count differs from params");
  }
  if (a.params_size < sizeof(ConcatParams) + sizeof(ConcatInputParams) * static_cast<size_t>(p->num_inputs)) {
    return Fail(LITEQ_E_INVALID_ARGUMENT, "concatenation: params blob too short for its inputs");
  }
  for (int i = 0; i < p->num_inputs; ++i) {
    if (const char* bad = DeclaredRanges<ConcatInputParams>::Violation(InputParams(a)[i])) {
      return Fail(LITEQ_E_INVALID_ARGUMENT, std::string("concatenation: input ") + std::to_string(i) + " params field " + bad);
    }
  }
  const Tensor& out = *a.outputs[0];
  if (out.dtype != D || p->axis < 0 || p->axis >= out.rank) return Fail(LITEQ_E_INVALID_ARGUMENT, "concatenation: bad axis or dtype");
  int64_t axis_sum = 0;
  for (int i = 0; i < a.num_inputs; ++i) {
    const Tensor* t = a.inputs[i];
    if (!t || t->dtype != D || t->rank != out.rank) return Fail(LITEQ_E_INVALID_ARGUMENT, "concatenation: input rank or dtype differs");
    for (int d = 0; d < out.rank; ++d) {
      if (d != p->axis && t->dims[d] != out.dims[d]) return Fail(LITEQ_E_INVALID_ARGUMENT, "concatenation: input dims differ off the axis");
    }
    axis_sum += t->dims[p->axis];
  }
  if (axis_sum != out.dims[p->axis]) return Fail(LITEQ_E_INVALID_ARGUMENT, "concatenation: axis sizes do not add up");
  return LITEQ_OK;
}

template <DType D>
int RunConcat(const OpContext&, const OpArgs& a) {
  const ConcatParams& p = *ParamsAs<ConcatParams>(a);
  const Tensor& out = *a.outputs[0];
  const size_t elem = DTypeSize(D);
  int64_t outer = 1, inner = 1;
  for (int d = 0; d < p.axis; ++d) outer *= out.dims[d];
  for (int d = p.axis + 1; d < out.rank; ++d) inner *= out.dims[d];
  std::vector<const uint8_t*> srcs(a.num_inputs);
  std::vector<int64_t> run_bytes(a.num_inputs);
  for (int i = 0; i < a.num_inputs; ++i) {
    srcs[i] = a.inputs[i]->data;
    run_bytes[i] = static_cast<int64_t>(a.inputs[i]->dims[p.axis]) * inner * static_cast<int64_t>(elem);
  }
  if constexpr (D == DType::kUInt8) {
    const ConcatInputParams* ip = InputParams(a);
    std::vector<reference::ConcatRequantize> rq(a.num_inputs);
    // The requantization is a function of the input byte alone: tabulate it once per input (the
    // reference run over the 256 byte values, so the table is bit-exact) and look every element up.
    std::vector<uint8_t> tables(static_cast<size_t>(a.num_inputs) * 256);
    uint8_t all_bytes[256];
    for (int v = 0; v < 256; ++v) all_bytes[v] = static_cast<uint8_t>(v);
    for (int i = 0; i < a.num_inputs; ++i) {
      rq[i] = reference::MakeConcatRequantize(ip[i].scale, ip[i].zero_point, p.output_scale, p.output_zero_point);
      if (!rq[i].copy) reference::RequantizeConcatRun(all_bytes, 256, rq[i], p.output_zero_point, &tables[256 * i]);
    }
    reference::ConcatenateRuns(a.num_inputs, srcs.data(), run_bytes.data(), outer, out.data,
                               [&](int i, const uint8_t* src, uint8_t* dst, int64_t n) {
                                 if (rq[i].copy) {
                                   std::memcpy(dst, src, static_cast<size_t>(n));
                                 } else {
                                   const uint8_t* table = &tables[256 * i];
                                   for (int64_t j = 0; j < n; ++j) dst[j] = table[src[j]];
                                 }
                               });
  } else {
    reference::ConcatenateRuns(a.num_inputs, srcs.data(), run_bytes.data(), outer, out.data,
                               [](int, const uint8_t* src, uint8_t* dst, int64_t n) { std::memcpy(dst, src, static_cast<size_t>(n)); });
  }
  return LITEQ_OK;
}

}  // namespace

const KernelInfo kConcatenationKernels[] = {
    {"concatenation_f32", RunConcat<DType::kFloat32>, CheckConcat<DType::kFloat32>, nullptr},
    {"concatenation_u8", RunConcat<DType::kUInt8>, CheckConcat<DType::kUInt8>, nullptr},
    {"concatenation_i8", RunConcat<DType::kInt8>, CheckConcat<DType::kInt8>, nullptr},
    {"concatenation_i32", RunConcat<DType::kInt32>, CheckConcat<DType::kInt32>, nullptr},
};
const size_t kConcatenationKernelCount = sizeof(kConcatenationKernels) / sizeof(kConcatenationKernels[0]);

}  // namespace liteq
