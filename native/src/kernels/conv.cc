// CONV_2D kernels: conv_2d_f32, conv_2d_u8 (legacy per-tensor uint8), conv_2d_i8 (int8, per-channel
// or per-tensor weights). Convs run as a GEMM (gemm/q8_gemm.h, gemm/f32_gemm.h: 1x1 stride 1 directly on
// the input rows, others through im2col; constant weights packed once by the prepare fn) when the CPU
// and parameters allow; otherwise, and as the path the optimized ones are tested against, the
// reference loops from reference/conv.h split over output rows.
//
// Inputs: input [N,H,W,Cin], filter [Cout,KH,KW,Cin], bias [Cout] (optional; float32 or int32).
#include <cstdint>
#include <string>

#include "kernels/conv_common.h"
#include "kernels/float_add.h"
#include "kernels/kernel_lists.h"
#include "kernels/params.h"
#include "kernels/reference/conv.h"
#include "kernels/gemm/f32_gemm.h"
#include "kernels/gemm/q8_gemm.h"
#include "kernels/lut.h"
#include "kernels/vadd/q8_vadd.h"
#include "liteq/liteq.h"
#include "runtime/error.h"
#include "runtime/op.h"

namespace liteq {
namespace {

const int32_t* Multipliers(const OpArgs& a) {
  return reinterpret_cast<const int32_t*>(static_cast<const uint8_t*>(a.params) + sizeof(ConvParams));
}

int CheckConv(const OpArgs& a, DType dtype) {
  const ConvParams* p = CheckedParams<ConvParams>(a, "conv_2d");
  if (!p) return LastStatus();
  if (const int status = CheckConvLike(a, p, dtype, "conv_2d"); status != LITEQ_OK) return status;
  const Tensor& in = *a.inputs[0];
  const Tensor& f = *a.inputs[1];
  if (f.dims[3] != in.dims[3]) return Fail(LITEQ_E_INVALID_ARGUMENT, "conv_2d: filter depth differs from input channels");
  if (f.dims[0] != a.outputs[0]->dims[3]) return Fail(LITEQ_E_INVALID_ARGUMENT, "conv_2d: output shape mismatch");
  return LITEQ_OK;
}

reference::ConvShape ShapeOf(const OpArgs& a, const ConvParams& p) { return ConvShapeOf(a, p); }

int CheckConvF32(const OpArgs& a) { return CheckConv(a, DType::kFloat32); }
int CheckConvU8(const OpArgs& a) { return CheckConv(a, DType::kUInt8); }
int CheckConvI8(const OpArgs& a) { return CheckConv(a, DType::kInt8); }

// A 1x1, stride 1, unpadded conv reads its input rows as the GEMM's A directly.
bool IsPointwise(const reference::ConvShape& s) {
  return s.filter_h == 1 && s.filter_w == 1 && s.stride_h == 1 && s.stride_w == 1 && s.pad_top == 0 &&
         s.pad_left == 0 && s.in_h == s.out_h && s.in_w == s.out_w;
}

f32gemm::Problem FloatGemmProblem(const OpArgs& a, const ConvParams& p, const reference::ConvShape& s) {
  const Tensor* bias = a.num_inputs > 2 ? a.inputs[2] : nullptr;
  return {s.batches * s.out_h * s.out_w, s.out_c, s.filter_h * s.filter_w * s.in_c, a.inputs[0]->Data<float>(),
          nullptr, a.inputs[1]->Data<float>(), bias ? bias->Data<float>() : nullptr, p.float_act_min,
          p.float_act_max, a.outputs[0]->Data<float>()};
}

size_t PrepareConvF32(const OpArgs& a, uint8_t* dst);

size_t ScratchConvF32(const OpArgs& a, int num_threads) {
  const ConvParams& p = *ParamsAs<ConvParams>(a);
  const reference::ConvShape s = ShapeOf(a, p);
  const bool packed = PrepareConvF32(a, nullptr) > 0;  // packed at plan time: no room for the weights
  return f32gemm::ScratchBytes(s.batches * s.out_h * s.out_w, s.out_c, s.filter_h * s.filter_w * s.in_c, num_threads, packed);
}

size_t PrepareConvF32(const OpArgs& a, uint8_t* dst) {
  const ConvParams& p = *ParamsAs<ConvParams>(a);
  const reference::ConvShape s = ShapeOf(a, p);
  const Tensor* bias = a.num_inputs > 2 ? a.inputs[2] : nullptr;
  f32gemm::Problem g = FloatGemmProblem(a, p, s);
  if (!IsPointwise(s)) g.conv = &s;
  if (!a.inputs[1]->is_constant || (bias && !bias->is_constant) || !f32gemm::Supports(g, true)) return 0;
  if (dst) f32gemm::PackWeights(g, dst);
  return f32gemm::PackedWeightsBytes(g.N, g.K);
}

// The float conv; rows_done (optional) gets every range of output rows (pixels) once they are final.
int RunConvF32Rows(const OpContext& ctx, const OpArgs& a, const FunctionRef<void(int64_t, int64_t)>* rows_done) {
  const ConvParams& p = *ParamsAs<ConvParams>(a);
  const reference::ConvShape s = ShapeOf(a, p);
  const Tensor* bias = a.num_inputs > 2 ? a.inputs[2] : nullptr;
  {
    f32gemm::Problem g = FloatGemmProblem(a, p, s);
    if (!IsPointwise(s)) g.conv = &s;
    g.rows_done = rows_done;
    const bool prepared = ctx.prepared && ctx.prepared_bytes == f32gemm::PackedWeightsBytes(g.N, g.K);
    if (ctx.scratch && ctx.scratch_bytes >= f32gemm::ScratchBytes(g.M, g.N, g.K, ctx.num_threads, prepared) &&
        f32gemm::Supports(g, !prepared)) {
      f32gemm::Run(ctx, g, prepared ? ctx.prepared : nullptr);
      return LITEQ_OK;
    }
  }
  ParallelFor(ctx, static_cast<int64_t>(s.batches) * s.out_h, [&](int64_t begin, int64_t end) {
    reference::ConvFloat(s, a.inputs[0]->Data<float>(), a.inputs[1]->Data<float>(), bias ? bias->Data<float>() : nullptr,
                         p.float_act_min, p.float_act_max, a.outputs[0]->Data<float>(), static_cast<int>(begin),
                         static_cast<int>(end));
  });
  if (rows_done) ParallelFor(ctx, static_cast<int64_t>(s.batches) * s.out_h * s.out_w, *rows_done);
  return LITEQ_OK;
}

int RunConvF32(const OpContext& ctx, const OpArgs& a) { return RunConvF32Rows(ctx, a, nullptr); }

q8_gemm::Problem GemmProblem(const OpArgs& a, const ConvParams& p, const reference::ConvShape& s) {
  const Tensor* bias = a.num_inputs > 2 ? a.inputs[2] : nullptr;
  const int32_t* multipliers = Multipliers(a);
  q8_gemm::Problem g;
  g.M = s.batches * s.out_h * s.out_w;
  g.N = s.out_c;
  g.K = s.filter_h * s.filter_w * s.in_c;
  g.dtype = a.inputs[0]->dtype;
  g.a = a.inputs[0]->data;
  g.conv = nullptr;  // set by the caller (points at its ConvShape) unless pointwise
  g.a_offset = p.input_offset;
  g.b = a.inputs[1]->data;
  g.b_offset = p.filter_offset;
  g.bias = bias ? bias->Data<int32_t>() : nullptr;
  g.multipliers = multipliers;
  g.shifts = multipliers + p.num_channels;
  g.per_channel = p.num_channels > 1;
  g.output_offset = p.output_offset;
  g.act_min = p.act_min;
  g.act_max = p.act_max;
  g.rounding = p.rounding;
  g.c = a.outputs[0]->data;
  return g;
}

size_t PrepareConvQuantized(const OpArgs& a, uint8_t* dst);

size_t ScratchConvQuantized(const OpArgs& a, int num_threads) {
  const ConvParams& p = *ParamsAs<ConvParams>(a);
  const reference::ConvShape s = ShapeOf(a, p);
  const bool packed = PrepareConvQuantized(a, nullptr) > 0;  // packed at plan time: no room for the weights
  return q8_gemm::ScratchBytes(s.batches * s.out_h * s.out_w, s.out_c, s.filter_h * s.filter_w * s.in_c, num_threads, packed);
}

// Packs constant weights (and bias, requantization parameters) once for the GEMM.
size_t PrepareConvQuantized(const OpArgs& a, uint8_t* dst) {
  const ConvParams& p = *ParamsAs<ConvParams>(a);
  const reference::ConvShape s = ShapeOf(a, p);
  const Tensor* bias = a.num_inputs > 2 ? a.inputs[2] : nullptr;
  const q8_gemm::Problem g = GemmProblem(a, p, s);
  if (!a.inputs[1]->is_constant || (bias && !bias->is_constant) || !q8_gemm::Supports(g)) return 0;
  if (dst) q8_gemm::PackWeights(g, dst);
  return q8_gemm::PackedWeightsBytes(g);
}

// The conv; rows_done (optional) gets every range of output rows (pixels) once they are final.
template <typename T>
int RunConvQuantizedRows(const OpContext& ctx, const OpArgs& a, const uint8_t* packed, size_t packed_bytes,
                         const FunctionRef<void(int64_t, int64_t)>* rows_done) {
  const ConvParams& p = *ParamsAs<ConvParams>(a);
  const reference::ConvShape s = ShapeOf(a, p);
  const Tensor* bias = a.num_inputs > 2 ? a.inputs[2] : nullptr;
  const int32_t* multipliers = Multipliers(a);
  {
    q8_gemm::Problem g = GemmProblem(a, p, s);
    if (!IsPointwise(s)) g.conv = &s;
    g.rows_done = rows_done;
    const bool prepared = packed && packed_bytes == q8_gemm::PackedWeightsBytes(g) && q8_gemm::IsPacked(g, packed);
    if (q8_gemm::Supports(g) && ctx.scratch &&
        ctx.scratch_bytes >= q8_gemm::ScratchBytes(g.M, g.N, g.K, ctx.num_threads, prepared)) {
      q8_gemm::Run(ctx, g, prepared ? packed : nullptr);
      return LITEQ_OK;
    }
  }
  const reference::QuantizedConvParams q = {p.input_offset,
                                            p.filter_offset,
                                            p.output_offset,
                                            p.act_min,
                                            p.act_max,
                                            static_cast<reference::Rounding>(p.rounding),
                                            multipliers,
                                            multipliers + p.num_channels,
                                            p.num_channels > 1};
  ParallelFor(ctx, static_cast<int64_t>(s.batches) * s.out_h, [&](int64_t begin, int64_t end) {
    reference::ConvQuantized<T>(s, q, a.inputs[0]->Data<T>(), a.inputs[1]->Data<T>(),
                                bias ? bias->Data<int32_t>() : nullptr, a.outputs[0]->Data<T>(), static_cast<int>(begin),
                                static_cast<int>(end));
  });
  if (rows_done) ParallelFor(ctx, static_cast<int64_t>(s.batches) * s.out_h * s.out_w, *rows_done);
  return LITEQ_OK;
}

template <typename T>
int RunConvQuantized(const OpContext& ctx, const OpArgs& a) {
  return RunConvQuantizedRows<T>(ctx, a, ctx.prepared, ctx.prepared_bytes, nullptr);
}

// ---- conv_2d_{u8,i8}_add: a CONV_2D whose result only a same-shape ADD reads (packages/core/src/plan/
// fuse.ts fuseConvAdd). Inputs: input, filter, bias (or omitted), the ADD's other operand; the output is
// the ADD's. Params: ConvParams and its per-channel arrays, then the ADD's ElementwiseParams and an
// int32 `side` (the conv result's operand index in the ADD: 0 or 1). The conv writes its bytes — the ones
// TFLite's CONV_2D writes — into the output, and each range of output rows, once final, is added to
// the other operand in place, by the task that computed it while the rows are in its cache: the same
// bytes as the two ops, without a pass over memory and a hand-off between them.

struct AddTail {
  ElementwiseParams add;
  int32_t side;
};

const AddTail* AddTailOf(const OpArgs& a) {
  const ConvParams& p = *ParamsAs<ConvParams>(a);
  const size_t at = sizeof(ConvParams) + 8u * static_cast<size_t>(p.num_channels);
  return a.params_size >= at + sizeof(AddTail) ? reinterpret_cast<const AddTail*>(static_cast<const uint8_t*>(a.params) + at) : nullptr;
}

template <DType D>
int CheckConvAdd(const OpArgs& a) {
  if (a.num_inputs != 4 || !a.inputs[3]) return Fail(LITEQ_E_INVALID_ARGUMENT, "conv_2d_add: expects input, filter, bias (or omitted) and the ADD's other operand");
  if (const int status = CheckConv(a, D); status != LITEQ_OK) return status;
  const AddTail* t = AddTailOf(a);
  if (!t) return Fail(LITEQ_E_INVALID_ARGUMENT, "conv_2d_add: params blob too short for the ADD");
  if (const char* bad = DeclaredRanges<ElementwiseParams>::Violation(t->add)) return Fail(LITEQ_E_INVALID_ARGUMENT, std::string("conv_2d_add: ADD params field ") + bad);
  if (t->side != 0 && t->side != 1) return Fail(LITEQ_E_INVALID_ARGUMENT, "conv_2d_add: side must be 0 or 1");
  const Tensor &r = *a.inputs[3], &out = *a.outputs[0];
  if (r.dtype != D || r.rank != out.rank || r.NumElements() != out.NumElements()) return Fail(LITEQ_E_INVALID_ARGUMENT, "conv_2d_add: the ADD's other operand must have the output's shape and dtype");
  for (int d = 0; d < out.rank; ++d) {
    if (r.dims[d] != out.dims[d]) return Fail(LITEQ_E_INVALID_ARGUMENT, "conv_2d_add: the ADD's other operand must have the output's shape and dtype");
  }
  return LITEQ_OK;
}

// The conv's packed weights (as conv_2d's prepare), then at the next 64-byte boundary the ADD's pair
// table where lookups are fast and the output is large enough (kernels/lut.h).
size_t Rounded64(size_t n) { return (n + 63) / 64 * 64; }

template <typename T>
size_t PrepareConvAdd(const OpArgs& a, uint8_t* dst) {
  const size_t packed = Rounded64(PrepareConvQuantized(a, nullptr));
  const size_t table = PairLookupIsFast() && a.outputs[0]->NumElements() >= kPairTableMinElements ? kPairTableBytes : 0;
  if (dst) {
    if (packed) PrepareConvQuantized(a, dst);
    const AddTail& t = *AddTailOf(a);
    if (table) vadd::FillPairTable<T>(vadd::AddSpecOf(t.add), false, dst + packed);
  }
  return packed + table;
}

template <typename T>
int RunConvAdd(const OpContext& ctx, const OpArgs& a) {
  const AddTail& t = *AddTailOf(a);
  const reference::QuantizedAddSpec spec = vadd::AddSpecOf(t.add);
  const size_t packed_bytes = ctx.prepared ? PrepareConvQuantized(a, nullptr) : 0;
  const size_t table_at = Rounded64(packed_bytes);
  const uint8_t* table = ctx.prepared && ctx.prepared_bytes >= table_at + kPairTableBytes ? ctx.prepared + table_at : nullptr;
  const int64_t channels = a.outputs[0]->dims[3];
  const T* other = a.inputs[3]->Data<T>();
  T* out = a.outputs[0]->Data<T>();
  auto add_rows = [&](int64_t m0, int64_t m1) {
    T* o = out + m0 * channels;
    const T* r = other + m0 * channels;
    const size_t n = static_cast<size_t>((m1 - m0) * channels);
    if (t.side == 0) {
      vadd::AddRange(spec, false, static_cast<const T*>(o), r, n, o, table);
    } else {
      vadd::AddRange(spec, false, r, static_cast<const T*>(o), n, o, table);
    }
  };
  const FunctionRef<void(int64_t, int64_t)> rows_done(add_rows);
  return RunConvQuantizedRows<T>(ctx, a, packed_bytes ? ctx.prepared : nullptr, packed_bytes, &rows_done);
}

// ---- conv_2d_f32_add: the float form (fuse.ts fuseConvAdd): the conv's output rows, once final, get
// the ADD — the other operand may lack the last channels (a channel-padded ADD: they add +0.0), and the
// ADD keeps its operand order and fused activation — by the task that computed them (float_add.h).

int CheckConvAddF32(const OpArgs& a) {
  if (a.num_inputs != 4 || !a.inputs[3]) return Fail(LITEQ_E_INVALID_ARGUMENT, "conv_2d_f32_add: expects input, filter, bias (or omitted) and the ADD's other operand");
  if (const int status = CheckConv(a, DType::kFloat32); status != LITEQ_OK) return status;
  const AddTail* t = AddTailOf(a);
  if (!t) return Fail(LITEQ_E_INVALID_ARGUMENT, "conv_2d_f32_add: params blob too short for the ADD");
  if (t->side != 0 && t->side != 1) return Fail(LITEQ_E_INVALID_ARGUMENT, "conv_2d_f32_add: side must be 0 or 1");
  const Tensor &r = *a.inputs[3], &out = *a.outputs[0];
  bool ok = r.dtype == DType::kFloat32 && r.rank == out.rank && out.rank == 4;
  for (int d = 0; ok && d < out.rank; ++d) ok = d + 1 < out.rank ? r.dims[d] == out.dims[d] : r.dims[d] <= out.dims[d];
  if (!ok) return Fail(LITEQ_E_INVALID_ARGUMENT, "conv_2d_f32_add: the ADD's other operand must have the output's shape (or fewer channels)");
  return LITEQ_OK;
}

int RunConvAddF32(const OpContext& ctx, const OpArgs& a) {
  const AddTail& t = *AddTailOf(a);
  const int64_t c = a.outputs[0]->dims[3], cs = a.inputs[3]->dims[3];
  const float* other = a.inputs[3]->Data<float>();
  float* out = a.outputs[0]->Data<float>();
  auto add_rows = [&](int64_t m0, int64_t m1) {
    AddFloatRowsPadded(out, other, c, cs, t.side, m0, m1, out, t.add.float_activation_min, t.add.float_activation_max);
  };
  const FunctionRef<void(int64_t, int64_t)> rows_done(add_rows);
  return RunConvF32Rows(ctx, a, &rows_done);
}

}  // namespace

const KernelInfo kConvKernels[] = {
    {"conv_2d_f32", RunConvF32, CheckConvF32, ScratchConvF32, PrepareConvF32},
    {"conv_2d_f32_add", RunConvAddF32, CheckConvAddF32, ScratchConvF32, PrepareConvF32},
    {"conv_2d_u8", RunConvQuantized<uint8_t>, CheckConvU8, ScratchConvQuantized, PrepareConvQuantized},
    {"conv_2d_i8", RunConvQuantized<int8_t>, CheckConvI8, ScratchConvQuantized, PrepareConvQuantized},
    {"conv_2d_u8_add", RunConvAdd<uint8_t>, CheckConvAdd<DType::kUInt8>, ScratchConvQuantized, PrepareConvAdd<uint8_t>},
    {"conv_2d_i8_add", RunConvAdd<int8_t>, CheckConvAdd<DType::kInt8>, ScratchConvQuantized, PrepareConvAdd<int8_t>},
};
const size_t kConvKernelCount = sizeof(kConvKernels) / sizeof(kConvKernels[0]);

}  // namespace liteq
