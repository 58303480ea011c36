#include "runtime/error.h"

#include <utility>

namespace liteq {
namespace {
// thread_local: each JS worker / AsyncWorker thread sees its own last error.
thread_local std::string g_last_error;
thread_local int g_last_status = LITEQ_OK;
}  // namespace

int Fail(int status, std::string message) {
  g_last_error = std::move(message);
  g_last_status = status;
  return status;
}

void ClearError() {
  g_last_error.clear();
  g_last_status = LITEQ_OK;
}

int LastStatus() { return g_last_status; }

const char* LastError() { return g_last_error.c_str(); }

}  // namespace liteq

extern "C" const char* liteq_last_error(void) { return liteq::LastError(); }
