#include "runtime/plan.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <new>

#if defined(__linux__)
#include <sys/mman.h>
#endif

#include "runtime/error.h"

namespace liteq {
namespace {

constexpr uint32_t kMagic = 0x3150514C;  // "LQP1"
constexpr size_t kTensorRecordBytes = 64;

// Bounds-checked little-endian reader over the description; every read fails softly.
class Reader {
 public:
  Reader(const uint8_t* p, size_t n) : p_(p), n_(n) {}
  bool ok() const { return ok_; }
  size_t pos() const { return pos_; }
  uint32_t U32() { return Read<uint32_t>(); }
  int32_t I32() { return Read<int32_t>(); }
  uint64_t U64() { return Read<uint64_t>(); }
  float F32() { return Read<float>(); }
  const uint8_t* Bytes(size_t len) {
    if (!ok_ || len > n_ - pos_) {
      ok_ = false;
      return nullptr;
    }
    const uint8_t* r = p_ + pos_;
    pos_ += len;
    return r;
  }
  void Align4() { Bytes((4 - pos_ % 4) % 4); }
  size_t remaining() const { return n_ - pos_; }

 private:
  template <typename T>
  T Read() {
    T v{};
    const uint8_t* b = Bytes(sizeof(T));
    if (b) std::memcpy(&v, b, sizeof(T));  // descriptions are little-endian; so are all targets we build
    return v;
  }
  const uint8_t* p_;
  size_t n_;
  size_t pos_ = 0;
  bool ok_ = true;
};

bool ProfileEnabled() {
  static const bool enabled = [] {
    const char* v = std::getenv("LITEQ_PROFILE");
    return v != nullptr && v[0] != '\0' && std::strcmp(v, "0") != 0;
  }();
  return enabled;
}

bool KnownDType(int32_t d) { return d >= 0 && d <= 10 && d != 5 && d != 8; }

std::unique_ptr<Plan> OutOfMemory(const std::string& what, uint64_t bytes) {
  Fail(LITEQ_E_OUT_OF_MEMORY, "out of memory: " + what + " needs " + std::to_string(bytes) + " bytes");
  return nullptr;
}

// Bytes an AlignedBuffer of n bytes takes (rounded up to 64), saturating instead of wrapping.
uint64_t Rounded64(uint64_t n) { return n > (UINT64_MAX - 63) ? UINT64_MAX : (n + 63) / 64 * 64; }
uint64_t SatAdd(uint64_t a, uint64_t b) { return a > UINT64_MAX - b ? UINT64_MAX : a + b; }

std::unique_ptr<Plan> OverLimit(const std::string& what, uint64_t need, uint64_t limit) {
  Fail(LITEQ_E_MEMORY_LIMIT, "memory limit: the plan needs " + what + " = " + std::to_string(need) +
                                 " bytes, over the limit of " + std::to_string(limit) + " bytes");
  return nullptr;
}

}  // namespace

AlignedBuffer::AlignedBuffer(size_t bytes) : size_(bytes) {
  // Never a null pointer, even for zero bytes: kernels may pass an empty tensor's data to memcpy.
  const size_t rounded = bytes == 0 ? 64 : (bytes + 63) / 64 * 64;
  size_t align = 64;
#if defined(__linux__) && !defined(__wasi__) && defined(MADV_HUGEPAGE)
  // Buffers of 2 MiB and more (the arena, the packed weights, large scratch) start on a 2 MiB boundary
  // and their whole 2 MiB chunks go on transparent huge pages where the kernel offers them on request
  // (madvise mode): every inference walks all of them, and with 4 KiB pages the TLB misses cost (more
  // so in a VM, where each miss walks two page tables). The size is not rounded up: the tail past the
  // last whole chunk stays on small pages, so the plan holds the bytes it accounts for.
  constexpr size_t kHuge = size_t{2} << 20;
  static const bool huge_pages = std::getenv("LITEQ_NO_HUGEPAGES") == nullptr;
  const bool huge = huge_pages && rounded >= kHuge;
  if (huge) align = kHuge;
#endif
  // aligned_alloc wants a size that is a multiple of the alignment; the bytes past `rounded` are
  // never touched, so they take address space, not memory.
  void* p = std::aligned_alloc(align, (rounded + align - 1) / align * align);
  if (p == nullptr) return;  // ok() says so; the plan reports LITEQ_E_OUT_OF_MEMORY
#if defined(__linux__) && !defined(__wasi__) && defined(MADV_HUGEPAGE)
  if (huge) madvise(p, rounded / kHuge * kHuge, MADV_HUGEPAGE);  // advice only: ignored where THP is off
#endif
  std::memset(p, 0, rounded);
  data_.reset(static_cast<uint8_t*>(p));
}

void AlignedBuffer::Free::operator()(uint8_t* p) const { std::free(p); }

std::unique_ptr<Plan> Plan::Create(const uint8_t* desc, size_t desc_size, const uint8_t* const* constants,
                                   const size_t* constant_sizes, size_t num_constants, int num_threads,
                                   uint64_t max_memory, bool borrow) {
  auto fail = [](const std::string& msg) -> std::unique_ptr<Plan> {
    Fail(LITEQ_E_INVALID_ARGUMENT, "plan description: " + msg);
    return nullptr;
  };
  if (desc == nullptr) return fail("null");
  Reader r(desc, desc_size);
  if (r.U32() != kMagic) return fail("bad magic (expected LQP1)");
  const uint32_t num_tensors = r.U32(), num_ops = r.U32(), num_inputs = r.U32(), num_outputs = r.U32();
  const uint32_t num_names = r.U32();
  const uint64_t arena_bytes = r.U64();
  if (!r.ok()) return fail("truncated header");
  // Every count is bounded by what the remaining bytes could possibly hold, before allocating.
  if (num_tensors > r.remaining() / kTensorRecordBytes) return fail("tensor count larger than the description");
  if (num_ops > r.remaining() / 16 || num_names > r.remaining() / 4) return fail("op or kernel count larger than the description");
  if (num_inputs + static_cast<uint64_t>(num_outputs) > r.remaining() / 4) return fail("input/output count larger than the description");
  if (arena_bytes > (uint64_t{1} << 40)) return fail("arena larger than 1 TiB");

  std::unique_ptr<Plan> plan(new Plan());

  std::vector<const KernelInfo*> kernels(num_names, nullptr);
  std::string unknown;
  bool any_unknown = false;
  for (uint32_t i = 0; i < num_names; ++i) {
    const uint32_t len = r.U32();
    const uint8_t* name = r.Bytes(len);
    r.Align4();
    if (!r.ok()) return fail("truncated kernel name table");
    kernels[i] = FindKernel(std::string_view(reinterpret_cast<const char*>(name), len));
    if (!kernels[i]) {
      unknown += (any_unknown ? ", \"" : "\"") + std::string(reinterpret_cast<const char*>(name), len) + "\"";
      any_unknown = true;
    }
  }
  if (any_unknown) {  // a flag, not unknown.empty(): an empty name is unknown too
    Fail(LITEQ_E_UNSUPPORTED, "no kernel for: " + unknown);
    return nullptr;
  }

  // The memory limit is checked before each allocation, against everything the plan will hold: first
  // the arena and the constants (known from the header and the caller), then, once every op is
  // checked, those plus kernel scratch and packed weights.
  uint64_t constant_total = 0;
  for (size_t i = 0; i < num_constants; ++i) constant_total = SatAdd(constant_total, Rounded64(constant_sizes[i]));
  const uint64_t base_total = SatAdd(Rounded64(arena_bytes), constant_total);
  if (max_memory != 0 && base_total > max_memory) {
    return OverLimit("at least arena " + std::to_string(arena_bytes) + " + constants " + std::to_string(constant_total),
                     base_total, max_memory);
  }

  plan->arena_ = AlignedBuffer(static_cast<size_t>(arena_bytes));
  if (!plan->arena_.ok()) return OutOfMemory("the activation arena", arena_bytes);
  plan->constants_.resize(num_constants);
  // Where each constant's bytes are: the caller's (borrowed: 16-byte aligned, which covers every
  // dtype's alignment; kernels read constants with unaligned loads) or the plan's copy.
  std::vector<uint8_t*> constant_data(num_constants, nullptr);
  for (size_t i = 0; i < num_constants; ++i) {
    if (constant_sizes[i] > 0 && constants[i] == nullptr) return fail("constant " + std::to_string(i) + " is null");
    if (borrow && constant_sizes[i] > 0 && reinterpret_cast<uintptr_t>(constants[i]) % 16 == 0) {
      constant_data[i] = const_cast<uint8_t*>(constants[i]);  // read only: outputs are never constants
      continue;
    }
    plan->constants_[i] = AlignedBuffer(constant_sizes[i]);
    constant_data[i] = plan->constants_[i].data();
    if (!plan->constants_[i].ok()) return OutOfMemory("constant " + std::to_string(i), constant_sizes[i]);
    if (constant_sizes[i]) std::memcpy(plan->constants_[i].data(), constants[i], constant_sizes[i]);
  }

  plan->tensors_.resize(num_tensors);
  for (uint32_t i = 0; i < num_tensors; ++i) {
    Tensor& t = plan->tensors_[i];
    const std::string where = "tensor " + std::to_string(i) + ": ";
    const int32_t dtype = r.I32();
    t.rank = r.I32();
    for (int d = 0; d < kMaxRank; ++d) t.dims[d] = r.I32();
    const int32_t storage = r.I32();
    const int32_t constant_index = r.I32();
    const uint64_t offset = r.U64();
    const uint64_t bytes = r.U64();
    t.scale = r.F32();
    t.zero_point = r.I32();
    if (!r.ok()) return fail("truncated tensor table");
    if (!KnownDType(dtype)) return fail(where + "unsupported dtype code " + std::to_string(dtype));
    t.dtype = static_cast<DType>(dtype);
    if (t.rank < 0 || t.rank > kMaxRank) return fail(where + "rank " + std::to_string(t.rank) + " outside 0..6");
    uint64_t elements = 1;
    for (int d = 0; d < t.rank; ++d) {
      if (t.dims[d] < 0) return fail(where + "negative dimension");
      elements *= static_cast<uint64_t>(t.dims[d]);
      if (elements > (uint64_t{1} << 40)) return fail(where + "too many elements");
    }
    if (storage != 2 && bytes != elements * DTypeSize(t.dtype)) return fail(where + "byte size does not match shape x dtype");
    t.bytes = storage == 2 ? 0 : static_cast<size_t>(bytes);  // an absent optional operand holds nothing
    if (storage == 0) {
      if (offset % DTypeSize(t.dtype) != 0 || offset > arena_bytes || bytes > arena_bytes - offset) {
        return fail(where + "arena slot out of range or not aligned to its dtype");
      }
      t.data = plan->arena_.data() + offset;
    } else if (storage == 1) {
      if (constant_index < 0 || static_cast<size_t>(constant_index) >= num_constants) return fail(where + "constant index out of range");
      if (constant_sizes[constant_index] != bytes) return fail(where + "constant size does not match shape x dtype");
      t.data = constant_data[constant_index];
      t.is_constant = true;
    } else if (storage != 2) {
      return fail(where + "unknown storage kind");
    }
  }

  const int threads = num_threads > 0 ? num_threads : DefaultThreadCount();
  size_t max_scratch = 0;
  uint64_t prepared_total = 0;
  plan->ops_.resize(num_ops);
  auto tensor_at = [&](int32_t idx) -> Tensor* {
    return idx >= 0 && static_cast<uint32_t>(idx) < num_tensors ? &plan->tensors_[idx] : nullptr;
  };
  for (uint32_t i = 0; i < num_ops; ++i) {
    PlanOp& op = plan->ops_[i];
    const std::string where = "op " + std::to_string(i) + ": ";
    const uint32_t k = r.U32(), n_in = r.U32(), n_out = r.U32(), params_size = r.U32();
    if (!r.ok()) return fail("truncated op table");
    if (k >= num_names) return fail(where + "kernel index out of range");
    if (n_in > r.remaining() / 4 || n_out > r.remaining() / 4) return fail(where + "operand count larger than the description");
    op.kernel = kernels[k];
    for (uint32_t j = 0; j < n_in; ++j) {
      const int32_t idx = r.I32();
      if (idx != -1 && !tensor_at(idx)) return fail(where + "input tensor index out of range");
      // An absent optional operand (storage 2) is the same as an omitted one: kernels see nullptr.
      Tensor* t = idx == -1 ? nullptr : tensor_at(idx);
      op.inputs.push_back(t && t->data ? t : nullptr);
    }
    for (uint32_t j = 0; j < n_out; ++j) {
      Tensor* t = tensor_at(r.I32());
      if (!t) return fail(where + "output tensor index out of range");
      if (!t->data) return fail(where + "output tensor has no storage");
      if (t->is_constant) return fail(where + "output tensor is a constant");
      op.outputs.push_back(t);
    }
    // Kernels read inputs while writing outputs: no output may share arena bytes with an input or
    // another output (a hostile description would make memcpy overlap), except an input the kernel
    // takes in place, exactly where it would write it (liteq's planner puts RESHAPE and
    // CONCATENATION inputs there; checked below once the params are read).
    auto overlap = [](const Tensor* x, const Tensor* y) {
      return x && y && x->bytes && y->bytes && x->data < y->data + y->bytes && y->data < x->data + x->bytes;
    };
    std::vector<int> in_place;  // inputs overlapping an output, for the kernel's in_place check
    for (size_t j = 0; j < op.outputs.size(); ++j) {
      for (size_t i = 0; i < op.inputs.size(); ++i) {
        if (!overlap(op.outputs[j], op.inputs[i])) continue;
        if (!op.kernel->in_place) return fail(where + "an output overlaps an input in the arena");
        in_place.push_back(static_cast<int>(i));
      }
      for (size_t k = 0; k < j; ++k) {
        if (overlap(op.outputs[j], op.outputs[k])) return fail(where + "two outputs overlap in the arena");
      }
    }
    const uint8_t* params = r.Bytes(params_size);
    r.Align4();
    if (!r.ok()) return fail(where + "truncated params");
    op.params.assign(params, params + params_size);
    const OpArgs args{op.params.data(), op.params.size(), op.inputs.data(), static_cast<int>(op.inputs.size()),
                      op.outputs.data(), static_cast<int>(op.outputs.size())};
    if (op.kernel->check) {
      const int status = op.kernel->check(args);
      if (status != LITEQ_OK) {
        Fail(status, where + op.kernel->name + ": " + LastError());
        return nullptr;
      }
    }
    for (const int i : in_place) {
      if (!op.kernel->in_place(args, i)) {
        return fail(where + "input " + std::to_string(i) + " overlaps an output, not where " + op.kernel->name + " writes it");
      }
    }
    op.scratch_bytes = op.kernel->scratch ? op.kernel->scratch(args, threads) : 0;
    op.prepared_bytes = op.kernel->prepare ? op.kernel->prepare(args, nullptr) : 0;
    prepared_total = SatAdd(prepared_total, Rounded64(op.prepared_bytes));  // its 64-byte aligned slice
    max_scratch = std::max(max_scratch, op.scratch_bytes);
  }
  const uint64_t total = SatAdd(SatAdd(base_total, Rounded64(max_scratch)), prepared_total);
  if (max_memory != 0 && total > max_memory) {
    return OverLimit("arena " + std::to_string(arena_bytes) + " + constants " + std::to_string(constant_total) +
                         " + kernel scratch " + std::to_string(max_scratch) + " + packed weights " +
                         std::to_string(prepared_total),
                     total, max_memory);
  }
  // Every op's packed weights in one buffer (64-byte aligned slices), so they share its huge pages.
  plan->prepared_ = AlignedBuffer(static_cast<size_t>(prepared_total));
  if (!plan->prepared_.ok()) return OutOfMemory("packed weights", prepared_total);
  size_t offset = 0;
  for (PlanOp& op : plan->ops_) {
    if (op.prepared_bytes == 0) continue;
    const OpArgs args{op.params.data(), op.params.size(), op.inputs.data(), static_cast<int>(op.inputs.size()),
                      op.outputs.data(), static_cast<int>(op.outputs.size())};
    op.prepared = plan->prepared_.data() + offset;
    offset += static_cast<size_t>(Rounded64(op.prepared_bytes));
    op.kernel->prepare(args, op.prepared);
  }
  plan->inputs_.resize(num_inputs);
  plan->outputs_.resize(num_outputs);
  for (auto& idx : plan->inputs_) idx = r.I32();
  for (auto& idx : plan->outputs_) idx = r.I32();
  if (!r.ok()) return fail("truncated input/output lists");
  for (int32_t idx : plan->inputs_) {
    if (!tensor_at(idx) || plan->tensors_[idx].data == nullptr || idx < 0) return fail("input tensor index out of range");
    if (plan->tensors_[idx].is_constant) return fail("input tensor " + std::to_string(idx) + " is a constant");
  }
  for (int32_t idx : plan->outputs_) {
    if (!tensor_at(idx)) return fail("output tensor index out of range");
    if (plan->tensors_[idx].data == nullptr) return fail("output tensor " + std::to_string(idx) + " has no storage");
  }
  if (r.remaining() != 0) return fail("trailing bytes after the output list");

  plan->scratch_ = AlignedBuffer(max_scratch);
  if (!plan->scratch_.ok()) return OutOfMemory("kernel scratch", max_scratch);
  plan->pool_ = std::make_unique<ThreadPool>(threads);
  plan->profile_ = ProfileEnabled();
  if (plan->profile_) plan->profile_ns_.assign(num_ops, 0);
  return plan;
}

int Plan::Run(const void* const* inputs, const size_t* input_sizes, size_t num_inputs) {
#if LITEQ_THREADS
  std::lock_guard<std::mutex> lock(run_mu_);
#endif
  if (num_inputs != inputs_.size()) {
    return Fail(LITEQ_E_INVALID_ARGUMENT, "expected " + std::to_string(inputs_.size()) + " inputs, got " + std::to_string(num_inputs));
  }
  for (size_t i = 0; i < num_inputs; ++i) {
    Tensor& t = tensors_[inputs_[i]];
    if (input_sizes[i] != t.bytes || (t.bytes && inputs[i] == nullptr)) {
      return Fail(LITEQ_E_INVALID_ARGUMENT, "input " + std::to_string(i) + ": expected " + std::to_string(t.bytes) +
                                                " bytes, got " + std::to_string(input_sizes[i]));
    }
    if (t.bytes) std::memcpy(t.data, inputs[i], t.bytes);
  }
  OpContext ctx;
  ctx.pool = pool_.get();
  ctx.num_threads = pool_->num_threads();
  ctx.scratch = scratch_.data();
  // Workers stay hot for the whole graph (ThreadPool::BeginBurst), whatever way this returns.
  struct Burst {
    ThreadPool* pool;
    explicit Burst(ThreadPool* p) : pool(p) { pool->BeginBurst(); }
    ~Burst() { pool->EndBurst(); }
  } burst(pool_.get());
  for (size_t i = 0; i < ops_.size(); ++i) {
    PlanOp& op = ops_[i];
    ctx.scratch_bytes = op.scratch_bytes;
    ctx.prepared = op.prepared_bytes ? op.prepared : nullptr;
    ctx.prepared_bytes = op.prepared_bytes;
    const OpArgs args{op.params.data(), op.params.size(), op.inputs.data(), static_cast<int>(op.inputs.size()),
                      op.outputs.data(), static_cast<int>(op.outputs.size())};
    const auto start = profile_ ? std::chrono::steady_clock::now() : std::chrono::steady_clock::time_point();
    const int status = op.kernel->run(ctx, args);
    if (profile_) {
      profile_ns_[i] += static_cast<uint64_t>(
          std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - start).count());
    }
    if (status != LITEQ_OK) {
      return Fail(status, "op " + std::to_string(i) + " (" + op.kernel->name + "): " + LastError());
    }
  }
  if (profile_) ++profile_runs_;
  return LITEQ_OK;
}

Plan::~Plan() {
  if (profile_ && profile_runs_ > 0) PrintProfile();
}

void Plan::PrintProfile() const {
  const double runs = static_cast<double>(profile_runs_);
  uint64_t total = 0;
  for (uint64_t ns : profile_ns_) total += ns;
  std::vector<size_t> order(ops_.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return profile_ns_[a] > profile_ns_[b]; });
  std::fprintf(stderr, "liteq profile: %zu ops, %llu runs, %d threads, %.3f ms/run\n", ops_.size(),
               static_cast<unsigned long long>(profile_runs_), pool_ ? pool_->num_threads() : 1, total / runs / 1e6);
  std::fprintf(stderr, "%6s %-36s %-24s %10s %6s\n", "op", "kernel", "output", "us/run", "%");
  for (size_t i : order) {
    const PlanOp& op = ops_[i];
    std::string shape;
    if (!op.outputs.empty()) {
      for (int d = 0; d < op.outputs[0]->rank; ++d) shape += (d ? "x" : "") + std::to_string(op.outputs[0]->dims[d]);
    }
    std::fprintf(stderr, "%6zu %-36s %-24s %10.1f %6.2f\n", i, op.kernel->name, shape.c_str(), profile_ns_[i] / runs / 1e3,
                 total ? 100.0 * profile_ns_[i] / total : 0.0);
  }
  std::map<std::string, std::pair<uint64_t, int>> by_kernel;
  for (size_t i = 0; i < ops_.size(); ++i) {
    auto& e = by_kernel[ops_[i].kernel->name];
    e.first += profile_ns_[i];
    ++e.second;
  }
  std::vector<std::pair<std::string, std::pair<uint64_t, int>>> kernels(by_kernel.begin(), by_kernel.end());
  std::sort(kernels.begin(), kernels.end(), [](const auto& a, const auto& b) { return a.second.first > b.second.first; });
  std::fprintf(stderr, "%-36s %6s %10s %6s\n", "kernel", "count", "us/run", "%");
  for (const auto& k : kernels) {
    std::fprintf(stderr, "%-36s %6d %10.1f %6.2f\n", k.first.c_str(), k.second.second, k.second.first / runs / 1e3,
                 total ? 100.0 * k.second.first / total : 0.0);
  }
}

int Plan::TensorBytes(int32_t index, const void** data, size_t* size) const {
  if (index < 0 || static_cast<size_t>(index) >= tensors_.size()) {
    return Fail(LITEQ_E_INVALID_ARGUMENT, "tensor index " + std::to_string(index) + " out of range");
  }
  *data = tensors_[index].data;
  *size = tensors_[index].bytes;
  return LITEQ_OK;
}

}  // namespace liteq
