// Rows of a float ADD whose second operand may lack the last channels — add_f32_channel_padded, and
// the float CONV_2D that takes a residual ADD over (conv.cc conv_2d_f32_add). Defined in elementwise.cc.
#ifndef LITEQ_KERNELS_FLOAT_ADD_H_
#define LITEQ_KERNELS_FLOAT_ADD_H_

#include <cstdint>

namespace liteq {

// Rows [r0, r1) of out = clamp(x + y) where `full` (c floats per row) is the ADD's operand `full_side`
// (0 or 1) and `small` (cs <= c floats per row) the other one; its missing channels add +0.0 in its
// position (as TFLite's ADD adds a PAD's zeros: NaN payloads and -0 come out as TFLite's). `out` may be
// `full` (in place). lo/hi: the fused activation's float clamp, TFLite's operand order.
void AddFloatRowsPadded(const float* full, const float* small, int64_t c, int64_t cs, int full_side, int64_t r0,
                        int64_t r1, float* out, float lo, float hi);

}  // namespace liteq

#endif  // LITEQ_KERNELS_FLOAT_ADD_H_
