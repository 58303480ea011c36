// 4x16 float GEMM micro-kernel, WebAssembly SIMD128 without FMA: per lane the reference's sequential
// k sum (multiply, then add), then the bias and the clamp in the reference's operand order.
#include "kernels/gemm/f32_gemm.h"

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>

#include <cstring>

namespace liteq {
namespace f32gemm {

void F32Gemm4x16WasmSimd(int mr, int nr, int K, const float* a, size_t a_stride, const float* panel, float act_min,
                         float act_max, float* c, size_t c_stride) {
  const float* rows[4];
  rows[0] = a;
  for (int r = 1; r < 4; ++r) rows[r] = r < mr ? a + r * a_stride : rows[r - 1];
  v128_t acc[4][4];
  for (int r = 0; r < 4; ++r)
    for (int j = 0; j < 4; ++j) acc[r][j] = wasm_f32x4_splat(0.0f);
  const float* w = panel;
  for (int k = 0; k < K; ++k, w += kNR) {
    const v128_t b0 = wasm_v128_load(w), b1 = wasm_v128_load(w + 4), b2 = wasm_v128_load(w + 8), b3 = wasm_v128_load(w + 12);
    for (int r = 0; r < 4; ++r) {
      const v128_t v = wasm_f32x4_splat(rows[r][k]);
      acc[r][0] = wasm_f32x4_add(acc[r][0], wasm_f32x4_mul(v, b0));
      acc[r][1] = wasm_f32x4_add(acc[r][1], wasm_f32x4_mul(v, b1));
      acc[r][2] = wasm_f32x4_add(acc[r][2], wasm_f32x4_mul(v, b2));
      acc[r][3] = wasm_f32x4_add(acc[r][3], wasm_f32x4_mul(v, b3));
    }
  }
  const v128_t lo = wasm_f32x4_splat(act_min), hi = wasm_f32x4_splat(act_max);
  for (int r = 0; r < mr; ++r) {
    float tmp[kNR];
    for (int j = 0; j < 4; ++j) {
      // std::min(std::max(x, lo), hi): pmax(x, lo) is (x < lo ? lo : x) and pmin(y, hi) is
      // (hi < y ? hi : y), the same comparisons, so a NaN stays NaN as in the reference.
      const v128_t y = wasm_f32x4_pmin(wasm_f32x4_pmax(wasm_f32x4_add(acc[r][j], wasm_v128_load(w + 4 * j)), lo), hi);
      wasm_v128_store(tmp + 4 * j, y);
    }
    std::memcpy(c + r * c_stride, tmp, sizeof(float) * nr);
  }
}

}  // namespace f32gemm
}  // namespace liteq

#endif  // __wasm_simd128__
