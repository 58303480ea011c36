// AVX-512 float row kernels outside the GEMM and depthwise conv: the padded residual ADD
// (kernels/float_add.h) and MAX_POOL_2D. Each is the reference's per-lane operations in its operand
// order, with masked loads and stores for channel tails, so the bytes equal the reference's.
#ifndef LITEQ_KERNELS_X86_F32_ROWS_H_
#define LITEQ_KERNELS_X86_F32_ROWS_H_

#include <cstdint>

#include "kernels/reference/pooling.h"

namespace liteq {
namespace x86 {

// AddFloatRowsPadded (float_add.h) with `full_first` = (full_side == 0). Isa::kAvx512 and above.
void AddFloatRowsPaddedAvx512(const float* full, const float* small, int64_t c, int64_t cs, bool full_first, int64_t r0,
                              int64_t r1, float* out, float lo, float hi);

// reference::MaxPool<float, float> over rows [begin, end) of (batch, out_y). Isa::kAvx512 and above.
void MaxPoolF32Avx512(const reference::PoolShape& s, const float* in, float lo, float hi, float* out, int begin, int end);

}  // namespace x86
}  // namespace liteq

#endif  // LITEQ_KERNELS_X86_F32_ROWS_H_
