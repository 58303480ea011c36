// Numpy-style broadcasting of two operands onto an output shape, shared by the elementwise binary
// ops (ADD, SUB, MUL). TFLite iterates broadcasts with 4D/5D loops (BroadcastAdd4DSlow,
// BroadcastAddFivefold); every output element is computed independently from one element of each
// input, so any iteration order gives the same bytes. Shapes are right-aligned; a dimension of 1
// repeats.
#ifndef LITEQ_KERNELS_REFERENCE_BROADCAST_H_
#define LITEQ_KERNELS_REFERENCE_BROADCAST_H_

#include <cstdint>

#include "runtime/tensor.h"

namespace liteq {
namespace reference {

struct BinaryBroadcast {
  int rank = 0;
  int32_t dims[kMaxRank] = {};     // output dims
  int64_t stride1[kMaxRank] = {};  // element strides of input 1 per output dim (0 = repeated)
  int64_t stride2[kMaxRank] = {};
};

// Fills `bc` for inputs of shapes a, b and an output of shape out; false if they do not broadcast.
inline bool MakeBinaryBroadcast(const Tensor& a, const Tensor& b, const Tensor& out, BinaryBroadcast* bc) {
  const int rank = out.rank;
  if (a.rank > rank || b.rank > rank || rank > kMaxRank) return false;
  bc->rank = rank;
  int64_t s1 = 1, s2 = 1;
  for (int d = rank - 1; d >= 0; --d) {
    const int ia = d - (rank - a.rank), ib = d - (rank - b.rank);
    const int32_t da = ia >= 0 ? a.dims[ia] : 1, db = ib >= 0 ? b.dims[ib] : 1;
    const int32_t n = out.dims[d];
    if ((da != n && da != 1) || (db != n && db != 1)) return false;
    bc->dims[d] = n;
    bc->stride1[d] = da == 1 ? 0 : s1;
    bc->stride2[d] = db == 1 ? 0 : s2;
    s1 *= da;
    s2 *= db;
  }
  return true;
}

// Calls fn(output_index, index) for every element of an output of `rank` dims, in row-major order,
// where index[j] is operand j's element index given its per-dimension element strides strides[j]
// (0 where it repeats): the odometer behind the broadcasting kernels.
template <int N, typename Fn>
void ForEachStrided(int rank, const int32_t* dims, const int64_t* const* strides, Fn fn) {
  int64_t total = 1;
  for (int d = 0; d < rank; ++d) total *= dims[d];
  if (total == 0) return;
  int32_t idx[kMaxRank] = {};
  int64_t at[N] = {};
  for (int64_t o = 0; o < total; ++o) {
    fn(o, static_cast<const int64_t*>(at));
    // Odometer increment from the innermost dimension.
    for (int d = rank - 1; d >= 0; --d) {
      if (++idx[d] < dims[d]) {
        for (int j = 0; j < N; ++j) at[j] += strides[j][d];
        break;
      }
      idx[d] = 0;
      for (int j = 0; j < N; ++j) at[j] -= strides[j][d] * (dims[d] - 1);
    }
  }
}

// Calls fn(output_index, input1_index, input2_index) for every output element, in row-major order.
template <typename Fn>
void ForEachBroadcast(const BinaryBroadcast& bc, Fn fn) {
  const int64_t* const strides[2] = {bc.stride1, bc.stride2};
  ForEachStrided<2>(bc.rank, bc.dims, strides, [&](int64_t o, const int64_t* at) { fn(o, at[0], at[1]); });
}

}  // namespace reference
}  // namespace liteq

#endif  // LITEQ_KERNELS_REFERENCE_BROADCAST_H_
