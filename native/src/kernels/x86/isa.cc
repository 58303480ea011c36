#include "kernels/x86/isa.h"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cstring>

#include "liteq/liteq.h"

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#endif

namespace liteq {
namespace x86 {
namespace {

Isa DetectIsa() {
  const uint32_t f = liteq_cpu_features();
  const bool avx512 = (f & LITEQ_CPU_AVX512F) && (f & LITEQ_CPU_AVX512BW) && (f & LITEQ_CPU_AVX2);
  Isa isa = (f & LITEQ_CPU_WASM_SIMD128) ? Isa::kWasmSimd128
            : avx512 && (f & LITEQ_CPU_AVX512VNNI) ? Isa::kAvx512Vnni
            : avx512                                ? Isa::kAvx512
            : (f & LITEQ_CPU_AVX2)                  ? Isa::kAvx2
            : (f & LITEQ_CPU_SSE41)                 ? Isa::kSse41
                                                    : Isa::kScalar;
  if (const char* cap = std::getenv("LITEQ_ISA")) {
    for (Isa level : {Isa::kScalar, Isa::kSse41, Isa::kAvx2, Isa::kAvx512, Isa::kAvx512Vnni}) {
      if (std::strcmp(cap, IsaName(level)) == 0 && isa != Isa::kWasmSimd128) isa = std::min(isa, level);
    }
  }
  return isa;
}

std::atomic<int> g_isa_cap{static_cast<int>(Isa::kAvx512Vnni)};

}  // namespace

const char* IsaName(Isa isa) {
  switch (isa) {
    case Isa::kScalar: return "scalar";
    case Isa::kSse41: return "sse41";
    case Isa::kAvx2: return "avx2";
    case Isa::kWasmSimd128: return "wasm-simd128";
    case Isa::kAvx512: return "avx512";
    case Isa::kAvx512Vnni: return "avx512vnni";
  }
  return "?";
}

Isa ActiveIsa() {
  static const Isa isa = DetectIsa();
  return std::min(isa, static_cast<Isa>(g_isa_cap.load(std::memory_order_relaxed)));
}

bool CpuHasVbmi() {
#if defined(__x86_64__) || defined(__i386__)
  static const bool vbmi = [] {
    unsigned a = 0, b = 0, c = 0, d = 0;
    return __get_cpuid_count(7, 0, &a, &b, &c, &d) && (c & (1u << 1)) != 0;
  }();
  return vbmi;
#else
  return false;
#endif
}

void SetIsaCapForTesting(Isa isa) { g_isa_cap.store(static_cast<int>(isa), std::memory_order_relaxed); }

}  // namespace x86
}  // namespace liteq
