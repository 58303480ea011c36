// 4x16 quantized GEMM micro-kernel, k in pairs ("c2"), WebAssembly SIMD128: the x86 kernels' packed
// operands (int16 values with the zero points subtracted, so every i32x4.dot_i16x8_s pair sum is exact
// and the int32 accumulation wraps like the reference), two rows at a time in 8 accumulators, then the
// reference output stage (reference/output_stage.h) per value.
#include "kernels/gemm/q8_gemm.h"

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>

#include <cstring>

#include "kernels/reference/output_stage.h"

namespace liteq {
namespace q8_gemm {
namespace {

// Rows a0, a1 x 16 columns: int32 sums including the bias, into acc[2][16].
inline void Accumulate2x16(int kpairs, const int16_t* a0, const int16_t* a1, const int16_t* panel, const int32_t* bias,
                           int32_t acc[2][kNR]) {
  v128_t c0[4], c1[4];
  for (int j = 0; j < 4; ++j) c0[j] = c1[j] = wasm_v128_load(bias + 4 * j);
  const int16_t* w = panel;
  for (int kk = 0; kk < kpairs; ++kk, w += 2 * kNR) {
    int32_t p0, p1;
    std::memcpy(&p0, a0 + 2 * kk, 4);
    std::memcpy(&p1, a1 + 2 * kk, 4);
    const v128_t v0 = wasm_i32x4_splat(p0), v1 = wasm_i32x4_splat(p1);
    for (int j = 0; j < 4; ++j) {
      const v128_t b = wasm_v128_load(w + 8 * j);
      c0[j] = wasm_i32x4_add(c0[j], wasm_i32x4_dot_i16x8(v0, b));
      c1[j] = wasm_i32x4_add(c1[j], wasm_i32x4_dot_i16x8(v1, b));
    }
  }
  for (int j = 0; j < 4; ++j) {
    wasm_v128_store(acc[0] + 4 * j, c0[j]);
    wasm_v128_store(acc[1] + 4 * j, c1[j]);
  }
}

template <typename T>
void Gemm4x16c2(int mr, int nr, int kpairs, const int16_t* a, size_t a_stride, const int16_t* panel, const OutputParams& op,
                T* c, size_t c_stride) {
  const int32_t* params = reinterpret_cast<const int32_t*>(panel + static_cast<size_t>(kpairs) * 2 * kNR);
  const reference::Rounding rounding = static_cast<reference::Rounding>(op.rounding);
  for (int r0 = 0; r0 < mr; r0 += 2) {
    const int16_t* a0 = a + r0 * a_stride;
    const int16_t* a1 = r0 + 1 < mr ? a0 + a_stride : a0;
    int32_t acc[2][kNR];
    Accumulate2x16(kpairs, a0, a1, panel, params, acc);
    for (int r = r0; r < mr && r < r0 + 2; ++r) {
      T* out = c + r * c_stride;
      for (int n = 0; n < nr; ++n) {
        const int32_t shift = params[2 * kNR + n] > 0 ? params[2 * kNR + n] : -params[3 * kNR + n];
        out[n] = static_cast<T>(reference::OutputStage(acc[r - r0][n], params[kNR + n], shift, rounding, op.output_offset,
                                                       op.act_min, op.act_max));
      }
    }
  }
}

}  // namespace

void QU8Gemm4x16c2WasmSimd(int mr, int nr, int kpairs, const int16_t* a, size_t a_stride, const int16_t* panel,
                           const OutputParams& op, uint8_t* c, size_t c_stride) {
  Gemm4x16c2<uint8_t>(mr, nr, kpairs, a, a_stride, panel, op, c, c_stride);
}

void QS8Gemm4x16c2WasmSimd(int mr, int nr, int kpairs, const int16_t* a, size_t a_stride, const int16_t* panel,
                           const OutputParams& op, int8_t* c, size_t c_stride) {
  Gemm4x16c2<int8_t>(mr, nr, kpairs, a, a_stride, panel, op, c, c_stride);
}

}  // namespace q8_gemm
}  // namespace liteq

#endif  // __wasm_simd128__
