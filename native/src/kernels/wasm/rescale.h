// The requantization of fixedpoint.h on four int32 lanes that share one shift, for the WebAssembly
// SIMD128 micro-kernels (gemm, depthwise). Bit-exact to reference::Rescale; tested through them.
#ifndef LITEQ_KERNELS_WASM_RESCALE_H_
#define LITEQ_KERNELS_WASM_RESCALE_H_

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>

#include <cstdint>

namespace liteq {
namespace wasm {

// fixedpoint.h's rescale for 4 lanes with one left shift `left` and one right shift `right`:
//   x = acc << left (wrapping); high = SaturatingRoundingDoublingHighMul(x, m) = floor((x*m + 2^30) / 2^31)
//   (the reference's truncating division with its sign-dependent nudge is exactly this floor, m is never
//   INT32_MIN); ties up: floor((high + 2^(r-1)) / 2^r) = floor((x*m + 2^30 + 2^(30+r)) / 2^(31+r)) in one
//   64-bit step; ties away from zero: RoundingDivideByPOT(high, r) on 32-bit lanes.
inline v128_t Rescale4(v128_t acc, v128_t m, int left, int right, bool ties_up) {
  const v128_t x = left > 0 ? wasm_i32x4_shl(acc, left) : acc;
  const v128_t lo = wasm_i64x2_extmul_low_i32x4(x, m), hi = wasm_i64x2_extmul_high_i32x4(x, m);
  if (ties_up) {
    const int64_t add = (int64_t{1} << 30) + (right > 0 ? int64_t{1} << (30 + right) : 0);
    const v128_t a = wasm_i64x2_splat(add);
    const v128_t l = wasm_i64x2_shr(wasm_i64x2_add(lo, a), 31 + right), h = wasm_i64x2_shr(wasm_i64x2_add(hi, a), 31 + right);
    return wasm_i32x4_shuffle(l, h, 0, 2, 4, 6);
  }
  const v128_t a = wasm_i64x2_splat(int64_t{1} << 30);
  const v128_t high = wasm_i32x4_shuffle(wasm_i64x2_shr(wasm_i64x2_add(lo, a), 31), wasm_i64x2_shr(wasm_i64x2_add(hi, a), 31), 0, 2, 4, 6);
  if (right == 0) return high;
  const v128_t mask = wasm_i32x4_splat(static_cast<int32_t>((int64_t{1} << right) - 1));
  const v128_t rem = wasm_v128_and(high, mask);
  // threshold = (mask >> 1) + (high < 0): a lane mask of -1 for negatives is subtracted.
  const v128_t threshold = wasm_i32x4_sub(wasm_i32x4_shr(mask, 1), wasm_i32x4_lt(high, wasm_i32x4_splat(0)));
  return wasm_i32x4_sub(wasm_i32x4_shr(high, right), wasm_i32x4_gt(rem, threshold));
}

// The same for lanes with their own right shifts (per-channel quantization, no left shifts): the
// 64-bit products and high halves in vectors, each lane's rounding right shift as scalar integer
// arithmetic exactly as fixedpoint.h writes it.
inline v128_t Rescale4PerLane(v128_t x, v128_t m, const int32_t* right, bool ties_up) {
  const v128_t lo = wasm_i64x2_extmul_low_i32x4(x, m), hi = wasm_i64x2_extmul_high_i32x4(x, m);
  const v128_t a = wasm_i64x2_splat(int64_t{1} << 30);
  const v128_t high = wasm_i32x4_shuffle(wasm_i64x2_shr(wasm_i64x2_add(lo, a), 31), wasm_i64x2_shr(wasm_i64x2_add(hi, a), 31), 0, 2, 4, 6);
  int32_t h[4];
  wasm_v128_store(h, high);
  for (int i = 0; i < 4; ++i) {
    const int r = right[i];
    if (r == 0) continue;
    if (ties_up) {
      h[i] = static_cast<int32_t>((static_cast<int64_t>(h[i]) + (int64_t{1} << (r - 1))) >> r);
    } else {
      const int32_t mask = static_cast<int32_t>((int64_t{1} << r) - 1);
      const int32_t threshold = (mask >> 1) + (h[i] < 0 ? 1 : 0);
      h[i] = (h[i] >> r) + ((h[i] & mask) > threshold ? 1 : 0);
    }
  }
  return wasm_v128_load(h);
}

}  // namespace wasm
}  // namespace liteq

#endif  // __wasm_simd128__
#endif  // LITEQ_KERNELS_WASM_RESCALE_H_
