// Quantized ADD / SUB of two same-shape uint8 or int8 tensors, bit-exact to reference/add.h's
// QuantizedAddElement, 8 elements at a time: each step of the reference (offset, << left_shift,
// MultiplyByQuantizedMultiplier per input, sum or difference, rescale, + Z_out, clamp) is the same
// integer operation on int32 lanes. The per-tensor multipliers make every shift uniform.
#ifndef LITEQ_KERNELS_VADD_Q8_VADD_H_
#define LITEQ_KERNELS_VADD_Q8_VADD_H_

#include <cstddef>
#include <cstdint>
#include <limits>

#include "kernels/reference/add.h"

namespace liteq {
namespace vadd {

// True when the SIMD kernels reproduce the reference for these parameters (no INT32_MIN multiplier,
// shifts in [-31, 30], left_shift in [0, 30], clamps within the output type).
template <typename T>
bool Covers(const reference::QuantizedAddSpec& s) {
  const int32_t ms[3] = {s.input1_multiplier, s.input2_multiplier, s.output_multiplier};
  const int32_t sh[3] = {s.input1_shift, s.input2_shift, s.output_shift};
  for (int i = 0; i < 3; ++i) {
    if (ms[i] == std::numeric_limits<int32_t>::min() || sh[i] < -31 || sh[i] > 30) return false;
  }
  return s.left_shift >= 0 && s.left_shift <= 30 && s.activation_min >= std::numeric_limits<T>::min() &&
         s.activation_max <= std::numeric_limits<T>::max();
}

// out[i] = QuantizedAddElement(s, a[i], b[i], subtract): the SIMD kernels' tails, and the kernels of
// the ISA a build does not have (defined so that dispatch and tests link).
template <typename T>
void VaddReference(const reference::QuantizedAddSpec& s, bool subtract, const T* a, const T* b, size_t n, T* out) {
  for (size_t i = 0; i < n; ++i) out[i] = static_cast<T>(reference::QuantizedAddElement(s, a[i], b[i], subtract));
}

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
