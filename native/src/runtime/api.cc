// The C ABI of liteq.h over the C++ runtime. Nothing may throw past here: every entry point catches.
#include <exception>
#include <new>
#include <string>

#include "liteq/liteq.h"
#include "runtime/error.h"
#include "runtime/op.h"
#include "kernels/x86/isa.h"
#include "runtime/plan.h"

struct liteq_plan {
  std::unique_ptr<liteq::Plan> impl;
};

namespace {

template <typename F>
int Guard(F&& f) {
#if !defined(__cpp_exceptions)
  // Built without exceptions (WebAssembly): allocation failures are reported by the callee.
  liteq::ClearError();
  return f();
#else
  try {
    liteq::ClearError();
    return f();
  } catch (const std::bad_alloc&) {
    return liteq::Fail(LITEQ_E_OUT_OF_MEMORY, "out of memory");
  } catch (const std::exception& e) {
    return liteq::Fail(LITEQ_E_INTERNAL, std::string("internal error: ") + e.what());
  } catch (...) {
    return liteq::Fail(LITEQ_E_INTERNAL, "internal error");
  }
#endif
}

// liteq_plan_create and liteq_plan_create_borrowing.
int CreatePlan(const uint8_t* desc, size_t desc_size, const uint8_t* const* constants, const size_t* constant_sizes,
               size_t num_constants, int num_threads, uint64_t max_memory_bytes, bool borrow, liteq_plan** out) {
  if (out == nullptr) return liteq::Fail(LITEQ_E_INVALID_ARGUMENT, "out is null");
  *out = nullptr;
  return Guard([&] {
    if (num_constants > 0 && (constants == nullptr || constant_sizes == nullptr)) {
      return liteq::Fail(LITEQ_E_INVALID_ARGUMENT, "constants are null");
    }
    auto plan = liteq::Plan::Create(desc, desc_size, constants, constant_sizes, num_constants, num_threads,
                                     max_memory_bytes, borrow);
    if (!plan) return liteq::LastStatus();
    *out = new liteq_plan{std::move(plan)};
    return static_cast<int>(LITEQ_OK);
  });
}

}  // namespace

extern "C" {

int liteq_plan_create(const uint8_t* desc, size_t desc_size, const uint8_t* const* constants,
                      const size_t* constant_sizes, size_t num_constants, int num_threads,
                      uint64_t max_memory_bytes, liteq_plan** out) {
  return CreatePlan(desc, desc_size, constants, constant_sizes, num_constants, num_threads, max_memory_bytes, false, out);
}

int liteq_plan_create_borrowing(const uint8_t* desc, size_t desc_size, const uint8_t* const* constants,
                                const size_t* constant_sizes, size_t num_constants, int num_threads,
                                uint64_t max_memory_bytes, liteq_plan** out) {
  return CreatePlan(desc, desc_size, constants, constant_sizes, num_constants, num_threads, max_memory_bytes, true, out);
}

void liteq_plan_destroy(liteq_plan* plan) { delete plan; }

int liteq_plan_memory(const liteq_plan* plan, size_t* arena_bytes, size_t* scratch_bytes) {
  if (!plan || !arena_bytes || !scratch_bytes) return liteq::Fail(LITEQ_E_INVALID_ARGUMENT, "null argument");
  *arena_bytes = plan->impl->arena_bytes();
  *scratch_bytes = plan->impl->scratch_bytes();
  return LITEQ_OK;
}

int liteq_plan_run(liteq_plan* plan, const void* const* inputs, const size_t* input_sizes, size_t num_inputs) {
  if (!plan) return liteq::Fail(LITEQ_E_INVALID_ARGUMENT, "plan is null");
  if (num_inputs > 0 && (!inputs || !input_sizes)) return liteq::Fail(LITEQ_E_INVALID_ARGUMENT, "inputs are null");
  return Guard([&] { return plan->impl->Run(inputs, input_sizes, num_inputs); });
}

int liteq_plan_tensor(const liteq_plan* plan, int32_t tensor, const void** data, size_t* size) {
  if (!plan || !data || !size) return liteq::Fail(LITEQ_E_INVALID_ARGUMENT, "null argument");
  return plan->impl->TensorBytes(tensor, data, size);
}

const char* liteq_active_isa(void) { return liteq::x86::IsaName(liteq::x86::ActiveIsa()); }

size_t liteq_kernel_count(void) {
  size_t n = 0;
  liteq::AllKernels(&n);
  return n;
}

const char* liteq_kernel_name(size_t index) {
  size_t n = 0;
  const liteq::KernelInfo* all = liteq::AllKernels(&n);
  return index < n ? all[index].name : nullptr;
}

}  // extern "C"
