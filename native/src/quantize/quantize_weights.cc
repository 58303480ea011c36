// Bulk weight quantization for the converter (toco QuantizeBuffer): the hot loop of
// `liteq convert --inference_type=QUANTIZED_UINT8` (~6 M weights for SSD MobileNet v2).
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>

#include "liteq/liteq.h"
#include "runtime/error.h"

extern "C" int liteq_quantize_uint8(const float* x, size_t n, double scale, int32_t zero_point, int32_t qmin,
                                    int32_t qmax, uint8_t* out) {
  if (!(scale > 0.0) || !std::isfinite(scale)) {
    return liteq::Fail(LITEQ_E_INVALID_ARGUMENT, "liteq_quantize_uint8: scale must be finite and > 0");
  }
  if (qmin < 0 || qmax > 255 || qmin > qmax) {
    return liteq::Fail(LITEQ_E_INVALID_ARGUMENT, "liteq_quantize_uint8: need 0 <= qmin <= qmax <= 255");
  }
  if (n > 0 && (x == nullptr || out == nullptr)) {
    return liteq::Fail(LITEQ_E_INVALID_ARGUMENT, "liteq_quantize_uint8: null buffer");
  }
  const double zp = zero_point;
  const double lo = qmin;
  const double hi = qmax;
  for (size_t i = 0; i < n; ++i) {
    const double v = x[i];
    if (!std::isfinite(v)) {
      return liteq::Fail(LITEQ_E_INVALID_ARGUMENT, "liteq_quantize_uint8: non-finite value at index " + std::to_string(i));
    }
    // std::round is half away from zero, as toco's QuantizeBuffer; clamp in double before the cast
    // so out-of-range values saturate instead of wrapping.
    double q = std::round(zp + v / scale);
    q = q < lo ? lo : (q > hi ? hi : q);
    out[i] = static_cast<uint8_t>(q);
  }
  liteq::ClearError();
  return LITEQ_OK;
}

extern "C" int liteq_quantize_int8_per_channel(const float* x, size_t n, const float* scales, size_t channels,
                                               size_t inner, int32_t qmin, int32_t qmax, int8_t* out) {
  if (channels == 0 || inner == 0 || n % (channels * inner) != 0) {
    return liteq::Fail(LITEQ_E_INVALID_ARGUMENT, "liteq_quantize_int8_per_channel: n must be a multiple of channels * inner (both > 0)");
  }
  if (qmin < -128 || qmax > 127 || qmin > qmax) {
    return liteq::Fail(LITEQ_E_INVALID_ARGUMENT, "liteq_quantize_int8_per_channel: need -128 <= qmin <= qmax <= 127");
  }
  if (n > 0 && (x == nullptr || out == nullptr || scales == nullptr)) {
    return liteq::Fail(LITEQ_E_INVALID_ARGUMENT, "liteq_quantize_int8_per_channel: null buffer");
  }
  for (size_t c = 0; c < channels && n > 0; ++c) {
    if (!(scales[c] > 0.0f) || !std::isfinite(scales[c])) {
      return liteq::Fail(LITEQ_E_INVALID_ARGUMENT, "liteq_quantize_int8_per_channel: scale " + std::to_string(c) + " must be finite and > 0");
    }
  }
  const double lo = qmin;
  const double hi = qmax;
  // Element i belongs to channel (i / inner) % channels: walk [outer][channels][inner] so the scale is
  // looked up once per run of `inner` values, not divided out per element.
  size_t i = 0;
  while (i < n) {
    for (size_t c = 0; c < channels; ++c) {
      const double s = scales[c];
      for (size_t k = 0; k < inner; ++k, ++i) {
        const double v = x[i];
        if (!std::isfinite(v)) {
          return liteq::Fail(LITEQ_E_INVALID_ARGUMENT, "liteq_quantize_int8_per_channel: non-finite value at index " + std::to_string(i));
        }
        double q = std::round(v / s);
        q = q < lo ? lo : (q > hi ? hi : q);
        out[i] = static_cast<int8_t>(q);
      }
    }
  }
  liteq::ClearError();
  return LITEQ_OK;
}
