// The hybrid kernels' AVX-512 paths (kernels/x86/hybrid_dot.h: FULLY_CONNECTED and CONV_2D on VNNI, DEPTHWISE)
// against their scalar loops (the level below, where the machine has VNNI). FULLY_CONNECTED: random
// shapes with depths around the 64-byte step, units around the 4-row block, several batches,
// symmetric and asymmetric inputs, with and without bias; the float outputs must be the same bits.
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <random>
#include <vector>

#include "heavy_op_util.h"
#include "kernels/x86/isa.h"
#include "liteq/liteq.h"
#include "testing.h"

using liteq::DType;
using liteq_test::Blob;
using liteq_test::ConvGeometry;
using liteq_test::MakeTensor;
using liteq_test::RunLikePlan;

namespace {

bool HasVnni() {
  const uint32_t f = liteq_cpu_features();
  if ((f & LITEQ_CPU_AVX512F) && (f & LITEQ_CPU_AVX512BW) && (f & LITEQ_CPU_AVX512VNNI)) return true;
  std::fprintf(stderr, "  (no AVX-512 VNNI on this CPU: the VNNI path is not compared here)\n");
  return false;
}

// Runs kernel `name` on `ins` into `out` (shape `dims`) at the scalar-loop level and at VNNI on
// `threads` threads; the two outputs must be the same bits.
void CompareLevels(const char* name, const Blob& b, const std::vector<const liteq::Tensor*>& ins, std::initializer_list<int> dims,
                   size_t out_size, int threads) {
  std::vector<std::vector<float>> outs;
  for (auto isa : {liteq::x86::Isa::kAvx2, liteq::x86::Isa::kAvx512Vnni}) {
    liteq::x86::SetIsaCapForTesting(isa);
    std::vector<float> out(out_size, 99.0f);
    auto tout = MakeTensor(DType::kFloat32, dims, out);
    LQ_CHECK_EQ(RunLikePlan(name, b, ins, &tout, threads), 0);
    outs.push_back(out);
  }
  liteq::x86::SetIsaCapForTesting(liteq::x86::Isa::kAvx512Vnni);
  LQ_CHECK(std::memcmp(outs[0].data(), outs[1].data(), outs[0].size() * 4) == 0);
}

}  // namespace

LQ_TEST(HybridFullyConnectedVnniMatchesTheScalarLoop) {
  if (!HasVnni()) return;
  std::mt19937 rng(77);
  auto pick = [&](std::initializer_list<int> v) { return *(v.begin() + std::uniform_int_distribution<int>(0, static_cast<int>(v.size()) - 1)(rng)); };
  for (int i = 0; i < 120; ++i) {
    const int depth = pick({1, 7, 63, 64, 65, 200, 1000});
    const int units = pick({1, 3, 4, 5, 9, 33});
    const int batches = pick({1, 1, 2, 3});
    const bool asym = i % 2 == 0, with_bias = i % 3 != 0;
    std::uniform_real_distribution<float> xd(-3.0f, 5.0f);
    std::vector<float> x(static_cast<size_t>(batches) * depth), bias(units);
    for (float& v : x) v = xd(rng);
    for (float& v : bias) v = xd(rng);
    std::vector<int8_t> w(static_cast<size_t>(units) * depth);
    for (int8_t& v : w) v = static_cast<int8_t>(std::uniform_int_distribution<int>(-127, 127)(rng));
    liteq::HybridParams p{};
    p.stride_h = p.stride_w = p.dilation_h = p.dilation_w = p.depth_multiplier = 1;
    p.asymmetric = asym;
    p.float_act_min = -1e30f;
    p.float_act_max = 1e30f;
    p.num_channels = 1;
    Blob b = Blob::Of(p);
    b.f(0.0123f);  // the weight scale (the params' tail)
    auto tin = MakeTensor(DType::kFloat32, {batches, depth}, x);
    auto tw = MakeTensor(DType::kInt8, {units, depth}, w);
    auto tb = MakeTensor(DType::kFloat32, {units}, bias);
    std::vector<const liteq::Tensor*> ins = {&tin, &tw};
    if (with_bias) ins.push_back(&tb);
    CompareLevels("fully_connected_hybrid", b, ins, {batches, units}, static_cast<size_t>(batches) * units, 2);
  }
}

// CONV_2D the same way (im2col rows of q + 128 per output pixel, padding taps at zp + 128): random
// kernels, strides, dilations and paddings, per-tensor (symmetric inputs) and per-channel (asymmetric)
// scales, 1 and 2 threads.
LQ_TEST(HybridConvVnniMatchesTheScalarLoop) {
  if (!HasVnni()) return;
  std::mt19937 rng(91);
  auto r = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  for (int i = 0; i < 80; ++i) {
    const int batches = r(1, 2), h = r(1, 9), w = r(1, 9), cin = r(0, 1) ? r(1, 5) : r(16, 70), cout = r(1, 13);
    const int kh = r(1, 3), kw = r(1, 3), stride = r(1, 2), dil = r(1, 2), pad = r(0, 1);
    const int oh = (h + 2 * pad - dil * (kh - 1) - 1) / stride + 1, ow = (w + 2 * pad - dil * (kw - 1) - 1) / stride + 1;
    if (oh < 1 || ow < 1) continue;
    const bool per_channel = i % 2 == 0 && cout > 1;
    std::uniform_real_distribution<float> xd(-2.0f, 3.0f);
    std::vector<float> x(static_cast<size_t>(batches) * h * w * cin), bias(cout);
    for (float& v : x) v = xd(rng);
    for (float& v : bias) v = xd(rng);
    std::vector<int8_t> wt(static_cast<size_t>(cout) * kh * kw * cin);
    for (int8_t& v : wt) v = static_cast<int8_t>(r(-127, 127));
    liteq::HybridParams p = ConvGeometry<liteq::HybridParams>(stride, stride, dil, dil, pad, pad);
    p.depth_multiplier = 1;
    p.float_act_min = i % 3 == 0 ? 0.0f : -1e30f;
    p.float_act_max = i % 3 == 0 ? 6.0f : 1e30f;
    p.num_channels = per_channel ? cout : 1;
    Blob b = Blob::Of(p);
    for (int c = 0; c < p.num_channels; ++c) b.f(0.004f * static_cast<float>(1 + (c * 7) % 5));
    auto tin = MakeTensor(DType::kFloat32, {batches, h, w, cin}, x);
    auto tw = MakeTensor(DType::kInt8, {cout, kh, kw, cin}, wt);
    auto tb = MakeTensor(DType::kFloat32, {cout}, bias);
    std::vector<const liteq::Tensor*> ins = {&tin, &tw, &tb};
    CompareLevels("conv_2d_hybrid", b, ins, {batches, oh, ow, cout}, static_cast<size_t>(batches) * oh * ow * cout, 1 + i % 2);
  }
}

// DEPTHWISE_CONV_2D (depth multiplier 1): the AVX-512 channel loop against the scalar one — channels
// below, at and above 16, kernels 1x1..5x5, strides, dilations, paddings, clamps, 1 and 2 threads.
LQ_TEST(HybridDepthwiseAvx512MatchesTheScalarLoop) {
  if (!HasVnni()) return;
  std::mt19937 rng(123);
  auto r = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  for (int i = 0; i < 80; ++i) {
    const int batches = r(1, 2), h = r(1, 9), w = r(1, 9), c = r(0, 1) ? r(1, 17) : r(30, 70);
    const int kh = r(1, 5), kw = r(1, 5), stride = r(1, 2), dil = r(1, 2), pad = r(0, 2);
    const int oh = (h + 2 * pad - dil * (kh - 1) - 1) / stride + 1, ow = (w + 2 * pad - dil * (kw - 1) - 1) / stride + 1;
    if (oh < 1 || ow < 1) continue;
    std::uniform_real_distribution<float> xd(-2.0f, 3.0f);
    std::vector<float> x(static_cast<size_t>(batches) * h * w * c), bias(c);
    for (float& v : x) v = xd(rng);
    for (float& v : bias) v = xd(rng);
    std::vector<int8_t> wt(static_cast<size_t>(kh) * kw * c);
    for (int8_t& v : wt) v = static_cast<int8_t>(r(-127, 127));
    liteq::HybridParams p = ConvGeometry<liteq::HybridParams>(stride, stride, dil, dil, pad, pad);
    p.depth_multiplier = 1;
    p.asymmetric = 1;
    p.float_act_min = i % 3 == 0 ? -0.5f : -1e30f;
    p.float_act_max = i % 3 == 0 ? 1.0f : 1e30f;
    p.num_channels = c;
    Blob b = Blob::Of(p);
    for (int k = 0; k < c; ++k) b.f(0.003f * static_cast<float>(1 + (k * 5) % 7));
    auto tin = MakeTensor(DType::kFloat32, {batches, h, w, c}, x);
    auto tw = MakeTensor(DType::kInt8, {1, kh, kw, c}, wt);
    auto tb = MakeTensor(DType::kFloat32, {c}, bias);
    std::vector<const liteq::Tensor*> ins = {&tin, &tw, &tb};
    CompareLevels("depthwise_conv_2d_hybrid", b, ins, {batches, oh, ow, c}, static_cast<size_t>(batches) * oh * ow * c, 1 + i % 2);
  }
}
