// Kernel families. To add one: define `const KernelInfo kFooKernels[]` and `kFooKernelCount` in its
// .cc file, declare them here, and append it to kKernelLists.
#ifndef LITEQ_KERNELS_KERNEL_LISTS_H_
#define LITEQ_KERNELS_KERNEL_LISTS_H_

#include <cstddef>

#include "runtime/op.h"

namespace liteq {

struct KernelList {
  const KernelInfo* begin;
  size_t count;
};

extern const KernelInfo kCopyKernels[];
extern const size_t kCopyKernelCount;

extern const KernelInfo kConvKernels[];
extern const size_t kConvKernelCount;
extern const KernelInfo kDepthwiseConvKernels[];
extern const size_t kDepthwiseConvKernelCount;
extern const KernelInfo kFullyConnectedKernels[];
extern const size_t kFullyConnectedKernelCount;
extern const KernelInfo kHybridKernels[];
extern const size_t kHybridKernelCount;
extern const KernelInfo kGatherSelectKernels[];
extern const size_t kGatherSelectKernelCount;
extern const KernelInfo kSliceKernels[];
extern const size_t kSliceKernelCount;
extern const KernelInfo kBatchMatMulKernels[];
extern const size_t kBatchMatMulKernelCount;
extern const KernelInfo kPoolingKernels[];
extern const size_t kPoolingKernelCount;
extern const KernelInfo kMeanKernels[];
extern const size_t kMeanKernelCount;
extern const KernelInfo kPadKernels[];
extern const size_t kPadKernelCount;

extern const KernelInfo kElementwiseKernels[];
extern const size_t kElementwiseKernelCount;
extern const KernelInfo kConcatenationKernels[];
extern const size_t kConcatenationKernelCount;
extern const KernelInfo kActivationKernels[];
extern const size_t kActivationKernelCount;
extern const KernelInfo kQuantizeKernels[];
extern const size_t kQuantizeKernelCount;
extern const KernelInfo kDetectionPostProcessKernels[];
extern const size_t kDetectionPostProcessKernelCount;

inline const KernelList kKernelLists[] = {
    {kCopyKernels, kCopyKernelCount},
    {kConvKernels, kConvKernelCount},
    {kDepthwiseConvKernels, kDepthwiseConvKernelCount},
    {kFullyConnectedKernels, kFullyConnectedKernelCount},
    {kHybridKernels, kHybridKernelCount},
    {kBatchMatMulKernels, kBatchMatMulKernelCount},
    {kGatherSelectKernels, kGatherSelectKernelCount},
    {kSliceKernels, kSliceKernelCount},
    {kPoolingKernels, kPoolingKernelCount},
    {kMeanKernels, kMeanKernelCount},
    {kPadKernels, kPadKernelCount},
    {kElementwiseKernels, kElementwiseKernelCount},
    {kConcatenationKernels, kConcatenationKernelCount},
    {kActivationKernels, kActivationKernelCount},
    {kQuantizeKernels, kQuantizeKernelCount},
    {kDetectionPostProcessKernels, kDetectionPostProcessKernelCount},
};

}  // namespace liteq

#endif  // LITEQ_KERNELS_KERNEL_LISTS_H_
