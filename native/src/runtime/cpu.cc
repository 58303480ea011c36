// CPU feature detection for run-time kernel dispatch (AVX-512 VNNI, AVX2, SSE4.1, scalar). AVX-512
// counts only when the OS saves the zmm state (XCR0 opmask, ZMM_Hi256, Hi16_ZMM bits).
#include <cstdint>

#include "liteq/liteq.h"

#if defined(__x86_64__) || defined(_M_X64) || defined(__i386__)
#include <cpuid.h>
#define LITEQ_X86 1
#endif

namespace liteq {
namespace {

#if defined(LITEQ_X86)
uint64_t ReadXcr0() {
  uint32_t eax = 0, edx = 0;
  __asm__ volatile("xgetbv" : "=a"(eax), "=d"(edx) : "c"(0));
  return (static_cast<uint64_t>(edx) << 32) | eax;
}

uint32_t Detect() {
  uint32_t features = 0;
  unsigned eax = 0, ebx = 0, ecx = 0, edx = 0;
  if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return 0;
  if (ecx & bit_SSE4_1) features |= LITEQ_CPU_SSE41;
  const bool osxsave = (ecx & bit_OSXSAVE) != 0;
  const bool fma = (ecx & bit_FMA) != 0;
  // AVX state must be enabled by the OS (XCR0 bits 1 and 2), not only present in the CPU.
  const bool os_avx = osxsave && (ReadXcr0() & 0x6) == 0x6;
  const bool os_avx512 = osxsave && (ReadXcr0() & 0xe6) == 0xe6;
  if (__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) {
    if (os_avx && (ebx & bit_AVX2)) features |= LITEQ_CPU_AVX2;
    if (os_avx && fma) features |= LITEQ_CPU_FMA;
    if (os_avx512 && (ebx & bit_AVX512F)) features |= LITEQ_CPU_AVX512F;
    if (os_avx512 && (ecx & bit_AVX512VNNI)) features |= LITEQ_CPU_AVX512VNNI;
    if (os_avx512 && (ebx & bit_AVX512BW) && (ebx & bit_AVX512VL)) features |= LITEQ_CPU_AVX512BW;
  }
  return features;
}
#elif defined(__wasm_simd128__)
uint32_t Detect() { return LITEQ_CPU_WASM_SIMD128; }
#else
uint32_t Detect() { return 0; }
#endif

}  // namespace
}  // namespace liteq

extern "C" uint32_t liteq_cpu_features(void) {
  static const uint32_t features = liteq::Detect();
  return features;
}
