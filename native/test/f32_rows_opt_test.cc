// The AVX-512 float row kernels (kernels/x86/f32_rows.h) against the reference at every ISA level the
// CPU has: the padded residual ADD (kernels/float_add.h) and MAX_POOL_2D, on random shapes whose channel
// counts sit below, at and above the 16-lane vector, with NaN, infinities, -0 and +0 in
// the data, clamps that cut and do not, in place and not.
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>
#include <vector>

#include "heavy_op_util.h"
#include "kernels/float_add.h"
#include "kernels/reference/pooling.h"
#include "kernels/x86/isa.h"
#include "liteq/liteq.h"
#include "testing.h"

using liteq::DType;
using liteq_test::Blob;
using liteq_test::MakeTensor;
using liteq_test::RunKernel;

namespace {

std::mt19937& Rng() {
  static std::mt19937 rng(20261201);
  return rng;
}
int RandInt(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(Rng()); }

// Mostly ordinary values, some special ones. One NaN payload: which of two NaN operands' payloads a sum
// keeps follows the operand order the compiler picks for a commutative add (in the reference too), so
// two different payloads would test the compiler, not the kernel.
float SpecialOrRandom() {
  const uint32_t nan = 0xffc12345u;
  float v;
  switch (RandInt(0, 40)) {
    case 0:
    case 1: std::memcpy(&v, &nan, 4); return v;
    case 2: return std::numeric_limits<float>::infinity();
    case 3: return -std::numeric_limits<float>::infinity();
    case 4: return -0.0f;
    case 5: return 0.0f;
    default: return std::uniform_real_distribution<float>(-4.0f, 4.0f)(Rng());
  }
}

std::vector<liteq::x86::Isa> Levels() {
  using liteq::x86::Isa;
  std::vector<Isa> levels = {Isa::kScalar};
  const uint32_t f = liteq_cpu_features();
  if (f & LITEQ_CPU_AVX2) levels.push_back(Isa::kAvx2);
  if ((f & LITEQ_CPU_AVX512F) && (f & LITEQ_CPU_AVX512BW)) levels.push_back(Isa::kAvx512);
  return levels;
}

void Clamp(float* lo, float* hi) {
  const int k = RandInt(0, 2);
  *lo = k == 0 ? -std::numeric_limits<float>::max() : k == 1 ? 0.0f : -1.5f;
  *hi = k == 0 ? std::numeric_limits<float>::max() : RandInt(0, 1) ? 6.0f : 1.25f;
}

}  // namespace

LQ_TEST(PaddedFloatAddMatchesTheReferenceAtEveryIsa) {
  const int widths[] = {1, 3, 8, 15, 16, 17, 24, 28, 31, 32, 33, 40, 88};
  for (int i = 0; i < 300; ++i) {
    const int64_t c = widths[RandInt(0, 12)];
    const int64_t cs = RandInt(0, 2) == 0 ? c : RandInt(0, static_cast<int>(c));
    const int64_t rows = RandInt(1, 9), r0 = RandInt(0, static_cast<int>(rows) - 1), r1 = RandInt(static_cast<int>(r0), static_cast<int>(rows));
    const int side = RandInt(0, 1);
    const bool in_place = RandInt(0, 1) == 1;
    float lo, hi;
    Clamp(&lo, &hi);
    std::vector<float> full(static_cast<size_t>(rows * c)), small(static_cast<size_t>(rows * cs) + 1);
    for (float& v : full) v = SpecialOrRandom();
    for (float& v : small) v = SpecialOrRandom();
    std::vector<uint32_t> want;
    for (const auto isa : Levels()) {
      liteq::x86::SetIsaCapForTesting(isa);
      std::vector<float> f = full, out(full.size(), 77.0f);
      liteq::AddFloatRowsPadded(f.data(), small.data(), c, cs, side, r0, r1, in_place ? f.data() : out.data(), lo, hi);
      const std::vector<float>& got = in_place ? f : out;
      std::vector<uint32_t> bits(got.size());
      std::memcpy(bits.data(), got.data(), got.size() * 4);
      if (want.empty()) want = bits;
      LQ_CHECK(bits == want);
    }
  }
  liteq::x86::SetIsaCapForTesting(liteq::x86::Isa::kAvx512Vnni);
}

LQ_TEST(FloatMaxPoolMatchesTheReferenceAtEveryIsa) {
  const int widths[] = {1, 3, 8, 15, 16, 17, 24, 28, 33, 42};
  for (int i = 0; i < 200; ++i) {
    liteq::reference::PoolShape s{};
    s.batches = RandInt(1, 2);
    s.in_h = RandInt(1, 9);
    s.in_w = RandInt(1, 9);
    s.channels = widths[RandInt(0, 9)];
    s.filter_h = RandInt(1, 3);
    s.filter_w = RandInt(1, 3);
    s.stride_h = RandInt(1, 2);
    s.stride_w = RandInt(1, 2);
    s.pad_top = RandInt(0, s.filter_h - 1);
    s.pad_left = RandInt(0, s.filter_w - 1);
    s.out_h = (s.in_h + 2 * s.pad_top - s.filter_h) / s.stride_h + 1;
    s.out_w = (s.in_w + 2 * s.pad_left - s.filter_w) / s.stride_w + 1;
    if (s.out_h <= 0 || s.out_w <= 0) continue;
    float lo, hi;
    Clamp(&lo, &hi);
    std::vector<float> in(static_cast<size_t>(s.batches) * s.in_h * s.in_w * s.channels);
    for (float& v : in) v = SpecialOrRandom();
    const size_t n = static_cast<size_t>(s.batches) * s.out_h * s.out_w * s.channels;
    std::vector<float> want(n);
    liteq::reference::MaxPool<float, float>(s, in.data(), lo, hi, want.data(), 0, s.batches * s.out_h);
    liteq::PoolParams p{};
    p.stride_h = s.stride_h;
    p.stride_w = s.stride_w;
    p.filter_h = s.filter_h;
    p.filter_w = s.filter_w;
    p.pad_top = s.pad_top;
    p.pad_left = s.pad_left;
    p.float_act_min = lo;
    p.float_act_max = hi;
    for (const auto isa : Levels()) {
      liteq::x86::SetIsaCapForTesting(isa);
      std::vector<float> out(n, 55.0f);
      auto tin = MakeTensor(DType::kFloat32, {s.batches, s.in_h, s.in_w, s.channels}, in);
      auto tout = MakeTensor(DType::kFloat32, {s.batches, s.out_h, s.out_w, s.channels}, out);
      LQ_CHECK_EQ(RunKernel("max_pool_2d_f32", Blob::Of(p), {&tin}, &tout), 0);
      LQ_CHECK(std::memcmp(out.data(), want.data(), n * 4) == 0);
    }
  }
  liteq::x86::SetIsaCapForTesting(liteq::x86::Isa::kAvx512Vnni);
}
