// The WebAssembly module's link unit: the C ABI (liteq.h) is exported by the linker from liteq_core;
// nothing else lives here. A reactor module has no main.
#include "liteq/liteq.h"
