// libFuzzer harness for plan creation and execution (liteq_plan_create / liteq_plan_run): hostile
// descriptions, params, constants and inputs must give a status, never a crash, a sanitizer report,
// a hang or an allocation past the memory limit.
//
// The first input byte picks a mode. Raw mode hands the remaining bytes to liteq_plan_create as the
// description (the parser). Structured mode (the rest) builds a well-formed description from the
// bytes — kernels from the registry, small tensors of any dtype, arena/constant/absent storage,
// params of any size and content, random quantization — so that most inputs reach the kernels'
// checks, prepare steps and run loops. A plan that is created is run, and the same plan created
// with two threads must produce the same output bytes (threads never change results).
#include <fuzzer/FuzzedDataProvider.h>

#include <cstdint>
#include <cstring>
#include <vector>

#include "liteq/liteq.h"

namespace {

constexpr uint64_t kMemoryLimit = 64ull << 20;

struct Writer {
  std::vector<uint8_t> d;
  void u32(uint32_t v) {
    for (int i = 0; i < 4; ++i) d.push_back(static_cast<uint8_t>(v >> (8 * i)));
  }
  void i32(int32_t v) { u32(static_cast<uint32_t>(v)); }
  void u64(uint64_t v) {
    u32(static_cast<uint32_t>(v));
    u32(static_cast<uint32_t>(v >> 32));
  }
  void f32(float v) {
    uint32_t b;
    std::memcpy(&b, &v, 4);
    u32(b);
  }
  void bytes(const std::vector<uint8_t>& b) {
    d.insert(d.end(), b.begin(), b.end());
    while (d.size() % 4) d.push_back(0);
  }
};

size_t DTypeSize(int32_t d) {
  switch (d) {
    case 0: case 2: return 4;
    case 1: case 7: return 2;
    case 4: case 10: return 8;
    default: return 1;  // uint8, bool, int8
  }
}

struct Spec {
  int32_t dtype = 3, rank = 0, dims[6] = {0, 0, 0, 0, 0, 0}, storage = 0, constant = 0;
  uint64_t offset = 0, bytes = 0;
  float scale = 0;
  int32_t zero_point = 0;
};

// Runs a created plan and returns the bytes of its outputs (empty on a failed run).
std::vector<std::vector<uint8_t>> RunPlan(liteq_plan* plan, const std::vector<std::vector<uint8_t>>& inputs,
                                          const std::vector<int32_t>& outputs, bool* ok) {
  std::vector<const void*> ptrs;
  std::vector<size_t> sizes;
  for (const auto& in : inputs) {
    ptrs.push_back(in.data());
    sizes.push_back(in.size());
  }
  std::vector<std::vector<uint8_t>> out;
  *ok = liteq_plan_run(plan, ptrs.data(), sizes.data(), ptrs.size()) == LITEQ_OK;
  if (!*ok) return out;
  for (int32_t t : outputs) {
    const void* data = nullptr;
    size_t size = 0;
    if (liteq_plan_tensor(plan, t, &data, &size) != LITEQ_OK) __builtin_trap();  // outputs are always readable
    const uint8_t* b = static_cast<const uint8_t*>(data);
    out.emplace_back(b, b + size);
  }
  return out;
}

void Structured(FuzzedDataProvider& fdp) {
  static const int32_t kDTypes[] = {3, 9, 0, 2, 7, 3, 9, 0, 1, 4, 6, 10};
  const size_t num_kernels = liteq_kernel_count();
  const uint32_t num_names = fdp.ConsumeIntegralInRange<uint32_t>(1, 3);
  std::vector<uint32_t> names(num_names);
  for (auto& n : names) n = fdp.ConsumeIntegralInRange<uint32_t>(0, static_cast<uint32_t>(num_kernels - 1));

  const int num_tensors = fdp.ConsumeIntegralInRange<int>(1, 10);
  std::vector<Spec> tensors(num_tensors);
  std::vector<std::vector<uint8_t>> constants;
  uint64_t arena = 0;
  for (Spec& t : tensors) {
    t.dtype = kDTypes[fdp.ConsumeIntegralInRange<size_t>(0, sizeof(kDTypes) / sizeof(kDTypes[0]) - 1)];
    t.rank = fdp.ConsumeIntegralInRange<int32_t>(0, 5);
    uint64_t elements = 1;
    for (int d = 0; d < t.rank; ++d) {
      t.dims[d] = fdp.ConsumeIntegralInRange<int32_t>(0, 9);
      elements *= static_cast<uint64_t>(t.dims[d]);
    }
    t.bytes = elements * DTypeSize(t.dtype);
    const int storage = fdp.ConsumeIntegralInRange<int>(0, 9);
    t.storage = storage < 6 ? 0 : storage < 9 ? 1 : 2;
    if (t.storage == 0) {
      // Mostly a fresh slot; sometimes the start of the arena (aliasing another tensor).
      t.offset = fdp.ConsumeBool() || arena == 0 ? arena : 0;
      arena = std::max<uint64_t>(arena, (t.offset + t.bytes + 63) / 64 * 64);
    } else if (t.storage == 1) {
      std::vector<uint8_t> c = fdp.ConsumeBytes<uint8_t>(t.bytes);
      c.resize(t.bytes, 0x5a);
      t.constant = static_cast<int32_t>(constants.size());
      constants.push_back(std::move(c));
    }
    switch (fdp.ConsumeIntegralInRange<int>(0, 5)) {
      case 0: t.scale = 0; break;
      case 1: t.scale = 1.0f / 256; break;
      case 2: t.scale = 0.0078125f; break;
      case 3: t.scale = 0.02f; break;
      default: t.scale = fdp.ConsumeFloatingPoint<float>(); break;
    }
    switch (fdp.ConsumeIntegralInRange<int>(0, 3)) {
      case 0: t.zero_point = 0; break;
      case 1: t.zero_point = 128; break;
      case 2: t.zero_point = -128; break;
      default: t.zero_point = fdp.ConsumeIntegral<int32_t>(); break;
    }
  }

  struct OpSpec {
    uint32_t kernel;
    std::vector<int32_t> in, out;
    std::vector<uint8_t> params;
  };
  const int num_ops = fdp.ConsumeIntegralInRange<int>(1, 4);
  std::vector<OpSpec> ops(num_ops);
  for (OpSpec& op : ops) {
    op.kernel = fdp.ConsumeIntegralInRange<uint32_t>(0, num_names - 1);
    const int n_in = fdp.ConsumeIntegralInRange<int>(0, 5), n_out = fdp.ConsumeIntegralInRange<int>(1, 4);
    for (int j = 0; j < n_in; ++j) op.in.push_back(fdp.ConsumeIntegralInRange<int32_t>(-1, num_tensors - 1));
    for (int j = 0; j < n_out; ++j) op.out.push_back(fdp.ConsumeIntegralInRange<int32_t>(0, num_tensors - 1));
    op.params = fdp.ConsumeBytes<uint8_t>(4 * fdp.ConsumeIntegralInRange<size_t>(0, 48));
    op.params.resize((op.params.size() + 3) / 4 * 4, 0);
  }
  std::vector<int32_t> inputs, outputs;
  for (int i = 0; i < num_tensors; ++i) {
    if (tensors[i].storage == 0 && inputs.size() < 2 && fdp.ConsumeBool()) inputs.push_back(i);
  }
  const int n_outputs = fdp.ConsumeIntegralInRange<int>(1, 2);
  for (int j = 0; j < n_outputs; ++j) outputs.push_back(fdp.ConsumeIntegralInRange<int32_t>(0, num_tensors - 1));

  Writer w;
  w.u32(0x3150514C);
  w.u32(num_tensors);
  w.u32(num_ops);
  w.u32(static_cast<uint32_t>(inputs.size()));
  w.u32(static_cast<uint32_t>(outputs.size()));
  w.u32(num_names);
  w.u64(arena);
  for (uint32_t n : names) {
    const char* name = liteq_kernel_name(n);
    w.u32(static_cast<uint32_t>(std::strlen(name)));
    w.bytes(std::vector<uint8_t>(name, name + std::strlen(name)));
  }
  for (const Spec& t : tensors) {
    w.i32(t.dtype);
    w.i32(t.rank);
    for (int d = 0; d < 6; ++d) w.i32(t.dims[d]);
    w.i32(t.storage);
    w.i32(t.constant);
    w.u64(t.offset);
    w.u64(t.bytes);
    w.f32(t.scale);
    w.i32(t.zero_point);
  }
  for (const OpSpec& op : ops) {
    w.u32(op.kernel);
    w.u32(static_cast<uint32_t>(op.in.size()));
    w.u32(static_cast<uint32_t>(op.out.size()));
    w.u32(static_cast<uint32_t>(op.params.size()));
    for (int32_t i : op.in) w.i32(i);
    for (int32_t o : op.out) w.i32(o);
    w.bytes(op.params);
  }
  for (int32_t i : inputs) w.i32(i);
  for (int32_t o : outputs) w.i32(o);

  std::vector<std::vector<uint8_t>> input_bytes;
  for (int32_t i : inputs) {
    std::vector<uint8_t> b = fdp.ConsumeBytes<uint8_t>(tensors[i].bytes);
    b.resize(tensors[i].bytes, 0xa5);
    input_bytes.push_back(std::move(b));
  }
  std::vector<const uint8_t*> cptrs;
  std::vector<size_t> csizes;
  for (const auto& c : constants) {
    cptrs.push_back(c.data());
    csizes.push_back(c.size());
  }

  liteq_plan* one = nullptr;
  if (liteq_plan_create(w.d.data(), w.d.size(), cptrs.data(), csizes.data(), cptrs.size(), 1, kMemoryLimit, &one) != LITEQ_OK) {
    if (one != nullptr || liteq_last_error()[0] == '\0') __builtin_trap();  // a failure always says why
    return;
  }
  bool ok1 = false, ok2 = false;
  const auto out1 = RunPlan(one, input_bytes, outputs, &ok1);
  liteq_plan_destroy(one);
  liteq_plan* two = nullptr;
  if (liteq_plan_create(w.d.data(), w.d.size(), cptrs.data(), csizes.data(), cptrs.size(), 2, kMemoryLimit, &two) != LITEQ_OK) {
    __builtin_trap();  // the thread count never decides whether a plan is valid
  }
  const auto out2 = RunPlan(two, input_bytes, outputs, &ok2);
  liteq_plan_destroy(two);
  if (ok1 != ok2 || out1 != out2) __builtin_trap();  // nor what it computes
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzedDataProvider fdp(data, size);
  if (fdp.ConsumeIntegralInRange<int>(0, 7) == 0) {
    const std::vector<uint8_t> desc = fdp.ConsumeRemainingBytes<uint8_t>();
    liteq_plan* plan = nullptr;
    if (liteq_plan_create(desc.data(), desc.size(), nullptr, nullptr, 0, 1, kMemoryLimit, &plan) == LITEQ_OK) {
      liteq_plan_destroy(plan);
    }
    return 0;
  }
  Structured(fdp);
  return 0;
}
