// CONCATENATION along any axis (lowering normalizes negative axes): float32, int32, int8 (inputs share
// the output's quantization, plain copies) and uint8 (inputs with other params requantized exactly as
// TFLite's ConcatenationWithScaling, through per-input byte tables built at plan creation). Large
// outputs are copied in pieces over the threads.
#include <algorithm>
#include <cstring>
#include <vector>

#include "kernels/kernel_lists.h"
#include "kernels/lut.h"
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

// uint8 inputs with other params than the output's: the requantization is a function of the input
// byte alone, so it is tabulated per input (the reference run over the 256 byte values, so the table is
// bit-exact) and every element looked up (kernels/lut.h). Layout: one flag byte per input (1 = plain
// copy) padded to 64, then 256 table bytes per input. Built at plan creation (the params are constant).
size_t FlagBytes(int num_inputs) { return 64 * static_cast<size_t>((num_inputs + 63) / 64); }
size_t TableBytes(int num_inputs) { return FlagBytes(num_inputs) + 256 * static_cast<size_t>(num_inputs); }

void FillTables(const OpArgs& a, uint8_t* dst) {
  const ConcatParams& p = *ParamsAs<ConcatParams>(a);
  const ConcatInputParams* ip = InputParams(a);
  uint8_t all_bytes[256];
  for (int v = 0; v < 256; ++v) all_bytes[v] = static_cast<uint8_t>(v);
  uint8_t* tables = dst + FlagBytes(p.num_inputs);
  for (int i = 0; i < p.num_inputs; ++i) {
    const reference::ConcatRequantize rq = reference::MakeConcatRequantize(ip[i].scale, ip[i].zero_point, p.output_scale, p.output_zero_point);
    dst[i] = rq.copy ? 1 : 0;
    if (!rq.copy) reference::RequantizeConcatRun(all_bytes, 256, rq, p.output_zero_point, tables + 256 * i);
  }
}

size_t PrepareU8(const OpArgs& a, uint8_t* dst) {
  const ConcatParams* p = ParamsAs<ConcatParams>(a);
  if (!p) return 0;
  if (dst) FillTables(a, dst);
  return TableBytes(p->num_inputs);
}

// Output bytes per block handed to a thread (a block may span several input runs).
constexpr int64_t kPieceBytes = 16 * 1024;

// Input `input` lies in the output exactly where it is copied to: with nothing before the axis (outer
// size 1) each input is one run, after the runs of the inputs before it. The planner puts a box
// predictor's reshaped conv outputs there, so the convs write the concatenation directly.
bool InPlace(const OpArgs& a, int input) {
  const ConcatParams& p = *ParamsAs<ConcatParams>(a);
  const Tensor& out = *a.outputs[0];
  for (int d = 0; d < p.axis; ++d) {
    if (out.dims[d] != 1) return false;
  }
  size_t at = 0;
  for (int i = 0; i < input; ++i) at += a.inputs[i]->bytes;
  return a.inputs[input]->data == out.data + at;
}

template <DType D>
int RunConcat(const OpContext& ctx, const OpArgs& a) {
  const ConcatParams& p = *ParamsAs<ConcatParams>(a);
  const Tensor& out = *a.outputs[0];
  const size_t elem = DTypeSize(D);
  int64_t outer = 1, inner = 1;
  for (int d = 0; d < p.axis; ++d) outer *= out.dims[d];
  for (int d = p.axis + 1; d < out.rank; ++d) inner *= out.dims[d];
  const uint8_t* tables = nullptr;
  std::vector<uint8_t> local;
  if constexpr (D == DType::kUInt8) {
    const size_t bytes = TableBytes(p.num_inputs);
    if (ctx.prepared && ctx.prepared_bytes == bytes) {
      tables = ctx.prepared;
    } else {  // e.g. a kernel run outside a plan
      local.resize(bytes);
      FillTables(a, local.data());
      tables = local.data();
    }
  }
  // The output in blocks of kPieceBytes spread over the threads (a large concatenation, e.g. SSD's
  // class scores, would otherwise run on one); each block walks the input runs it covers. Row k of
  // the output is input 0's run k, then input 1's, ...
  const auto run_bytes = [&](int i) { return static_cast<int64_t>(a.inputs[i]->dims[p.axis]) * inner * static_cast<int64_t>(elem); };
  int64_t row = 0;
  for (int i = 0; i < a.num_inputs; ++i) row += run_bytes(i);
  if (row == 0) return LITEQ_OK;
  const uint8_t* flags = tables;
  const uint8_t* lut = tables ? tables + FlagBytes(p.num_inputs) : nullptr;
  ParallelForBlocks(ctx, outer * row, kPieceBytes, [&](int64_t begin, int64_t end) {
    for (int64_t pos = begin; pos < end;) {
      const int64_t k = pos / row;
      int64_t offset = pos % row;
      int i = 0;
      int64_t run = 0;
      for (;; ++i) {
        run = run_bytes(i);
        if (offset < run) break;
        offset -= run;
      }
      const int64_t n = std::min(run - offset, end - pos);
      const uint8_t* src = a.inputs[i]->data + k * run + offset;
      if (flags && flags[i] == 0) {
        LookupBytes(lut + 256 * static_cast<size_t>(i), src, n, out.data + pos);  // byte for byte: safe in place
      } else if (src != out.data + pos) {  // an input written in place by its producer is already there
        std::memcpy(out.data + pos, src, static_cast<size_t>(n));
      }
      pos += n;
    }
  });
  return LITEQ_OK;
}

}  // namespace

const KernelInfo kConcatenationKernels[] = {
    {"concatenation_f32", RunConcat<DType::kFloat32>, CheckConcat<DType::kFloat32>, nullptr, nullptr, InPlace},
    {"concatenation_u8", RunConcat<DType::kUInt8>, CheckConcat<DType::kUInt8>, nullptr, PrepareU8, InPlace},
    {"concatenation_i8", RunConcat<DType::kInt8>, CheckConcat<DType::kInt8>, nullptr, nullptr, InPlace},
    {"concatenation_i32", RunConcat<DType::kInt32>, CheckConcat<DType::kInt32>, nullptr, nullptr, InPlace},
};
const size_t kConcatenationKernelCount = sizeof(kConcatenationKernels) / sizeof(kConcatenationKernels[0]);

}  // namespace liteq
