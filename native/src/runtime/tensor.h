// The executor's view of a tensor: dtype, static shape, where its bytes are, per-tensor quantization.
// Per-channel quantization never reaches kernels through here: lowering folds it into the op's
// params (multipliers/shifts), as TFLite's Prepare does.
#ifndef LITEQ_RUNTIME_TENSOR_H_
#define LITEQ_RUNTIME_TENSOR_H_

#include <cstddef>
#include <cstdint>

namespace liteq {

// Numbering of TFLite's schema `TensorType`, so plans carry the file's codes unchanged.
enum class DType : int32_t {
  kFloat32 = 0,
  kFloat16 = 1,
  kInt32 = 2,
  kUInt8 = 3,
  kInt64 = 4,
  kString = 5,
  kBool = 6,
  kInt16 = 7,
  kComplex64 = 8,
  kInt8 = 9,
  kFloat64 = 10,
};

constexpr int kMaxRank = 6;

struct Tensor {
  DType dtype = DType::kFloat32;
  int32_t rank = 0;
  int32_t dims[kMaxRank] = {0, 0, 0, 0, 0, 0};
  uint8_t* data = nullptr;  // arena slot, constant, or caller buffer
  size_t bytes = 0;
  float scale = 0.0f;       // 0 = not quantized
  int32_t zero_point = 0;
  bool is_constant = false;  // a plan constant: data holds its final values from plan creation on

  int64_t NumElements() const {
    int64_t n = 1;
    for (int i = 0; i < rank; ++i) n *= dims[i];
    return n;
  }
  // Dimension i counted from the end when negative (Dim(-1) = innermost).
  int32_t Dim(int i) const { return dims[i < 0 ? rank + i : i]; }
  template <typename T>
  T* Data() const { return reinterpret_cast<T*>(data); }
};

size_t DTypeSize(DType t);

}  // namespace liteq

#endif  // LITEQ_RUNTIME_TENSOR_H_
