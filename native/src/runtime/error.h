// Per-thread last-error storage behind liteq_last_error().
#ifndef LITEQ_RUNTIME_ERROR_H_
#define LITEQ_RUNTIME_ERROR_H_

#include <string>

#include "liteq/liteq.h"

namespace liteq {

// Records `message` as this thread's last error and returns `status`, so call sites read
// `return Fail(LITEQ_E_INVALID_ARGUMENT, "...")`.
int Fail(int status, std::string message);

void ClearError();

const char* LastError();

// Status passed to the last Fail() on this thread (LITEQ_OK after ClearError()).
int LastStatus();

}  // namespace liteq

#endif  // LITEQ_RUNTIME_ERROR_H_
