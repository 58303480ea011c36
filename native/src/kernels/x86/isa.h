// Run-time instruction set choice for every x86 kernel (GEMM, depthwise conv, elementwise).
#ifndef LITEQ_KERNELS_X86_ISA_H_
#define LITEQ_KERNELS_X86_ISA_H_

namespace liteq {
namespace x86 {

// Instruction set levels, lowest first. The best the CPU has (liteq_cpu_features()), capped by env
// LITEQ_ISA=scalar|sse41|avx2|avx512|avx512vnni (read once) so tests and benchmarks can force a lower
// level. The WebAssembly build has one SIMD level of its own, kWasmSimd128 (x86 never reports it,
// and the x86 kernels are not compiled there). kAvx512 (F+BW+VL, zmm state saved by the OS) runs the
// 8x16 float GEMM and, where the CPU has VBMI, byte table lookups; the AVX2 kernels otherwise.
// kAvx512Vnni adds vpdpbusd (quantized GEMM, depthwise).
enum class Isa : int { kScalar = 0, kSse41 = 1, kAvx2 = 2, kWasmSimd128 = 3, kAvx512 = 4, kAvx512Vnni = 5 };
// The level's LITEQ_ISA name ("scalar", "sse41", "avx2", "wasm-simd128", "avx512", "avx512vnni").
const char* IsaName(Isa isa);
Isa ActiveIsa();
// Whether the CPU has AVX-512 VBMI (vpermb, vpermt2b); kernels using it also check the level is kAvx512+.
bool CpuHasVbmi();
// Tests only: run as if the CPU stopped at `isa` (never raises the level above what it has).
void SetIsaCapForTesting(Isa isa);

}  // namespace x86
}  // namespace liteq

#endif  // LITEQ_KERNELS_X86_ISA_H_
