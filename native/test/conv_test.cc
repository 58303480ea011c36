// CONV_2D and DEPTHWISE_CONV_2D kernels on hand-computed cases (padding, stride, dilation, depth
// multiplier, zero points, the two rounding modes at exact ties, clamps). The bit-exactness against
// TFLite 2.9 itself is covered by the end-to-end tests in test/src/ops/.
#include <cstdint>
#include <vector>

#include "heavy_op_util.h"
#include "kernels/reference/output_stage.h"
#include "testing.h"

using liteq::DType;
using liteq_test::Blob;
using liteq_test::MakeTensor;
using liteq_test::RunKernel;

namespace {

// ConvParams with square stride/dilation/padding, then multipliers and shifts.
Blob ConvBlob(int stride, int dilation, int pad, int in_off, int f_off, int out_off, int act_min, int act_max,
              int rounding, std::vector<int32_t> mult, std::vector<int32_t> shift) {
  auto p = liteq_test::ConvGeometry<liteq::ConvParams>(stride, stride, dilation, dilation, pad, pad);
  liteq_test::SetConvQuant(p, in_off, f_off, out_off, act_min, act_max, rounding, static_cast<int32_t>(mult.size()));
  p.float_act_min = -1e30f;
  p.float_act_max = 1e30f;
  return Blob::Of(p).ints(mult).ints(shift);
}

liteq::DepthwiseConvParams DepthwiseParams(int depth_multiplier, int in_off, int f_off, int out_off, int act_min,
                                           int act_max, float fmin, float fmax, int num_channels) {
  auto p = liteq_test::ConvGeometry<liteq::DepthwiseConvParams>(1, 1, 1, 1, 0, 0);
  p.depth_multiplier = depth_multiplier;
  liteq_test::SetConvQuant(p, in_off, f_off, out_off, act_min, act_max, 0, num_channels);
  p.float_act_min = fmin;
  p.float_act_max = fmax;
  return p;
}

}  // namespace

LQ_TEST(ConvFloatSamePaddingCountsOnlyInsideTaps) {
  // 3x3 ones conv 3x3 ones, SAME (pad 1): corners see 4 taps, edges 6, the center 9.
  std::vector<float> in(9, 1.0f), f(9, 1.0f), bias = {0.5f}, out(9, -1.0f);
  auto tin = MakeTensor(DType::kFloat32, {1, 3, 3, 1}, in);
  auto tf = MakeTensor(DType::kFloat32, {1, 3, 3, 1}, f);
  auto tb = MakeTensor(DType::kFloat32, {1}, bias);
  auto tout = MakeTensor(DType::kFloat32, {1, 3, 3, 1}, out);
  Blob b = ConvBlob(1, 1, 1, 0, 0, 0, 0, 0, 0, {}, {});
  LQ_CHECK_EQ(RunKernel("conv_2d_f32", b, {&tin, &tf, &tb}, &tout), 0);
  const float want[9] = {4.5f, 6.5f, 4.5f, 6.5f, 9.5f, 6.5f, 4.5f, 6.5f, 4.5f};
  for (int i = 0; i < 9; ++i) LQ_CHECK_EQ(out[i], want[i]);
}

LQ_TEST(ConvFloatStrideDilationAndChannels) {
  // Input 1x5x5x2 with value y*10+x on channel 0 and 1 on channel 1; 2x2 filter dilated by 2,
  // stride 2, VALID → 2x2 outputs reading rows/cols {o*2, o*2+2}.
  std::vector<float> in(50);
  for (int y = 0; y < 5; ++y)
    for (int x = 0; x < 5; ++x) {
      in[(y * 5 + x) * 2] = static_cast<float>(y * 10 + x);
      in[(y * 5 + x) * 2 + 1] = 1.0f;
    }
  std::vector<float> f = {1, 0, 1, 0, 1, 0, 1, 100};  // [1,2,2,2]: channel-1 weight only on the last tap
  std::vector<float> bias = {0}, out(4);
  auto tin = MakeTensor(DType::kFloat32, {1, 5, 5, 2}, in);
  auto tf = MakeTensor(DType::kFloat32, {1, 2, 2, 2}, f);
  auto tb = MakeTensor(DType::kFloat32, {1}, bias);
  auto tout = MakeTensor(DType::kFloat32, {1, 2, 2, 1}, out);
  LQ_CHECK_EQ(RunKernel("conv_2d_f32", ConvBlob(2, 2, 0, 0, 0, 0, 0, 0, 0, {}, {}), {&tin, &tf, &tb}, &tout), 0);
  for (int oy = 0; oy < 2; ++oy)
    for (int ox = 0; ox < 2; ++ox) {
      const float y0 = oy * 2.0f, x0 = ox * 2.0f;
      const float want = (y0 * 10 + x0) + (y0 * 10 + x0 + 2) + ((y0 + 2) * 10 + x0) + ((y0 + 2) * 10 + x0 + 2) + 100;
      LQ_CHECK_EQ(out[oy * 2 + ox], want);
    }
}

LQ_TEST(ConvUint8ZeroPointsAndTiesRoundUp) {
  // One 1x1 tap: acc = (q_in - 130) * (q_w - 120) + bias. Multiplier 2^30 with shift -1 is x / 4,
  // so acc = ±2 is an exact tie: TFLite's conv rounds it up (+0.5 → 1, -0.5 → 0), the reference
  // MultiplyByQuantizedMultiplier away from zero (-0.5 → -1).
  std::vector<uint8_t> in = {131, 129}, f = {122}, out(2);
  std::vector<int32_t> bias = {0};
  auto tin = MakeTensor(DType::kUInt8, {1, 1, 2, 1}, in);
  auto tf = MakeTensor(DType::kUInt8, {1, 1, 1, 1}, f);
  auto tb = MakeTensor(DType::kInt32, {1}, bias);
  auto tout = MakeTensor(DType::kUInt8, {1, 1, 2, 1}, out);
  const int up = static_cast<int>(liteq::reference::Rounding::kTiesUp);
  const int away = static_cast<int>(liteq::reference::Rounding::kTiesAwayFromZero);
  LQ_CHECK_EQ(RunKernel("conv_2d_u8", ConvBlob(1, 1, 0, -130, -120, 100, 0, 255, up, {1 << 30}, {-1}), {&tin, &tf, &tb}, &tout), 0);
  LQ_CHECK_EQ(out[0], 101);  // acc 2 → 0.5 → 1
  LQ_CHECK_EQ(out[1], 100);  // acc -2 → -0.5 → 0
  LQ_CHECK_EQ(RunKernel("conv_2d_u8", ConvBlob(1, 1, 0, -130, -120, 100, 0, 255, away, {1 << 30}, {-1}), {&tin, &tf, &tb}, &tout), 0);
  LQ_CHECK_EQ(out[0], 101);
  LQ_CHECK_EQ(out[1], 99);
}

LQ_TEST(ConvInt8PerChannelMultipliersAndClamp) {
  // Two output channels with different multipliers; channel 1 is clamped by the activation range.
  std::vector<int8_t> in = {10, -4}, f = {3, 1, -5, 2}, out(2);  // filter [2,1,1,2]
  std::vector<int32_t> bias = {6, 0};
  auto tin = MakeTensor(DType::kInt8, {1, 1, 1, 2}, in);
  auto tf = MakeTensor(DType::kInt8, {2, 1, 1, 2}, f);
  auto tb = MakeTensor(DType::kInt32, {2}, bias);
  auto tout = MakeTensor(DType::kInt8, {1, 1, 1, 2}, out);
  // in_off +2: (12, -2). ch0: 12*3 + -2*1 + 6 = 40, x 0.5 → 20, +5 → 25.
  // ch1: 12*-5 + -2*2 = -64, x 1 (2^30 with shift 1) → -64, +5 → -59, clamped to -20.
  Blob b = ConvBlob(1, 1, 0, 2, 0, 5, -20, 127, 1, {1 << 30, 1 << 30}, {0, 1});
  LQ_CHECK_EQ(RunKernel("conv_2d_i8", b, {&tin, &tf, &tb}, &tout), 0);
  LQ_CHECK_EQ(static_cast<int>(out[0]), 25);
  LQ_CHECK_EQ(static_cast<int>(out[1]), -20);
}

LQ_TEST(ConvCheckRejectsMismatchedShapesAndShortBlobs) {
  std::vector<float> in(9), f(8), out(9);
  auto tin = MakeTensor(DType::kFloat32, {1, 3, 3, 1}, in);
  auto tf = MakeTensor(DType::kFloat32, {2, 2, 2, 1}, f);
  auto tout = MakeTensor(DType::kFloat32, {1, 3, 3, 1}, out);  // 1 channel, filter has 2
  LQ_CHECK(RunKernel("conv_2d_f32", ConvBlob(1, 1, 0, 0, 0, 0, 0, 0, 0, {}, {}), {&tin, &tf}, &tout) != 0);
  Blob shortBlob;
  shortBlob.i(1).i(1);
  LQ_CHECK(RunKernel("conv_2d_f32", shortBlob, {&tin, &tf}, &tout) != 0);
  std::vector<uint8_t> qin(9), qf(8), qout(18);
  auto tqin = MakeTensor(DType::kUInt8, {1, 3, 3, 1}, qin);
  auto tqf = MakeTensor(DType::kUInt8, {2, 2, 2, 1}, qf);
  auto tqout = MakeTensor(DType::kUInt8, {1, 3, 3, 2}, qout);
  // Claims two channels of multipliers but carries none.
  Blob noArrays = ConvBlob(1, 1, 0, 0, 0, 0, 0, 255, 1, {}, {});
  noArrays.bytes[offsetof(liteq::ConvParams, num_channels)] = 2;
  LQ_CHECK(RunKernel("conv_2d_u8", noArrays, {&tqin, &tqf}, &tqout) != 0);
}

LQ_TEST(DepthwiseDepthMultiplierMapsChannels) {
  // 2 input channels, multiplier 2: output channel ic*2+m reads input channel ic only.
  std::vector<float> in = {1, 10}, f = {1, 2, 3, 4}, bias = {0, 0, 0, 1}, out(4);
  auto tin = MakeTensor(DType::kFloat32, {1, 1, 1, 2}, in);
  auto tf = MakeTensor(DType::kFloat32, {1, 1, 1, 4}, f);
  auto tb = MakeTensor(DType::kFloat32, {4}, bias);
  auto tout = MakeTensor(DType::kFloat32, {1, 1, 1, 4}, out);
  Blob b = Blob::Of(DepthwiseParams(2, 0, 0, 0, 0, 0, -100, 100, 0));
  LQ_CHECK_EQ(RunKernel("depthwise_conv_2d_f32", b, {&tin, &tf, &tb}, &tout), 0);
  LQ_CHECK_EQ(out[0], 1.0f);
  LQ_CHECK_EQ(out[1], 2.0f);
  LQ_CHECK_EQ(out[2], 30.0f);
  LQ_CHECK_EQ(out[3], 41.0f);
}

LQ_TEST(DepthwiseUint8TiesAwayFromZero) {
  // 2x2 window of one channel: acc = sum((q - 128)(w - 128)) = -2; x/4 ties → -1 away from zero.
  std::vector<uint8_t> in = {129, 127, 128, 128}, f = {127, 129, 128, 128}, out(1);
  std::vector<int32_t> bias = {0};
  auto tin = MakeTensor(DType::kUInt8, {1, 2, 2, 1}, in);
  auto tf = MakeTensor(DType::kUInt8, {1, 2, 2, 1}, f);
  auto tb = MakeTensor(DType::kInt32, {1}, bias);
  auto tout = MakeTensor(DType::kUInt8, {1, 1, 1, 1}, out);
  Blob b = Blob::Of(DepthwiseParams(1, -128, -128, 50, 0, 255, 0, 0, 1)).ints({1 << 30}).ints({-1});
  LQ_CHECK_EQ(RunKernel("depthwise_conv_2d_u8", b, {&tin, &tf, &tb}, &tout), 0);
  LQ_CHECK_EQ(static_cast<int>(out[0]), 49);
}
