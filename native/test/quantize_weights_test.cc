// liteq_quantize_uint8: toco QuantizeBuffer semantics (double math, half away from zero, clamp).
#include <algorithm>
#include <cerrno>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "kernels/x86/isa.h"
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

// ---- Fused symmetric int8 and float16 (the large-model path) -----------------------------------

namespace {

uint32_t NextRandom(uint32_t* s) {
  *s = *s * 1664525u + 1013904223u;
  return *s;
}

// The scalar definition (liteq.h): scale = float(max|w| / qmax in double) or 1; round half away in double.
void ReferenceSymmetric(const std::vector<float>& x, size_t channels, size_t inner, int qmax, std::vector<float>* scales, std::vector<int8_t>* out) {
  std::vector<float> m(channels, 0.f);
  for (size_t i = 0; i < x.size(); ++i) m[(i / inner) % channels] = std::max(m[(i / inner) % channels], std::fabs(x[i]));
  scales->assign(channels, 1.f);
  for (size_t c = 0; c < channels; ++c) {
    const float s = m[c] > 0 ? static_cast<float>(static_cast<double>(m[c]) / qmax) : 0.f;
    (*scales)[c] = s == 0.f ? 1.f : s;
  }
  out->resize(x.size());
  for (size_t i = 0; i < x.size(); ++i) {
    double q = std::round(static_cast<double>(x[i]) / (*scales)[(i / inner) % channels]);
    (*out)[i] = static_cast<int8_t>(std::min<double>(qmax, std::max<double>(-qmax, q)));
  }
}

const liteq::x86::Isa kLevels[] = {liteq::x86::Isa::kScalar, liteq::x86::Isa::kSse41, liteq::x86::Isa::kAvx2, liteq::x86::Isa::kAvx512Vnni};

}  // namespace

LQ_TEST(QuantizeInt8SymmetricMatchesTheDefinitionOnRandomShapesAtEveryIsa) {
  uint32_t seed = 7;
  // [channels, inner, outer]: per tensor, many short contiguous channels (fused), few long ones
  // (parallel two-pass), interleaved (depthwise last dim), tails below the 8-wide vector, ties.
  const size_t shapes[][3] = {{1, 1, 1}, {1, 7, 1}, {1, 300001, 1}, {64, 27, 1}, {3, 600000, 1}, {5, 1, 33}, {16, 3, 9}, {2, 9, 1}, {1000, 1, 1}};
  for (const auto& sh : shapes) {
    const size_t channels = sh[0], inner = sh[1], n = channels * inner * sh[2];
    std::vector<float> x(n);
    for (size_t i = 0; i < n; ++i) x[i] = (static_cast<float>(NextRandom(&seed) >> 8) / 16777216.f * 2.f - 1.f) * (1 + (i / inner) % channels);
    if (n > 20) {
      for (size_t i = 0; i < 10; ++i) x[i] = (static_cast<float>(i) - 5.f + 0.5f) * 0.125f;  // exact k + 0.5 multiples of small scales
      x[n / 2] = 0.f;
    }
    if (channels == 2) std::fill(x.begin(), x.begin() + static_cast<long>(inner), 0.f);  // an all-zero channel: scale 1
    std::vector<float> want_scales;
    std::vector<int8_t> want;
    ReferenceSymmetric(x, channels, inner, 127, &want_scales, &want);
    for (const liteq::x86::Isa isa : kLevels) {
      liteq::x86::SetIsaCapForTesting(isa);
      std::vector<float> scales(channels, -1.f);
      std::vector<int8_t> out(n, 99);
      size_t bad = 0;
      LQ_CHECK_EQ(liteq_quantize_int8_symmetric(x.data(), n, channels, inner, 127, scales.data(), out.data(), &bad, nullptr), LITEQ_OK);
      LQ_CHECK(bad == static_cast<size_t>(-1));
      LQ_CHECK(scales == want_scales);
      LQ_CHECK(out == want);
    }
  }
  liteq::x86::SetIsaCapForTesting(liteq::x86::Isa::kAvx512Vnni);
}

LQ_TEST(QuantizeInt8SymmetricRoundsNearTiesAsTheDefinitionAtEveryIsa) {
  // Values within a few ulp of (k + 0.5) · scale, where a float product x · (1/s) can land on the
  // other side of the tie than the double quotient x / s: the fast path must hand them to the exact one.
  uint32_t seed = 3;
  const size_t channels = 24, inner = 4099;
  std::vector<float> x(channels * inner);
  for (size_t c = 0; c < channels; ++c) {
    const float m = (static_cast<float>(NextRandom(&seed) >> 8) / 16777216.f + 0.01f) * std::ldexp(1.f, static_cast<int>(c % 12) - 6);
    const double s = static_cast<float>(static_cast<double>(m) / 127);
    float* xc = x.data() + c * inner;
    xc[0] = c % 2 ? m : -m;
    for (size_t i = 1; i < inner; ++i) {
      const int k = static_cast<int>(NextRandom(&seed) % 254) - 127;
      float v = static_cast<float>((k + 0.5) * s);
      for (int u = static_cast<int>(NextRandom(&seed) % 7) - 3; u != 0; u += u > 0 ? -1 : 1) v = std::nextafter(v, u > 0 ? INFINITY : -INFINITY);
      xc[i] = std::fabs(v) <= m ? v : xc[0];
    }
  }
  std::vector<float> want_scales;
  std::vector<int8_t> want;
  ReferenceSymmetric(x, channels, inner, 127, &want_scales, &want);
  for (const liteq::x86::Isa isa : kLevels) {
    liteq::x86::SetIsaCapForTesting(isa);
    for (const size_t ch : {channels, size_t{1}}) {  // the fused per-channel path and the two-pass one
      std::vector<float> ws, scales(ch, -1.f);
      std::vector<int8_t> w, out(x.size(), 99);
      ReferenceSymmetric(x, ch, x.size() / ch, 127, &ws, &w);
      LQ_CHECK_EQ(liteq_quantize_int8_symmetric(x.data(), x.size(), ch, x.size() / ch, 127, scales.data(), out.data(), nullptr, nullptr), LITEQ_OK);
      LQ_CHECK(scales == ws);
      LQ_CHECK(out == w);
    }
  }
  liteq::x86::SetIsaCapForTesting(liteq::x86::Isa::kAvx512Vnni);
}

LQ_TEST(QuantizeInt8SymmetricNamesTheFirstNonFiniteWeight) {
  std::vector<float> x(1 << 20, 0.5f);
  x[777777] = std::nanf("");
  x[900000] = INFINITY;
  std::vector<float> scales(1);
  std::vector<int8_t> out(x.size());
  for (const size_t channels : {size_t{1}, size_t{64}}) {
    size_t bad = 0;
    LQ_CHECK_EQ(liteq_quantize_int8_symmetric(x.data(), x.size(), channels, x.size() / channels, 127, (scales.resize(channels), scales.data()), out.data(), &bad, nullptr), LITEQ_E_INVALID_ARGUMENT);
    LQ_CHECK_EQ(bad, size_t{777777});
  }
  size_t bad = 0;
  LQ_CHECK_EQ(liteq_quantize_int8_symmetric(x.data(), 6, 4, 1, 127, scales.data(), out.data(), &bad, nullptr), LITEQ_E_INVALID_ARGUMENT);  // 6 % 4
  LQ_CHECK_EQ(liteq_quantize_int8_symmetric(x.data(), 4, 1, 4, 128, scales.data(), out.data(), &bad, nullptr), LITEQ_E_INVALID_ARGUMENT);
}

namespace {

// A write hook standing for a file behind `out`: copies each handed piece to where it belongs (as the
// addon's pwrite does), counts bytes and pieces, and refuses a piece that overlaps one already written.
struct Sink {
  uint8_t* base = nullptr;
  size_t bytes = 0;
  std::vector<std::atomic<uint8_t>> written;
  std::atomic<size_t> total{0}, pieces{0}, overlaps{0};
  int fail_errno = 0;
  // The input the read hook serves (as the addon preads the file behind a mapping): pieces must lie in it.
  const uint8_t* source = nullptr;
  size_t source_bytes = 0;
  std::atomic<size_t> read_total{0}, read_outside{0};
  int read_errno = 0;
  liteq_bulk_hooks hooks{};
  Sink(void* out, size_t n) : base(static_cast<uint8_t*>(out)), bytes(n), written(n) {
    hooks.ctx = this;
    hooks.write = [](void* dst, const void* src, size_t n, void* ctx) {
      auto* k = static_cast<Sink*>(ctx);
      if (k->fail_errno != 0) return k->fail_errno;
      const size_t at = static_cast<size_t>(static_cast<uint8_t*>(dst) - k->base);
      if (at + n > k->bytes) return EFAULT;
      for (size_t i = at; i < at + n; ++i) k->overlaps += k->written[i].exchange(1);
      std::memcpy(dst, src, n);
      k->total += n;
      ++k->pieces;
      return 0;
    };
  }
  // Serve reads of x (bytes of it) through the read hook.
  void Reads(const void* x, size_t n) {
    source = static_cast<const uint8_t*>(x);
    source_bytes = n;
    hooks.read = [](void* dst, const void* src, size_t n, void* ctx) {
      auto* k = static_cast<Sink*>(ctx);
      if (k->read_errno != 0) return k->read_errno;
      const auto* p = static_cast<const uint8_t*>(src);
      if (p < k->source || p + n > k->source + k->source_bytes) {
        ++k->read_outside;
        return EFAULT;
      }
      std::memcpy(dst, src, n);
      k->read_total += n;
      return 0;
    };
  }
};

}  // namespace

LQ_TEST(BulkCallsHandEveryPieceToTheHooksOnceWithTheSameBytes) {
  // Every path of liteq_quantize_int8_symmetric (fused channel groups, per-tensor two passes, interleaved
  // rows in runs) and liteq_float_to_half, with a write hook: the same bytes as without one, each byte
  // handed over exactly once, in pieces.
  uint32_t seed = 3;
  // (Sizes a little past a piece, 2^18 floats: the WASI build of these tests runs under Node 20, whose
  // WASI crashes once the module's memory passes ~48 MiB.)
  const size_t shapes[][3] = {{4096, 100, 1}, {1, 300001, 1}, {3, 200000, 1}, {7, 5, 10000}, {16, 1, 9}};
  for (const auto& sh : shapes) {
    const size_t channels = sh[0], inner = sh[1], n = channels * inner * sh[2];
    std::vector<float> x(n);
    for (size_t i = 0; i < n; ++i) x[i] = (static_cast<float>(NextRandom(&seed) >> 8) / 16777216.f * 2.f - 1.f) * (1 + (i / inner) % channels);
    std::vector<float> want_scales(channels), scales(channels);
    std::vector<int8_t> want(n), out(n, 99);
    LQ_CHECK_EQ(liteq_quantize_int8_symmetric(x.data(), n, channels, inner, 127, want_scales.data(), want.data(), nullptr, nullptr), LITEQ_OK);
    for (const bool reads : {false, true}) {
      std::fill(out.begin(), out.end(), 99);
      Sink sink(out.data(), n);
      if (reads) sink.Reads(x.data(), n * sizeof(float));
      LQ_CHECK_EQ(liteq_quantize_int8_symmetric(x.data(), n, channels, inner, 127, scales.data(), out.data(), nullptr, &sink.hooks), LITEQ_OK);
      LQ_CHECK(out == want);
      LQ_CHECK(scales == want_scales);
      LQ_CHECK_EQ(sink.total.load(), n);
      LQ_CHECK_EQ(sink.overlaps.load(), size_t{0});
      LQ_CHECK(n < 300000 || sink.pieces.load() > 1);  // staged a piece at a time, not the whole tensor
      if (reads) {
        // Every float read through the hook (once, or once per pass), none in place.
        LQ_CHECK(sink.read_total.load() == n * sizeof(float) || sink.read_total.load() == 2 * n * sizeof(float));
        LQ_CHECK_EQ(sink.read_outside.load(), size_t{0});
      }
    }

    std::vector<uint16_t> want_half(n), half(n, 7);
    LQ_CHECK_EQ(liteq_float_to_half(x.data(), n, want_half.data(), nullptr), LITEQ_OK);
    Sink hsink(half.data(), n * sizeof(uint16_t));
    hsink.Reads(x.data(), n * sizeof(float));
    LQ_CHECK_EQ(liteq_float_to_half(x.data(), n, half.data(), &hsink.hooks), LITEQ_OK);
    LQ_CHECK(half == want_half);
    LQ_CHECK_EQ(hsink.total.load(), n * sizeof(uint16_t));
    LQ_CHECK_EQ(hsink.overlaps.load(), size_t{0});
    LQ_CHECK_EQ(hsink.read_total.load(), n * sizeof(float));
  }
}

LQ_TEST(QuantizeInt8SymmetricPerTensorReadsEveryFloatTwiceAndWritesEachInt8Once) {
  liteq::x86::SetIsaCapForTesting(liteq::x86::Isa::kScalar);  // (hooks do not depend on the ISA)
  std::vector<float> x(1500000, 0.25f);
  std::vector<float> scales(1);
  std::vector<int8_t> out(x.size());
  Sink sink(out.data(), out.size());
  sink.Reads(x.data(), x.size() * sizeof(float));
  LQ_CHECK_EQ(liteq_quantize_int8_symmetric(x.data(), x.size(), 1, x.size(), 127, scales.data(), out.data(), nullptr, &sink.hooks), LITEQ_OK);
  liteq::x86::SetIsaCapForTesting(liteq::x86::Isa::kAvx512Vnni);
  // Per tensor: every float is read twice (scan, quantize), each through the hook; each int8 written once.
  LQ_CHECK_EQ(sink.read_total.load(), 2 * x.size() * sizeof(float));
  LQ_CHECK_EQ(sink.total.load(), x.size());
  LQ_CHECK_EQ(sink.overlaps.load(), size_t{0});
}

LQ_TEST(AFailingWriteHookFailsTheBulkCallWithItsErrno) {
  std::vector<float> x(3 * 200000, 0.5f);
  std::vector<float> scales(1000);
  std::vector<int8_t> out(x.size());
  for (const size_t channels : {size_t{3}, size_t{1000}}) {  // per-channel long runs, fused groups
    Sink sink(out.data(), out.size());
    sink.fail_errno = ENOSPC;
    LQ_CHECK_EQ(liteq_quantize_int8_symmetric(x.data(), x.size(), channels, x.size() / channels, 127, scales.data(), out.data(), nullptr, &sink.hooks), LITEQ_E_IO);
    LQ_CHECK(std::string(liteq_last_error()).find(std::strerror(ENOSPC)) != std::string::npos);
  }
  for (const size_t channels : {size_t{3}, size_t{1000}, size_t{1}}) {  // and a failing read, per path
    Sink sink(out.data(), out.size());
    sink.Reads(x.data(), x.size() * sizeof(float));
    sink.read_errno = EIO;
    LQ_CHECK_EQ(liteq_quantize_int8_symmetric(x.data(), x.size(), channels, x.size() / channels, 127, scales.data(), out.data(), nullptr, &sink.hooks), LITEQ_E_IO);
    LQ_CHECK(std::string(liteq_last_error()).find("reading the input failed: " + std::string(std::strerror(EIO))) != std::string::npos);
    LQ_CHECK_EQ(sink.total.load(), size_t{0});  // nothing handed over
  }
  {
    Sink sink(out.data(), out.size());
    sink.Reads(x.data(), x.size() * sizeof(float));
    sink.read_errno = EIO;  // interleaved rows
    LQ_CHECK_EQ(liteq_quantize_int8_symmetric(x.data(), x.size(), 4, 5, 127, scales.data(), out.data(), nullptr, &sink.hooks), LITEQ_E_IO);
  }
  std::vector<uint16_t> half(x.size());
  Sink hsink(half.data(), half.size() * 2);
  hsink.fail_errno = EIO;
  LQ_CHECK_EQ(liteq_float_to_half(x.data(), x.size(), half.data(), &hsink.hooks), LITEQ_E_IO);
  LQ_CHECK(std::string(liteq_last_error()).find("liteq_float_to_half") != std::string::npos);
  // The next good call clears the state: hooks are per call.
  LQ_CHECK_EQ(liteq_float_to_half(x.data(), x.size(), half.data(), nullptr), LITEQ_OK);
}

LQ_TEST(FloatToHalfRoundsToNearestEvenAtEveryIsa) {
  // Every float class: random bit patterns (NaNs with payloads, infinities, subnormals included) and
  // the boundaries; the reference is the definition written out in double.
  uint32_t seed = 11;
  std::vector<float> x(100003);
  for (float& v : x) {
    const uint32_t bits = NextRandom(&seed);
    std::memcpy(&v, &bits, 4);
  }
  const float edges[] = {0.f, -0.f, 65504.f, 65520.f, 65519.996f, 6.1035156e-05f, 5.9604645e-08f, 2.9802322e-08f, 2.9802326e-08f, 1.f + 0x1p-11f, 1.f + 0x1p-11f + 0x1p-23f, INFINITY, -INFINITY};
  for (size_t i = 0; i < sizeof(edges) / sizeof(edges[0]); ++i) x[i] = edges[i];
  std::vector<uint16_t> want(x.size());
  for (size_t i = 0; i < x.size(); ++i) {
    const double v = x[i];
    uint32_t bits;
    std::memcpy(&bits, &x[i], 4);
    const uint16_t sign = static_cast<uint16_t>((bits >> 16) & 0x8000u);
    if (std::isnan(v)) {
      want[i] = static_cast<uint16_t>(sign | 0x7e00u);
      continue;
    }
    const double a = std::fabs(v);
    if (a >= 65520.0) {
      want[i] = static_cast<uint16_t>(sign | 0x7c00u);
      continue;
    }
    // Quantum of the half format at a's binade (subnormals: 2^-24); round to nearest even in double (exact).
    const int e = a < 0x1p-14 ? -14 : std::ilogb(a);
    const double q = std::ldexp(1.0, e - 10);
    const double k = std::nearbyint(a / q);  // default rounding mode: ties to even
    const double h = k * q;
    // Rebuild the bits from the rounded value.
    uint16_t hb;
    if (h < 0x1p-14) hb = static_cast<uint16_t>(h / 0x1p-24);
    else {
      const int he = std::ilogb(h);
      hb = static_cast<uint16_t>(((he + 15) << 10) | static_cast<int>(std::ldexp(h, -he) * 1024.0 - 1024.0));
    }
    want[i] = static_cast<uint16_t>(sign | hb);
  }
  for (const liteq::x86::Isa isa : kLevels) {
    liteq::x86::SetIsaCapForTesting(isa);
    std::vector<uint16_t> out(x.size(), 0);
    LQ_CHECK_EQ(liteq_float_to_half(x.data(), x.size(), out.data(), nullptr), LITEQ_OK);
    size_t wrong = 0;
    for (size_t i = 0; i < x.size(); ++i) wrong += out[i] != want[i];
    LQ_CHECK_EQ(wrong, size_t{0});
  }
  liteq::x86::SetIsaCapForTesting(liteq::x86::Isa::kAvx512Vnni);
}

LQ_TEST(QuantizeUint8MatchesTheScalarDefinitionOnRandomDataAtEveryIsa) {
  // Several pieces (threads), values far outside the range (saturation), exact k + 0.5 ties of
  // zp + x / scale, and zero points / narrow ranges as toco uses them.
  uint32_t seed = 3;
  std::vector<float> x(700001);
  for (size_t i = 0; i < x.size(); ++i) x[i] = (static_cast<float>(NextRandom(&seed) >> 8) / 16777216.f * 2.f - 1.f) * (i % 97 == 0 ? 1e6f : 3.f);
  for (size_t i = 0; i < 2000; ++i) x[i] = (static_cast<float>(i) - 1000.f + 0.5f) * 0.25f;
  struct Case {
    double scale;
    int zp, qmin;
  } cases[] = {{0.25, 128, 1}, {0.0123, 111, 0}, {3.0 / 255, 200, 0}, {0.007874015718698502, 127, 1}};
  for (const Case& c : cases) {
    std::vector<uint8_t> want(x.size());
    for (size_t i = 0; i < x.size(); ++i) {
      double q = std::round(c.zp + static_cast<double>(x[i]) / c.scale);
      want[i] = static_cast<uint8_t>(q < c.qmin ? c.qmin : (q > 255 ? 255 : q));
    }
    for (const liteq::x86::Isa isa : kLevels) {
      liteq::x86::SetIsaCapForTesting(isa);
      std::vector<uint8_t> out(x.size(), 7);
      LQ_CHECK_EQ(liteq_quantize_uint8(x.data(), x.size(), c.scale, c.zp, c.qmin, 255, out.data()), LITEQ_OK);
      LQ_CHECK(out == want);
    }
  }
  // The first non-finite value is named, wherever it is.
  x[654321] = INFINITY;
  std::vector<uint8_t> out(x.size());
  LQ_CHECK_EQ(liteq_quantize_uint8(x.data(), x.size(), 0.25, 128, 0, 255, out.data()), LITEQ_E_INVALID_ARGUMENT);
  LQ_CHECK(std::string(liteq_last_error()).find("index 654321") != std::string::npos);
  liteq::x86::SetIsaCapForTesting(liteq::x86::Isa::kAvx512Vnni);
}

LQ_TEST(MinMaxIsOverTheDataAndZeroSkippingNaNAtEveryIsa) {
  uint32_t seed = 5;
  std::vector<float> x(600003);
  for (float& v : x) v = static_cast<float>(NextRandom(&seed) >> 8) / 16777216.f * 10.f + 1.f;  // all positive
  x[12345] = std::nanf("");
  x[599999] = 12.5f;
  for (const liteq::x86::Isa isa : kLevels) {
    liteq::x86::SetIsaCapForTesting(isa);
    float lo = -1, hi = -1;
    LQ_CHECK_EQ(liteq_min_max(x.data(), x.size(), &lo, &hi), LITEQ_OK);
    LQ_CHECK_EQ(lo, 0.0f);  // 0 is always in the range
    LQ_CHECK_EQ(hi, 12.5f);
    x[7] = -3.25f;
    LQ_CHECK_EQ(liteq_min_max(x.data(), x.size(), &lo, &hi), LITEQ_OK);
    LQ_CHECK_EQ(lo, -3.25f);
    x[7] = 2.f;
  }
  liteq::x86::SetIsaCapForTesting(liteq::x86::Isa::kAvx512Vnni);
}
