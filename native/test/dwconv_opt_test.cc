// The optimized quantized DEPTHWISE_CONV_2D (dwconv/q8_dwconv.h; x86/q8_dwconv_*.cc) against the reference loops, bit for
// bit, at every ISA level this CPU has, with 1 and 2 threads: a builder-style tester (XNNPACK's
// dwconv-microkernel-tester habit) over channels below/at/above the SIMD tiles, odd sizes, strides,
// dilations, paddings, zero points, clamps that bite, exact rounding ties and both rounding modes.
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "heavy_op_util.h"
#include "kernels/dwconv/q8_dwconv.h"
#include "liteq/liteq.h"
#include "runtime/thread_pool.h"
#include "testing.h"

using liteq::DType;
using liteq_test::Blob;
using liteq_test::MakeTensor;
namespace dwconv = liteq::dwconv;

namespace {

class DwconvTester {
 public:
  DwconvTester& Batch(int v) { batch_ = v; return *this; }
  DwconvTester& Input(int h, int w) { in_h_ = h; in_w_ = w; return *this; }
  DwconvTester& Channels(int v) { channels_ = v; return *this; }
  DwconvTester& Kernel(int h, int w) { kh_ = h; kw_ = w; return *this; }
  DwconvTester& Stride(int h, int w) { sh_ = h; sw_ = w; return *this; }
  DwconvTester& Dilation(int h, int w) { dh_ = h; dw_ = w; return *this; }
  // Padding before (top/left) and after (bottom/right); the kernels see only the "before" part.
  DwconvTester& Padding(int top, int left, int bottom, int right) { pt_ = top; pl_ = left; pb_ = bottom; pr_ = right; return *this; }
  DwconvTester& Same() { same_ = true; return *this; }
  DwconvTester& InputZero(int v) { zin_ = v; return *this; }
  DwconvTester& FilterZero(int v) { zw_ = v; return *this; }
  DwconvTester& OutputZero(int v) { zout_ = v; return *this; }
  DwconvTester& Clamp(int lo, int hi) { qmin_ = lo; qmax_ = hi; return *this; }
  DwconvTester& PerChannel(bool v) { per_channel_ = v; return *this; }
  DwconvTester& Rounding(int v) { rounding_ = v; return *this; }
  DwconvTester& Bias(bool v) { bias_ = v; return *this; }
  // Multipliers of exactly 0.5 (1 << 30) make every odd high-mul input a tie.
  DwconvTester& TieMultipliers(bool v) { ties_ = v; return *this; }
  DwconvTester& Shift(int lo, int hi) { shift_lo_ = lo; shift_hi_ = hi; return *this; }
  DwconvTester& Seed(uint32_t v) { seed_ = v; return *this; }
  // > 1 is not covered by the micro-kernels: checks the fallback to the reference loops.
  DwconvTester& DepthMultiplier(int v) { dm_ = v; return *this; }

  template <typename T>
  void Test() const {
    const bool u8 = std::is_same<T, uint8_t>::value;
    const DType dtype = u8 ? DType::kUInt8 : DType::kInt8;
    const int lo = std::numeric_limits<T>::min(), hi = std::numeric_limits<T>::max();
    std::mt19937 rng(seed_);
    std::uniform_int_distribution<int> byte(lo, hi);
    int pt = pt_, pl = pl_, pb = pb_, pr = pr_;
    const int eff_h = (kh_ - 1) * dh_ + 1, eff_w = (kw_ - 1) * dw_ + 1;
    if (same_) {  // TFLite SAME: out = ceil(in / stride), pad before = floor(total / 2)
      const int oh = (in_h_ + sh_ - 1) / sh_, ow = (in_w_ + sw_ - 1) / sw_;
      const int th = std::max(0, (oh - 1) * sh_ + eff_h - in_h_), tw = std::max(0, (ow - 1) * sw_ + eff_w - in_w_);
      pt = th / 2; pb = th - pt; pl = tw / 2; pr = tw - pl;
    }
    const int out_h = (in_h_ + pt + pb - eff_h) / sh_ + 1, out_w = (in_w_ + pl + pr - eff_w) / sw_ + 1;
    LQ_CHECK(out_h >= 1 && out_w >= 1);
    if (out_h < 1 || out_w < 1) return;
    const int Cin = channels_, C = channels_ * dm_;
    std::vector<T> input(static_cast<size_t>(batch_) * in_h_ * in_w_ * Cin), filter(static_cast<size_t>(kh_) * kw_ * C);
    for (auto& v : input) v = static_cast<T>(byte(rng));
    for (auto& v : filter) v = static_cast<T>(byte(rng));
    std::vector<int32_t> bias(C);
    std::uniform_int_distribution<int32_t> bias_dist(-40000, 40000);
    for (auto& v : bias) v = bias_dist(rng);
    const int nq = per_channel_ ? C : 1;
    std::vector<int32_t> mult(nq), shift(nq);
    std::uniform_int_distribution<int32_t> mult_dist(1 << 30, std::numeric_limits<int32_t>::max());
    std::uniform_int_distribution<int32_t> shift_dist(shift_lo_, shift_hi_);
    for (int i = 0; i < nq; ++i) {
      mult[i] = ties_ ? (1 << 30) : mult_dist(rng);
      shift[i] = shift_dist(rng);
    }
    auto p = liteq_test::ConvGeometry<liteq::DepthwiseConvParams>(sh_, sw_, dh_, dw_, pt, pl);
    p.depth_multiplier = dm_;
    liteq_test::SetConvQuant(p, -zin_, -zw_, zout_, qmin_, qmax_, rounding_, nq);
    Blob b = Blob::Of(p).ints(mult).ints(shift);

    auto tin = MakeTensor(dtype, {batch_, in_h_, in_w_, Cin}, input);
    auto tf = MakeTensor(dtype, {1, kh_, kw_, C}, filter);
    auto tb = MakeTensor(DType::kInt32, {C}, bias);
    std::vector<const liteq::Tensor*> ins = {&tin, &tf};
    if (bias_) ins.push_back(&tb);
    const size_t out_n = static_cast<size_t>(batch_) * out_h * out_w * C;

    auto run = [&](dwconv::Isa isa, int threads, std::vector<T>& out) {
      out.assign(out_n, static_cast<T>(0xA5));  // poison
      auto tout = MakeTensor(dtype, {batch_, out_h, out_w, C}, out);
      liteq::Tensor* outs[1] = {&tout};
      liteq::OpArgs args{b.bytes.data(), b.bytes.size(), ins.data(), static_cast<int>(ins.size()), outs, 1};
      const liteq::KernelInfo* k = liteq::FindKernel(u8 ? "depthwise_conv_2d_u8" : "depthwise_conv_2d_i8");
      LQ_CHECK(k != nullptr);
      if (!k) return -1;
      const int st = k->check(args);
      if (st != LITEQ_OK) return st;
      liteq::ThreadPool pool(threads);
      std::vector<uint8_t> scratch(k->scratch ? k->scratch(args, threads) : 0);
      liteq::OpContext ctx;
      ctx.pool = &pool;
      ctx.num_threads = threads;
      ctx.scratch = scratch.empty() ? nullptr : scratch.data();
      ctx.scratch_bytes = scratch.size();
      return u8 ? dwconv::RunDepthwiseU8(ctx, args, isa) : dwconv::RunDepthwiseS8(ctx, args, isa);
    };
    std::vector<T> want, got;
    LQ_CHECK_EQ(run(dwconv::Isa::kScalar, 1, want), 0);
    const uint32_t features = liteq_cpu_features();
    const bool vnni = (features & LITEQ_CPU_AVX512F) && (features & LITEQ_CPU_AVX512BW) && (features & LITEQ_CPU_AVX512VNNI);
    for (dwconv::Isa isa : {dwconv::Isa::kSse41, dwconv::Isa::kAvx2, dwconv::Isa::kAvx512Vnni, dwconv::Isa::kWasmSimd128}) {
      if (isa == dwconv::Isa::kSse41 && !(features & LITEQ_CPU_SSE41)) continue;
      if (isa == dwconv::Isa::kAvx2 && !(features & LITEQ_CPU_AVX2)) continue;
      if (isa == dwconv::Isa::kAvx512Vnni && !vnni) continue;
      if (isa == dwconv::Isa::kWasmSimd128 && !(features & LITEQ_CPU_WASM_SIMD128)) continue;
      for (int threads : {1, 2}) {
        LQ_CHECK_EQ(run(isa, threads, got), 0);
        size_t mismatches = 0, first = 0;
        for (size_t i = 0; i < out_n; ++i) {
          if (got[i] != want[i] && mismatches++ == 0) first = i;
        }
        if (mismatches) {
          ::liteq_test::ReportFailure(__FILE__, __LINE__,
                                      std::string(u8 ? "u8" : "i8") + " isa " + std::to_string(static_cast<int>(isa)) +
                                          " threads " + std::to_string(threads) + " C " + std::to_string(C) + ": " +
                                          std::to_string(mismatches) + " mismatches, first at " + std::to_string(first) +
                                          " got " + std::to_string(+got[first]) + " want " + std::to_string(+want[first]));
        }
      }
    }
  }

  // Float: random values with a few exact zeros and negative zeros, optional clamp (Clamp's qmin/qmax
  // as floats when FloatClamp is set); compared bit for bit.
  DwconvTester& FloatClamp(bool v) { float_clamp_ = v; return *this; }
  void TestFloat() const {
    std::mt19937 rng(seed_);
    std::uniform_real_distribution<float> val(-2.0f, 2.0f);
    int pt = pt_, pl = pl_, pb = pb_, pr = pr_;
    const int eff_h = (kh_ - 1) * dh_ + 1, eff_w = (kw_ - 1) * dw_ + 1;
    if (same_) {
      const int oh = (in_h_ + sh_ - 1) / sh_, ow = (in_w_ + sw_ - 1) / sw_;
      const int th = std::max(0, (oh - 1) * sh_ + eff_h - in_h_), tw = std::max(0, (ow - 1) * sw_ + eff_w - in_w_);
      pt = th / 2; pb = th - pt; pl = tw / 2; pr = tw - pl;
    }
    const int out_h = (in_h_ + pt + pb - eff_h) / sh_ + 1, out_w = (in_w_ + pl + pr - eff_w) / sw_ + 1;
    if (out_h < 1 || out_w < 1) return;
    const int C = channels_;
    std::vector<float> input(static_cast<size_t>(batch_) * in_h_ * in_w_ * C), filter(static_cast<size_t>(kh_) * kw_ * C), bias(C);
    auto fill = [&](std::vector<float>& v, bool special) {
      for (auto& x : v) {
        const uint32_t r = rng() % 32;
        // NaN and ±inf inputs reach the clamp as NaN or ±inf sums (TFLite 2.9 turns a NaN into max).
        x = r == 0 ? 0.0f : r == 1 ? -0.0f : special && r == 2 ? NAN : special && r == 3 ? INFINITY : special && r == 4 ? -INFINITY : val(rng);
      }
    };
    fill(input, true), fill(filter, false), fill(bias, false);
    auto p = liteq_test::ConvGeometry<liteq::DepthwiseConvParams>(sh_, sw_, dh_, dw_, pt, pl);
    p.depth_multiplier = 1;
    p.float_act_min = float_clamp_ ? -0.5f : -1e30f;
    p.float_act_max = float_clamp_ ? 0.75f : 1e30f;
    Blob b = Blob::Of(p);
    auto tin = MakeTensor(DType::kFloat32, {batch_, in_h_, in_w_, C}, input);
    auto tf = MakeTensor(DType::kFloat32, {1, kh_, kw_, C}, filter);
    auto tb = MakeTensor(DType::kFloat32, {C}, bias);
    std::vector<const liteq::Tensor*> ins = {&tin, &tf};
    if (bias_) ins.push_back(&tb);
    const size_t out_n = static_cast<size_t>(batch_) * out_h * out_w * C;
    auto run = [&](dwconv::Isa isa, int threads, std::vector<float>& out) {
      out.assign(out_n, 12345.0f);
      auto tout = MakeTensor(DType::kFloat32, {batch_, out_h, out_w, C}, out);
      liteq::Tensor* outs[1] = {&tout};
      liteq::OpArgs args{b.bytes.data(), b.bytes.size(), ins.data(), static_cast<int>(ins.size()), outs, 1};
      const liteq::KernelInfo* k = liteq::FindKernel("depthwise_conv_2d_f32");
      const int st = k->check(args);
      if (st != LITEQ_OK) return st;
      liteq::ThreadPool pool(threads);
      liteq::OpContext ctx;
      ctx.pool = &pool;
      ctx.num_threads = threads;
      return dwconv::RunDepthwiseF32(ctx, args, isa);
    };
    std::vector<float> want, got;
    LQ_CHECK_EQ(run(dwconv::Isa::kScalar, 1, want), 0);
    const uint32_t features = liteq_cpu_features();
    for (dwconv::Isa isa : {dwconv::Isa::kSse41, dwconv::Isa::kAvx2}) {
      if (isa == dwconv::Isa::kSse41 && !(features & LITEQ_CPU_SSE41)) continue;
      if (isa == dwconv::Isa::kAvx2 && !(features & LITEQ_CPU_AVX2)) continue;
      for (int threads : {1, 2}) {
        LQ_CHECK_EQ(run(isa, threads, got), 0);
        if (std::memcmp(got.data(), want.data(), out_n * sizeof(float)) != 0) {
          ::liteq_test::ReportFailure(__FILE__, __LINE__, "f32 isa " + std::to_string(static_cast<int>(isa)) + " threads " +
                                                              std::to_string(threads) + " C " + std::to_string(C) + ": bits differ");
        }
      }
    }
  }

 private:
  bool float_clamp_ = false;
  int batch_ = 1, in_h_ = 7, in_w_ = 9, channels_ = 16, kh_ = 3, kw_ = 3, sh_ = 1, sw_ = 1, dh_ = 1, dw_ = 1;
  int pt_ = 0, pl_ = 0, pb_ = 0, pr_ = 0;
  bool same_ = false;
  int zin_ = 128, zw_ = 127, zout_ = 128, qmin_ = 0, qmax_ = 255;
  bool per_channel_ = false;
  int rounding_ = 0;
  bool bias_ = true, ties_ = false;
  int shift_lo_ = -12, shift_hi_ = -6;
  uint32_t seed_ = 1;
  int dm_ = 1;
};

DwconvTester U8() { return DwconvTester(); }
DwconvTester S8() { return DwconvTester().InputZero(-3).FilterZero(0).OutputZero(5).Clamp(-128, 127).PerChannel(true); }

const int kChannels[] = {1, 3, 7, 8, 9, 15, 16, 17, 24, 31, 32, 33, 40, 48, 64, 96};

}  // namespace

LQ_TEST(DwconvOptU8SameStride1Channels) {
  for (int c : kChannels) U8().Channels(c).Same().Seed(c).Test<uint8_t>();
}

LQ_TEST(DwconvOptU8SameStride2Channels) {
  for (int c : kChannels) U8().Channels(c).Same().Stride(2, 2).Input(9, 10).Seed(100 + c).Test<uint8_t>();
}

LQ_TEST(DwconvOptI8PerChannelSame) {
  for (int c : kChannels) {
    S8().Channels(c).Same().Seed(200 + c).Test<int8_t>();
    S8().Channels(c).Same().Stride(2, 2).Input(8, 11).Seed(300 + c).Test<int8_t>();
  }
}

LQ_TEST(DwconvOptZeroPointsAndClamps) {
  for (int zin : {0, 128, 255, 77}) {
    for (int zw : {0, 128, 1, 255}) {
      U8().Channels(24).Same().InputZero(zin).FilterZero(zw).OutputZero(zin ^ 1).Seed(zin * 7 + zw).Test<uint8_t>();
    }
  }
  U8().Channels(33).Same().Clamp(40, 200).Test<uint8_t>();
  U8().Channels(33).Same().Clamp(128, 128).Test<uint8_t>();
  U8().Channels(16).Same().Shift(-4, -2).Test<uint8_t>();  // saturates most outputs
  S8().Channels(40).Same().Clamp(-20, 90).Test<int8_t>();
  S8().Channels(17).Same().InputZero(-128).FilterZero(3).PerChannel(false).Test<int8_t>();
  S8().Channels(17).Same().InputZero(127).OutputZero(-128).Test<int8_t>();
}

LQ_TEST(DwconvOptRoundingTiesAndShifts) {
  for (int rounding : {0, 1}) {
    for (bool per_channel : {false, true}) {
      U8().Channels(40).Same().Rounding(rounding).PerChannel(per_channel).TieMultipliers(true).Seed(7).Test<uint8_t>();
      U8().Channels(40).Same().Rounding(rounding).PerChannel(per_channel).Shift(-31, 1).Seed(8).Test<uint8_t>();
      S8().Channels(24).Same().Rounding(rounding).PerChannel(per_channel).TieMultipliers(true).Seed(9).Test<int8_t>();
      S8().Channels(24).Same().Rounding(rounding).PerChannel(per_channel).Shift(-20, 2).Seed(10).Test<int8_t>();
    }
  }
}

LQ_TEST(DwconvOptPaddingStrideDilationShapes) {
  U8().Channels(16).Padding(0, 0, 0, 0).Test<uint8_t>();                       // VALID
  U8().Channels(19).Padding(2, 3, 2, 1).Test<uint8_t>();                       // padding beyond SAME
  U8().Channels(32).Padding(1, 0, 1, 2).Stride(2, 3).Input(11, 13).Test<uint8_t>();
  U8().Channels(24).Same().Dilation(2, 2).Input(9, 9).Test<uint8_t>();
  U8().Channels(17).Padding(1, 1, 0, 0).Dilation(2, 3).Stride(1, 2).Input(10, 12).Test<uint8_t>();
  U8().Channels(8).Same().Kernel(5, 5).Input(7, 8).Test<uint8_t>();
  U8().Channels(48).Same().Kernel(5, 5).Stride(2, 2).Input(9, 9).Test<uint8_t>();
  U8().Channels(20).Padding(0, 1, 0, 1).Kernel(1, 3).Test<uint8_t>();
  U8().Channels(9).Padding(0, 0, 0, 0).Kernel(1, 1).Test<uint8_t>();
  U8().Channels(40).Same().Kernel(2, 4).Input(5, 6).Test<uint8_t>();
  U8().Channels(16).Same().Input(1, 1).Test<uint8_t>();                       // every tap but one is padding
  U8().Channels(16).Same().Input(2, 1).Stride(2, 2).Test<uint8_t>();
  U8().Channels(25).Padding(3, 3, 3, 3).Input(2, 2).Test<uint8_t>();          // pixels entirely in padding
  U8().Channels(16).Same().Batch(3).Input(5, 4).Test<uint8_t>();
  U8().Channels(32).Same().Bias(false).Test<uint8_t>();
  S8().Channels(33).Padding(1, 2, 2, 1).Stride(2, 1).Dilation(1, 2).Input(9, 11).Test<int8_t>();
  S8().Channels(16).Same().Kernel(7, 7).Input(8, 8).Test<int8_t>();
  U8().Channels(5).Same().DepthMultiplier(3).Test<uint8_t>();
  S8().Channels(8).Same().Stride(2, 2).DepthMultiplier(2).Test<int8_t>();
}

// The VNNI quads layout (64-channel blocks, four taps per vpdpbusd) where every w' fits a signed byte:
// int8 filters, and uint8 ones with zero point 128; channels below, at and above whole 64-blocks (the
// rest in the 32/16/8-channel paths; exactly 32: two pixels per step), 3x3 and 5x5 (quads padded with zero-weight taps), both roundings,
// clamps that cut and the full range (saturating packs), and a uint8 filter one byte out of range
// (zero point 127: w' = 128), which keeps the int16 layout.
LQ_TEST(DwconvOptQuads) {
  for (int c : {32, 64, 65, 96, 128, 144, 200, 960}) {
    S8().Channels(c).Same().Seed(500 + c).Test<int8_t>();
    S8().Channels(c).Same().Stride(2, 2).Input(9, 8).Rounding(1).Seed(600 + c).Test<int8_t>();
    U8().Channels(c).Same().FilterZero(128).Seed(700 + c).Test<uint8_t>();
    U8().Channels(c).Same().FilterZero(128).Clamp(20, 230).Rounding(1).Seed(800 + c).Test<uint8_t>();
  }
  S8().Channels(128).Same().Kernel(5, 5).Input(8, 9).Clamp(-100, 60).Seed(901).Test<int8_t>();
  S8().Channels(64).Same().TieMultipliers(true).Seed(902).Test<int8_t>();
  S8().Channels(192).Same().Shift(-22, -1).Seed(903).Test<int8_t>();
  U8().Channels(64).Same().FilterZero(128).InputZero(0).OutputZero(255).Seed(904).Test<uint8_t>();
  U8().Channels(64).Same().FilterZero(127).Seed(905).Test<uint8_t>();
  S8().Channels(64).Same().Batch(2).Input(3, 17).Seed(906).Test<int8_t>();
  // 32 channels: two pixels per step; odd interior runs leave one pixel to the 32-channel path.
  for (int w : {2, 3, 4, 5, 8, 11}) {
    S8().Channels(32).Same().Input(4, w).Seed(910 + w).Test<int8_t>();
    U8().Channels(32).Same().FilterZero(128).Stride(1, 2).Input(5, w).Seed(920 + w).Test<uint8_t>();
  }
}

LQ_TEST(DwconvOptSsdShapes) {
  // The 3x3 stride 1 / stride 2 SAME layers of SSD MobileNet v2 (channels 32..960), scaled down spatially.
  U8().Channels(144).Same().Stride(2, 2).Input(19, 19).Seed(11).Test<uint8_t>();
  U8().Channels(960).Same().Input(5, 5).Seed(12).Test<uint8_t>();
  U8().Channels(96).Same().Input(12, 12).Clamp(0, 180).Seed(13).Test<uint8_t>();
}

LQ_TEST(DwconvOptF32) {
  for (int c : kChannels) {
    U8().Channels(c).Same().Seed(400 + c).TestFloat();
    U8().Channels(c).Same().Stride(2, 2).Input(9, 8).FloatClamp(true).Seed(500 + c).TestFloat();
  }
  U8().Channels(19).Padding(2, 3, 2, 1).TestFloat();
  U8().Channels(32).Padding(1, 0, 1, 2).Stride(2, 3).Input(11, 13).Bias(false).TestFloat();
  U8().Channels(24).Same().Dilation(2, 2).Input(9, 9).TestFloat();
  U8().Channels(17).Same().Kernel(5, 5).Input(7, 8).Batch(2).TestFloat();
  U8().Channels(16).Same().Input(1, 1).TestFloat();
  U8().Channels(25).Padding(3, 3, 3, 3).Input(2, 2).TestFloat();
  // Rows of 4-pixel groups plus 0-3 single pixels; channels with a 4-lane step and scalar rest.
  for (int c : {4, 5, 12, 28, 36, 42, 44}) {
    for (int w : {6, 7, 17}) U8().Channels(c).Same().Input(5, w).Seed(600 + c * 31 + w).FloatClamp(c % 2 == 0).TestFloat();
  }
}
