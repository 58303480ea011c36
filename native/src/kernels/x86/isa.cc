#include "kernels/x86/isa.h"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cstring>

#include "liteq/liteq.h"

namespace liteq {
namespace x86 {
namespace {

Isa DetectIsa() {
  const uint32_t f = liteq_cpu_features();
  Isa isa = (f & LITEQ_CPU_WASM_SIMD128) ? Isa::kWasmSimd128 : (f & LITEQ_CPU_AVX2) ? Isa::kAvx2 : (f & LITEQ_CPU_SSE41) ? Isa::kSse41 : Isa::kScalar;
  if (const char* cap = std::getenv("LITEQ_ISA")) {
    Isa limit = isa;
    if (std::strcmp(cap, "scalar") == 0) limit = Isa::kScalar;
    if (std::strcmp(cap, "sse41") == 0) limit = Isa::kSse41;
    isa = std::min(isa, limit);
  }
  return isa;
}

std::atomic<int> g_isa_cap{static_cast<int>(Isa::kWasmSimd128)};

}  // namespace

Isa ActiveIsa() {
  static const Isa isa = DetectIsa();
  return std::min(isa, static_cast<Isa>(g_isa_cap.load(std::memory_order_relaxed)));
}

void SetIsaCapForTesting(Isa isa) { g_isa_cap.store(static_cast<int>(isa), std::memory_order_relaxed); }

}  // namespace x86
}  // namespace liteq
