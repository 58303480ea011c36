// Quantized same-shape ADD / SUB, WebAssembly SIMD128, 8 elements at a time: the steps of
// reference/add.h's QuantizedAddElement on int32 lanes (offset, << left_shift, each input's rescale,
// sum or difference, the output rescale, + Z_out, clamp), every rescale with one per-tensor shift
// (wasm/rescale.h). Arithmetic: vadd/q8_vadd.h.
#include <type_traits>

#include "kernels/vadd/q8_vadd.h"

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>

#include "kernels/wasm/rescale.h"

namespace liteq {
namespace vadd {
namespace {

inline v128_t RescaleBy(v128_t v, int32_t multiplier, int32_t shift) {
  return wasm::Rescale4(v, wasm_i32x4_splat(multiplier), shift > 0 ? shift : 0, shift > 0 ? 0 : -shift, false);
}

template <typename T>
void Vadd(const reference::QuantizedAddSpec& s, bool subtract, const T* a, const T* b, size_t n, T* out) {
  const v128_t off1 = wasm_i32x4_splat(s.input1_offset), off2 = wasm_i32x4_splat(s.input2_offset);
  const v128_t out_off = wasm_i32x4_splat(s.output_offset);
  const v128_t lo = wasm_i32x4_splat(s.activation_min), hi = wasm_i32x4_splat(s.activation_max);
  auto widen = [](v128_t bytes, bool high) {
    const v128_t h = std::is_same<T, uint8_t>::value ? wasm_u16x8_extend_low_u8x16(bytes) : wasm_i16x8_extend_low_i8x16(bytes);
    return high ? wasm_i32x4_extend_high_i16x8(h) : wasm_i32x4_extend_low_i16x8(h);
  };
  auto lane = [&](v128_t q1, v128_t q2) {
    // (offset + q) << left_shift wraps like the reference; then each input's rescale.
    const v128_t x1 = RescaleBy(wasm_i32x4_shl(wasm_i32x4_add(q1, off1), s.left_shift), s.input1_multiplier, s.input1_shift);
    const v128_t x2 = RescaleBy(wasm_i32x4_shl(wasm_i32x4_add(q2, off2), s.left_shift), s.input2_multiplier, s.input2_shift);
    const v128_t raw = subtract ? wasm_i32x4_sub(x1, x2) : wasm_i32x4_add(x1, x2);
    const v128_t v = wasm_i32x4_add(RescaleBy(raw, s.output_multiplier, s.output_shift), out_off);
    return wasm_i32x4_min(wasm_i32x4_max(v, lo), hi);
  };
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    const v128_t va = wasm_v128_load64_zero(a + i), vb = wasm_v128_load64_zero(b + i);
    const v128_t r0 = lane(widen(va, false), widen(vb, false));
    const v128_t r1 = lane(widen(va, true), widen(vb, true));
    // Clamped to the output type's range: the saturating narrows are exact.
    const v128_t s16 = wasm_i16x8_narrow_i32x4(r0, r1);
    const v128_t bytes = std::is_same<T, uint8_t>::value ? wasm_u8x16_narrow_i16x8(s16, s16) : wasm_i8x16_narrow_i16x8(s16, s16);
    wasm_v128_store64_lane(out + i, bytes, 0);
  }
  VaddReference(s, subtract, a + i, b + i, n - i, out + i);
}

}  // namespace

void QU8VaddWasmSimd(const reference::QuantizedAddSpec& s, bool subtract, const uint8_t* a, const uint8_t* b, size_t n,
                     uint8_t* out) {
  Vadd<uint8_t>(s, subtract, a, b, n, out);
}

void QS8VaddWasmSimd(const reference::QuantizedAddSpec& s, bool subtract, const int8_t* a, const int8_t* b, size_t n,
                     int8_t* out) {
  Vadd<int8_t>(s, subtract, a, b, n, out);
}

}  // namespace vadd
}  // namespace liteq

#else  // not WebAssembly: never selected; defined so tests and dispatch link.

namespace liteq {
namespace vadd {
void QU8VaddWasmSimd(const reference::QuantizedAddSpec& s, bool subtract, const uint8_t* a, const uint8_t* b, size_t n,
                     uint8_t* out) {
  VaddReference(s, subtract, a, b, n, out);
}
void QS8VaddWasmSimd(const reference::QuantizedAddSpec& s, bool subtract, const int8_t* a, const int8_t* b, size_t n,
                     int8_t* out) {
  VaddReference(s, subtract, a, b, n, out);
}
}  // namespace vadd
}  // namespace liteq

#endif  // __wasm_simd128__
