// AVERAGE_POOL_2D / MAX_POOL_2D kernels on hand-computed cases: clipped windows, rounding of quantized
// averages (half away from zero), activation clamps.
#include <cstdint>
#include <vector>

#include "heavy_op_util.h"
#include "testing.h"

using liteq::DType;
using liteq_test::Blob;
using liteq_test::MakeTensor;
using liteq_test::RunKernel;

namespace {
// Square filter/stride/padding unless the width ones are given.
Blob PoolBlob(int filter, int stride, int pad, int act_min, int act_max, float fmin, float fmax, int filter_w = -1,
              int stride_w = -1) {
  liteq::PoolParams p{};
  p.stride_h = stride;
  p.stride_w = stride_w < 0 ? stride : stride_w;
  p.filter_h = filter;
  p.filter_w = filter_w < 0 ? filter : filter_w;
  p.pad_top = p.pad_left = pad;
  p.act_min = act_min;
  p.act_max = act_max;
  p.float_act_min = fmin;
  p.float_act_max = fmax;
  return Blob::Of(p);
}
}  // namespace

LQ_TEST(AveragePoolFloatClipsThePaddedWindow) {
  // 2x2 input, 2x2 filter, stride 1, SAME (pad 0 before, 1 after): the last row/col average fewer taps.
  std::vector<float> in = {1, 2, 3, 4}, out(4);
  auto tin = MakeTensor(DType::kFloat32, {1, 2, 2, 1}, in);
  auto tout = MakeTensor(DType::kFloat32, {1, 2, 2, 1}, out);
  LQ_CHECK_EQ(RunKernel("average_pool_2d_f32", PoolBlob(2, 1, 0, 0, 0, -1e30f, 1e30f), {&tin}, &tout), 0);
  LQ_CHECK_EQ(out[0], 2.5f);
  LQ_CHECK_EQ(out[1], 3.0f);
  LQ_CHECK_EQ(out[2], 3.5f);
  LQ_CHECK_EQ(out[3], 4.0f);
}

LQ_TEST(AveragePoolQuantizedRoundsHalfAwayFromZero) {
  std::vector<int8_t> in = {-1, -2, 1, 2}, out(2);
  auto tin = MakeTensor(DType::kInt8, {1, 1, 4, 1}, in);
  auto tout = MakeTensor(DType::kInt8, {1, 1, 2, 1}, out);
  // windows {-1,-2} → -1.5 → -2, {1,2} → 1.5 → 2.
  Blob b = PoolBlob(1, 1, 0, -128, 127, 0, 0, 2, 2);
  LQ_CHECK_EQ(RunKernel("average_pool_2d_i8", b, {&tin}, &tout), 0);
  LQ_CHECK_EQ(static_cast<int>(out[0]), -2);
  LQ_CHECK_EQ(static_cast<int>(out[1]), 2);
  std::vector<uint8_t> uin = {1, 2, 200, 201}, uout(2);
  auto tuin = MakeTensor(DType::kUInt8, {1, 1, 4, 1}, uin);
  auto tuout = MakeTensor(DType::kUInt8, {1, 1, 2, 1}, uout);
  Blob ub = PoolBlob(1, 1, 0, 0, 150, 0, 0, 2, 2);
  LQ_CHECK_EQ(RunKernel("average_pool_2d_u8", ub, {&tuin}, &tuout), 0);
  LQ_CHECK_EQ(static_cast<int>(uout[0]), 2);    // 1.5 → 2
  LQ_CHECK_EQ(static_cast<int>(uout[1]), 150);  // 200.5 → 201, clamped
}

LQ_TEST(MaxPoolQuantizedClampsAfterTheMax) {
  std::vector<uint8_t> in = {3, 9, 4, 1, 0, 0, 0, 0, 7, 2, 2, 2, 0, 0, 0, 0}, out(4);
  auto tin = MakeTensor(DType::kUInt8, {1, 4, 4, 1}, in);
  auto tout = MakeTensor(DType::kUInt8, {1, 2, 2, 1}, out);
  LQ_CHECK_EQ(RunKernel("max_pool_2d_u8", PoolBlob(2, 2, 0, 1, 8, 0, 0), {&tin}, &tout), 0);
  LQ_CHECK_EQ(static_cast<int>(out[0]), 8);  // 9 clamped
  LQ_CHECK_EQ(static_cast<int>(out[1]), 4);
  LQ_CHECK_EQ(static_cast<int>(out[2]), 7);
  LQ_CHECK_EQ(static_cast<int>(out[3]), 2);
}
