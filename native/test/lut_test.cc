// The byte-table lookup behind 8-bit LOGISTIC / TANH / QUANTIZE: the AVX-512 VBMI path (where the CPU
// has it) gives the reference's bytes for every length (tails below, at and above 64) and table.
#include <cstdint>
#include <vector>

#include "kernels/lut.h"
#include "kernels/x86/isa.h"
#include "testing.h"

LQ_TEST(LookupBytesMatchesTheReferenceAtEveryIsa) {
  uint32_t s = 1;
  auto next = [&s] { return s = s * 1664525u + 1013904223u; };
  for (const int64_t n : {int64_t{0}, int64_t{1}, int64_t{63}, int64_t{64}, int64_t{65}, int64_t{127}, int64_t{128}, int64_t{1000}, int64_t{100003}}) {
    uint8_t table[256];
    for (uint8_t& t : table) t = static_cast<uint8_t>(next() >> 24);
    std::vector<uint8_t> in(static_cast<size_t>(n)), want(in.size()), got(in.size() + 1, 0xab);
    for (uint8_t& v : in) v = static_cast<uint8_t>(next() >> 24);
    liteq::reference::LookupBytes(table, in.data(), n, want.data());
    for (const liteq::x86::Isa isa : {liteq::x86::Isa::kAvx2, liteq::x86::Isa::kAvx512, liteq::x86::Isa::kAvx512Vnni}) {
      liteq::x86::SetIsaCapForTesting(isa);
      liteq::LookupBytes(table, in.data(), n, got.data());
      LQ_CHECK(std::vector<uint8_t>(got.begin(), got.begin() + n) == want);
      LQ_CHECK_EQ(static_cast<int>(got[static_cast<size_t>(n)]), 0xab);  // nothing written past n
    }
  }
  liteq::x86::SetIsaCapForTesting(liteq::x86::Isa::kAvx512Vnni);
}
