#include <cstdio>
#include <cstring>

#include "testing.h"

namespace liteq_test {
std::vector<TestCase>& Registry() {
  static std::vector<TestCase> r;
  return r;
}
int& CurrentFailures() {
  static int n = 0;
  return n;
}
}  // namespace liteq_test

int main(int argc, char** argv) {
  const char* filter = argc > 1 ? argv[1] : "";
  int passed = 0, failed = 0;
  for (const auto& t : liteq_test::Registry()) {
    if (*filter && !std::strstr(t.name, filter)) continue;
    liteq_test::CurrentFailures() = 0;
    t.fn();
    if (liteq_test::CurrentFailures() == 0) {
      ++passed;
    } else {
      std::fprintf(stderr, "FAIL %s\n", t.name);
      ++failed;
    }
  }
  std::printf("%d passed, %d failed\n", passed, failed);
  return failed == 0 ? 0 : 1;
}
