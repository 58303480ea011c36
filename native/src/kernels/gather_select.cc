// GATHER (batch_dims 0, int32 or int64 indices, any element type), the comparisons LESS, LESS_EQUAL,
// GREATER, GREATER_EQUAL, EQUAL, NOT_EQUAL (float32 and int32 operands, numpy broadcasting, bool
// output) and SELECT / SELECT_V2 (bool condition, any element type): what an embedding lookup
// (Keras' Embedding wraps negative ids with LESS / ADD / SELECT, then GATHERs rows) needs. Plain
// data movement and IEEE comparisons, so the bytes are TFLite 2.9's: gather.cc copies rows,
// comparisons.cc compares stored values (a NaN compares false except NOT_EQUAL), select.cc picks.
// An index outside [0, axis size) fails the run with its value, as TFLite 2.9's GATHER does.
#include <cstdint>
#include <cstring>
#include <string>

#include "kernels/kernel_lists.h"
#include "kernels/params.h"
#include "kernels/reference/broadcast.h"
#include "liteq/liteq.h"
#include "runtime/error.h"
#include "runtime/op.h"
#include "runtime/tensor.h"

namespace liteq {
namespace {

// ---- GATHER ------------------------------------------------------------------------------------------

struct GatherGeometry {
  int64_t outer = 1, axis_size = 0, inner = 1, indices = 0;
  size_t elem = 0;
};

bool GatherShape(const OpArgs& a, const GatherParams& p, GatherGeometry* g) {
  const Tensor& params = *a.inputs[0];
  const Tensor& idx = *a.inputs[1];
  if (p.axis < 0 || p.axis >= params.rank) return false;
  for (int d = 0; d < p.axis; ++d) g->outer *= params.dims[d];
  g->axis_size = params.dims[p.axis];
  for (int d = p.axis + 1; d < params.rank; ++d) g->inner *= params.dims[d];
  g->indices = idx.NumElements();
  g->elem = DTypeSize(params.dtype);
  return true;
}

int CheckGather(const OpArgs& a) {
  const GatherParams* p = CheckedParams<GatherParams>(a, "gather");
  if (!p) return LastStatus();
  if (a.num_inputs != 2 || a.num_outputs != 1 || !a.inputs[0] || !a.inputs[1]) return Fail(LITEQ_E_INVALID_ARGUMENT, "gather: expects 2 inputs and 1 output");
  const Tensor &params = *a.inputs[0], &idx = *a.inputs[1], &out = *a.outputs[0];
  if (idx.dtype != DType::kInt32 && idx.dtype != DType::kInt64) return Fail(LITEQ_E_INVALID_ARGUMENT, "gather: indices must be int32 or int64");
  if (params.dtype != out.dtype || DTypeSize(params.dtype) == 0) return Fail(LITEQ_E_INVALID_ARGUMENT, "gather: params and output dtypes differ or are not supported");
  GatherGeometry g;
  if (!GatherShape(a, *p, &g)) return Fail(LITEQ_E_INVALID_ARGUMENT, "gather: axis out of range");
  if (static_cast<uint64_t>(out.bytes) != static_cast<uint64_t>(g.outer * g.indices * g.inner) * g.elem) {
    return Fail(LITEQ_E_INVALID_ARGUMENT, "gather: output size does not match params and indices");
  }
  return LITEQ_OK;
}

int RunGather(const OpContext&, const OpArgs& a) {
  const GatherParams& p = *ParamsAs<GatherParams>(a);
  GatherGeometry g;
  GatherShape(a, p, &g);
  const Tensor& idx = *a.inputs[1];
  const auto index = [&](int64_t i) -> int64_t {
    return idx.dtype == DType::kInt32 ? idx.Data<int32_t>()[i] : idx.Data<int64_t>()[i];
  };
  for (int64_t i = 0; i < g.indices; ++i) {
    const int64_t v = index(i);
    if (v < 0 || v >= g.axis_size) {
      return Fail(LITEQ_E_INVALID_ARGUMENT, "gather: index " + std::to_string(v) + " (position " + std::to_string(i) +
                                                ") is outside [0, " + std::to_string(g.axis_size) + ")");
    }
  }
  const size_t row = static_cast<size_t>(g.inner) * g.elem;
  const uint8_t* src = a.inputs[0]->data;
  uint8_t* dst = a.outputs[0]->data;
  for (int64_t o = 0; o < g.outer; ++o) {
    const uint8_t* base = src + static_cast<size_t>(o * g.axis_size) * row;
    for (int64_t i = 0; i < g.indices; ++i, dst += row) std::memcpy(dst, base + static_cast<size_t>(index(i)) * row, row);
  }
  return LITEQ_OK;
}

// ---- comparisons ---------------------------------------------------------------------------------------

enum class Cmp { kLess, kLessEqual, kGreater, kGreaterEqual, kEqual, kNotEqual };

template <Cmp kOp, typename T>
inline bool Compare(T x, T y) {
  switch (kOp) {
    case Cmp::kLess: return x < y;
    case Cmp::kLessEqual: return x <= y;
    case Cmp::kGreater: return x > y;
    case Cmp::kGreaterEqual: return x >= y;
    case Cmp::kEqual: return x == y;
    case Cmp::kNotEqual: return x != y;
  }
  return false;
}

template <DType kIn>
int CheckCompare(const OpArgs& a) {
  if (a.num_inputs != 2 || a.num_outputs != 1 || !a.inputs[0] || !a.inputs[1]) return Fail(LITEQ_E_INVALID_ARGUMENT, "comparison: expects 2 inputs and 1 output");
  if (a.inputs[0]->dtype != kIn || a.inputs[1]->dtype != kIn) return Fail(LITEQ_E_INVALID_ARGUMENT, "comparison: input dtype mismatch");
  if (a.outputs[0]->dtype != DType::kBool) return Fail(LITEQ_E_INVALID_ARGUMENT, "comparison: output must be bool");
  reference::BinaryBroadcast bc;
  if (!reference::MakeBinaryBroadcast(*a.inputs[0], *a.inputs[1], *a.outputs[0], &bc)) return Fail(LITEQ_E_INVALID_ARGUMENT, "comparison: shapes do not broadcast");
  return LITEQ_OK;
}

template <Cmp kOp, typename T>
int RunCompare(const OpContext&, const OpArgs& a) {
  reference::BinaryBroadcast bc;
  reference::MakeBinaryBroadcast(*a.inputs[0], *a.inputs[1], *a.outputs[0], &bc);
  const T* x = a.inputs[0]->Data<T>();
  const T* y = a.inputs[1]->Data<T>();
  uint8_t* out = a.outputs[0]->data;
  reference::ForEachBroadcast(bc, [&](int64_t o, int64_t i, int64_t j) { out[o] = Compare<kOp>(x[i], y[j]) ? 1 : 0; });
  return LITEQ_OK;
}

// ---- SELECT / SELECT_V2 ----------------------------------------------------------------------------------

// Element strides of the three operands onto the output shape (right-aligned broadcasting; SELECT's
// rank-1 condition over a higher-rank x selects whole rows, i.e. aligns with the first dimension).
struct TernaryBroadcast {
  int rank = 0;
  int32_t dims[kMaxRank] = {};
  int64_t stride[3][kMaxRank] = {};
};

bool MakeTernary(const OpArgs& a, bool rows, TernaryBroadcast* bc) {
  const Tensor& out = *a.outputs[0];
  bc->rank = out.rank;
  for (int t = 0; t < 3; ++t) {
    const Tensor& in = *a.inputs[t];
    if (in.rank > out.rank) return false;
    const bool lead = rows && t == 0 && in.rank == 1 && out.rank > 1;  // SELECT: cond[i] picks row i
    int64_t s = 1;
    for (int d = out.rank - 1; d >= 0; --d) {
      const int id = lead ? (d == 0 ? 0 : -1) : d - (out.rank - in.rank);
      const int32_t n = id >= 0 ? in.dims[id] : 1;
      if (n != out.dims[d] && n != 1) return false;
      bc->dims[d] = out.dims[d];
      bc->stride[t][d] = n == 1 ? 0 : s;
      s *= n;
    }
  }
  return true;
}

int CheckSelect(const OpArgs& a, bool rows) {
  if (a.num_inputs != 3 || a.num_outputs != 1 || !a.inputs[0] || !a.inputs[1] || !a.inputs[2]) return Fail(LITEQ_E_INVALID_ARGUMENT, "select: expects 3 inputs and 1 output");
  if (a.inputs[0]->dtype != DType::kBool) return Fail(LITEQ_E_INVALID_ARGUMENT, "select: the condition must be bool");
  const DType d = a.outputs[0]->dtype;
  if (a.inputs[1]->dtype != d || a.inputs[2]->dtype != d || DTypeSize(d) == 0) return Fail(LITEQ_E_INVALID_ARGUMENT, "select: operand dtypes differ or are not supported");
  TernaryBroadcast bc;
  if (!MakeTernary(a, rows, &bc)) return Fail(LITEQ_E_INVALID_ARGUMENT, "select: shapes do not broadcast");
  return LITEQ_OK;
}
int CheckSelectV1(const OpArgs& a) { return CheckSelect(a, true); }
int CheckSelectV2(const OpArgs& a) { return CheckSelect(a, false); }

template <bool kRows>
int RunSelect(const OpContext&, const OpArgs& a) {
  TernaryBroadcast bc;
  MakeTernary(a, kRows, &bc);
  const size_t elem = DTypeSize(a.outputs[0]->dtype);
  const uint8_t* cond = a.inputs[0]->data;
  const uint8_t* x = a.inputs[1]->data;
  const uint8_t* y = a.inputs[2]->data;
  uint8_t* out = a.outputs[0]->data;
  const int64_t* const strides[3] = {bc.stride[0], bc.stride[1], bc.stride[2]};
  reference::ForEachStrided<3>(bc.rank, bc.dims, strides, [&](int64_t o, const int64_t* at) {
    std::memcpy(out + static_cast<size_t>(o) * elem, cond[at[0]] ? x + static_cast<size_t>(at[1]) * elem : y + static_cast<size_t>(at[2]) * elem, elem);
  });
  return LITEQ_OK;
}

}  // namespace

#define LQ_CMP(name, op)                                                        \
  {name "_f32", RunCompare<op, float>, CheckCompare<DType::kFloat32>, nullptr}, \
      {name "_i32", RunCompare<op, int32_t>, CheckCompare<DType::kInt32>, nullptr}

const KernelInfo kGatherSelectKernels[] = {
    {"gather", RunGather, CheckGather, nullptr},
    LQ_CMP("less", Cmp::kLess),
    LQ_CMP("less_equal", Cmp::kLessEqual),
    LQ_CMP("greater", Cmp::kGreater),
    LQ_CMP("greater_equal", Cmp::kGreaterEqual),
    LQ_CMP("equal", Cmp::kEqual),
    LQ_CMP("not_equal", Cmp::kNotEqual),
    {"select", RunSelect<true>, CheckSelectV1, nullptr},
    {"select_v2", RunSelect<false>, CheckSelectV2, nullptr},
};
const size_t kGatherSelectKernelCount = sizeof(kGatherSelectKernels) / sizeof(kGatherSelectKernels[0]);

}  // namespace liteq
