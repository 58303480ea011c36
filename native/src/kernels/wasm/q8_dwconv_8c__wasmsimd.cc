// Quantized depthwise micro-kernel, WebAssembly SIMD128: 8 channels per step (two taps interleaved,
// widened to int16, i32x4.dot_i16x8_s against the [channel][2] weights, as the SSE4.1 kernel does),
// then the requantization vectorized when every channel has the same shift (wasm/rescale.h), else
// the reference output stage per value. Arithmetic: dwconv/q8_dwconv.h.
#include <type_traits>

#include "kernels/dwconv/q8_dwconv.h"
#include "kernels/reference/output_stage.h"
#include "kernels/wasm/rescale.h"

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>

namespace liteq {
namespace dwconv {
namespace {

template <typename T>
inline v128_t WidenLow(v128_t v) {
  if constexpr (std::is_same<T, uint8_t>::value) return wasm_u16x8_extend_low_u8x16(v);
  return wasm_i16x8_extend_low_i8x16(v);
}

template <typename T>
inline v128_t WidenHigh(v128_t v) {
  if constexpr (std::is_same<T, uint8_t>::value) return wasm_u16x8_extend_high_u8x16(v);
  return wasm_i16x8_extend_high_i8x16(v);
}

template <typename T, int kPairs>
void Dwconv(const Packed& p, const T* const* taps, size_t n, size_t step, T* out) {
  const int pairs = kPairs > 0 ? kPairs : p.pairs;
  const int channels = p.channels;
  const reference::Rounding rounding = static_cast<reference::Rounding>(p.rounding);
  bool uniform = true, no_left = true;
  for (int c = 1; c < channels; ++c) uniform &= p.left_shift[c] == p.left_shift[0] && p.right_shift[c] == p.right_shift[0];
  for (int c = 0; c < channels; ++c) no_left &= p.left_shift[c] == 0;
  const bool vector = uniform || no_left;
  const int left = p.left_shift[0], right = p.right_shift[0];
  const v128_t zout = wasm_i32x4_splat(p.output_offset), lo = wasm_i32x4_splat(p.act_min), hi = wasm_i32x4_splat(p.act_max);
  for (size_t i = 0; i < n; ++i) {
    const size_t offset = i * step;
    int c = 0;
    for (; c + 8 <= channels; c += 8) {
      v128_t acc0 = wasm_v128_load(p.bias + c);
      v128_t acc1 = wasm_v128_load(p.bias + c + 4);
      for (int k = 0; k < pairs; ++k) {
        const v128_t a = wasm_v128_load64_zero(taps[2 * k] + offset + c);
        const v128_t b = wasm_v128_load64_zero(taps[2 * k + 1] + offset + c);
        const v128_t ab = wasm_i8x16_shuffle(a, b, 0, 16, 1, 17, 2, 18, 3, 19, 4, 20, 5, 21, 6, 22, 7, 23);
        const int16_t* w = p.weights + (static_cast<size_t>(k) * channels + c) * 2;
        acc0 = wasm_i32x4_add(acc0, wasm_i32x4_dot_i16x8(WidenLow<T>(ab), wasm_v128_load(w)));
        acc1 = wasm_i32x4_add(acc1, wasm_i32x4_dot_i16x8(WidenHigh<T>(ab), wasm_v128_load(w + 8)));
      }
      if (vector) {
        const v128_t m0 = wasm_v128_load(p.multiplier + c), m1 = wasm_v128_load(p.multiplier + c + 4);
        const bool up = p.rounding == 1;
        const v128_t r0 = uniform ? wasm::Rescale4(acc0, m0, left, right, up) : wasm::Rescale4PerLane(acc0, m0, p.right_shift + c, up);
        const v128_t r1 = uniform ? wasm::Rescale4(acc1, m1, left, right, up) : wasm::Rescale4PerLane(acc1, m1, p.right_shift + c + 4, up);
        const v128_t v0 = wasm_i32x4_min(wasm_i32x4_max(wasm_i32x4_add(r0, zout), lo), hi);
        const v128_t v1 = wasm_i32x4_min(wasm_i32x4_max(wasm_i32x4_add(r1, zout), lo), hi);
        const v128_t s16 = wasm_i16x8_narrow_i32x4(v0, v1);
        const v128_t bytes = std::is_same<T, uint8_t>::value ? wasm_u8x16_narrow_i16x8(s16, s16) : wasm_i8x16_narrow_i16x8(s16, s16);
        wasm_v128_store64_lane(out + c, bytes, 0);
        continue;
      }
      int32_t acc[8];
      wasm_v128_store(acc, acc0);
      wasm_v128_store(acc + 4, acc1);
      for (int j = 0; j < 8; ++j) {
        out[c + j] = static_cast<T>(reference::OutputStage(acc[j], p.multiplier[c + j], p.shift[c + j], rounding, p.output_offset,
                                                           p.act_min, p.act_max));
      }
    }
    if (c < channels) ScalarChannels<T>(p, taps, i, step, c, out);
    out += channels;
  }
}

template <typename T>
void Dispatch(const Packed& p, const T* const* taps, size_t n, size_t step, T* out) {
  switch (p.pairs) {
    case 5: return Dwconv<T, 5>(p, taps, n, step, out);
    case 13: return Dwconv<T, 13>(p, taps, n, step, out);
    default: return Dwconv<T, 0>(p, taps, n, step, out);
  }
}

}  // namespace

void QU8DwconvWasmSimd(const Packed& p, const uint8_t* const* taps, size_t n, size_t step, uint8_t* out) {
  Dispatch<uint8_t>(p, taps, n, step, out);
}

void QS8DwconvWasmSimd(const Packed& p, const int8_t* const* taps, size_t n, size_t step, int8_t* out) {
  Dispatch<int8_t>(p, taps, n, step, out);
}

}  // namespace dwconv
}  // namespace liteq

#else  // not WebAssembly: never selected; defined so dispatch links.

namespace liteq {
namespace dwconv {
void QU8DwconvWasmSimd(const Packed& p, const uint8_t* const* taps, size_t n, size_t step, uint8_t* out) {
  QU8DwconvScalar(p, taps, n, step, out);
}
void QS8DwconvWasmSimd(const Packed& p, const int8_t* const* taps, size_t n, size_t step, int8_t* out) {
  QS8DwconvScalar(p, taps, n, step, out);
}
}  // namespace dwconv
}  // namespace liteq

#endif
