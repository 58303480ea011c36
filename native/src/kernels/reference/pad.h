// PAD / PADV2 (constant padding), up to 6-D: output = input placed at offset
// pad_before in each dimension, every other element = pad value. Quantized tensors pad with the
// output zero point (PAD) or the constant_values tensor's raw value (PADV2); no rescale happens,
// TFLite copies the input's integers unchanged.
#ifndef LITEQ_KERNELS_REFERENCE_PAD_H_
#define LITEQ_KERNELS_REFERENCE_PAD_H_

#include <cstdint>
#include <algorithm>
#include <cstring>

namespace liteq {
namespace reference {

struct PadShape {
  int rank;
  int in_dims[6];
  int before[6];
  int after[6];
};

// Only the last dimension padded (channel padding before a residual ADD): output rows
// [row_begin, row_end) of [before][input row][after], in one pass.
inline bool PadsLastDimensionOnly(const PadShape& s) {
  if (s.rank == 0) return false;
  for (int i = 0; i + 1 < s.rank; ++i) {
    if (s.before[i] != 0 || s.after[i] != 0) return false;
  }
  return true;
}

// Output rows of the last-dimension-only case.
inline int64_t PadRows(const PadShape& s, int64_t out_total) {
  return out_total / std::max(1, s.before[s.rank - 1] + s.in_dims[s.rank - 1] + s.after[s.rank - 1]);
}

template <typename T>
void PadLastDimension(const PadShape& s, const T* input, T pad_value, T* output, int64_t row_begin, int64_t row_end) {
  const int row = s.in_dims[s.rank - 1], b = s.before[s.rank - 1], e = s.after[s.rank - 1];
  const int64_t out_row = b + row + e;
  for (int64_t r = row_begin; r < row_end; ++r) {
    T* dst = output + r * out_row;
    std::fill_n(dst, b, pad_value);
    std::memcpy(dst + b, input + r * row, sizeof(T) * row);
    std::fill_n(dst + b + row, e, pad_value);
  }
}

template <typename T>
void Pad(const PadShape& s, const T* input, T pad_value, T* output) {
  int out_dims[6];
  int64_t out_total = 1;
  for (int i = 0; i < s.rank; ++i) {
    out_dims[i] = s.before[i] + s.in_dims[i] + s.after[i];
    out_total *= out_dims[i];
  }
  if (PadsLastDimensionOnly(s)) return PadLastDimension(s, input, pad_value, output, 0, PadRows(s, out_total));
  for (int64_t i = 0; i < out_total; ++i) output[i] = pad_value;
  if (s.rank == 0) {
    output[0] = input[0];
    return;
  }
  int64_t in_total = 1;
  for (int i = 0; i < s.rank; ++i) in_total *= s.in_dims[i];
  if (in_total == 0) return;
  // Copy innermost rows: for every input index with the last coordinate 0, one memcpy.
  const int last = s.rank - 1;
  const int row = s.in_dims[last];
  int idx[6] = {0, 0, 0, 0, 0, 0};
  for (int64_t in = 0; in < in_total; in += row) {
    int64_t out = 0;
    for (int i = 0; i < s.rank; ++i) out = out * out_dims[i] + idx[i] + s.before[i];
    std::memcpy(output + out, input + in, sizeof(T) * row);
    for (int i = last - 1; i >= 0; --i) {
      if (++idx[i] < s.in_dims[i]) break;
      idx[i] = 0;
    }
  }
}

}  // namespace reference
}  // namespace liteq

#endif  // LITEQ_KERNELS_REFERENCE_PAD_H_
