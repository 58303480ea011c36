// MEAN kernels: each of TFLite 2.9's arithmetics on hand-computed cases.
#include <cstdint>
#include <vector>

#include "heavy_op_util.h"
#include "kernels/reference/mean.h"
#include "testing.h"

using liteq::DType;
using liteq::reference::MeanMode;
using liteq_test::Blob;
using liteq_test::MakeTensor;
using liteq_test::RunKernel;

namespace {
Blob MeanBlob(MeanMode mode, int mask, int mult, int shift, int bias, float scale, float fbias, int in_zp, int out_zp) {
  liteq::MeanParams p{};
  p.mode = static_cast<int32_t>(mode);
  p.reduce_mask = mask;
  p.multiplier = mult;
  p.shift = shift;
  p.bias = bias;
  p.scale = scale;
  p.float_bias = fbias;
  p.input_zero_point = in_zp;
  p.output_zero_point = out_zp;
  return Blob::Of(p);
}
}  // namespace

LQ_TEST(MeanFloatOverInnerAndOuterAxes) {
  std::vector<float> in = {1, 2, 3, 4, 5, 6}, out(3);
  auto tin = MakeTensor(DType::kFloat32, {2, 3}, in);
  auto tout = MakeTensor(DType::kFloat32, {3}, out);
  LQ_CHECK_EQ(RunKernel("mean_f32", MeanBlob(MeanMode::kFloat, 1, 0, 0, 0, 0, 0, 0, 0), {&tin}, &tout), 0);
  LQ_CHECK_EQ(out[0], 2.5f);
  LQ_CHECK_EQ(out[2], 4.5f);
  std::vector<float> out2(2);
  auto tout2 = MakeTensor(DType::kFloat32, {2}, out2);
  LQ_CHECK_EQ(RunKernel("mean_f32", MeanBlob(MeanMode::kFloat, 2, 0, 0, 0, 0, 0, 0, 0), {&tin}, &tout2), 0);
  LQ_CHECK_EQ(out2[0], 2.0f);
  LQ_CHECK_EQ(out2[1], 5.0f);
}

LQ_TEST(MeanQuantizedSameParamsTruncates) {
  std::vector<int8_t> in = {-1, -2, 3, 4}, out(2);
  auto tin = MakeTensor(DType::kInt8, {2, 2}, in);
  auto tout = MakeTensor(DType::kInt8, {2}, out);
  LQ_CHECK_EQ(RunKernel("mean_i8", MeanBlob(MeanMode::kQuantSame, 2, 0, 0, 0, 0, 0, 0, 0), {&tin}, &tout), 0);
  LQ_CHECK_EQ(static_cast<int>(out[0]), -1);  // -1.5 truncates toward zero
  LQ_CHECK_EQ(static_cast<int>(out[1]), 3);   // 3.5 truncates
}

LQ_TEST(MeanInt8HeightWidthDividesAfterRescale) {
  // [1,2,1,1] over H,W: sum(q - Z_in) = (3-1) + (4-1) = 5, x 1 (2^30, shift 1), / 2 = 2.5 → 3, + Z_out 10.
  std::vector<int8_t> in = {3, 4}, out(1);
  auto tin = MakeTensor(DType::kInt8, {1, 2, 1, 1}, in);
  auto tout = MakeTensor(DType::kInt8, {1, 1, 1, 1}, out);
  LQ_CHECK_EQ(RunKernel("mean_i8", MeanBlob(MeanMode::kQuantHWInt8, 6, 1 << 30, 1, 0, 0, 0, 1, 10), {&tin}, &tout), 0);
  LQ_CHECK_EQ(static_cast<int>(out[0]), 13);
}

LQ_TEST(MeanUint8HeightWidthAndFloatPath) {
  // kQuantHW: sum 6 x (0.5 via 2^30, shift 0) = 3, + bias 4 = 7.
  std::vector<uint8_t> in = {2, 4}, out(1);
  auto tin = MakeTensor(DType::kUInt8, {1, 1, 2, 1}, in);
  auto tout = MakeTensor(DType::kUInt8, {1, 1, 1, 1}, out);
  LQ_CHECK_EQ(RunKernel("mean_u8", MeanBlob(MeanMode::kQuantHW, 6, 1 << 30, 0, 4, 0, 0, 0, 0), {&tin}, &tout), 0);
  LQ_CHECK_EQ(static_cast<int>(out[0]), 7);
  // kQuantFloat: mean 3, x 2 - 1 = 5 → + Z_out 100 = 105.
  LQ_CHECK_EQ(RunKernel("mean_u8", MeanBlob(MeanMode::kQuantFloat, 6, 0, 0, 0, 2.0f, -1.0f, 0, 100), {&tin}, &tout), 0);
  LQ_CHECK_EQ(static_cast<int>(out[0]), 105);
}

LQ_TEST(MeanRejectsModeForTheWrongDtype) {
  std::vector<float> in(4), out(2);
  auto tin = MakeTensor(DType::kFloat32, {2, 2}, in);
  auto tout = MakeTensor(DType::kFloat32, {2}, out);
  LQ_CHECK(RunKernel("mean_f32", MeanBlob(MeanMode::kQuantSame, 2, 0, 0, 0, 0, 0, 0, 0), {&tin}, &tout) != 0);
}
