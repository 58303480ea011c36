// The C ABI contract: version strings, per-thread errors, feature detection, plan validation.
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "liteq/liteq.h"
#include "runtime/error.h"
#include "kernels/x86/isa.h"
#include "runtime/thread_pool.h"
#include "testing.h"

LQ_TEST(AbiVersionAndVersionString) {
  LQ_CHECK_EQ(liteq_abi_version(), LITEQ_ABI_VERSION);
  LQ_CHECK(std::strlen(liteq_version()) >= 5);
  LQ_CHECK_EQ(liteq_cpu_features(), liteq_cpu_features());
}

LQ_TEST(LastErrorIsPerThread) {
  liteq::ClearError();
  LQ_CHECK(std::string(liteq_last_error()).empty());
  LQ_CHECK_EQ(liteq::Fail(LITEQ_E_INVALID_ARGUMENT, "bad shape"), static_cast<int>(LITEQ_E_INVALID_ARGUMENT));
  LQ_CHECK(std::string(liteq_last_error()) == "bad shape");
#if LITEQ_THREADS
  std::string other = "unset";
  std::thread t([&] { other = liteq_last_error(); });
  t.join();
  LQ_CHECK(other.empty());
#endif
  liteq::ClearError();
  LQ_CHECK(std::string(liteq_last_error()).empty());
}

LQ_TEST(PlanCreateRejectsGarbageWithAMessage) {
  liteq_plan* plan = reinterpret_cast<liteq_plan*>(0x1);
  const uint8_t junk[8] = {1, 2, 3, 4, 5, 6, 7, 8};
  LQ_CHECK_EQ(liteq_plan_create(junk, sizeof(junk), nullptr, nullptr, 0, 1, 0, &plan), static_cast<int>(LITEQ_E_INVALID_ARGUMENT));
  LQ_CHECK(plan == nullptr);
  LQ_CHECK(std::string(liteq_last_error()).find("magic") != std::string::npos);
  for (size_t cut = 0; cut < sizeof(junk); ++cut) {
    LQ_CHECK(liteq_plan_create(junk, cut, nullptr, nullptr, 0, 1, 0, &plan) != LITEQ_OK);
  }
}

LQ_TEST(KernelRegistryIsEnumerable) {
  const size_t n = liteq_kernel_count();
  LQ_CHECK(n > 0);
  for (size_t i = 0; i < n; ++i) LQ_CHECK(liteq_kernel_name(i) != nullptr);
  LQ_CHECK(liteq_kernel_name(n) == nullptr);
}

namespace {

// The smallest valid description: one uint8 [n] arena tensor that is both input and output, no ops.
std::vector<uint8_t> IdentityDescription(uint32_t n) {
  std::vector<uint8_t> d;
  auto u32 = [&](uint32_t v) { for (int i = 0; i < 4; ++i) d.push_back(static_cast<uint8_t>(v >> (8 * i))); };
  auto u64 = [&](uint64_t v) { u32(static_cast<uint32_t>(v)); u32(static_cast<uint32_t>(v >> 32)); };
  const uint64_t arena = (n + 63) / 64 * 64;
  u32(0x3150514C); u32(1); u32(0); u32(1); u32(1); u32(0); u64(arena);
  u32(3); u32(1); u32(n); for (int i = 1; i < 6; ++i) u32(0);  // dtype uint8, rank 1, dims
  u32(0); u32(0); u64(0); u64(n); u32(0); u32(0);              // arena, no constant, offset 0, bytes, scale, zp
  u32(0); u32(0);                                              // inputs [0], outputs [0]
  return d;
}

}  // namespace

LQ_TEST(PlanCreateHonoursTheMemoryLimitBeforeAllocating) {
  const std::vector<uint8_t> desc = IdentityDescription(100);  // arena 128 bytes
  const std::vector<uint8_t> constant(1000, 7);                 // 1024 bytes as allocated
  const uint8_t* ptrs[] = {constant.data()};
  const size_t sizes[] = {constant.size()};
  liteq_plan* plan = nullptr;
  LQ_CHECK_EQ(liteq_plan_create(desc.data(), desc.size(), ptrs, sizes, 1, 1, 0, &plan), static_cast<int>(LITEQ_OK));
  liteq_plan_destroy(plan);
  LQ_CHECK_EQ(liteq_plan_create(desc.data(), desc.size(), ptrs, sizes, 1, 1, 128 + 1024, &plan), static_cast<int>(LITEQ_OK));
  liteq_plan_destroy(plan);
  plan = reinterpret_cast<liteq_plan*>(0x1);
  LQ_CHECK_EQ(liteq_plan_create(desc.data(), desc.size(), ptrs, sizes, 1, 1, 128 + 1023, &plan), static_cast<int>(LITEQ_E_MEMORY_LIMIT));
  LQ_CHECK(plan == nullptr);
  const std::string msg = liteq_last_error();
  LQ_CHECK(msg.find("1152 bytes") != std::string::npos);
  LQ_CHECK(msg.find("limit of 1151 bytes") != std::string::npos);
  // A hostile header asking for a 1 TiB arena is refused by the limit, not by a failed allocation.
  std::vector<uint8_t> huge = IdentityDescription(100);
  const uint64_t tib = uint64_t{1} << 40;
  std::memcpy(huge.data() + 24, &tib, 8);
  LQ_CHECK_EQ(liteq_plan_create(huge.data(), huge.size(), nullptr, nullptr, 0, 1, uint64_t{1} << 30, &plan), static_cast<int>(LITEQ_E_MEMORY_LIMIT));
}

LQ_TEST(ActiveIsaIsNamedAndCappable) {
  const std::string isa = liteq_active_isa();
  const uint32_t f = liteq_cpu_features();
  // The best level the features allow (LITEQ_ISA is unset in the test run, or caps it).
  const char* cap = std::getenv("LITEQ_ISA");
  if (!cap) {
    const bool avx512 = (f & LITEQ_CPU_AVX512F) && (f & LITEQ_CPU_AVX512BW) && (f & LITEQ_CPU_AVX2);
    const std::string want = (f & LITEQ_CPU_WASM_SIMD128) ? "wasm-simd128"
                             : avx512 && (f & LITEQ_CPU_AVX512VNNI) ? "avx512vnni"
                             : avx512                                ? "avx512"
                             : (f & LITEQ_CPU_AVX2)                  ? "avx2"
                             : (f & LITEQ_CPU_SSE41)                 ? "sse41"
                                                                     : "scalar";
    LQ_CHECK(isa == want);
  }
#if !defined(__wasm__)
  liteq::x86::SetIsaCapForTesting(liteq::x86::Isa::kSse41);
  LQ_CHECK(std::string(liteq_active_isa()) == ((f & LITEQ_CPU_SSE41) ? "sse41" : "scalar"));
  liteq::x86::SetIsaCapForTesting(liteq::x86::Isa::kAvx512Vnni);
  LQ_CHECK(std::string(liteq_active_isa()) == isa);
#endif
}
