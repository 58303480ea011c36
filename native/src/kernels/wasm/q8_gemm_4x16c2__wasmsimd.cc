// 4x16 quantized GEMM micro-kernel, k in pairs ("c2"), WebAssembly SIMD128: the x86 kernels' packed
// operands (int16 values with the zero points subtracted, so every i32x4.dot_i16x8_s pair sum is exact
// and the int32 accumulation wraps like the reference), two rows at a time in 8 accumulators. Output
// stage: when every column of the panel has the same shift (per-tensor quantization, and often per
// channel too) it is vectorized with 32x32->64 extending multiplies, exactly as fixedpoint.h computes
// it (see VectorOutputStage); otherwise the reference output stage runs per value.
#include "kernels/gemm/q8_gemm.h"

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>

#include <cstring>
#include <type_traits>

#include "kernels/reference/output_stage.h"
#include "kernels/wasm/rescale.h"

namespace liteq {
namespace q8_gemm {
namespace {

// Rows a0, a1 x 16 columns: int32 sums including the bias, in c0[4] and c1[4].
inline void Accumulate2x16(int kpairs, const int16_t* a0, const int16_t* a1, const int16_t* panel, const int32_t* bias,
                           v128_t c0[4], v128_t c1[4]) {
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
}

inline void Accumulate2x16(int kpairs, const int16_t* a0, const int16_t* a1, const int16_t* panel, const int32_t* bias,
                           int32_t acc[2][kNR]) {
  v128_t c0[4], c1[4];
  Accumulate2x16(kpairs, a0, a1, panel, bias, c0, c1);
  for (int j = 0; j < 4; ++j) {
    wasm_v128_store(acc[0] + 4 * j, c0[j]);
    wasm_v128_store(acc[1] + 4 * j, c1[j]);
  }
}

// One row of 16 outputs: uniform (one shift for the panel: left, right) or per lane (right shifts
// from the panel's params, no left shift).
template <typename T>
inline void StoreRow(const v128_t c[4], const int32_t* params, bool uniform, int left, int right, const OutputParams& op, int nr,
                     T* out) {
  const v128_t offset = wasm_i32x4_splat(op.output_offset);
  const v128_t lo = wasm_i32x4_splat(op.act_min), hi = wasm_i32x4_splat(op.act_max);
  v128_t v[4];
  for (int j = 0; j < 4; ++j) {
    const v128_t m = wasm_v128_load(params + kNR + 4 * j);
    const v128_t r = uniform ? wasm::Rescale4(c[j], m, left, right, op.rounding == 1)
                             : wasm::Rescale4PerLane(c[j], m, params + 3 * kNR + 4 * j, op.rounding == 1);
    v[j] = wasm_i32x4_min(wasm_i32x4_max(wasm_i32x4_add(r, offset), lo), hi);
  }
  // Clamped to the output type's range, so the saturating narrows are exact.
  const v128_t s0 = wasm_i16x8_narrow_i32x4(v[0], v[1]), s1 = wasm_i16x8_narrow_i32x4(v[2], v[3]);
  const v128_t bytes = std::is_same<T, uint8_t>::value ? wasm_u8x16_narrow_i16x8(s0, s1) : wasm_i8x16_narrow_i16x8(s0, s1);
  if (nr == kNR) {
    wasm_v128_store(out, bytes);
  } else {
    uint8_t tmp[16];
    wasm_v128_store(tmp, bytes);
    std::memcpy(out, tmp, static_cast<size_t>(nr));
  }
}

template <typename T>
void Gemm4x16c2(int mr, int nr, int kpairs, const int16_t* a, size_t a_stride, const int16_t* panel, const OutputParams& op,
                T* c, size_t c_stride) {
  const int32_t* params = reinterpret_cast<const int32_t*>(panel + static_cast<size_t>(kpairs) * 2 * kNR);
  const reference::Rounding rounding = static_cast<reference::Rounding>(op.rounding);
  // One shift for every column of the panel (padding columns count: their params are 0, as is a
  // per-tensor shift's left part most of the time, so compare only the real columns).
  bool uniform = true, no_left = true;
  for (int n = 1; n < nr; ++n) uniform &= params[2 * kNR + n] == params[2 * kNR] && params[3 * kNR + n] == params[3 * kNR];
  for (int n = 0; n < nr; ++n) no_left &= params[2 * kNR + n] == 0;
  const bool vector = uniform || no_left;
  for (int r0 = 0; r0 < mr; r0 += 2) {
    const int16_t* a0 = a + r0 * a_stride;
    const int16_t* a1 = r0 + 1 < mr ? a0 + a_stride : a0;
    if (vector) {
      v128_t c0[4], c1[4];
      Accumulate2x16(kpairs, a0, a1, panel, params, c0, c1);
      StoreRow<T>(c0, params, uniform, params[2 * kNR], params[3 * kNR], op, nr, c + r0 * c_stride);
      if (r0 + 1 < mr) StoreRow<T>(c1, params, uniform, params[2 * kNR], params[3 * kNR], op, nr, c + (r0 + 1) * c_stride);
      continue;
    }
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
