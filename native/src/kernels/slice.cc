// SLICE and STRIDED_SLICE with unit strides (→ slice: a box of the input, begin and size per
// dimension), SPLIT and SPLIT_V (→ split: the outputs side by side along one axis) and REVERSE_V2 of
// one axis (→ reverse). Plain data movement, so the bytes are TFLite 2.9's. What the loops TensorFlow
// 2.21's converter writes for Keras LSTM/GRU/SimpleRNN layers need once unrolled (plan/unroll.ts):
// the gates split from one FULLY_CONNECTED output, a time step read from or written into the sequence.
#include <cstdint>
#include <cstring>

#include "kernels/kernel_lists.h"
#include "kernels/params.h"
#include "liteq/liteq.h"
#include "runtime/error.h"
#include "runtime/op.h"
#include "runtime/tensor.h"

namespace liteq {
namespace {

// Copies the box [begin, begin + size) of an input with dims `dims` (rank ≤ 6) to out, row-major. The
// trailing dimensions the box spans whole, and the innermost partial one, go as one memcpy.
void CopyBox(const uint8_t* in, const int32_t* dims, int rank, const int32_t* begin, const int32_t* size, size_t elem, uint8_t* out) {
  int64_t stride[kMaxRank];
  int64_t s = static_cast<int64_t>(elem);
  for (int d = rank - 1; d >= 0; --d) {
    stride[d] = s;
    s *= dims[d];
  }
  for (int d = 0; d < rank; ++d) {
    if (size[d] == 0) return;
  }
  // k: the innermost dimension the box does not span whole; from it inward one contiguous run.
  int k = rank - 1;
  while (k > 0 && size[k] == dims[k]) --k;
  const size_t run = rank == 0 ? elem : static_cast<size_t>(size[k]) * static_cast<size_t>(stride[k]);
  int64_t base = 0;
  for (int d = 0; d < rank; ++d) base += begin[d] * stride[d];
  int32_t at[kMaxRank] = {};
  for (;;) {
    int64_t off = base;
    for (int d = 0; d < k; ++d) off += at[d] * stride[d];
    std::memcpy(out, in + off, run);
    out += run;
    int d = k - 1;
    while (d >= 0 && ++at[d] == size[d]) at[d--] = 0;
    if (d < 0) return;
  }
}

bool SameDType(const OpArgs& a, int input = 0) {
  for (int i = 0; i < a.num_outputs; ++i) {
    if (!a.outputs[i] || a.outputs[i]->dtype != a.inputs[input]->dtype) return false;
  }
  return DTypeSize(a.inputs[input]->dtype) != 0;
}

int CheckSlice(const OpArgs& a) {
  const SliceParams* p = CheckedParams<SliceParams>(a, "slice");
  if (!p) return LastStatus();
  if (a.num_inputs < 1 || a.num_outputs != 1 || !a.inputs[0]) return Fail(LITEQ_E_INVALID_ARGUMENT, "slice: expects 1 input and 1 output");
  const Tensor& in = *a.inputs[0];
  if (!SameDType(a)) return Fail(LITEQ_E_INVALID_ARGUMENT, "slice: input and output dtypes differ or are not supported");
  if (p->rank != in.rank) return Fail(LITEQ_E_INVALID_ARGUMENT, "slice: rank differs from the input's");
  uint64_t n = 1;
  for (int d = 0; d < p->rank; ++d) {
    if (p->begin[d] < 0 || p->size[d] < 0 || static_cast<int64_t>(p->begin[d]) + p->size[d] > in.dims[d]) {
      return Fail(LITEQ_E_INVALID_ARGUMENT, "slice: the box leaves the input");
    }
    n *= static_cast<uint64_t>(p->size[d]);
  }
  if (n * DTypeSize(in.dtype) != a.outputs[0]->bytes) return Fail(LITEQ_E_INVALID_ARGUMENT, "slice: output size does not match the box");
  return LITEQ_OK;
}

int RunSlice(const OpContext&, const OpArgs& a) {
  const SliceParams& p = *ParamsAs<SliceParams>(a);
  const Tensor& in = *a.inputs[0];
  CopyBox(in.data, in.dims, in.rank, p.begin, p.size, DTypeSize(in.dtype), a.outputs[0]->data);
  return LITEQ_OK;
}

// The extent along the axis of output i: its elements over the input's other dimensions.
int64_t SplitExtent(const Tensor& in, const Tensor& out, int axis) {
  const int64_t across = in.NumElements() / (in.dims[axis] == 0 ? 1 : in.dims[axis]);
  return across == 0 ? 0 : out.NumElements() / across;
}

int CheckSplit(const OpArgs& a) {
  const SplitParams* p = CheckedParams<SplitParams>(a, "split");
  if (!p) return LastStatus();
  if (p->input < 0 || p->input >= a.num_inputs || !a.inputs[p->input] || a.num_outputs < 1) return Fail(LITEQ_E_INVALID_ARGUMENT, "split: expects its data input and outputs");
  const Tensor& in = *a.inputs[p->input];
  if (!SameDType(a, p->input)) return Fail(LITEQ_E_INVALID_ARGUMENT, "split: input and output dtypes differ or are not supported");
  if (p->axis < 0 || p->axis >= in.rank) return Fail(LITEQ_E_INVALID_ARGUMENT, "split: axis out of range");
  const int64_t across = in.NumElements() / (in.dims[p->axis] == 0 ? 1 : in.dims[p->axis]);
  int64_t total = 0;
  for (int i = 0; i < a.num_outputs; ++i) {
    if (across != 0 && a.outputs[i]->NumElements() % across != 0) return Fail(LITEQ_E_INVALID_ARGUMENT, "split: an output is not whole slices of the axis");
    total += SplitExtent(in, *a.outputs[i], p->axis);
  }
  if (total != in.dims[p->axis]) return Fail(LITEQ_E_INVALID_ARGUMENT, "split: the outputs do not add up to the axis");
  return LITEQ_OK;
}

int RunSplit(const OpContext&, const OpArgs& a) {
  const SplitParams& p = *ParamsAs<SplitParams>(a);
  const Tensor& in = *a.inputs[p.input];
  int32_t begin[kMaxRank] = {}, size[kMaxRank] = {};
  for (int d = 0; d < in.rank; ++d) size[d] = in.dims[d];
  for (int i = 0; i < a.num_outputs; ++i) {
    size[p.axis] = static_cast<int32_t>(SplitExtent(in, *a.outputs[i], p.axis));
    CopyBox(in.data, in.dims, in.rank, begin, size, DTypeSize(in.dtype), a.outputs[i]->data);
    begin[p.axis] += size[p.axis];
  }
  return LITEQ_OK;
}

int CheckReverse(const OpArgs& a) {
  const ReverseParams* p = CheckedParams<ReverseParams>(a, "reverse");
  if (!p) return LastStatus();
  if (a.num_inputs < 1 || a.num_outputs != 1 || !a.inputs[0]) return Fail(LITEQ_E_INVALID_ARGUMENT, "reverse: expects 1 input and 1 output");
  if (!SameDType(a) || a.outputs[0]->bytes != a.inputs[0]->bytes) return Fail(LITEQ_E_INVALID_ARGUMENT, "reverse: input and output differ");
  if (p->axis < 0 || p->axis >= a.inputs[0]->rank) return Fail(LITEQ_E_INVALID_ARGUMENT, "reverse: axis out of range");
  return LITEQ_OK;
}

int RunReverse(const OpContext&, const OpArgs& a) {
  const ReverseParams& p = *ParamsAs<ReverseParams>(a);
  const Tensor& in = *a.inputs[0];
  int64_t outer = 1, inner = static_cast<int64_t>(DTypeSize(in.dtype));
  for (int d = 0; d < p.axis; ++d) outer *= in.dims[d];
  for (int d = p.axis + 1; d < in.rank; ++d) inner *= in.dims[d];
  const int64_t n = in.dims[p.axis];
  const size_t row = static_cast<size_t>(inner);
  for (int64_t o = 0; o < outer; ++o) {
    const uint8_t* src = in.data + static_cast<size_t>(o * n) * row;
    uint8_t* dst = a.outputs[0]->data + static_cast<size_t>(o * n) * row;
    for (int64_t i = 0; i < n; ++i) std::memcpy(dst + static_cast<size_t>(i) * row, src + static_cast<size_t>(n - 1 - i) * row, row);
  }
  return LITEQ_OK;
}

}  // namespace

const KernelInfo kSliceKernels[] = {
    {"slice", RunSlice, CheckSlice, nullptr},
    {"split", RunSplit, CheckSplit, nullptr},
    {"reverse", RunReverse, CheckReverse, nullptr},
};
const size_t kSliceKernelCount = sizeof(kSliceKernels) / sizeof(kSliceKernels[0]);

}  // namespace liteq
