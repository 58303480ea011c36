/*
 * liteq native core: the ONLY public surface of native/.
 *
 * A flat C ABI so that the Node addon (packages/native) and the WASM build (packages/web) share one
 * boundary. Conventions:
 *  - Functions return an int status: LITEQ_OK (0) on success, a negative LITEQ_E_* code otherwise.
 *    After a failure, liteq_last_error() returns a message for the calling thread; it stays valid
 *    until the next liteq call on that thread.
 *  - Handles are opaque; each create has a matching destroy; destroy(NULL) is a no-op.
 *  - No function throws a C++ exception or aborts across this boundary.
 */
#ifndef LITEQ_LITEQ_H_
#define LITEQ_LITEQ_H_

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define LITEQ_ABI_VERSION 1

enum liteq_status {
  LITEQ_OK = 0,
  LITEQ_E_INVALID_ARGUMENT = -1,
  LITEQ_E_OUT_OF_MEMORY = -2,
  LITEQ_E_UNSUPPORTED = -3,
  LITEQ_E_INTERNAL = -4,
};

/* CPU features the dispatcher can use (bit flags of liteq_cpu_features()). */
enum liteq_cpu_feature {
  LITEQ_CPU_SSE41 = 1u << 0,
  LITEQ_CPU_AVX2 = 1u << 1,
  LITEQ_CPU_FMA = 1u << 2,
  LITEQ_CPU_AVX512F = 1u << 3,
  LITEQ_CPU_AVX512VNNI = 1u << 4,
  LITEQ_CPU_WASM_SIMD128 = 1u << 5,
};

/* Library version, "MAJOR.MINOR.PATCH". Static storage. */
const char* liteq_version(void);

/* LITEQ_ABI_VERSION the library was built with; bindings refuse a mismatch. */
int liteq_abi_version(void);

/* Bit set of liteq_cpu_feature this process may use (detected once, at first call). */
uint32_t liteq_cpu_features(void);

/* Message of the last failed call on this thread ("" if none). */
const char* liteq_last_error(void);

#ifdef __cplusplus
}
#endif

#endif /* LITEQ_LITEQ_H_ */
