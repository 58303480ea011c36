// The optimized quantized CONV_2D / FULLY_CONNECTED paths (gemm/q8_gemm.h) against the reference loops,
// bit for bit, at every ISA level this CPU has. XNNPACK-tester style: a builder describes one
// problem, Test() fills random data, poisons the output, runs the registered kernel the way the plan
// does (check, scratch from the kernel's scratch fn, a thread pool) and compares every byte with
// reference::ConvQuantized / FullyConnectedQuantized.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <type_traits>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "heavy_op_util.h"
#include "kernels/reference/add.h"
#include "kernels/reference/conv.h"
#include "kernels/reference/fully_connected.h"
#include "kernels/gemm/q8_gemm.h"
#include "liteq/liteq.h"
#include "runtime/thread_pool.h"
#include "testing.h"

using liteq::DType;
using liteq_test::Blob;
using liteq_test::MakeTensor;
using liteq_test::RunLikePlan;

namespace {

std::mt19937& Rng() {
  static std::mt19937 rng(12345);
  return rng;
}
int RandInt(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(Rng()); }

std::vector<liteq::q8_gemm::Isa> IsaLevels() {
  using liteq::q8_gemm::Isa;
  std::vector<Isa> levels = {Isa::kScalar};
  const uint32_t f = liteq_cpu_features();
  if (f & LITEQ_CPU_SSE41) levels.push_back(Isa::kSse41);
  if (f & LITEQ_CPU_AVX2) levels.push_back(Isa::kAvx2);
  if ((f & LITEQ_CPU_AVX512F) && (f & LITEQ_CPU_AVX512BW)) levels.push_back(Isa::kAvx512);
  if ((f & LITEQ_CPU_AVX512F) && (f & LITEQ_CPU_AVX512BW) && (f & LITEQ_CPU_AVX512VNNI)) levels.push_back(Isa::kAvx512Vnni);
  if (f & LITEQ_CPU_WASM_SIMD128) levels.push_back(Isa::kWasmSimd128);
  return levels;
}

template <typename T>
T RandQ() {
  return static_cast<T>(RandInt(std::numeric_limits<T>::min(), std::numeric_limits<T>::max()));
}

struct QuantParams {
  int32_t input_zero = 0, filter_zero = 0, output_zero = 0;
  int32_t act_min, act_max;
  int rounding = 1;
};

class ConvOptTester {
 public:
  ConvOptTester& batches(int v) { batches_ = v; return *this; }
  ConvOptTester& input_size(int h, int w) { in_h_ = h; in_w_ = w; return *this; }
  ConvOptTester& channels(int in_c, int out_c) { in_c_ = in_c; out_c_ = out_c; return *this; }
  ConvOptTester& filter(int h, int w) { fh_ = h; fw_ = w; return *this; }
  ConvOptTester& stride(int h, int w) { sh_ = h; sw_ = w; return *this; }
  ConvOptTester& dilation(int h, int w) { dh_ = h; dw_ = w; return *this; }
  ConvOptTester& same_padding(bool v) { same_ = v; return *this; }
  ConvOptTester& zero_points(int in, int filter, int out) { zin_ = in; zf_ = filter; zout_ = out; return *this; }
  ConvOptTester& clamp(int lo, int hi) { act_min_ = lo; act_max_ = hi; return *this; }
  ConvOptTester& per_channel(bool v) { per_channel_ = v; return *this; }
  ConvOptTester& rounding(int v) { rounding_ = v; return *this; }
  ConvOptTester& shift_range(int lo, int hi) { shift_lo_ = lo; shift_hi_ = hi; return *this; }
  // conv_2d_*_add: the conv, then a same-shape ADD of another operand (random params, either side).
  ConvOptTester& fused_add(bool v) { fused_add_ = v; return *this; }
  ConvOptTester& bias(bool v) { bias_ = v; return *this; }
  ConvOptTester& threads(int v) { threads_ = v; return *this; }
  ConvOptTester& constant_weights(bool v) { constant_weights_ = v; return *this; }

  template <typename T>
  void Test() const {
    const DType dtype = std::is_same<T, uint8_t>::value ? DType::kUInt8 : DType::kInt8;
    const int eff_h = (fh_ - 1) * dh_ + 1, eff_w = (fw_ - 1) * dw_ + 1;
    int out_h, out_w, pad_top = 0, pad_left = 0;
    if (same_) {
      out_h = (in_h_ + sh_ - 1) / sh_;
      out_w = (in_w_ + sw_ - 1) / sw_;
      pad_top = std::max(0, ((out_h - 1) * sh_ + eff_h - in_h_) / 2);
      pad_left = std::max(0, ((out_w - 1) * sw_ + eff_w - in_w_) / 2);
    } else {
      out_h = (in_h_ - eff_h) / sh_ + 1;
      out_w = (in_w_ - eff_w) / sw_ + 1;
    }
    if (out_h <= 0 || out_w <= 0) return;
    std::vector<T> input(static_cast<size_t>(batches_) * in_h_ * in_w_ * in_c_);
    std::vector<T> filter(static_cast<size_t>(out_c_) * fh_ * fw_ * in_c_);
    for (auto& v : input) v = RandQ<T>();
    for (auto& v : filter) v = RandQ<T>();
    std::vector<int32_t> bias(out_c_);
    for (auto& v : bias) v = RandInt(-40000, 40000);
    const int channels = per_channel_ ? out_c_ : 1;
    std::vector<int32_t> mult(channels), shift(channels);
    for (int i = 0; i < channels; ++i) {
      mult[i] = RandInt(1 << 30, std::numeric_limits<int32_t>::max());
      shift[i] = RandInt(shift_lo_, shift_hi_);
    }
    const size_t out_size = static_cast<size_t>(batches_) * out_h * out_w * out_c_;
    std::vector<T> out(out_size, static_cast<T>(0x5A)), want(out_size, static_cast<T>(0x3C));

    auto p = liteq_test::ConvGeometry<liteq::ConvParams>(sh_, sw_, dh_, dw_, pad_top, pad_left);
    liteq_test::SetConvQuant(p, -zin_, -zf_, zout_, act_min_, act_max_, rounding_, channels);
    Blob b = Blob::Of(p).ints(mult).ints(shift);
    auto tin = MakeTensor(dtype, {batches_, in_h_, in_w_, in_c_}, input);
    auto tf = MakeTensor(dtype, {out_c_, fh_, fw_, in_c_}, filter);
    auto tb = MakeTensor(DType::kInt32, {out_c_}, bias);
    auto tout = MakeTensor(dtype, {batches_, out_h, out_w, out_c_}, out);
    tf.is_constant = tb.is_constant = constant_weights_;
    std::vector<const liteq::Tensor*> inputs = {&tin, &tf};
    if (bias_ || fused_add_) inputs.push_back(bias_ ? &tb : nullptr);
    // The fused ADD: its params and side after the conv's, the other operand as input 3.
    const int lo = std::numeric_limits<T>::min(), hi = std::numeric_limits<T>::max();
    std::vector<T> other(out_size);
    for (auto& v : other) v = static_cast<T>(RandInt(lo, hi));
    auto tother = MakeTensor(dtype, {batches_, out_h, out_w, out_c_}, other);
    liteq::reference::QuantizedAddSpec add{};
    const int side = RandInt(0, 1);
    if (fused_add_) {
      add = {-RandInt(lo, hi), -RandInt(lo, hi), RandInt(lo, hi), 20, RandInt(1 << 30, std::numeric_limits<int32_t>::max()),
             RandInt(-3, 0), RandInt(1 << 30, std::numeric_limits<int32_t>::max()), RandInt(-3, 0),
             RandInt(1 << 30, std::numeric_limits<int32_t>::max()), RandInt(-21, -16), RandInt(lo, lo + 30), RandInt(hi - 30, hi)};
      liteq::ElementwiseParams ep{};
      ep.input1_offset = add.input1_offset, ep.input2_offset = add.input2_offset, ep.output_offset = add.output_offset;
      ep.left_shift = add.left_shift, ep.input1_multiplier = add.input1_multiplier, ep.input1_shift = add.input1_shift;
      ep.input2_multiplier = add.input2_multiplier, ep.input2_shift = add.input2_shift;
      ep.output_multiplier = add.output_multiplier, ep.output_shift = add.output_shift;
      ep.activation_min = add.activation_min, ep.activation_max = add.activation_max;
      const uint8_t* e = reinterpret_cast<const uint8_t*>(&ep);
      b.bytes.insert(b.bytes.end(), e, e + sizeof(ep));
      b.i(side);
      inputs.push_back(&tother);
    }
    const std::string kernel = std::string(dtype == DType::kUInt8 ? "conv_2d_u8" : "conv_2d_i8") + (fused_add_ ? "_add" : "");
    LQ_CHECK_EQ(RunLikePlan(kernel, b, inputs, &tout, threads_), 0);

    const liteq::reference::ConvShape s = {batches_, in_h_, in_w_, in_c_, out_h, out_w, out_c_, fh_, fw_,
                                           sh_,      sw_,   dh_,   dw_,   pad_top, pad_left};
    const liteq::reference::QuantizedConvParams q = {-zin_, -zf_, zout_, act_min_, act_max_,
                                                     static_cast<liteq::reference::Rounding>(rounding_),
                                                     mult.data(), shift.data(), per_channel_};
    liteq::reference::ConvQuantized<T>(s, q, input.data(), filter.data(), bias_ ? bias.data() : nullptr, want.data(),
                                       0, batches_ * out_h);
    if (fused_add_) {
      for (size_t i = 0; i < out_size; ++i) {
        want[i] = static_cast<T>(side == 0 ? liteq::reference::QuantizedAddElement(add, want[i], other[i], false)
                                           : liteq::reference::QuantizedAddElement(add, other[i], want[i], false));
      }
    }
    size_t mismatches = 0;
    for (size_t i = 0; i < out_size; ++i) mismatches += out[i] != want[i];
    if (mismatches) {
      std::fprintf(stderr, "  conv %dx%dx%dx%d -> %d, filter %dx%d s%d,%d d%d,%d same=%d z=%d,%d,%d clamp=[%d,%d] pc=%d r=%d t=%d\n",
                   batches_, in_h_, in_w_, in_c_, out_c_, fh_, fw_, sh_, sw_, dh_, dw_, same_, zin_, zf_, zout_,
                   act_min_, act_max_, per_channel_, rounding_, threads_);
    }
    LQ_CHECK_EQ(mismatches, size_t{0});
  }

  // Float: the optimized path must match reference::ConvFloat bit for bit (same per-output sum order).
  void TestFloat() const {
    const int eff_h = (fh_ - 1) * dh_ + 1, eff_w = (fw_ - 1) * dw_ + 1;
    int out_h, out_w, pad_top = 0, pad_left = 0;
    if (same_) {
      out_h = (in_h_ + sh_ - 1) / sh_;
      out_w = (in_w_ + sw_ - 1) / sw_;
      pad_top = std::max(0, ((out_h - 1) * sh_ + eff_h - in_h_) / 2);
      pad_left = std::max(0, ((out_w - 1) * sw_ + eff_w - in_w_) / 2);
    } else {
      out_h = (in_h_ - eff_h) / sh_ + 1;
      out_w = (in_w_ - eff_w) / sw_ + 1;
    }
    if (out_h <= 0 || out_w <= 0) return;
    std::uniform_real_distribution<float> dist(-1.0f, 1.0f);
    std::vector<float> input(static_cast<size_t>(batches_) * in_h_ * in_w_ * in_c_);
    std::vector<float> filter(static_cast<size_t>(out_c_) * fh_ * fw_ * in_c_), bias(out_c_);
    for (auto& v : input) v = dist(Rng());
    for (auto& v : filter) v = dist(Rng());
    for (auto& v : bias) v = dist(Rng());
    const float act_min = act_min_ == 0 ? -1e30f : -0.5f, act_max = act_max_ == 255 ? 1e30f : 0.75f;
    const size_t out_size = static_cast<size_t>(batches_) * out_h * out_w * out_c_;
    std::vector<float> out(out_size, 1234.5f), want(out_size, -99.0f);
    auto p = liteq_test::ConvGeometry<liteq::ConvParams>(sh_, sw_, dh_, dw_, pad_top, pad_left);
    p.float_act_min = act_min;
    p.float_act_max = act_max;
    Blob b = Blob::Of(p);
    auto tin = MakeTensor(DType::kFloat32, {batches_, in_h_, in_w_, in_c_}, input);
    auto tf = MakeTensor(DType::kFloat32, {out_c_, fh_, fw_, in_c_}, filter);
    auto tb = MakeTensor(DType::kFloat32, {out_c_}, bias);
    auto tout = MakeTensor(DType::kFloat32, {batches_, out_h, out_w, out_c_}, out);
    tf.is_constant = tb.is_constant = constant_weights_;
    std::vector<const liteq::Tensor*> inputs = {&tin, &tf};
    if (bias_) inputs.push_back(&tb);
    LQ_CHECK_EQ(RunLikePlan("conv_2d_f32", b, inputs, &tout, threads_), 0);
    const liteq::reference::ConvShape s = {batches_, in_h_, in_w_, in_c_, out_h, out_w, out_c_, fh_, fw_,
                                           sh_,      sw_,   dh_,   dw_,   pad_top, pad_left};
    liteq::reference::ConvFloat(s, input.data(), filter.data(), bias_ ? bias.data() : nullptr, act_min, act_max,
                                want.data(), 0, batches_ * out_h);
    LQ_CHECK(std::memcmp(out.data(), want.data(), out_size * sizeof(float)) == 0);
  }

 private:
  int batches_ = 1, in_h_ = 5, in_w_ = 5, in_c_ = 3, out_c_ = 4, fh_ = 1, fw_ = 1, sh_ = 1, sw_ = 1, dh_ = 1, dw_ = 1;
  bool same_ = false, per_channel_ = false, bias_ = true;
  int zin_ = 0, zf_ = 0, zout_ = 0, act_min_ = 0, act_max_ = 255, rounding_ = 1, shift_lo_ = -12, shift_hi_ = -4;
  bool fused_add_ = false;
  int threads_ = 1;
  bool constant_weights_ = true;
};

// Random conv shapes around the micro-kernel's tiles (4 rows, 16 columns, k pairs).
template <typename T>
void RandomConvs(int count, bool per_channel) {
  const bool u8 = std::is_same<T, uint8_t>::value;
  const int lo = u8 ? 0 : -128, hi = u8 ? 255 : 127;
  // 20 / 21 / 64 channels: filter rows of 60 / 63 / 64 bytes at 3 taps, around the 61-byte
  // small-row im2col (q8_gemm.h Im2colSmallAvx512).
  const int cin[] = {1, 2, 3, 7, 8, 15, 16, 17, 33, 20, 21, 64};
  const int cout[] = {1, 3, 8, 15, 16, 17, 24, 31, 33};
  for (auto isa : IsaLevels()) {
    liteq::q8_gemm::SetIsaCapForTesting(isa);
    for (int i = 0; i < count; ++i) {
      const int f = RandInt(0, 4);
      const int fh = f == 0 ? 1 : f == 1 ? 3 : f == 4 ? 5 : RandInt(1, 3), fw = f == 0 ? 1 : f == 1 ? 3 : f == 4 ? 5 : RandInt(1, 3);
      const int zin = RandInt(0, 3) == 0 ? (u8 ? 128 : 0) : RandInt(lo, hi);
      const int zf = u8 ? (RandInt(0, 2) == 0 ? 128 : RandInt(0, 255)) : (RandInt(0, 3) == 0 ? RandInt(-128, 127) : 0);
      const int clamp_lo = RandInt(0, 2) == 0 ? RandInt(lo, lo + 100) : lo;
      const int clamp_hi = RandInt(0, 2) == 0 ? RandInt(clamp_lo, hi) : hi;
      const int shift_lo = RandInt(-14, 0);
      ConvOptTester()
          .batches(RandInt(1, 2))
          .input_size(RandInt(1, 11), RandInt(1, 11))
          .channels(cin[RandInt(0, 11)], cout[RandInt(0, 8)])
          .filter(fh, fw)
          .stride(RandInt(1, 2), RandInt(1, 2))
          .dilation(RandInt(0, 4) == 0 ? 2 : 1, RandInt(0, 4) == 0 ? 2 : 1)
          .same_padding(RandInt(0, 1) == 1)
          .zero_points(zin, zf, RandInt(lo, hi))
          .clamp(clamp_lo, clamp_hi)
          .per_channel(per_channel)
          .rounding(RandInt(0, 1))
          .shift_range(shift_lo, std::min(shift_lo + RandInt(0, 6), 2))
          .bias(RandInt(0, 5) != 0)
          .threads(RandInt(1, 3))
          .constant_weights(RandInt(0, 2) != 0)
          .Test<T>();
    }
  }
  liteq::q8_gemm::SetIsaCapForTesting(liteq::q8_gemm::Isa::kAvx512Vnni);  // no cap
}

}  // namespace

// conv_2d_{u8,i8}_add at every ISA level: tasks that split rows (the ADD per finished row range) and,
// with few pixels and many channels on 2-3 threads, tasks that split columns (the ADD after the GEMM);
// non-constant weights (packed per run) and the reference conv (a shape the GEMM does not take) too.
LQ_TEST(ConvOptFusedAdd) {
  for (auto isa : IsaLevels()) {
    liteq::q8_gemm::SetIsaCapForTesting(isa);
    for (int i = 0; i < 24; ++i) {
      const bool u8 = i % 2 == 0;
      const int threads = RandInt(1, 3);
      ConvOptTester t;
      t.fused_add(true).threads(threads).bias(RandInt(0, 4) != 0).constant_weights(RandInt(0, 3) != 0).rounding(RandInt(0, 1));
      if (i == 1) {  // an output past kPairTableMinElements: the ADD by pair table where lookups are fast
        t.input_size(64, 64 + RandInt(0, 3)).channels(RandInt(8, 16), 24);
      } else if (i % 3 == 0) {
        t.input_size(RandInt(3, 4), RandInt(3, 4)).channels(RandInt(150, 300), RandInt(100, 200)).filter(3, 3).same_padding(true);
      } else {
        t.batches(RandInt(1, 2)).input_size(RandInt(1, 19), RandInt(1, 19)).channels(RandInt(1, 40), RandInt(1, 40))
            .filter(RandInt(1, 3), RandInt(1, 3)).stride(RandInt(1, 2), 1).same_padding(RandInt(0, 1) == 1);
      }
      if (u8) {
        t.zero_points(RandInt(0, 255), RandInt(0, 255), RandInt(0, 255)).Test<uint8_t>();
      } else {
        t.per_channel(RandInt(0, 3) != 0).zero_points(RandInt(-128, 127), 0, RandInt(-128, 127)).clamp(-128, 127).Test<int8_t>();
      }
    }
  }
  liteq::q8_gemm::SetIsaCapForTesting(liteq::q8_gemm::Isa::kAvx512Vnni);  // no cap
}

LQ_TEST(ConvOptUint8Random) { RandomConvs<uint8_t>(150, false); }
LQ_TEST(ConvOptInt8PerChannelRandom) { RandomConvs<int8_t>(150, true); }
LQ_TEST(ConvOptInt8PerTensorRandom) { RandomConvs<int8_t>(40, false); }

LQ_TEST(ConvOptMobileNetLikeShapes) {
  for (auto isa : IsaLevels()) {
    liteq::q8_gemm::SetIsaCapForTesting(isa);
    for (int threads : {1, 2}) {
      // First layer: 3x3 stride 2 SAME over RGB; pointwise expand/project; a 3x3 box-predictor conv;
      // a deep pointwise with K beyond one A block (K = 1000 > block bytes / rows).
      ConvOptTester().input_size(33, 31).channels(3, 32).filter(3, 3).stride(2, 2).same_padding(true)
          .zero_points(128, 120, 0).clamp(0, 255).threads(threads).Test<uint8_t>();
      ConvOptTester().input_size(19, 19).channels(96, 24).zero_points(3, 140, 129).clamp(0, 255)
          .threads(threads).Test<uint8_t>();
      ConvOptTester().input_size(10, 10).channels(64, 12).filter(3, 3).same_padding(true)
          .zero_points(7, 133, 200).clamp(0, 255).threads(threads).Test<uint8_t>();
      ConvOptTester().input_size(3, 5).channels(1000, 40).zero_points(255, 1, 17).clamp(10, 240)
          .shift_range(-18, -14).threads(threads).Test<uint8_t>();
      ConvOptTester().batches(2).input_size(7, 7).channels(160, 48).per_channel(true).zero_points(-5, 0, -128)
          .clamp(-128, 127).threads(threads).Test<int8_t>();
      // Large shifts both ways: left shifts that wrap, right shifts of 31.
      ConvOptTester().input_size(4, 4).channels(8, 17).zero_points(0, 0, 0).shift_range(25, 31).threads(threads)
          .Test<uint8_t>();
      ConvOptTester().input_size(4, 4).channels(8, 17).zero_points(0, 255, 0).shift_range(-31, -28).threads(threads)
          .Test<uint8_t>();
      // Right shifts either side of the VNNI one-step limit (q8_gemm.h kMaxOneStepShift), both roundings,
      // extreme output zero points (folded into the one-step constant).
      for (int rounding : {0, 1}) {
        ConvOptTester().input_size(5, 4).channels(40, 33).zero_points(255, 0, 255).shift_range(-24, -20).rounding(rounding)
            .clamp(0, 255).threads(threads).Test<uint8_t>();
        ConvOptTester().input_size(5, 4).channels(40, 33).per_channel(true).zero_points(-128, 0, -128).shift_range(-23, -21)
            .rounding(rounding).clamp(-128, 127).threads(threads).Test<int8_t>();
        ConvOptTester().input_size(5, 4).channels(40, 33).per_channel(true).zero_points(127, 0, 127).shift_range(-22, 0)
            .rounding(rounding).clamp(-128, 127).threads(threads).Test<int8_t>();
      }
    }
  }
  liteq::q8_gemm::SetIsaCapForTesting(liteq::q8_gemm::Isa::kAvx512Vnni);  // no cap
}

namespace {

template <typename T>
void TestFullyConnected(int batches, int depth, int units, const QuantParams& qp, int shift, bool with_bias, int threads) {
  const DType dtype = std::is_same<T, uint8_t>::value ? DType::kUInt8 : DType::kInt8;
  std::vector<T> input(static_cast<size_t>(batches) * depth), weights(static_cast<size_t>(units) * depth);
  for (auto& v : input) v = RandQ<T>();
  for (auto& v : weights) v = RandQ<T>();
  std::vector<int32_t> bias(units);
  for (auto& v : bias) v = RandInt(-30000, 30000);
  const int32_t mult = RandInt(1 << 30, std::numeric_limits<int32_t>::max());
  std::vector<T> out(static_cast<size_t>(batches) * units, static_cast<T>(0x77)), want(out.size(), static_cast<T>(0x11));
  liteq::FullyConnectedParams p{};
  p.input_offset = -qp.input_zero;
  p.filter_offset = -qp.filter_zero;
  p.output_offset = qp.output_zero;
  p.multiplier = mult;
  p.shift = shift;
  p.act_min = qp.act_min;
  p.act_max = qp.act_max;
  p.rounding = qp.rounding;
  Blob b = Blob::Of(p);
  auto tin = MakeTensor(dtype, {batches, depth}, input);
  auto tw = MakeTensor(dtype, {units, depth}, weights);
  auto tb = MakeTensor(DType::kInt32, {units}, bias);
  auto tout = MakeTensor(dtype, {batches, units}, out);
  tw.is_constant = tb.is_constant = RandInt(0, 2) != 0;
  std::vector<const liteq::Tensor*> inputs = {&tin, &tw};
  if (with_bias) inputs.push_back(&tb);
  LQ_CHECK_EQ(RunLikePlan(dtype == DType::kUInt8 ? "fully_connected_u8" : "fully_connected_i8", b, inputs, &tout, threads), 0);
  const liteq::reference::QuantizedFullyConnectedParams q = {-qp.input_zero, -qp.filter_zero, qp.output_zero, mult, shift,
                                                             qp.act_min, qp.act_max,
                                                             static_cast<liteq::reference::Rounding>(qp.rounding)};
  liteq::reference::FullyConnectedQuantized<T>(depth, units, q, input.data(), weights.data(),
                                               with_bias ? bias.data() : nullptr, want.data(), 0, batches);
  size_t mismatches = 0;
  for (size_t i = 0; i < out.size(); ++i) mismatches += out[i] != want[i];
  if (mismatches) std::fprintf(stderr, "  fc %dx%d -> %d t=%d\n", batches, depth, units, threads);
  LQ_CHECK_EQ(mismatches, size_t{0});
}

template <typename T>
void RandomFullyConnected(int count) {
  const bool u8 = std::is_same<T, uint8_t>::value;
  const int lo = u8 ? 0 : -128, hi = u8 ? 255 : 127;
  for (auto isa : IsaLevels()) {
    liteq::q8_gemm::SetIsaCapForTesting(isa);
    for (int i = 0; i < count; ++i) {
      QuantParams qp;
      qp.input_zero = RandInt(lo, hi);
      qp.filter_zero = u8 ? RandInt(0, 255) : 0;
      qp.output_zero = RandInt(lo, hi);
      qp.act_min = RandInt(0, 1) ? lo : RandInt(lo, lo + 80);
      qp.act_max = RandInt(0, 1) ? hi : RandInt(qp.act_min, hi);
      qp.rounding = RandInt(0, 1);
      TestFullyConnected<T>(RandInt(1, 13), RandInt(1, 70), RandInt(1, 40), qp, RandInt(-14, 1), RandInt(0, 4) != 0,
                            RandInt(1, 3));
    }
  }
  liteq::q8_gemm::SetIsaCapForTesting(liteq::q8_gemm::Isa::kAvx512Vnni);  // no cap
}

}  // namespace

LQ_TEST(FullyConnectedOptUint8Random) { RandomFullyConnected<uint8_t>(120); }
LQ_TEST(FullyConnectedOptInt8Random) { RandomFullyConnected<int8_t>(120); }

LQ_TEST(FullyConnectedOptLargeDepth) {
  QuantParams qp;
  qp.input_zero = 128, qp.filter_zero = 131, qp.output_zero = 90, qp.act_min = 0, qp.act_max = 255;
  for (int threads : {1, 2}) {
    TestFullyConnected<uint8_t>(1, 1280, 1001, qp, -9, true, threads);
    TestFullyConnected<uint8_t>(5, 1023, 33, qp, -9, true, threads);
  }
}

LQ_TEST(ConvOptFloatRandom) {
  const int cin[] = {1, 3, 8, 16, 17, 33};
  // Output channels below, at and above the 16-wide tile, and partial tiles of 1..7 and 9..15 lanes
  // (the micro-kernel's masked stores).
  const int cout[] = {1, 3, 5, 8, 12, 16, 17, 24, 28, 33, 40};
  for (auto isa : IsaLevels()) {
    liteq::q8_gemm::SetIsaCapForTesting(isa);
    for (int i = 0; i < 120; ++i) {
      const int f = RandInt(0, 3);
      ConvOptTester()
          .batches(RandInt(1, 2))
          .input_size(RandInt(1, 12), RandInt(1, 12))
          .channels(cin[RandInt(0, 5)], cout[RandInt(0, 10)])
          .filter(f == 0 ? 1 : f == 1 ? 5 : RandInt(1, 3), f == 0 ? 1 : f == 1 ? 5 : RandInt(1, 3))
          .stride(RandInt(1, 2), RandInt(1, 2))
          .dilation(RandInt(0, 4) == 0 ? 2 : 1, RandInt(0, 4) == 0 ? 2 : 1)
          .same_padding(RandInt(0, 1) == 1)
          .clamp(RandInt(0, 1) ? 0 : 1, RandInt(0, 1) ? 255 : 100)
          .bias(RandInt(0, 4) != 0)
          .threads(RandInt(1, 3))
          .constant_weights(RandInt(0, 2) != 0)
          .TestFloat();
    }
  }
  liteq::q8_gemm::SetIsaCapForTesting(liteq::q8_gemm::Isa::kAvx512Vnni);  // no cap
}

LQ_TEST(FullyConnectedOptFloatRandom) {
  std::uniform_real_distribution<float> dist(-1.0f, 1.0f);
  for (auto isa : IsaLevels()) {
    liteq::q8_gemm::SetIsaCapForTesting(isa);
    for (int i = 0; i < 80; ++i) {
      const int batches = RandInt(1, 9), depth = RandInt(1, 300), units = RandInt(1, 40), threads = RandInt(1, 3);
      const bool with_bias = RandInt(0, 3) != 0;
      std::vector<float> input(static_cast<size_t>(batches) * depth), weights(static_cast<size_t>(units) * depth), bias(units);
      for (auto& v : input) v = dist(Rng());
      for (auto& v : weights) v = dist(Rng());
      for (auto& v : bias) v = dist(Rng());
      const float act_min = RandInt(0, 1) ? -1e30f : 0.0f, act_max = RandInt(0, 1) ? 1e30f : 6.0f;
      std::vector<float> out(static_cast<size_t>(batches) * units, 77.0f), want(out.size(), -1.0f);
      liteq::FullyConnectedParams p{};
      p.float_act_min = act_min;
      p.float_act_max = act_max;
      Blob b = Blob::Of(p);
      auto tin = MakeTensor(DType::kFloat32, {batches, depth}, input);
      auto tw = MakeTensor(DType::kFloat32, {units, depth}, weights);
      auto tb = MakeTensor(DType::kFloat32, {units}, bias);
      auto tout = MakeTensor(DType::kFloat32, {batches, units}, out);
      tw.is_constant = tb.is_constant = RandInt(0, 2) != 0;
      std::vector<const liteq::Tensor*> inputs = {&tin, &tw};
      if (with_bias) inputs.push_back(&tb);
      LQ_CHECK_EQ(RunLikePlan("fully_connected_f32", b, inputs, &tout, threads), 0);
      liteq::reference::FullyConnectedFloat(depth, units, input.data(), weights.data(), with_bias ? bias.data() : nullptr,
                                            act_min, act_max, want.data(), 0, batches);
      LQ_CHECK(std::memcmp(out.data(), want.data(), out.size() * sizeof(float)) == 0);
    }
  }
  liteq::q8_gemm::SetIsaCapForTesting(liteq::q8_gemm::Isa::kAvx512Vnni);  // no cap
}
