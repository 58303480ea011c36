// ADD, SUB, MUL with numpy broadcasting: float32, uint8, int8 (quantized, TFLite's integer recipes)
// and int32. One params struct for the family; lowering (packages/core/src/plan/ops/elementwise.ts)
// fills the fields the op uses, as TFLite's Prepare computes them. MINIMUM and MAXIMUM compare the
// stored values (TFLite 2.9's maximum_minimum.cc: no requantization; the converter gives inputs and
// output one quantization) and use no params field.
#include <algorithm>
#include <cstdint>
#include <type_traits>

#include "kernels/float_add.h"
#include "kernels/kernel_lists.h"
#include "kernels/lut.h"
#include "kernels/params.h"
#include "kernels/reference/add.h"
#include "kernels/reference/broadcast.h"
#include "kernels/reference/mul.h"
#include "kernels/x86/f32_rows.h"
#include "kernels/x86/isa.h"
#include "kernels/vadd/q8_vadd.h"
#include "liteq/liteq.h"
#include "runtime/error.h"
#include "runtime/op.h"

namespace liteq {
namespace {

enum class Op { kAdd, kSub, kMul };

// The operands' broadcast onto the output (CheckBinary validated it when the plan was made).
int BroadcastOf(const OpArgs& a, reference::BinaryBroadcast* bc) {
  if (!reference::MakeBinaryBroadcast(*a.inputs[0], *a.inputs[1], *a.outputs[0], bc)) {
    return Fail(LITEQ_E_INVALID_ARGUMENT, "elementwise: input shapes do not broadcast to the output shape");
  }
  return LITEQ_OK;
}

template <DType D>
int CheckBinary(const OpArgs& a) {
  if (!CheckedParams<ElementwiseParams>(a, "elementwise")) return LastStatus();
  if (a.num_inputs != 2 || a.num_outputs != 1 || !a.inputs[0] || !a.inputs[1]) {
    return Fail(LITEQ_E_INVALID_ARGUMENT, "elementwise: expects 2 inputs and 1 output");
  }
  for (const Tensor* t : {a.inputs[0], a.inputs[1], static_cast<const Tensor*>(a.outputs[0])}) {
    if (t->dtype != D) return Fail(LITEQ_E_INVALID_ARGUMENT, "elementwise: tensor dtype does not match the kernel");
  }
  reference::BinaryBroadcast bc;
  return BroadcastOf(a, &bc);
}

constexpr int64_t kElementBlock = 4096;  // elements per task unit of the same-shape loops

// Same-shape quantized ADD/SUB (every residual add in MobileNet/SSD): contiguous element blocks split
// over the threads, each by vadd::AddRange (bit-exact, see vadd/q8_vadd.h): at the AVX-512 levels a
// table of the op's result for every pair of operand bytes, built once at plan creation by the
// reference element (PrepareSameShapeAdd), one lookup per element — ~1.7x the AVX2 arithmetic here
// on ops of kPairTableMinElements and more.
template <typename T>
bool RunSameShapeAdd(const OpContext& ctx, const reference::QuantizedAddSpec& s, bool subtract, const Tensor& x,
                     const Tensor& y, Tensor& out) {
  const int64_t n = out.NumElements();
  if (x.NumElements() != n || y.NumElements() != n) return false;
  const uint8_t* table = ctx.prepared && ctx.prepared_bytes >= kPairTableBytes ? ctx.prepared : nullptr;
  const T* xd = x.Data<T>();
  const T* yd = y.Data<T>();
  T* od = out.Data<T>();
  ParallelForBlocks(ctx, n, kElementBlock, [&](int64_t i0, int64_t i1) {
    vadd::AddRange(s, subtract, xd + i0, yd + i0, static_cast<size_t>(i1 - i0), od + i0, table);
  });
  return true;
}

// MINIMUM / MAXIMUM: TFLite's `el1 < el2 ? el1 : el2` (`>` for MAXIMUM) on the stored values.
template <bool kMax, typename T>
inline T MinMaxElement(T u, T v) {
  return kMax ? (u > v ? u : v) : (u < v ? u : v);
}

// One row against a row operand: a loop the compiler vectorizes (vpminub and the like).
template <bool kMax, typename T>
void MinMaxRow(const T* __restrict x, const T* __restrict y, int64_t n, T* __restrict out) {
  for (int64_t c = 0; c < n; ++c) out[c] = MinMaxElement<kMax>(x[c], y[c]);
}

template <bool kMax, typename T>
int RunMinMax(const OpContext& ctx, const OpArgs& a) {
  reference::BinaryBroadcast bc;
  if (const int status = BroadcastOf(a, &bc)) return status;
  const T* x = a.inputs[0]->Data<T>();
  const T* y = a.inputs[1]->Data<T>();
  T* out = a.outputs[0]->Data<T>();
  const int64_t n = a.outputs[0]->NumElements();
  const int64_t ny = a.inputs[1]->NumElements();
  if (a.inputs[0]->NumElements() == n && ny == n) {
    ParallelForBlocks(ctx, n, kElementBlock, [&](int64_t i0, int64_t i1) { MinMaxRow<kMax>(x + i0, y + i0, i1 - i0, out + i0); });
    return LITEQ_OK;
  }
  if (a.inputs[0]->NumElements() == n && ny > 0 && n % ny == 0 && bc.rank > 0 && ny == bc.dims[bc.rank - 1] &&
      bc.stride2[bc.rank - 1] == 1) {
    // A per-channel operand (e.g. the rescaled RELU6 bounds cross-layer equalization adds): rows of
    // the innermost dimension, split over the threads.
    bool rows = true;
    for (int d = 0; d + 1 < bc.rank; ++d) rows = rows && bc.stride2[d] == 0;
    if (rows) {
      ParallelForBlocks(ctx, n / ny, std::max<int64_t>(1, kElementBlock / ny), [&](int64_t r0, int64_t r1) {
        for (int64_t r = r0; r < r1; ++r) MinMaxRow<kMax>(x + r * ny, y, ny, out + r * ny);
      });
      return LITEQ_OK;
    }
  }
  reference::ForEachBroadcast(bc, [&](int64_t o, int64_t i, int64_t j) { out[o] = MinMaxElement<kMax>(x[i], y[j]); });
  return LITEQ_OK;
}

// A float element loop over same-length rows: the element function of the reference, compiled once
// more for AVX2 (8 lanes instead of the portable build's 4) and chosen by the ISA level. Bit-exact at
// every width: add, sub, mul, min and max are lane-wise IEEE operations, and no multiply-add is fused
// (-ffp-contract=off).
template <Op O>
inline void FloatRowPlain(const float* x, const float* y, int64_t n, float* out, float lo, float hi) {
  for (int64_t i = 0; i < n; ++i) {
    out[i] = O == Op::kMul ? reference::FloatMulElement(x[i], y[i], lo, hi) : reference::FloatAddElement(x[i], y[i], O == Op::kSub, lo, hi);
  }
}

#if defined(__x86_64__) || defined(__i386__)
template <Op O>
__attribute__((target("avx2"))) void FloatRowAvx2(const float* x, const float* y, int64_t n, float* out, float lo, float hi) {
  FloatRowPlain<O>(x, y, n, out, lo, hi);
}
#endif

template <Op O>
void FloatRow(const float* x, const float* y, int64_t n, float* out, float lo, float hi) {
#if defined(__x86_64__) || defined(__i386__)
  if (x86::ActiveIsa() >= x86::Isa::kAvx2) return FloatRowAvx2<O>(x, y, n, out, lo, hi);
#endif
  FloatRowPlain<O>(x, y, n, out, lo, hi);
}

template <Op O, DType D, typename T>
int RunBinary(const OpContext& ctx, const OpArgs& a) {
  const ElementwiseParams& p = *ParamsAs<ElementwiseParams>(a);
  reference::BinaryBroadcast bc;
  if (const int status = BroadcastOf(a, &bc)) return status;
  const T* x = a.inputs[0]->Data<T>();
  const T* y = a.inputs[1]->Data<T>();
  T* out = a.outputs[0]->Data<T>();
  if constexpr (D == DType::kFloat32) {
    const int64_t n = a.outputs[0]->NumElements();
    if (a.inputs[0]->NumElements() == n && a.inputs[1]->NumElements() == n) {
      // Same shapes (residual adds): the same element operation in a plain loop the compiler
      // vectorizes, split over the threads.
      ParallelForBlocks(ctx, n, kElementBlock, [&](int64_t i0, int64_t i1) {
        FloatRow<O>(x + i0, y + i0, i1 - i0, out + i0, p.float_activation_min, p.float_activation_max);
      });
      return LITEQ_OK;
    }
    reference::ForEachBroadcast(bc, [&](int64_t o, int64_t i, int64_t j) {
      out[o] = O == Op::kMul ? reference::FloatMulElement(x[i], y[j], p.float_activation_min, p.float_activation_max)
                             : reference::FloatAddElement(x[i], y[j], O == Op::kSub, p.float_activation_min, p.float_activation_max);
    });
  } else if constexpr (D == DType::kInt32) {
    reference::ForEachBroadcast(bc, [&](int64_t o, int64_t i, int64_t j) {
      out[o] = O == Op::kMul ? reference::Int32MulElement(x[i], y[j], p.activation_min, p.activation_max)
                             : reference::Int32AddElement(x[i], y[j], O == Op::kSub, p.activation_min, p.activation_max);
    });
  } else if constexpr (O == Op::kMul) {
    const reference::QuantizedMulSpec s{p.input1_offset, p.input2_offset, p.output_offset, p.output_multiplier,
                                        p.output_shift, p.activation_min, p.activation_max};
    reference::ForEachBroadcast(bc, [&](int64_t o, int64_t i, int64_t j) {
      out[o] = static_cast<T>(reference::QuantizedMulElement(s, x[i], y[j]));
    });
  } else {
    const reference::QuantizedAddSpec s = vadd::AddSpecOf(p);
    if (RunSameShapeAdd<T>(ctx, s, O == Op::kSub, *a.inputs[0], *a.inputs[1], *a.outputs[0])) return LITEQ_OK;
    reference::ForEachBroadcast(bc, [&](int64_t o, int64_t i, int64_t j) {
      out[o] = static_cast<T>(reference::QuantizedAddElement(s, x[i], y[j], O == Op::kSub));
    });
  }
  return LITEQ_OK;
}

// Rows [r0, r1) of a float ADD of `full` (c per row; the ADD's first operand when kFullFirst) and
// `small` (cs <= c per row, +0.0 for its missing channels); `out` may be `full`. Same-width rows are one
// run. In place the element loop reads and writes through one pointer, so the compiler vectorizes it
// (a separate out == full would fail its overlap check and take the scalar loop).
template <bool kFullFirst>
inline void PaddedAddRows(const float* full, const float* small, int64_t c, int64_t cs, int64_t r0, int64_t r1, float* out,
                          float lo, float hi) {
  const auto add = [lo, hi](float f, float s) {
    return kFullFirst ? reference::FloatAddElement(f, s, false, lo, hi) : reference::FloatAddElement(s, f, false, lo, hi);
  };
  if (cs == c) {
    const int64_t n = (r1 - r0) * c;
    float* o = out + r0 * c;
    const float* s = small + r0 * c;
    if (out == full) {
      for (int64_t i = 0; i < n; ++i) o[i] = add(o[i], s[i]);
    } else {
      const float* f = full + r0 * c;
      for (int64_t i = 0; i < n; ++i) o[i] = add(f[i], s[i]);
    }
    return;
  }
  for (int64_t r = r0; r < r1; ++r) {
    float* o = out + r * c;
    const float* s = small + r * cs;
    if (out == full) {
      for (int64_t i = 0; i < cs; ++i) o[i] = add(o[i], s[i]);
      for (int64_t i = cs; i < c; ++i) o[i] = add(o[i], 0.0f);
    } else {
      const float* f = full + r * c;
      for (int64_t i = 0; i < cs; ++i) o[i] = add(f[i], s[i]);
      for (int64_t i = cs; i < c; ++i) o[i] = add(f[i], 0.0f);
    }
  }
}

#if defined(__x86_64__) || defined(__i386__)
template <bool kFullFirst>
__attribute__((target("avx2"))) void PaddedAddRowsAvx2(const float* full, const float* small, int64_t c, int64_t cs, int64_t r0,
                                                       int64_t r1, float* out, float lo, float hi) {
  PaddedAddRows<kFullFirst>(full, small, c, cs, r0, r1, out, lo, hi);
}
#endif

// add_f32_channel_padded: float ADD where one operand lacks the output's last channels (a channel PAD
// the plan fused in, packages/core/src/plan/fuse.ts fuseChannelPadding): those channels add +0.0 in
// the operand's position, as TFLite's ADD adds the PAD's zeros. The padded operand is the one whose
// last dimension is shorter; every other dimension equals the output's.
int PaddedOperand(const OpArgs& a) {
  const Tensor &x = *a.inputs[0], &y = *a.inputs[1], &out = *a.outputs[0];
  const int r = out.rank;
  if (r < 1 || x.rank != r || y.rank != r) return -1;
  for (int d = 0; d + 1 < r; ++d) {
    if (x.dims[d] != out.dims[d] || y.dims[d] != out.dims[d]) return -1;
  }
  const int cx = x.dims[r - 1], cy = y.dims[r - 1], c = out.dims[r - 1];
  if (cx == c && cy <= c) return 1;
  if (cy == c && cx < c) return 0;
  return -1;
}

int CheckChannelPadded(const OpArgs& a) {
  if (!CheckedParams<ElementwiseParams>(a, "elementwise")) return LastStatus();
  if (a.num_inputs != 2 || a.num_outputs != 1 || !a.inputs[0] || !a.inputs[1]) {
    return Fail(LITEQ_E_INVALID_ARGUMENT, "add_f32_channel_padded: expects 2 inputs and 1 output");
  }
  for (const Tensor* t : {a.inputs[0], a.inputs[1], static_cast<const Tensor*>(a.outputs[0])}) {
    if (t->dtype != DType::kFloat32) return Fail(LITEQ_E_INVALID_ARGUMENT, "add_f32_channel_padded: tensors must be float32");
  }
  if (PaddedOperand(a) < 0) return Fail(LITEQ_E_INVALID_ARGUMENT, "add_f32_channel_padded: one operand must be the output's shape, the other shorter in the last dimension only");
  return LITEQ_OK;
}

int RunChannelPadded(const OpContext& ctx, const OpArgs& a) {
  const ElementwiseParams& p = *ParamsAs<ElementwiseParams>(a);
  const int padded = PaddedOperand(a);
  const Tensor& out_t = *a.outputs[0];
  const int64_t c = out_t.dims[out_t.rank - 1], cs = a.inputs[padded]->dims[out_t.rank - 1];
  const float* full = a.inputs[1 - padded]->Data<float>();
  const float* small = a.inputs[padded]->Data<float>();
  float* out = out_t.Data<float>();
  const int64_t rows = c > 0 ? out_t.NumElements() / c : 0;
  ParallelForBlocks(ctx, rows, std::max<int64_t>(1, kElementBlock / std::max<int64_t>(c, 1)), [&](int64_t r0, int64_t r1) {
    AddFloatRowsPadded(full, small, c, cs, 1 - padded, r0, r1, out, p.float_activation_min, p.float_activation_max);
  });
  return LITEQ_OK;
}

// The pair table of a large same-shape quantized ADD/SUB (see RunSameShapeAdd), when lookups are fast here.
template <Op O, typename T>
size_t PrepareSameShapeAdd(const OpArgs& a, uint8_t* dst) {
  const int64_t n = a.outputs[0]->NumElements();
  if (a.inputs[0]->NumElements() != n || a.inputs[1]->NumElements() != n || n < kPairTableMinElements || !PairLookupIsFast()) return 0;
  if (dst) vadd::FillPairTable<T>(vadd::AddSpecOf(*ParamsAs<ElementwiseParams>(a)), O == Op::kSub, dst);
  return kPairTableBytes;
}

#define LQ_BINARY(name, op, dtype, type) {name, RunBinary<op, dtype, type>, CheckBinary<dtype>, nullptr}
#define LQ_QADD(name, op, dtype, type) {name, RunBinary<op, dtype, type>, CheckBinary<dtype>, nullptr, PrepareSameShapeAdd<op, type>}
#define LQ_MINMAX(name, is_max, dtype, type) {name, RunMinMax<is_max, type>, CheckBinary<dtype>, nullptr}

}  // namespace

const KernelInfo kElementwiseKernels[] = {
    LQ_BINARY("add_f32", Op::kAdd, DType::kFloat32, float),
    LQ_QADD("add_u8", Op::kAdd, DType::kUInt8, uint8_t),
    LQ_QADD("add_i8", Op::kAdd, DType::kInt8, int8_t),
    LQ_BINARY("add_i32", Op::kAdd, DType::kInt32, int32_t),
    {"add_f32_channel_padded", RunChannelPadded, CheckChannelPadded, nullptr},
    LQ_BINARY("sub_f32", Op::kSub, DType::kFloat32, float),
    LQ_QADD("sub_u8", Op::kSub, DType::kUInt8, uint8_t),
    LQ_QADD("sub_i8", Op::kSub, DType::kInt8, int8_t),
    LQ_BINARY("sub_i32", Op::kSub, DType::kInt32, int32_t),
    LQ_BINARY("mul_f32", Op::kMul, DType::kFloat32, float),
    LQ_BINARY("mul_u8", Op::kMul, DType::kUInt8, uint8_t),
    LQ_BINARY("mul_i8", Op::kMul, DType::kInt8, int8_t),
    LQ_BINARY("mul_i32", Op::kMul, DType::kInt32, int32_t),
    LQ_MINMAX("minimum_f32", false, DType::kFloat32, float),
    LQ_MINMAX("minimum_u8", false, DType::kUInt8, uint8_t),
    LQ_MINMAX("minimum_i8", false, DType::kInt8, int8_t),
    LQ_MINMAX("minimum_i32", false, DType::kInt32, int32_t),
    LQ_MINMAX("maximum_f32", true, DType::kFloat32, float),
    LQ_MINMAX("maximum_u8", true, DType::kUInt8, uint8_t),
    LQ_MINMAX("maximum_i8", true, DType::kInt8, int8_t),
    LQ_MINMAX("maximum_i32", true, DType::kInt32, int32_t),
};
const size_t kElementwiseKernelCount = sizeof(kElementwiseKernels) / sizeof(kElementwiseKernels[0]);

void AddFloatRowsPadded(const float* full, const float* small, int64_t c, int64_t cs, int full_side, int64_t r0,
                        int64_t r1, float* out, float lo, float hi) {
#if defined(__x86_64__) || defined(__i386__)
  if (x86::ActiveIsa() >= x86::Isa::kAvx512) return x86::AddFloatRowsPaddedAvx512(full, small, c, cs, full_side == 0, r0, r1, out, lo, hi);
  if (x86::ActiveIsa() >= x86::Isa::kAvx2) {
    return full_side == 0 ? PaddedAddRowsAvx2<true>(full, small, c, cs, r0, r1, out, lo, hi)
                          : PaddedAddRowsAvx2<false>(full, small, c, cs, r0, r1, out, lo, hi);
  }
#endif
  return full_side == 0 ? PaddedAddRows<true>(full, small, c, cs, r0, r1, out, lo, hi)
                        : PaddedAddRows<false>(full, small, c, cs, r0, r1, out, lo, hi);
}

}  // namespace liteq
