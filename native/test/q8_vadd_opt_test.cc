// The AVX2 quantized ADD/SUB (x86/q8_vadd_8x__avx2.cc) and the threaded same-shape add_u8 / sub_i8
// kernels against reference/add.h's QuantizedAddElement, bit for bit: lengths around the 8-lane
// tile, zero points, clamps that bite, multipliers at ties (1 << 30) and extreme shifts.
#include <algorithm>
#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "heavy_op_util.h"
#include "kernels/lut.h"
#include "kernels/reference/add.h"
#include "kernels/vadd/q8_vadd.h"
#include "liteq/liteq.h"
#include "runtime/thread_pool.h"
#include "testing.h"

using liteq::DType;
using liteq::reference::QuantizedAddSpec;
using liteq_test::Blob;
using liteq_test::MakeTensor;

namespace {

template <typename T>
QuantizedAddSpec RandomSpec(std::mt19937& rng, bool ties, int out_shift_lo, int out_shift_hi) {
  const int lo = std::numeric_limits<T>::min(), hi = std::numeric_limits<T>::max();
  std::uniform_int_distribution<int> zp(lo, hi), clamp_lo(lo, lo + 40), clamp_hi(hi - 40, hi);
  std::uniform_int_distribution<int32_t> mult(1 << 30, std::numeric_limits<int32_t>::max());
  std::uniform_int_distribution<int> in_shift(-4, 0), out_shift(out_shift_lo, out_shift_hi);
  QuantizedAddSpec s;
  s.input1_offset = -zp(rng);
  s.input2_offset = -zp(rng);
  s.output_offset = zp(rng);
  s.left_shift = 20;
  s.input1_multiplier = ties ? 1 << 30 : mult(rng);
  s.input1_shift = in_shift(rng);
  s.input2_multiplier = ties ? 1 << 30 : mult(rng);
  s.input2_shift = in_shift(rng);
  s.output_multiplier = ties ? 1 << 30 : mult(rng);
  s.output_shift = out_shift(rng);
  s.activation_min = clamp_lo(rng);
  s.activation_max = clamp_hi(rng);
  return s;
}

// The SIMD kernel this CPU (or WebAssembly build) has: AVX2, or SIMD128.
template <typename T>
void CheckVadd(uint32_t seed, size_t n, bool ties, int out_shift_lo, int out_shift_hi) {
  const bool wasm = (liteq_cpu_features() & LITEQ_CPU_WASM_SIMD128) != 0;
  if (!wasm && !(liteq_cpu_features() & LITEQ_CPU_AVX2)) return;
  std::mt19937 rng(seed);
  const QuantizedAddSpec s = RandomSpec<T>(rng, ties, out_shift_lo, out_shift_hi);
  LQ_CHECK(liteq::vadd::Covers<T>(s));
  std::uniform_int_distribution<int> byte(std::numeric_limits<T>::min(), std::numeric_limits<T>::max());
  std::vector<T> a(n), b(n), got(n, static_cast<T>(0x5A)), want(n);
  for (size_t i = 0; i < n; ++i) a[i] = static_cast<T>(byte(rng)), b[i] = static_cast<T>(byte(rng));
  for (bool subtract : {false, true}) {
    for (size_t i = 0; i < n; ++i) want[i] = static_cast<T>(liteq::reference::QuantizedAddElement(s, a[i], b[i], subtract));
    if constexpr (std::is_same<T, uint8_t>::value) {
      (wasm ? liteq::vadd::QU8VaddWasmSimd : liteq::vadd::QU8VaddAvx2)(s, subtract, a.data(), b.data(), n, got.data());
    } else {
      (wasm ? liteq::vadd::QS8VaddWasmSimd : liteq::vadd::QS8VaddAvx2)(s, subtract, a.data(), b.data(), n, got.data());
    }
    size_t bad = 0;
    for (size_t i = 0; i < n; ++i) bad += got[i] != want[i];
    if (bad) {
      ::liteq_test::ReportFailure(__FILE__, __LINE__, "seed " + std::to_string(seed) + " n " + std::to_string(n) + ": " +
                                                          std::to_string(bad) + " mismatches");
    }
  }
}

}  // namespace

LQ_TEST(VaddOptAvx2MatchesReference) {
  for (size_t n = 1; n <= 40; ++n) {
    CheckVadd<uint8_t>(static_cast<uint32_t>(n), n, false, -20, -16);
    CheckVadd<int8_t>(static_cast<uint32_t>(n + 100), n, false, -20, -16);
  }
  for (uint32_t seed = 0; seed < 20; ++seed) {
    CheckVadd<uint8_t>(seed, 1000 + seed, seed & 1, -22, -12);  // some saturate, some ties
    CheckVadd<int8_t>(seed, 1000 + seed, seed & 1, -22, -12);
    CheckVadd<uint8_t>(seed + 50, 333, false, -31, 2);  // extreme shifts
    CheckVadd<int8_t>(seed + 50, 333, false, -31, 2);
  }
}

LQ_TEST(VaddOptThreadedKernelMatchesReference) {
  // add/sub u8/i8 through the registry on a 2-thread pool: several 4096-element blocks plus a tail,
  // with the arithmetic kernels and with the plan-time pair table (kernels/lut.h LookupPairs).
  std::mt19937 rng(9);
  for (int threads : {1, 2}) {
    for (int op = 0; op < 4; ++op) {
      const bool u8 = op % 2 == 0, subtract = op >= 2;
      const int n = 16 * 4096 + 13;  // past kPairTableMinElements: a table where lookups are fast
      std::vector<uint8_t> x(n), y(n), out(n, 0xEE);
      for (int i = 0; i < n; ++i) x[i] = static_cast<uint8_t>(rng()), y[i] = static_cast<uint8_t>(rng());
      const QuantizedAddSpec s = u8 ? RandomSpec<uint8_t>(rng, false, -20, -16) : RandomSpec<int8_t>(rng, false, -20, -16);
      liteq::ElementwiseParams p{};
      p.input1_offset = s.input1_offset;
      p.input2_offset = s.input2_offset;
      p.output_offset = s.output_offset;
      p.left_shift = s.left_shift;
      p.input1_multiplier = s.input1_multiplier;
      p.input1_shift = s.input1_shift;
      p.input2_multiplier = s.input2_multiplier;
      p.input2_shift = s.input2_shift;
      p.output_multiplier = s.output_multiplier;
      p.output_shift = s.output_shift;
      p.activation_min = s.activation_min;
      p.activation_max = s.activation_max;
      Blob b = Blob::Of(p);
      const DType dt = u8 ? DType::kUInt8 : DType::kInt8;
      auto tx = MakeTensor(dt, {1, 7, n / 7 + 1}, x);
      tx.dims[2] = n, tx.dims[1] = 1;
      auto ty = tx, tout = tx;
      ty.data = y.data();
      tout.data = out.data();
      const std::string name = std::string(subtract ? "sub" : "add") + (u8 ? "_u8" : "_i8");
      const liteq::KernelInfo* k = liteq::FindKernel(name);
      const liteq::Tensor* ins[2] = {&tx, &ty};
      liteq::Tensor* outs[1] = {&tout};
      liteq::OpArgs args{b.bytes.data(), b.bytes.size(), ins, 2, outs, 1};
      LQ_CHECK_EQ(k->check(args), 0);
      liteq::ThreadPool pool(threads);
      liteq::OpContext ctx;
      ctx.pool = &pool;
      ctx.num_threads = threads;
      // Without and with the plan-time pair table (built where gathers are fast: the AVX-512 levels).
      std::vector<uint8_t> table;
      const size_t table_bytes = k->prepare ? k->prepare(args, nullptr) : 0;
      LQ_CHECK_EQ(table_bytes != 0, liteq::PairLookupIsFast());
      for (bool prepared : {false, true}) {
        if (prepared && table_bytes == 0) continue;
        if (prepared) {
          table.assign(table_bytes, 0);
          LQ_CHECK_EQ(k->prepare(args, table.data()), table_bytes);
          ctx.prepared = table.data();
          ctx.prepared_bytes = table_bytes;
        }
        std::fill(out.begin(), out.end(), uint8_t{0xEE});
        LQ_CHECK_EQ(k->run(ctx, args), 0);
        int bad = 0;
        for (int i = 0; i < n; ++i) {
          const int32_t want = u8 ? liteq::reference::QuantizedAddElement(s, x[i], y[i], subtract)
                                  : liteq::reference::QuantizedAddElement(s, static_cast<int8_t>(x[i]), static_cast<int8_t>(y[i]), subtract);
          bad += static_cast<uint8_t>(want) != out[i];
        }
        LQ_CHECK_EQ(bad, 0);
      }
    }
  }
}
