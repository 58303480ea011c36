// PAD kernels on hand-computed cases.
#include <cstdint>
#include <vector>

#include "heavy_op_util.h"
#include "testing.h"

using liteq::DType;
using liteq_test::Blob;
using liteq_test::MakeTensor;
using liteq_test::RunKernel;

namespace {
Blob PadBlob(std::vector<int> before, std::vector<int> after, int32_t value) {
  liteq::PadParams p{};
  p.rank = static_cast<int32_t>(before.size());
  for (int i = 0; i < 6; ++i) p.before[i] = i < static_cast<int>(before.size()) ? before[i] : 0;
  for (int i = 0; i < 6; ++i) p.after[i] = i < static_cast<int>(after.size()) ? after[i] : 0;
  p.pad_value = value;
  return Blob::Of(p);
}
}  // namespace

LQ_TEST(PadUint8FillsWithTheGivenValue) {
  std::vector<uint8_t> in = {1, 2, 3, 4}, out(12, 0);
  auto tin = MakeTensor(DType::kUInt8, {2, 2}, in);
  auto tout = MakeTensor(DType::kUInt8, {3, 4}, out);
  LQ_CHECK_EQ(RunKernel("pad_u8", PadBlob({1, 1}, {0, 1}, 128), {&tin}, &tout), 0);
  const uint8_t want[12] = {128, 128, 128, 128, 128, 1, 2, 128, 128, 3, 4, 128};
  for (int i = 0; i < 12; ++i) LQ_CHECK_EQ(static_cast<int>(out[i]), static_cast<int>(want[i]));
}

LQ_TEST(PadFloatValueIsFloatBits) {
  std::vector<float> in = {5}, out(3);
  auto tin = MakeTensor(DType::kFloat32, {1}, in);
  auto tout = MakeTensor(DType::kFloat32, {3}, out);
  Blob b = PadBlob({1}, {1}, 0);
  const float v = -0.5f;
  std::memcpy(&b.bytes[offsetof(liteq::PadParams, pad_value)], &v, 4);
  LQ_CHECK_EQ(RunKernel("pad_f32", b, {&tin}, &tout), 0);
  LQ_CHECK_EQ(out[0], -0.5f);
  LQ_CHECK_EQ(out[1], 5.0f);
  LQ_CHECK_EQ(out[2], -0.5f);
}

LQ_TEST(PadRejectsAWrongOutputShape) {
  std::vector<int8_t> in(4), out(9);
  auto tin = MakeTensor(DType::kInt8, {2, 2}, in);
  auto tout = MakeTensor(DType::kInt8, {3, 3}, out);
  LQ_CHECK(RunKernel("pad_i8", PadBlob({1, 1}, {1, 1}, 0), {&tin}, &tout) != 0);
}

LQ_TEST(PadOfTheLastDimensionOnlyMatchesTheGeneralWalk) {
  // [1, 5, 3, 4] padded to 4 + 1 + 3 channels (the one-pass path) equals the element-by-element definition.
  std::vector<int32_t> in(60), out(5 * 3 * 8, 0);
  for (size_t i = 0; i < in.size(); ++i) in[i] = static_cast<int32_t>(i * 7 + 1);
  auto tin = MakeTensor(DType::kInt32, {1, 5, 3, 4}, in);
  auto tout = MakeTensor(DType::kInt32, {1, 5, 3, 8}, out);
  LQ_CHECK_EQ(RunKernel("pad_i32", PadBlob({0, 0, 0, 1}, {0, 0, 0, 3}, -9), {&tin}, &tout), 0);
  for (int p = 0; p < 15; ++p) {
    for (int c = 0; c < 8; ++c) LQ_CHECK_EQ(out[static_cast<size_t>(p * 8 + c)], c >= 1 && c < 5 ? in[static_cast<size_t>(p * 4 + c - 1)] : -9);
  }
}
