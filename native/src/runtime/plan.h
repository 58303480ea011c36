// A plan: tensors laid out in one arena, constants owned by the plan (or borrowed from the caller),
// ops bound to kernels.
#ifndef LITEQ_RUNTIME_PLAN_H_
#define LITEQ_RUNTIME_PLAN_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "runtime/op.h"
#include "runtime/tensor.h"
#include "runtime/thread_pool.h"

namespace liteq {

struct PlanOp {
  const KernelInfo* kernel = nullptr;
  std::vector<uint8_t> params;  // 4-byte aligned storage (vector of uint8_t from operator new is 16-aligned)
  uint8_t* prepared = nullptr;  // the kernel's PrepareFn output: a 64-byte aligned slice of Plan::prepared_
  size_t prepared_bytes = 0;
  std::vector<const Tensor*> inputs;
  std::vector<Tensor*> outputs;
  size_t scratch_bytes = 0;
};

// 64-byte aligned, zero-initialised bytes (at least 64 allocated, so data() is never null once ok()).
class AlignedBuffer {
 public:
  AlignedBuffer() = default;
  explicit AlignedBuffer(size_t bytes);
  uint8_t* data() const { return data_.get(); }
  size_t size() const { return size_; }
  // False when the allocation failed (builds without exceptions report it instead of throwing).
  bool ok() const { return data_ != nullptr; }

 private:
  struct Free {
    void operator()(uint8_t* p) const;
  };
  std::unique_ptr<uint8_t, Free> data_;
  size_t size_ = 0;
};

class Plan {
 public:
  // Parses and validates a description (format in liteq.h). Returns nullptr after Fail() on error.
  // max_memory != 0 bounds arena + constants + scratch + packed weights (LITEQ_E_MEMORY_LIMIT).
  // borrow: constants at 16-byte aligned addresses are used in place (liteq_plan_create_borrowing).
  static std::unique_ptr<Plan> Create(const uint8_t* desc, size_t desc_size, const uint8_t* const* constants,
                                      const size_t* constant_sizes, size_t num_constants, int num_threads,
                                      uint64_t max_memory, bool borrow = false);

  int Run(const void* const* inputs, const size_t* input_sizes, size_t num_inputs);
  int TensorBytes(int32_t index, const void** data, size_t* size) const;
  size_t arena_bytes() const { return arena_.size(); }
  size_t scratch_bytes() const { return scratch_.size(); }
  // Prints the per-op profile (see profile_ below) to stderr when profiling is on.
  ~Plan();

 private:
  Plan() = default;
  void PrintProfile() const;

  std::vector<Tensor> tensors_;
  std::vector<AlignedBuffer> constants_;  // copies (empty where a constant is borrowed)
  std::vector<PlanOp> ops_;
  std::vector<int32_t> inputs_;
  std::vector<int32_t> outputs_;
  AlignedBuffer arena_;
  AlignedBuffer scratch_;
  AlignedBuffer prepared_;  // every op's packed weights
  std::unique_ptr<ThreadPool> pool_;
#if LITEQ_THREADS
  std::mutex run_mu_;  // one run at a time per plan (the arena is shared)
#endif
  // Opt-in per-op profiler: with env LITEQ_PROFILE=1 (read once per process), Run() accumulates the
  // wall time of every op here and the destructor prints a table sorted by time, then per kernel.
  bool profile_ = false;
  std::vector<uint64_t> profile_ns_;
  uint64_t profile_runs_ = 0;
};

}  // namespace liteq

#endif  // LITEQ_RUNTIME_PLAN_H_
