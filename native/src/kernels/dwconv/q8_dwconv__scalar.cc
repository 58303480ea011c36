// Portable quantized depthwise micro-kernel: the arithmetic of q8_dwconv.h, one channel at a time.
#include "kernels/reference/output_stage.h"
#include "kernels/dwconv/q8_dwconv.h"

namespace liteq {
namespace dwconv {

template <typename T>
void ScalarChannels(const Packed& p, const T* const* taps, size_t pixel, size_t step, int c0, T* out) {
  const size_t offset = pixel * step;
  const int taps_count = 2 * p.pairs;
  for (int c = c0; c < p.channels; ++c) {
    uint32_t acc = static_cast<uint32_t>(p.bias[c]);
    for (int t = 0; t < taps_count; ++t) {
      const int32_t w = p.weights[(static_cast<size_t>(t >> 1) * p.channels + c) * 2 + (t & 1)];
      acc += static_cast<uint32_t>(static_cast<int32_t>(taps[t][offset + c]) * w);
    }
    out[c] = static_cast<T>(reference::OutputStage(static_cast<int32_t>(acc), p.multiplier[c], p.shift[c],
                                                   static_cast<reference::Rounding>(p.rounding), p.output_offset,
                                                   p.act_min, p.act_max));
  }
}

template void ScalarChannels<uint8_t>(const Packed&, const uint8_t* const*, size_t, size_t, int, uint8_t*);
template void ScalarChannels<int8_t>(const Packed&, const int8_t* const*, size_t, size_t, int, int8_t*);

void QU8DwconvScalar(const Packed& p, const uint8_t* const* taps, size_t n, size_t step, uint8_t* out) {
  for (size_t i = 0; i < n; ++i) ScalarChannels<uint8_t>(p, taps, i, step, 0, out + i * p.channels);
}

void QS8DwconvScalar(const Packed& p, const int8_t* const* taps, size_t n, size_t step, int8_t* out) {
  for (size_t i = 0; i < n; ++i) ScalarChannels<int8_t>(p, taps, i, step, 0, out + i * p.channels);
}

}  // namespace dwconv
}  // namespace liteq
