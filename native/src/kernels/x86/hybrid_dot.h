// The hybrid FULLY_CONNECTED's integer dot products at AVX-512 VNNI (hybrid_dot__avx512vnni.cc).
#ifndef LITEQ_KERNELS_X86_HYBRID_DOT_H_
#define LITEQ_KERNELS_X86_HYBRID_DOT_H_

#include <cstddef>
#include <cstdint>

namespace liteq {
namespace x86 {

// For rows r < rows (1..4) of int8 weights at w + r * stride, depth bytes each: dots[r] = Σ_k w[k]·vu[k]
// (vu unsigned), and when with_sums, sums[r] = Σ_k w[k]; int32, wrapping. Isa::kAvx512Vnni only.
void HybridDotsVnni(const int8_t* w, size_t stride, int rows, int depth, const uint8_t* vu, bool with_sums, int32_t* dots, int32_t* sums);

}  // namespace x86
}  // namespace liteq

#endif  // LITEQ_KERNELS_X86_HYBRID_DOT_H_
