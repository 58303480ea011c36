// BATCH_MATMUL: out[..., m, n] = Σ_k L[..., m, k] · R[..., k, n], with L = lhs or its last two
// dimensions swapped (adj_x), R likewise (adj_y); ranks 2 to 5, batch dimensions broadcast (a 1 takes
// the other side's size), the output rank is the larger one.
//
// batch_matmul_f32: float sums in k order from 0 (TFLite 2.9's optimized kernel goes through ruy, whose
// order and FMA differ: float outputs agree closely, not bit for bit). The hybrid form (constant int8
// RHS) is not run: TFLite 2.9's hybrid BATCH_MATMUL returns garbage from 8 LHS rows on (measured), and
// TensorFlow 2.21's differs from the plain definition under broadcasting (see docs/SEMANTICS.md).
#include <algorithm>
#include <cstdint>
#include <string>

#include "kernels/kernel_lists.h"
#include "kernels/params.h"
#include "liteq/liteq.h"
#include "runtime/error.h"
#include "runtime/op.h"

namespace liteq {
namespace {

constexpr int kMaxBatchRank = 3;  // ranks up to 5: three batch dimensions

// The broadcast geometry of one BATCH_MATMUL: matrix sizes and, per output batch, the LHS and RHS batch.
struct Geometry {
  int32_t m = 0, k = 0, n = 0;
  int32_t out_dims[kMaxBatchRank] = {1, 1, 1};
  int32_t lhs_dims[kMaxBatchRank] = {1, 1, 1};
  int32_t rhs_dims[kMaxBatchRank] = {1, 1, 1};
  int64_t batches = 1;

  // Flat batch index of an operand whose batch dims are `dims` (1 = broadcast) for output batch b.
  int64_t Operand(int64_t b, const int32_t* dims) const {
    int64_t index = 0;
    int64_t rest = b;
    int64_t stride = 1;
    for (int i = kMaxBatchRank - 1; i >= 0; --i) {
      const int64_t coord = rest % out_dims[i];
      rest /= out_dims[i];
      index += (dims[i] == 1 ? 0 : coord) * stride;
      stride *= dims[i];
    }
    return index;
  }
  int64_t Lhs(int64_t b) const { return Operand(b, lhs_dims); }
  int64_t Rhs(int64_t b) const { return Operand(b, rhs_dims); }
};

// Shapes checked and laid out; false after Fail() naming what is wrong.
bool Layout(const OpArgs& a, const BatchMatMulParams& p, const char* op, Geometry* g) {
  const Tensor& l = *a.inputs[0];
  const Tensor& r = *a.inputs[1];
  const Tensor& o = *a.outputs[0];
  const int rank = std::max(l.rank, r.rank);
  if (l.rank < 2 || r.rank < 2 || rank > 2 + kMaxBatchRank || o.rank != rank) {
    Fail(LITEQ_E_INVALID_ARGUMENT, std::string(op) + ": operands need rank 2 to 5 and the output their larger rank");
    return false;
  }
  for (int i = 0; i < rank - 2; ++i) {
    const int slot = kMaxBatchRank - (rank - 2) + i;
    const int li = i - (rank - l.rank), ri = i - (rank - r.rank);
    const int32_t ld = li >= 0 ? l.dims[li] : 1, rd = ri >= 0 ? r.dims[ri] : 1;
    if (ld != rd && ld != 1 && rd != 1) {
      Fail(LITEQ_E_INVALID_ARGUMENT, std::string(op) + ": batch dimensions do not broadcast");
      return false;
    }
    g->lhs_dims[slot] = ld;
    g->rhs_dims[slot] = rd;
    g->out_dims[slot] = ld == 1 ? rd : ld;
    if (o.dims[i] != g->out_dims[slot]) {
      Fail(LITEQ_E_INVALID_ARGUMENT, std::string(op) + ": output batch dimensions do not match");
      return false;
    }
    g->batches *= g->out_dims[slot];
  }
  g->m = p.adj_x ? l.Dim(-1) : l.Dim(-2);
  g->k = p.adj_x ? l.Dim(-2) : l.Dim(-1);
  const int32_t rk = p.adj_y ? r.Dim(-1) : r.Dim(-2);
  g->n = p.adj_y ? r.Dim(-2) : r.Dim(-1);
  if (rk != g->k || o.Dim(-2) != g->m || o.Dim(-1) != g->n) {
    Fail(LITEQ_E_INVALID_ARGUMENT, std::string(op) + ": matrix dimensions do not match");
    return false;
  }
  return true;
}

int CheckBatchMatMul(const OpArgs& a) {
  const char* op = "batch_matmul_f32";
  const BatchMatMulParams* p = CheckedParams<BatchMatMulParams>(a, op);
  if (!p) return LastStatus();
  if (a.num_inputs != 2 || a.num_outputs != 1 || !a.inputs[0] || !a.inputs[1]) {
    return Fail(LITEQ_E_INVALID_ARGUMENT, std::string(op) + ": expects lhs, rhs and one output");
  }
  if (a.inputs[0]->dtype != DType::kFloat32 || a.inputs[1]->dtype != DType::kFloat32 || a.outputs[0]->dtype != DType::kFloat32) {
    return Fail(LITEQ_E_INVALID_ARGUMENT, std::string(op) + ": needs float operands and output");
  }
  Geometry g;
  return Layout(a, *p, op, &g) ? LITEQ_OK : LastStatus();
}

int RunBatchMatMulFloat(const OpContext& ctx, const OpArgs& a) {
  const BatchMatMulParams& p = *ParamsAs<BatchMatMulParams>(a);
  Geometry g;
  if (!Layout(a, p, "batch_matmul_f32", &g)) return LastStatus();
  const float* lhs = a.inputs[0]->Data<float>();
  const float* rhs = a.inputs[1]->Data<float>();
  float* out = a.outputs[0]->Data<float>();
  const int64_t mk = static_cast<int64_t>(g.m) * g.k, kn = static_cast<int64_t>(g.k) * g.n, mn = static_cast<int64_t>(g.m) * g.n;
  ParallelFor(ctx, g.batches * g.m, [&](int64_t r0, int64_t r1) {
    for (int64_t row = r0; row < r1; ++row) {
      const int64_t b = row / g.m;
      const int32_t m = static_cast<int32_t>(row % g.m);
      const float* lb = lhs + g.Lhs(b) * mk;
      const float* rb = rhs + g.Rhs(b) * kn;
      float* o = out + b * mn + static_cast<int64_t>(m) * g.n;
      std::fill(o, o + g.n, 0.0f);
      // Each output's sum runs over k in order (rows of R added one after another).
      for (int32_t k = 0; k < g.k; ++k) {
        const float x = p.adj_x ? lb[static_cast<int64_t>(k) * g.m + m] : lb[static_cast<int64_t>(m) * g.k + k];
        if (p.adj_y) {
          for (int32_t n = 0; n < g.n; ++n) o[n] += x * rb[static_cast<int64_t>(n) * g.k + k];
        } else {
          const float* rr = rb + static_cast<int64_t>(k) * g.n;
          for (int32_t n = 0; n < g.n; ++n) o[n] += x * rr[n];
        }
      }
    }
  });
  return LITEQ_OK;
}

}  // namespace

const KernelInfo kBatchMatMulKernels[] = {
    {"batch_matmul_f32", RunBatchMatMulFloat, CheckBatchMatMul, nullptr, nullptr},
};
const size_t kBatchMatMulKernelCount = sizeof(kBatchMatMulKernels) / sizeof(kBatchMatMulKernels[0]);

}  // namespace liteq
