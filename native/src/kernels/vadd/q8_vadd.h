// Quantized ADD / SUB of two same-shape uint8 or int8 tensors, bit-exact to reference/add.h's
// QuantizedAddElement, 8 elements at a time: each step of the reference (offset, << left_shift,
// MultiplyByQuantizedMultiplier per input, sum or difference, rescale, + Z_out, clamp) is the same
// integer operation on int32 lanes. The per-tensor multipliers make every shift uniform.
#ifndef LITEQ_KERNELS_VADD_Q8_VADD_H_
#define LITEQ_KERNELS_VADD_Q8_VADD_H_

#include <cstddef>
#include <cstdint>

#include "kernels/reference/add.h"

namespace liteq {
namespace vadd {

// True when the SIMD kernels reproduce the reference for these parameters (no INT32_MIN multiplier,
// shifts in [-31, 30], left_shift in [0, 30], clamps within the output type).
template <typename T>
bool Covers(const reference::QuantizedAddSpec& s);

// out[i] = QuantizedAddElement(s, a[i], b[i], subtract) for i < n (AVX2 for whole groups of 8).
void QU8VaddAvx2(const reference::QuantizedAddSpec& s, bool subtract, const uint8_t* a, const uint8_t* b, size_t n,
                 uint8_t* out);
void QS8VaddAvx2(const reference::QuantizedAddSpec& s, bool subtract, const int8_t* a, const int8_t* b, size_t n,
                 int8_t* out);
// WebAssembly SIMD128 (wasm/q8_vadd_8x__wasmsimd.cc).
void QU8VaddWasmSimd(const reference::QuantizedAddSpec& s, bool subtract, const uint8_t* a, const uint8_t* b, size_t n,
                     uint8_t* out);
void QS8VaddWasmSimd(const reference::QuantizedAddSpec& s, bool subtract, const int8_t* a, const int8_t* b, size_t n,
                     int8_t* out);

}  // namespace vadd
}  // namespace liteq

#endif  // LITEQ_KERNELS_VADD_Q8_VADD_H_
