// libFuzzer harness for the bulk weight quantizers (liteq_quantize_uint8,
// liteq_quantize_int8_per_channel): any floats (NaN, infinities, denormals), scales, zero points,
// ranges and shapes give a status, never a crash; when a call succeeds every output equals the
// formula in liteq.h (in double, as documented) evaluated here, independently of the library's loop.
#include <fuzzer/FuzzedDataProvider.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <vector>

#include "liteq/liteq.h"

namespace {

// round half away from zero, clamped: the documented formula.
long long Expected(double v, int32_t qmin, int32_t qmax) {
  const double r = std::round(v);  // half away from zero
  return static_cast<long long>(std::fmin(std::fmax(r, static_cast<double>(qmin)), static_cast<double>(qmax)));
}

int32_t Bound(FuzzedDataProvider& fdp, int32_t lo, int32_t hi) {
  return fdp.ConsumeBool() ? fdp.ConsumeIntegralInRange<int32_t>(lo, hi) : fdp.ConsumeIntegralInRange<int32_t>(-300, 300);
}

std::vector<float> Floats(FuzzedDataProvider& fdp, size_t n) {
  std::vector<float> x(n);
  for (float& v : x) v = fdp.ConsumeBool() ? fdp.ConsumeFloatingPointInRange<float>(-4.0f, 4.0f) : fdp.ConsumeFloatingPoint<float>();
  return x;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzedDataProvider fdp(data, size);
  if (fdp.ConsumeBool()) {
    const size_t n = fdp.ConsumeIntegralInRange<size_t>(0, 512);
    const std::vector<float> x = Floats(fdp, n);
    const double scale = fdp.ConsumeBool() ? fdp.ConsumeFloatingPointInRange<double>(1e-6, 1.0) : fdp.ConsumeFloatingPoint<double>();
    const int32_t zp = Bound(fdp, 0, 255), qmin = Bound(fdp, 0, 255), qmax = Bound(fdp, 0, 255);
    std::vector<uint8_t> out(n, 0xee);
    if (liteq_quantize_uint8(n ? x.data() : nullptr, n, scale, zp, qmin, qmax, n ? out.data() : nullptr) != LITEQ_OK) return 0;
    for (size_t i = 0; i < n; ++i) {
      if (out[i] != Expected(static_cast<double>(zp) + static_cast<double>(x[i]) / scale, qmin, qmax)) __builtin_trap();
    }
    return 0;
  }
  const size_t channels = fdp.ConsumeIntegralInRange<size_t>(0, 16), inner = fdp.ConsumeIntegralInRange<size_t>(0, 16);
  const size_t outer = fdp.ConsumeIntegralInRange<size_t>(0, 4);
  size_t n = channels * inner * outer;
  if (fdp.ConsumeIntegralInRange<int>(0, 9) == 0) n += fdp.ConsumeIntegralInRange<size_t>(1, 5);  // not a multiple
  const std::vector<float> x = Floats(fdp, n);
  std::vector<float> scales(channels);
  for (float& s : scales) s = fdp.ConsumeBool() ? fdp.ConsumeFloatingPointInRange<float>(1e-6f, 1.0f) : fdp.ConsumeFloatingPoint<float>();
  const int32_t qmin = Bound(fdp, -128, 127), qmax = Bound(fdp, -128, 127);
  std::vector<int8_t> out(n, 0x7e);
  if (liteq_quantize_int8_per_channel(n ? x.data() : nullptr, n, channels ? scales.data() : nullptr, channels, inner, qmin, qmax,
                                      n ? out.data() : nullptr) != LITEQ_OK) {
    return 0;
  }
  for (size_t i = 0; i < n; ++i) {
    const size_t c = (i / inner) % channels;
    if (out[i] != Expected(static_cast<double>(x[i]) / static_cast<double>(scales[c]), qmin, qmax)) __builtin_trap();
  }
  return 0;
}
