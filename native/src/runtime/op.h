// The contract between the plan executor and the kernels.
//
// Lowering (TypeScript, packages/core/src/plan/ops/<op>.ts) turns one IR op into
//   { kernel: "<name>", params: <bytes of the op's params struct>, output shapes }
// The executor resolves the name in the registry (kernels/registry.cc) when the plan is created and,
// at run time, calls the kernel with that params blob and the op's tensors. A params struct is plain
// data, little-endian, 4-byte fields, defined next to its kernel with static_asserts on its layout;
// variable-length arrays (per-channel multipliers, shifts) follow the struct in the same blob.
#ifndef LITEQ_RUNTIME_OP_H_
#define LITEQ_RUNTIME_OP_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "runtime/error.h"
#include "runtime/function_ref.h"
#include "runtime/tensor.h"

namespace liteq {

class ThreadPool;

struct OpContext {
  ThreadPool* pool = nullptr;  // never null at run time; 1 thread = runs inline
  int num_threads = 1;
  // Scratch memory for this op (im2col, accumulators), sized by the kernel's ScratchFn at plan time.
  uint8_t* scratch = nullptr;
  size_t scratch_bytes = 0;
  // What the kernel's PrepareFn built for this op at plan creation (64-byte aligned), or null.
  const uint8_t* prepared = nullptr;
  size_t prepared_bytes = 0;
};

// Runs [0, n) split into contiguous chunks over the pool's threads; fn(begin, end).
void ParallelFor(const OpContext& ctx, int64_t n, FunctionRef<void(int64_t, int64_t)> fn);
// The same with each chunk's index, below the pool's thread count (per-thread scratch): fn(begin, end, task).
void ParallelForTasks(const OpContext& ctx, int64_t n, FunctionRef<void(int64_t, int64_t, int)> fn);
// The same over elements [0, n) in blocks of `block` (the unit of work a thread takes): fn(i0, i1)
// gets a range of whole blocks, the last one cut at n.
void ParallelForBlocks(const OpContext& ctx, int64_t n, int64_t block, FunctionRef<void(int64_t, int64_t)> fn);

struct OpArgs {
  const void* params;
  size_t params_size;
  const Tensor* const* inputs;  // an omitted optional input is nullptr
  int num_inputs;
  Tensor* const* outputs;
  int num_outputs;
};

// Returns LITEQ_OK or a negative LITEQ_E_* status after recording a message with Fail().
using KernelFn = int (*)(const OpContext& ctx, const OpArgs& args);
// Validates params/shapes once, at plan creation (optional). Same return convention.
using KernelCheckFn = int (*)(const OpArgs& args);
// Scratch bytes the kernel needs at run time for these tensors (optional; 0 when null).
using KernelScratchFn = size_t (*)(const OpArgs& args, int num_threads);
// Builds read-only per-op data once, at plan creation, from inputs that are plan constants
// (Tensor::is_constant), e.g. weights repacked for an optimized GEMM (optional). Called with
// dst == nullptr for the size (0 = nothing to prepare), then with that many 64-byte aligned bytes.
using KernelPrepareFn = size_t (*)(const OpArgs& args, uint8_t* dst);

// Whether input `i` may share arena bytes with the outputs: true only when it already sits exactly
// where the kernel would write it (the kernel then leaves those bytes as they are). Optional; without
// it, no input may overlap an output.
using KernelInPlaceFn = bool (*)(const OpArgs& args, int input);

struct KernelInfo {
  const char* name;  // e.g. "conv_2d_u8", "add_f32", "tflite_detection_postprocess_u8"
  KernelFn run;
  KernelCheckFn check;
  KernelScratchFn scratch;
  KernelPrepareFn prepare = nullptr;
  KernelInPlaceFn in_place = nullptr;
};

// Looks a kernel up by name; nullptr if unknown.
const KernelInfo* FindKernel(std::string_view name);

// Every registered kernel (for tests, benches and `liteq_kernel_names`).
const KernelInfo* AllKernels(size_t* count);

// Reads a params struct from the blob, checking its size (a short blob is a lowering bug, reported
// as an error instead of read past the end).
template <typename P>
const P* ParamsAs(const OpArgs& args) {
  return args.params_size >= sizeof(P) ? static_cast<const P*>(args.params) : nullptr;
}

// Declared value ranges of each params struct (specialized in kernels/params_layout.generated.h).
template <typename P>
struct DeclaredRanges;

// For a kernel's check: the params struct when the blob holds one and every declared ranged field
// (kernels/params_layout.generated.h) is in range; else nullptr after Fail() saying which.
template <typename P>
const P* CheckedParams(const OpArgs& args, const char* op) {
  const P* p = ParamsAs<P>(args);
  if (!p) {
    Fail(LITEQ_E_INVALID_ARGUMENT, std::string(op) + ": params blob too short");
    return nullptr;
  }
  if (const char* bad = DeclaredRanges<P>::Violation(*p)) {
    Fail(LITEQ_E_INVALID_ARGUMENT, std::string(op) + ": params field " + bad);
    return nullptr;
  }
  return p;
}

}  // namespace liteq

#endif  // LITEQ_RUNTIME_OP_H_
