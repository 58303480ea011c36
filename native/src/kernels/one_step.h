// The quantized output stage in one 64-bit step, shared by the AVX-512 VNNI GEMM and depthwise kernels.
//
// TFLite's OutputStage of an int32 accumulator x (after its left shift) with multiplier m and right
// shift s is two roundings: high = SaturatingRoundingDoublingHighMul(x, m), then a rounding divide by
// 2^s (ties up in TFLite 2.9's optimized uint8 CONV_2D/FULLY_CONNECTED, ties away from zero in
// RoundingDivideByPOT), then + Z_out. With p = x * m (exact in int64; m != INT32_MIN):
//   high = floor((p + 2^30) / 2^31)                         (the nudge and truncating divide, either sign)
//   ties up:   floor((high + 2^(s-1)) / 2^s)     = floor((p + 2^30 + 2^(30+s)) / 2^(31+s))
//   ties away: the same when high >= 0; when high < 0, i.e. p < -2^30, the tie goes down:
//              floor((high + 2^(s-1) - 1) / 2^s) = floor((p + 2^30 + 2^(30+s) - 2^31) / 2^(31+s))
// for s >= 1 (s = 0 is high itself), by floor(floor(y) / n) = floor(y / n) for whole n > 0 and
// floor(y) + k = floor(y + k) for whole k. Z_out joins as Z_out * 2^(31+s) inside the floor. So a kernel
// adds `round`, subtracts `fix` where p < -2^30, and shifts arithmetically by `count`.
// (For -2^30 <= p < 0 the fix changes nothing, so testing the sign of x instead would do as well.)
#ifndef LITEQ_KERNELS_ONE_STEP_H_
#define LITEQ_KERNELS_ONE_STEP_H_

#include <algorithm>
#include <cstdint>

namespace liteq {

// Right shifts up to this keep p + round inside int64: |p| < 2^62, |Z_out| * 2^(31+s) <= 2^61.
constexpr int kMaxOneStepShift = 22;

struct OneStepConstants {
  int64_t round, count, fix;
};

// The constants of one column; right shifts past kMaxOneStepShift get unusable values (callers then take
// the two-step path).
inline OneStepConstants OneStepFor(int32_t right_shift, int32_t output_offset, bool ties_away) {
  const int s = std::max(0, std::min(right_shift, kMaxOneStepShift));
  const int n = 31 + s;
  const uint64_t terms = (uint64_t{1} << 30) + (s > 0 ? uint64_t{1} << (30 + s) : 0);
  return {static_cast<int64_t>(terms + (static_cast<uint64_t>(static_cast<int64_t>(output_offset)) << n)), n,
          ties_away && s > 0 ? int64_t{1} << 31 : 0};
}

}  // namespace liteq

#endif  // LITEQ_KERNELS_ONE_STEP_H_
