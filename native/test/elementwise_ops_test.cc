// Hand-computed cases for the elementwise, concatenation, activation, quantize and detection
// post-process reference kernels (the bit-exactness against TFLite 2.9 itself is checked end to end
// in test/src/ops/*.test.ts).
#include <cmath>
#include <cstring>
#include <vector>

#include "kernels/reference/activations.h"
#include "kernels/reference/add.h"
#include "kernels/reference/broadcast.h"
#include "kernels/reference/concatenation.h"
#include "kernels/reference/detection_postprocess.h"
#include "kernels/reference/logistic.h"
#include "kernels/reference/mul.h"
#include "kernels/reference/quantize.h"
#include "kernels/reference/softmax.h"
#include "testing.h"

using namespace liteq;
using namespace liteq::reference;

LQ_TEST(BroadcastIndexesRepeatOnesDims) {
  Tensor a, b, out;
  a.rank = 2; a.dims[0] = 2; a.dims[1] = 3;
  b.rank = 1; b.dims[0] = 3;
  out.rank = 2; out.dims[0] = 2; out.dims[1] = 3;
  BinaryBroadcast bc;
  LQ_CHECK(MakeBinaryBroadcast(a, b, out, &bc));
  std::vector<int64_t> i1, i2;
  ForEachBroadcast(bc, [&](int64_t, int64_t x, int64_t y) { i1.push_back(x); i2.push_back(y); });
  LQ_CHECK((i1 == std::vector<int64_t>{0, 1, 2, 3, 4, 5}));
  LQ_CHECK((i2 == std::vector<int64_t>{0, 1, 2, 0, 1, 2}));
  b.dims[0] = 2;
  LQ_CHECK(!MakeBinaryBroadcast(a, b, out, &bc));
}

LQ_TEST(QuantizedAddOfEqualScalesIsExact) {
  // s1 = s2 = s_out = 0.5, Z = 0: twice_max = 1, input multipliers 0.5 (1 << 30, shift 0), output
  // multiplier 1 / (2^20 * 0.5) = 2^-19 (1 << 30, shift -18).
  const QuantizedAddSpec p{0, 0, 0, 20, 1 << 30, 0, 1 << 30, 0, 1 << 30, -18, 0, 255};
  LQ_CHECK_EQ(QuantizedAddElement(p, 3, 4, false), 7);
  LQ_CHECK_EQ(QuantizedAddElement(p, 200, 100, false), 255);  // clamped
  LQ_CHECK_EQ(QuantizedAddElement(p, 9, 4, true), 5);
  LQ_CHECK_EQ(QuantizedAddElement(p, 4, 9, true), 0);  // clamped at the activation min
}

LQ_TEST(QuantizedMulRescales) {
  // (q1 - 1)(q2 - 2) * 0.25 + 10, multiplier 0.25 = (1 << 30) * 2^(-1 - 31) ... shift -1.
  const QuantizedMulSpec p{-1, -2, 10, 1 << 30, -1, -128, 127};
  LQ_CHECK_EQ(QuantizedMulElement(p, 5, 6), 14);  // 4 * 4 / 4 + 10
  LQ_CHECK_EQ(QuantizedMulElement(p, 3, 3), 11);  // 2 / 4 = 0.5 rounds away from zero
}

LQ_TEST(ConcatRequantizeRoundsHalfAwayFromZero) {
  // s_in = 0.5, Z_in = 1 -> s_out = 1, Z_out = 0: q_out = round(0.5 q - 0.5).
  const ConcatRequantize r = MakeConcatRequantize(0.5f, 1, 1.0f, 0);
  LQ_CHECK(!r.copy);
  const uint8_t in[4] = {0, 2, 4, 255};
  uint8_t out[4];
  RequantizeConcatRun(in, 4, r, 0, out);
  LQ_CHECK_EQ(out[0], 0);    // -0.5 -> -1 -> clamped 0
  LQ_CHECK_EQ(out[1], 1);    // 0.5 -> 1
  LQ_CHECK_EQ(out[2], 2);    // 1.5 -> 2
  LQ_CHECK_EQ(out[3], 127);  // 127
  LQ_CHECK(MakeConcatRequantize(0.5f, 1, 0.5f, 1).copy);
}

LQ_TEST(LogisticTableIsMonotoneAndCentered) {
  uint8_t table[256];
  PopulateLookupTable<uint8_t>(0.1f, 128, 1.0f / 256, 0, LogisticFloat, table);
  LQ_CHECK_EQ(table[128], 128);  // sigmoid(0) = 0.5 -> 128
  for (int i = 1; i < 256; ++i) LQ_CHECK(table[i] >= table[i - 1]);
  uint8_t t8[256];
  PopulateLookupTable<int8_t>(0.1f, 0, 1.0f / 256, -128, LogisticFloat, t8);
  LQ_CHECK_EQ(static_cast<int8_t>(t8[0]), 0);  // int8 0 -> 0.5 -> -128 + 128
}

LQ_TEST(SoftmaxUint8OfEqualInputsIsUniform) {
  float table[256];
  PopulateSoftmaxLookupTable(0.1f, 1.0f, table);
  const uint8_t in[4] = {7, 7, 7, 7};
  uint8_t out[4];
  SoftmaxQuantizedRow<uint8_t>(table, 1.0f / 256, 0, in, 4, out);
  for (uint8_t v : out) LQ_CHECK_EQ(v, 64);
}

LQ_TEST(AffineQuantizeDividesInDouble) {
  // 7.5076871f / 0.046487227f is 161.49999824 in double (161.5 in float): TFLite outputs 161.
  LQ_CHECK_EQ(AffineQuantize<uint8_t>(7.507687091827393f, 0.0464872270822525f, 0), 161);
  LQ_CHECK_EQ(AffineQuantize<int8_t>(-1.5f, 1.0f, 0), -2);  // ties away from zero
  LQ_CHECK_EQ(Requantize<int8_t>(200, 128, 0, 1 << 30, 1), 72);  // uint8 -> int8, same scale
}

LQ_TEST(HalfToFloatIsExact) {
  LQ_CHECK_EQ(HalfToFloat(0x3c00), 1.0f);
  LQ_CHECK_EQ(HalfToFloat(0xc000), -2.0f);
  LQ_CHECK_EQ(HalfToFloat(0x0001), std::ldexp(1.0f, -24));  // smallest subnormal
  LQ_CHECK_EQ(HalfToFloat(0x7bff), 65504.0f);
  LQ_CHECK(std::isinf(HalfToFloat(0x7c00)));
  LQ_CHECK(std::isnan(HalfToFloat(0x7e00)));
}

LQ_TEST(HardSwishZeroAndLargeInputs) {
  // s_in = s_out = 1/16, Z = 0 (HardSwishPrepare: reluish 16/3 -> Q15 21845 exp 3; output 1/128 ->
  // Q15 16384 exp -6): hardswish(0) = 0, hardswish(4) = 4, hardswish(-4) = 0.
  const HardSwishSpec p{0, 0, 21845, 3, 16384, -6};
  LQ_CHECK_EQ(QuantizedHardSwish<int8_t>(p, 0), 0);
  LQ_CHECK(std::abs(QuantizedHardSwish<int8_t>(p, 64) - 64) <= 1);
  LQ_CHECK_EQ(QuantizedHardSwish<int8_t>(p, -64), 0);
}

LQ_TEST(FastNmsSuppressesOverlapsAndKeepsOrder) {
  // Three boxes: 0 and 1 overlap heavily, 2 is apart; scores 0.9, 0.8, 0.7 for class 0.
  std::vector<BoxCorner> boxes = {{0, 0, 1, 1}, {0, 0.05f, 1, 1.05f}, {2, 2, 3, 3}};
  const float scores[6] = {0.f, 0.9f, 0.f, 0.8f, 0.f, 0.7f};  // background + 1 class
  const DetectionOptions o{3, 1, 100, false, 0.5f, 0.5f, 1, CenterSize{10, 10, 5, 5}};
  float b[12] = {}, c[3] = {}, s[3] = {}, n = 0;
  liteq::reference::Workspace ws(nullptr, 0);
  NonMaxSuppressionMultiClassFast(o, boxes.data(), static_cast<int>(boxes.size()), scores, 2, ws, DetectionOutputs{b, c, s, &n});
  LQ_CHECK_EQ(n, 2.0f);
  LQ_CHECK_EQ(s[0], 0.9f);
  LQ_CHECK_EQ(s[1], 0.7f);
  LQ_CHECK_EQ(b[4], 2.0f);
  LQ_CHECK_EQ(ComputeIntersectionOverUnion(boxes[0], boxes[2]), 0.0f);
}
