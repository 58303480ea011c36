// liteq_alloc_probe FIXTURE THREADS [--self-check]: creates a plan from FIXTURE (written by
// packages/native/src/no-allocation.test.ts: a plan description, its constants and input sizes), runs
// it twice untimed, then three more times while counting every heap allocation of the process
// (malloc, calloc, realloc, aligned_alloc, posix_memalign, memalign, and so operator new), and prints
// "allocations during 3 runs: N". One inference must allocate nothing (issue: whole-graph work).
// --self-check allocates once inside the counted window, to show the counter sees allocations. With
// LITEQ_PROBE_TRAP=1 the first counted allocation traps (run it under gdb to see where it comes from).
//
// Fixture format, little-endian: u64 description bytes, the description; u32 constants, then for each
// u64 bytes and the bytes; u32 inputs, then u64 bytes per input.
#include <atomic>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "liteq/liteq.h"

extern "C" {
void* __libc_malloc(size_t);
void __libc_free(void*);
void* __libc_calloc(size_t, size_t);
void* __libc_realloc(void*, size_t);
void* __libc_memalign(size_t, size_t);
}

namespace {
std::atomic<bool> g_counting{false};
std::atomic<long> g_allocations{0};
bool TrapOnAllocation() {
  static const bool trap = std::getenv("LITEQ_PROBE_TRAP") != nullptr;  // read before counting starts
  return trap;
}
// With LITEQ_PROBE_TRAP set, the first counted allocation traps, so a debugger shows who made it.
inline void Count() {
  if (!g_counting.load(std::memory_order_relaxed)) return;
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  if (TrapOnAllocation()) __builtin_trap();
}
}  // namespace

// The process's allocator entry points, counted and forwarded to glibc's (this executable's
// definitions take precedence over libc's for every caller, libstdc++'s operator new included).
extern "C" {
void* malloc(size_t n) {
  Count();
  return __libc_malloc(n);
}
void free(void* p) { __libc_free(p); }
void* calloc(size_t a, size_t b) {
  Count();
  return __libc_calloc(a, b);
}
void* realloc(void* p, size_t n) {
  Count();
  return __libc_realloc(p, n);
}
void* aligned_alloc(size_t align, size_t n) {
  Count();
  return __libc_memalign(align, n);
}
void* memalign(size_t align, size_t n) {
  Count();
  return __libc_memalign(align, n);
}
int posix_memalign(void** out, size_t align, size_t n) {
  Count();
  void* p = __libc_memalign(align, n);
  if (p == nullptr) return ENOMEM;
  *out = p;
  return 0;
}
}

namespace {

struct Reader {
  const std::vector<uint8_t>& b;
  size_t at = 0;
  bool ok = true;
  uint64_t U(int bytes) {
    if (at + bytes > b.size()) return ok = false, 0;
    uint64_t v = 0;
    for (int i = 0; i < bytes; ++i) v |= uint64_t{b[at + i]} << (8 * i);
    at += bytes;
    return v;
  }
  const uint8_t* Bytes(uint64_t n) {
    if (n > b.size() - at) return ok = false, nullptr;
    const uint8_t* p = b.data() + at;
    at += n;
    return p;
  }
};

int Die(const std::string& msg) {
  std::fprintf(stderr, "liteq_alloc_probe: %s\n", msg.c_str());
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) return Die("usage: liteq_alloc_probe FIXTURE THREADS [--self-check]");
  const bool self_check = argc > 3 && std::strcmp(argv[3], "--self-check") == 0;
  std::ifstream f(argv[1], std::ios::binary);
  const std::vector<uint8_t> file((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  Reader r{file};
  const uint64_t desc_bytes = r.U(8);
  const uint8_t* desc = r.Bytes(desc_bytes);
  const uint32_t num_constants = static_cast<uint32_t>(r.U(4));
  std::vector<const uint8_t*> constants;
  std::vector<size_t> constant_sizes;
  for (uint32_t i = 0; i < num_constants && r.ok; ++i) {
    const uint64_t n = r.U(8);
    constant_sizes.push_back(n);
    constants.push_back(r.Bytes(n));
  }
  const uint32_t num_inputs = static_cast<uint32_t>(r.U(4));
  std::vector<std::vector<uint8_t>> inputs;
  for (uint32_t i = 0; i < num_inputs && r.ok; ++i) inputs.emplace_back(r.U(8), uint8_t{0x5A});
  if (!r.ok || file.empty()) return Die(std::string(argv[1]) + ": missing or truncated fixture");
  std::vector<const void*> input_ptrs;
  std::vector<size_t> input_sizes;
  for (auto& in : inputs) input_ptrs.push_back(in.data()), input_sizes.push_back(in.size());

  liteq_plan* plan = nullptr;
  if (liteq_plan_create(desc, desc_bytes, constants.data(), constant_sizes.data(), constants.size(), std::atoi(argv[2]), 0, &plan) != LITEQ_OK) {
    return Die(std::string("plan: ") + liteq_last_error());
  }
  for (int i = 0; i < 2; ++i) {
    if (liteq_plan_run(plan, input_ptrs.data(), input_sizes.data(), input_ptrs.size()) != LITEQ_OK) return Die(std::string("run: ") + liteq_last_error());
  }
  TrapOnAllocation();
  g_counting.store(true);
  int status = LITEQ_OK;
  for (int i = 0; i < 3 && status == LITEQ_OK; ++i) status = liteq_plan_run(plan, input_ptrs.data(), input_sizes.data(), input_ptrs.size());
  if (self_check) {
    std::vector<int>* v = new std::vector<int>(100);
    delete v;
  }
  g_counting.store(false);
  if (status != LITEQ_OK) return Die(std::string("run: ") + liteq_last_error());
  std::printf("allocations during 3 runs: %ld\n", g_allocations.load());
  liteq_plan_destroy(plan);
  return 0;
}
