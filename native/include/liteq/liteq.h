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

#define LITEQ_ABI_VERSION 2

enum liteq_status {
  LITEQ_OK = 0,
  LITEQ_E_INVALID_ARGUMENT = -1,
  LITEQ_E_OUT_OF_MEMORY = -2,
  LITEQ_E_UNSUPPORTED = -3,
  LITEQ_E_INTERNAL = -4,
  LITEQ_E_MEMORY_LIMIT = -5, /* the plan would need more than its max_memory_bytes */
  LITEQ_E_IO = -6,           /* a bulk call's read or write hook failed (its errno in liteq_last_error()) */
};

/* CPU features the dispatcher can use (bit flags of liteq_cpu_features()). */
enum liteq_cpu_feature {
  LITEQ_CPU_SSE41 = 1u << 0,
  LITEQ_CPU_AVX2 = 1u << 1,
  LITEQ_CPU_FMA = 1u << 2,
  LITEQ_CPU_AVX512F = 1u << 3,
  LITEQ_CPU_AVX512VNNI = 1u << 4,
  LITEQ_CPU_WASM_SIMD128 = 1u << 5,
  LITEQ_CPU_AVX512BW = 1u << 6, /* with AVX512VL: what the AVX-512 kernels need besides F */
};

/* Library version, "MAJOR.MINOR.PATCH". Static storage. */
const char* liteq_version(void);

/* LITEQ_ABI_VERSION the library was built with; bindings refuse a mismatch. */
int liteq_abi_version(void);

/* Bit set of liteq_cpu_feature this process may use (detected once, at first call). */
uint32_t liteq_cpu_features(void);

/* The instruction set level the kernels dispatch to now: "scalar", "sse41", "avx2", "avx512",
   "avx512vnni" or "wasm-simd128" (the best the CPU and OS offer, capped by env LITEQ_ISA). */
const char* liteq_active_isa(void);

/* Message of the last failed call on this thread ("" if none). */
const char* liteq_last_error(void);

/* ---- Plans: a whole graph lowered for execution ------------------------------------------------

A plan is created from a description that @liteq/core lowers from its IR
(packages/core/src/plan/encode.ts writes it; native/src/runtime/plan.cc reads it). Little-endian,
every field 4-byte aligned:

  u32 magic = 0x3150514C ("LQP1")
  u32 num_tensors, num_ops, num_inputs, num_outputs, num_kernel_names
  u64 arena_bytes                      activations live at offsets in one arena
  num_kernel_names x { u32 length; bytes; zero padding to 4 }
  num_tensors x (64 bytes) {
    i32 dtype                          TFLite TensorType code
    i32 rank; i32 dims[6]
    i32 storage                        0 = arena, 1 = constant, 2 = none (empty optional)
    i32 constant_index                 into the constants array (storage 1)
    u64 offset                         arena offset (storage 0), a multiple of the dtype's size
                                       (the planner puts tensors on 64 bytes unless one lives
                                       inside another, written in place: see below)
    u64 bytes                          must equal elements x dtype size
    f32 scale; i32 zero_point          per-tensor quantization (scale 0 = none)
  }
  num_ops x { u32 kernel (index into names); u32 num_in; u32 num_out; u32 params_size;
              i32 inputs[num_in] (-1 = omitted); i32 outputs[num_out];
              params (params_size bytes, zero padding to 4) }
  i32 inputs[num_inputs]; i32 outputs[num_outputs]

Every field is checked when the plan is created: unknown kernels are reported all at once; sizes,
offsets and indices out of range are errors before any memory is allocated for them. An op's outputs
share no arena bytes with each other or with its inputs, except where the kernel takes an input in
place: RESHAPE's input at exactly its output's bytes, and a CONCATENATION input (outer size 1) at
exactly the bytes of the output it would be copied to, so the op has nothing to move. */

typedef struct liteq_plan liteq_plan;

/* Creates a plan. The constants are copied (the caller may free them afterwards). num_threads <= 0
   means one per core. max_memory_bytes != 0 bounds what the plan holds (arena + constants + kernel
   scratch + packed weights, each rounded up to 64 bytes): arena and constants are checked before
   anything is allocated, the total before scratch and packed weights are; over the limit is
   LITEQ_E_MEMORY_LIMIT with the amounts in liteq_last_error(). On failure *out is NULL and
   liteq_last_error() says why. */
int liteq_plan_create(const uint8_t* desc, size_t desc_size, const uint8_t* const* constants,
                      const size_t* constant_sizes, size_t num_constants, int num_threads,
                      uint64_t max_memory_bytes, liteq_plan** out);

/* As liteq_plan_create, except that a constant at a 16-byte aligned address is used where it is, not
   copied: the caller keeps those bytes alive and unchanged until liteq_plan_destroy (they may be a
   read-only mapping of the model file: the plan never writes a constant; pages of it the caller drops
   from memory are read back from the file when a kernel reads them again). Constants at other
   addresses are copied. max_memory_bytes counts every constant, borrowed or not (they are in memory
   while kernels pack them). */
int liteq_plan_create_borrowing(const uint8_t* desc, size_t desc_size, const uint8_t* const* constants,
                                const size_t* constant_sizes, size_t num_constants, int num_threads,
                                uint64_t max_memory_bytes, liteq_plan** out);

/* Frees the plan. Profiling: with the environment variable LITEQ_PROFILE=1 (read once per process)
   every run times each op, and destroy prints to stderr a table of the ops sorted by mean time per
   run (index, kernel, output shape, microseconds, percent), then the totals per kernel. */
void liteq_plan_destroy(liteq_plan* plan);

/* Bytes of the activation arena and of the largest op scratch buffer. */
int liteq_plan_memory(const liteq_plan* plan, size_t* arena_bytes, size_t* scratch_bytes);

/* Runs the whole graph once. inputs[i] must hold exactly input_sizes[i] == the plan's input i bytes.
   Concurrent calls on one plan are serialized. */
int liteq_plan_run(liteq_plan* plan, const void* const* inputs, const size_t* input_sizes, size_t num_inputs);

/* Bytes of any tensor after the last run (outputs always; intermediates are only meaningful when the
   plan's arena gives them their own slots). Valid until the next run or destroy. */
int liteq_plan_tensor(const liteq_plan* plan, int32_t tensor, const void** data, size_t* size);

/* Registered kernel names, for diagnostics and tests. */
size_t liteq_kernel_count(void);
const char* liteq_kernel_name(size_t index);

/* ---- Weight quantization (converter) ----------------------------------------------------------

Bulk constant quantization as TOCO's QuantizeBuffer does it: for each i,
  out[i] = clamp(round_half_away_from_zero(zero_point + (double)x[i] / scale), qmin, qmax)
computed in double, spread over the cores. Non-finite x or scale <= 0 / non-finite, qmin > qmax, or a
range outside [0, 255] is LITEQ_E_INVALID_ARGUMENT. n == 0 is allowed (x and out may then be NULL). */
int liteq_quantize_uint8(const float* x, size_t n, double scale, int32_t zero_point, int32_t qmin, int32_t qmax,
                         uint8_t* out);

/* The range toco quantizes a constant with: min and max over x and 0 (NaN skipped), spread over the
cores. (The uint8 scheme's weights: liteq_min_max, parameters chosen in TS, liteq_quantize_uint8 — both
threaded and vectorized, the bytes the same at every ISA and thread count.) */
int liteq_min_max(const float* x, size_t n, float* min, float* max);

/* Symmetric per-channel int8 weight quantization (the full-integer spec's weights): element i
belongs to channel c = (i / inner) % channels and
  out[i] = clamp(round_half_away_from_zero((double)x[i] / (double)scales[c]), qmin, qmax)
computed in double (dim 0 of a [O,H,W,I] filter: inner = H*W*I; dim 3 of a [1,H,W,O] depthwise
filter: inner = 1; per tensor: channels = 1). Non-finite x, a scale <= 0 / non-finite, channels or
inner == 0, n not a multiple of channels * inner, or a range outside [-128, 127] is
LITEQ_E_INVALID_ARGUMENT. n == 0 is allowed. */
int liteq_quantize_int8_per_channel(const float* x, size_t n, const float* scales, size_t channels, size_t inner,
                                    int32_t qmin, int32_t qmax, int8_t* out);

/* I/O hooks of the bulk calls below, for inputs and outputs that are file mappings (the Node addon
reads pieces of a mapped input file with pread and writes results that belong in a mapped output file
with pwrite, so neither mapping is touched: no page-table work, nothing in the process's RSS, and a
model larger than memory streams through). Called from worker threads, for disjoint pieces (of one
pass); either member may be NULL (x is then read, or out written, in place), and so may the struct.
  read: each piece of x (a few MiB at most) is first copied into a buffer of the calling thread by
    read(dst, src, bytes, ctx), src being where it lies in x, and computed from there; it must store
    those bytes (of x, or of what x stands for, e.g. the file behind a mapping) and return 0, or an
    errno, which fails the call with LITEQ_E_IO. A piece may be read twice (a per-tensor scale takes a
    scan pass, then a quantize pass).
  write: likewise for results: each piece is computed into a buffer of the thread and handed over as
    write(dst, src, bytes, ctx), dst being where it belongs in out; each byte of out exactly once. */
typedef struct liteq_bulk_hooks {
  int (*read)(void* dst, const void* src, size_t bytes, void* ctx);
  int (*write)(void* dst, const void* src, size_t bytes, void* ctx);
  void* ctx;
} liteq_bulk_hooks;

/* Symmetric int8 weights in one call, scales included (TensorFlow's converter's weights for hybrid
ops and liteq's int8 scheme): element i belongs to channel c = (i / inner) % channels and
  scales[c] = (float)((double)max_abs_c / qmax), or 1 when that is 0 (an all-zero channel)
  out[i] = clamp(round_half_away_from_zero((double)x[i] / (double)scales[c]), -qmax, qmax)
A contiguous channel is scanned and quantized while it is in cache; work is spread over the cores;
the bytes do not depend on the thread count or ISA. A non-finite x is LITEQ_E_INVALID_ARGUMENT with
*bad_index (if not NULL) set to the first such index (else to SIZE_MAX). */
int liteq_quantize_int8_symmetric(const float* x, size_t n, size_t channels, size_t inner, int32_t qmax, float* scales,
                                  int8_t* out, size_t* bad_index, const liteq_bulk_hooks* hooks);

/* IEEE half precision from float, round to nearest even; overflow gives ±inf, NaN gives sign|0x7e00.
Spread over the cores. */
int liteq_float_to_half(const float* x, size_t n, uint16_t* out, const liteq_bulk_hooks* hooks);

#ifdef __cplusplus
}
#endif

#endif /* LITEQ_LITEQ_H_ */
