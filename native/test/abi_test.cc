// Checks the C ABI contract: version strings, error storage per thread, feature detection stability.
#include <cstdio>
#include <cstring>
#include <string>
#include <thread>

#include "liteq/liteq.h"
#include "runtime/error.h"

namespace {
int g_failures = 0;
int g_checks = 0;

void Check(bool ok, const char* what) {
  ++g_checks;
  if (!ok) {
    std::fprintf(stderr, "FAIL: %s\n", what);
    ++g_failures;
  }
}
}  // namespace

int main() {
  Check(liteq_abi_version() == LITEQ_ABI_VERSION, "abi version matches header");
  Check(std::strlen(liteq_version()) >= 5, "version string is MAJOR.MINOR.PATCH");
  Check(liteq_cpu_features() == liteq_cpu_features(), "feature detection is stable");

  Check(std::string(liteq_last_error()).empty(), "no error before any failure");
  Check(liteq::Fail(LITEQ_E_INVALID_ARGUMENT, "bad shape") == LITEQ_E_INVALID_ARGUMENT, "Fail returns status");
  Check(std::string(liteq_last_error()) == "bad shape", "last error recorded");

  std::string other;
  std::thread t([&] { other = liteq_last_error(); });
  t.join();
  Check(other.empty(), "last error is per thread");

  liteq::ClearError();
  Check(std::string(liteq_last_error()).empty(), "ClearError empties the message");

  std::printf("%d passed, %d failed\n", g_checks - g_failures, g_failures);
  return g_failures == 0 ? 0 : 1;
}
