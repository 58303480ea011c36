// The C ABI contract: version strings, per-thread errors, feature detection, plan validation.
#include <cstring>
#include <string>
#include <vector>

#include "liteq/liteq.h"
#include "runtime/error.h"
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
  LQ_CHECK_EQ(liteq_plan_create(junk, sizeof(junk), nullptr, nullptr, 0, 1, &plan), static_cast<int>(LITEQ_E_INVALID_ARGUMENT));
  LQ_CHECK(plan == nullptr);
  LQ_CHECK(std::string(liteq_last_error()).find("magic") != std::string::npos);
  for (size_t cut = 0; cut < sizeof(junk); ++cut) {
    LQ_CHECK(liteq_plan_create(junk, cut, nullptr, nullptr, 0, 1, &plan) != LITEQ_OK);
  }
}

LQ_TEST(KernelRegistryIsEnumerable) {
  const size_t n = liteq_kernel_count();
  LQ_CHECK(n > 0);
  for (size_t i = 0; i < n; ++i) LQ_CHECK(liteq_kernel_name(i) != nullptr);
  LQ_CHECK(liteq_kernel_name(n) == nullptr);
}
