// RESHAPE, SQUEEZE, EXPAND_DIMS: the same bytes under another shape. Lowering computes the output
// shape; the kernel copies, or does nothing when the planner gave the output the input's bytes.
#include <cstring>

#include "kernels/kernel_lists.h"
#include "liteq/liteq.h"
#include "runtime/error.h"
#include "runtime/op.h"

namespace liteq {
namespace {

int CheckCopy(const OpArgs& a) {
  if (a.num_inputs < 1 || a.num_outputs != 1 || !a.inputs[0]) return Fail(LITEQ_E_INVALID_ARGUMENT, "expects 1 input and 1 output");
  if (a.inputs[0]->bytes != a.outputs[0]->bytes) return Fail(LITEQ_E_INVALID_ARGUMENT, "input and output sizes differ");
  if (a.inputs[0]->dtype != a.outputs[0]->dtype) return Fail(LITEQ_E_INVALID_ARGUMENT, "input and output dtypes differ");
  return LITEQ_OK;
}

int RunCopy(const OpContext&, const OpArgs& a) {
  if (a.outputs[0]->data != a.inputs[0]->data) std::memcpy(a.outputs[0]->data, a.inputs[0]->data, a.inputs[0]->bytes);
  return LITEQ_OK;
}

// In place only as the very same bytes.
bool InPlace(const OpArgs& a, int input) {
  return input == 0 && a.outputs[0]->data == a.inputs[0]->data && a.outputs[0]->bytes == a.inputs[0]->bytes;
}

}  // namespace

const KernelInfo kCopyKernels[] = {
    {"reshape", RunCopy, CheckCopy, nullptr, nullptr, InPlace},
};
const size_t kCopyKernelCount = sizeof(kCopyKernels) / sizeof(kCopyKernels[0]);

}  // namespace liteq
