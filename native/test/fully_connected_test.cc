// FULLY_CONNECTED kernels on hand-computed cases.
#include <cstdint>
#include <vector>

#include "heavy_op_util.h"
#include "testing.h"

using liteq::DType;
using liteq_test::Blob;
using liteq_test::MakeTensor;
using liteq_test::RunKernel;

namespace {
liteq::FullyConnectedParams FcParams(int in_off, int f_off, int out_off, int mult, int shift, int act_min, int act_max,
                                     float fmin, float fmax, int rounding) {
  liteq::FullyConnectedParams p{};
  p.input_offset = in_off;
  p.filter_offset = f_off;
  p.output_offset = out_off;
  p.multiplier = mult;
  p.shift = shift;
  p.act_min = act_min;
  p.act_max = act_max;
  p.float_act_min = fmin;
  p.float_act_max = fmax;
  p.rounding = rounding;
  return p;
}
}  // namespace

LQ_TEST(FullyConnectedFloatBatchesAndBias) {
  std::vector<float> in = {1, 2, 3, 4, 5, 6}, w = {1, 0, -1, 0.5f, 0.5f, 0.5f}, bias = {10, 0}, out(4);
  auto tin = MakeTensor(DType::kFloat32, {2, 3}, in);
  auto tw = MakeTensor(DType::kFloat32, {2, 3}, w);
  auto tb = MakeTensor(DType::kFloat32, {2}, bias);
  auto tout = MakeTensor(DType::kFloat32, {2, 2}, out);
  Blob b = Blob::Of(FcParams(0, 0, 0, 0, 0, 0, 0, -1e30f, 7.75f, 0));
  LQ_CHECK_EQ(RunKernel("fully_connected_f32", b, {&tin, &tw, &tb}, &tout), 0);
  LQ_CHECK_EQ(out[0], 7.75f);  // 1 - 3 + 10 = 8, clamped
  LQ_CHECK_EQ(out[1], 3.0f);   // (1+2+3)/2
  LQ_CHECK_EQ(out[2], 7.75f);  // 4 - 6 + 10 = 8, clamped
  LQ_CHECK_EQ(out[3], 7.5f);   // (4+5+6)/2
}

LQ_TEST(FullyConnectedUint8OffsetsAndRoundUp) {
  // acc = (q_in - 128)(q_w - 100) summed: (130-128)(101-100) + (127-128)(99-100) = 2 + 1 = 3,
  // + bias 3 = 6; multiplier 2^30, shift -2 → 6 / 8 = 0.75 → 1; + 7 = 8. Second unit: acc -4 →
  // -0.5, the GEMM output stage rounds the tie up → 0; + 7 = 7.
  std::vector<uint8_t> in = {130, 127}, w = {101, 99, 98, 100}, out(2);
  std::vector<int32_t> bias = {3, 0};
  auto tin = MakeTensor(DType::kUInt8, {1, 2}, in);
  auto tw = MakeTensor(DType::kUInt8, {2, 2}, w);
  auto tb = MakeTensor(DType::kInt32, {2}, bias);
  auto tout = MakeTensor(DType::kUInt8, {1, 2}, out);
  Blob b = Blob::Of(FcParams(-128, -100, 7, 1 << 30, -2, 0, 255, 0, 0, 1));
  LQ_CHECK_EQ(RunKernel("fully_connected_u8", b, {&tin, &tw, &tb}, &tout), 0);
  LQ_CHECK_EQ(static_cast<int>(out[0]), 8);
  LQ_CHECK_EQ(static_cast<int>(out[1]), 7);
}

LQ_TEST(FullyConnectedRejectsBadShapes) {
  std::vector<int8_t> in(5), w(6), out(2);
  auto tin = MakeTensor(DType::kInt8, {1, 5}, in);
  auto tw = MakeTensor(DType::kInt8, {2, 3}, w);
  auto tout = MakeTensor(DType::kInt8, {1, 2}, out);
  Blob b = Blob::Of(FcParams(0, 0, 0, 1 << 30, 0, -128, 127, 0, 0, 1));
  LQ_CHECK(RunKernel("fully_connected_i8", b, {&tin, &tw}, &tout) != 0);
}
