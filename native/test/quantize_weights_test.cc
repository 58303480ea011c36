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
