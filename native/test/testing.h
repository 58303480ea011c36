// A minimal test harness for native/: LQ_TEST registers a test, LQ_CHECK records a failure with its
// location and keeps going. test_main.cc runs every test (or those whose name contains argv[1]) and
// prints "N passed, M failed" (tests, not checks).
#ifndef LITEQ_TEST_TESTING_H_
#define LITEQ_TEST_TESTING_H_

#include <cstdio>
#include <functional>
#include <string>
#include <vector>

namespace liteq_test {

struct TestCase {
  const char* name;
  void (*fn)();
};

std::vector<TestCase>& Registry();
int& CurrentFailures();

struct Registrar {
  Registrar(const char* name, void (*fn)()) { Registry().push_back({name, fn}); }
};

inline void ReportFailure(const char* file, int line, const std::string& what) {
  std::fprintf(stderr, "  %s:%d: %s\n", file, line, what.c_str());
  ++CurrentFailures();
}

}  // namespace liteq_test

#define LQ_TEST(name)                                                   \
  static void name();                                                   \
  static const ::liteq_test::Registrar name##_registrar(#name, &name); \
  static void name()

#define LQ_CHECK(cond)                                                                  \
  do {                                                                                  \
    if (!(cond)) ::liteq_test::ReportFailure(__FILE__, __LINE__, "check failed: " #cond); \
  } while (0)

#define LQ_CHECK_EQ(a, b)                                                                             \
  do {                                                                                                \
    const auto lq_a = (a);                                                                            \
    const auto lq_b = (b);                                                                            \
    if (!(lq_a == lq_b))                                                                              \
      ::liteq_test::ReportFailure(__FILE__, __LINE__,                                                 \
                                  std::string(#a " == " #b ": ") + std::to_string(lq_a) + " vs " +   \
                                      std::to_string(lq_b));                                          \
  } while (0)

#endif  // LITEQ_TEST_TESTING_H_
