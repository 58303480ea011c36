// Quantized ADD / SUB of two same-shape uint8 or int8 tensors, bit-exact to reference/add.h's
// QuantizedAddElement, 8 elements at a time: each step of the reference (offset, << left_shift,
// MultiplyByQuantizedMultiplier per input, sum or difference, rescale, + Z_out, clamp) is the same
// integer operation on int32 lanes. The per-tensor multipliers make every shift uniform.
#ifndef LITEQ_KERNELS_VADD_Q8_VADD_H_
#define LITEQ_KERNELS_VADD_Q8_VADD_H_

#include <cstddef>
#include <cstdint>
#include <limits>
#include <type_traits>

#include "kernels/lut.h"
#include "kernels/params.h"
#include "kernels/reference/add.h"
#include "kernels/x86/isa.h"

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

// out[i] = QuantizedAddElement(s, x[i], y[i], subtract) for i < n by the fastest exact path here: the
// pair table (kernels/lut.h) when one is given and lookups are fast at the active ISA (it must hold this
// op's results: built by the reference element for every pair of operand bytes), else the SIMD
// kernel when it covers s, else the reference. out may be x or y (every path reads an element's
// operands before writing it).
template <typename T>
void AddRange(const reference::QuantizedAddSpec& s, bool subtract, const T* x, const T* y, size_t n, T* out, const uint8_t* table) {
  if (table && PairLookupIsFast()) {
    LookupPairs(table, reinterpret_cast<const uint8_t*>(x), reinterpret_cast<const uint8_t*>(y), static_cast<int64_t>(n),
                reinterpret_cast<uint8_t*>(out));
    return;
  }
#if defined(__wasm_simd128__)
  if (x86::ActiveIsa() == x86::Isa::kWasmSimd128 && Covers<T>(s)) {
    if constexpr (std::is_same<T, uint8_t>::value) return QU8VaddWasmSimd(s, subtract, x, y, n, out);
    else return QS8VaddWasmSimd(s, subtract, x, y, n, out);
  }
#else
  if (x86::ActiveIsa() >= x86::Isa::kAvx2 && Covers<T>(s)) {  // AVX-512 levels run it too
    if constexpr (std::is_same<T, uint8_t>::value) return QU8VaddAvx2(s, subtract, x, y, n, out);
    else return QS8VaddAvx2(s, subtract, x, y, n, out);
  }
#endif
  VaddReference(s, subtract, x, y, n, out);
}

// The add spec of an ADD/SUB's params block.
inline reference::QuantizedAddSpec AddSpecOf(const ElementwiseParams& p) {
  return {p.input1_offset,     p.input2_offset, p.output_offset,     p.left_shift,   p.input1_multiplier, p.input1_shift,
          p.input2_multiplier, p.input2_shift,  p.output_multiplier, p.output_shift, p.activation_min,    p.activation_max};
}

// A pair table of the op (kPairTableBytes at dst): the reference element for every pair of operand bytes.
template <typename T>
void FillPairTable(const reference::QuantizedAddSpec& s, bool subtract, uint8_t* dst) {
  for (int i = 0; i < 256; ++i) {
    const T u = static_cast<T>(static_cast<uint8_t>(i));
    for (int j = 0; j < 256; ++j) {
      dst[256 * i + j] = static_cast<uint8_t>(reference::QuantizedAddElement(s, u, static_cast<T>(static_cast<uint8_t>(j)), subtract));
    }
  }
  for (size_t i = 65536; i < kPairTableBytes; ++i) dst[i] = 0;
}

}  // namespace vadd
}  // namespace liteq

#endif  // LITEQ_KERNELS_VADD_Q8_VADD_H_
