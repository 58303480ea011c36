// The one list of kernels: the executor resolves plan kernel names here, and tests and benchmarks
// enumerate it. Each kernel family defines its table next to its kernels and is added below.
#include <string_view>
#include <vector>

#include "kernels/kernel_lists.h"
#include "runtime/op.h"

namespace liteq {
namespace {

const std::vector<KernelInfo>& Registry() {
  static const std::vector<KernelInfo> all = [] {
    std::vector<KernelInfo> v;
    for (const KernelList& list : kKernelLists) v.insert(v.end(), list.begin, list.begin + list.count);
    return v;
  }();
  return all;
}

}  // namespace

const KernelInfo* FindKernel(std::string_view name) {
  for (const KernelInfo& k : Registry()) {
    if (name == k.name) return &k;
  }
  return nullptr;
}

const KernelInfo* AllKernels(size_t* count) {
  *count = Registry().size();
  return Registry().data();
}

}  // namespace liteq
