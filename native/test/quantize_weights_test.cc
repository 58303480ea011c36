// liteq_quantize_uint8: toco QuantizeBuffer semantics (double math, half away from zero, clamp).
#include <cstdint>
#include <cmath>
#include <vector>

#include "liteq/liteq.h"
#include "testing.h"

LQ_TEST(QuantizeUint8RoundsHalfAwayFromZeroInDouble) {
  // scale 0.5, zp 10: x/scale = 2*x; 0.25 → 10.5 → 11; -0.25 → 9.5 → 10 (away from zero of 9.5 is 10).
  const std::vector<float> x = {0.f, 0.25f, -0.25f, 1.f, -1.f, 0.74f};
  std::vector<uint8_t> out(x.size(), 0);
  LQ_CHECK_EQ(liteq_quantize_uint8(x.data(), x.size(), 0.5, 10, 0, 255, out.data()), LITEQ_OK);
  const int want[] = {10, 11, 10, 12, 8, 11};
  for (size_t i = 0; i < x.size(); ++i) LQ_CHECK_EQ(static_cast<int>(out[i]), want[i]);
}

LQ_TEST(QuantizeUint8ClampsToNarrowRange) {
  const std::vector<float> x = {-1000.f, 1000.f, 0.f};
  std::vector<uint8_t> out(x.size(), 0);
  LQ_CHECK_EQ(liteq_quantize_uint8(x.data(), x.size(), 0.01, 128, 1, 255, out.data()), LITEQ_OK);
  LQ_CHECK_EQ(static_cast<int>(out[0]), 1);
  LQ_CHECK_EQ(static_cast<int>(out[1]), 255);
  LQ_CHECK_EQ(static_cast<int>(out[2]), 128);
}

LQ_TEST(QuantizeUint8RejectsBadArguments) {
  float x = 1.f;
  uint8_t o = 0;
  LQ_CHECK_EQ(liteq_quantize_uint8(&x, 1, 0.0, 0, 0, 255, &o), LITEQ_E_INVALID_ARGUMENT);
  LQ_CHECK_EQ(liteq_quantize_uint8(&x, 1, 1.0, 0, 10, 5, &o), LITEQ_E_INVALID_ARGUMENT);
  LQ_CHECK_EQ(liteq_quantize_uint8(&x, 1, 1.0, 0, 0, 256, &o), LITEQ_E_INVALID_ARGUMENT);
  const float nan = std::nanf("");
  LQ_CHECK_EQ(liteq_quantize_uint8(&nan, 1, 1.0, 0, 0, 255, &o), LITEQ_E_INVALID_ARGUMENT);
  LQ_CHECK_EQ(liteq_quantize_uint8(nullptr, 0, 1.0, 0, 0, 255, nullptr), LITEQ_OK);
}

LQ_TEST(QuantizeInt8PerChannelUsesEachChannelsScale) {
  // 2 channels along dim 0 of [2,3] (inner 3): scales 0.5 and 2; half away from zero, clamp to [-127, 127].
  const std::vector<float> x = {0.25f, -0.25f, 1000.f, 1.f, -3.f, -1000.f};
  const float scales[] = {0.5f, 2.f};
  std::vector<int8_t> out(x.size(), 0);
  LQ_CHECK_EQ(liteq_quantize_int8_per_channel(x.data(), x.size(), scales, 2, 3, -127, 127, out.data()), LITEQ_OK);
  const int want[] = {1, -1, 127, 1, -2, -127};
  for (size_t i = 0; i < x.size(); ++i) LQ_CHECK_EQ(static_cast<int>(out[i]), want[i]);
  // Channel as the last dim (depthwise [1,H,W,C]): inner 1, channels cycle.
  LQ_CHECK_EQ(liteq_quantize_int8_per_channel(x.data(), x.size(), scales, 2, 1, -127, 127, out.data()), LITEQ_OK);
  const int want2[] = {1, 0, 127, 1, -6, -127};
  for (size_t i = 0; i < x.size(); ++i) LQ_CHECK_EQ(static_cast<int>(out[i]), want2[i]);
}

LQ_TEST(QuantizeInt8PerChannelRejectsBadArguments) {
  const float x[] = {1.f, 2.f};
  const float scales[] = {1.f, 0.f};
  int8_t o[2] = {0, 0};
  LQ_CHECK_EQ(liteq_quantize_int8_per_channel(x, 2, scales, 2, 1, -127, 127, o), LITEQ_E_INVALID_ARGUMENT);  // zero scale
  LQ_CHECK_EQ(liteq_quantize_int8_per_channel(x, 2, scales, 1, 3, -127, 127, o), LITEQ_E_INVALID_ARGUMENT);  // 2 % 3
  LQ_CHECK_EQ(liteq_quantize_int8_per_channel(x, 2, scales, 1, 2, -129, 127, o), LITEQ_E_INVALID_ARGUMENT);
  LQ_CHECK_EQ(liteq_quantize_int8_per_channel(x, 2, scales, 1, 2, -127, 127, o), LITEQ_OK);
  LQ_CHECK_EQ(liteq_quantize_int8_per_channel(nullptr, 0, nullptr, 1, 1, -127, 127, nullptr), LITEQ_OK);
}
