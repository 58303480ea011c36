#include "runtime/error.h"

#include <utility>

#include "runtime/thread_pool.h"

namespace liteq {
namespace {
#if LITEQ_THREADS
// thread_local: each JS worker / AsyncWorker thread sees its own last error.
thread_local std::string g_last_error;
thread_local int g_last_status = LITEQ_OK;
#else
// One thread per instance (a WebAssembly instance belongs to one JS thread).
std::string g_last_error;
int g_last_status = LITEQ_OK;
#endif
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
