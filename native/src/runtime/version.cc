#include "liteq/liteq.h"

#ifndef LITEQ_VERSION_STRING
#define LITEQ_VERSION_STRING "0.1.0"
#endif

extern "C" const char* liteq_version(void) { return LITEQ_VERSION_STRING; }

extern "C" int liteq_abi_version(void) { return LITEQ_ABI_VERSION; }
