// DEPTHWISE_CONV_2D kernels: depthwise_conv_2d_f32, depthwise_conv_2d_u8, depthwise_conv_2d_i8.
// Depth multiplier 1: SIMD micro-kernels over channels (dwconv/q8_dwconv.h for uint8/int8,
// dwconv/f32_dwconv.h for float; AVX2 or SSE4.1, chosen at run time) fed one input pointer per tap;
// otherwise (or LITEQ_ISA=scalar) the reference loops of reference/depthwise_conv.h. All bit-exact to
// the reference, all split over output rows.
//
// Inputs: input [N,H,W,Cin], filter [1,KH,KW,Cin*M], bias [Cin*M] (optional; float32 or int32).
#include <algorithm>
#include <cstdint>
#include <limits>
#include <type_traits>
#include <vector>

#include "kernels/conv_common.h"
#include "kernels/kernel_lists.h"
#include "kernels/params.h"
#include "kernels/reference/depthwise_conv.h"
#include "kernels/dwconv/f32_dwconv.h"
#include "kernels/dwconv/q8_dwconv.h"
#include "kernels/one_step.h"
#include "liteq/liteq.h"
#include "runtime/error.h"
#include "runtime/op.h"

namespace liteq {
namespace {

int CheckDepthwise(const OpArgs& a, DType dtype) {
  const DepthwiseConvParams* p = CheckedParams<DepthwiseConvParams>(a, "depthwise_conv_2d");
  if (!p) return LastStatus();
  if (const int status = CheckConvLike(a, p, dtype, "depthwise_conv_2d"); status != LITEQ_OK) return status;
  const Tensor& in = *a.inputs[0];
  const Tensor& f = *a.inputs[1];
  const Tensor& out = *a.outputs[0];
  if (p->depth_multiplier < 1 || static_cast<int64_t>(in.dims[3]) * p->depth_multiplier != out.dims[3] || f.dims[3] != out.dims[3] ||
      f.dims[0] != 1) {
    return Fail(LITEQ_E_INVALID_ARGUMENT, "depthwise_conv_2d: channel counts disagree with the depth multiplier");
  }
  return LITEQ_OK;
}

reference::ConvShape ShapeOf(const OpArgs& a, const DepthwiseConvParams& p) { return ConvShapeOf(a, p); }

int CheckF32(const OpArgs& a) { return CheckDepthwise(a, DType::kFloat32); }
int CheckU8(const OpArgs& a) { return CheckDepthwise(a, DType::kUInt8); }
int CheckI8(const OpArgs& a) { return CheckDepthwise(a, DType::kInt8); }

int RunReferenceF32(const OpContext& ctx, const OpArgs& a) {
  const DepthwiseConvParams& p = *ParamsAs<DepthwiseConvParams>(a);
  const reference::ConvShape s = ShapeOf(a, p);
  const Tensor* bias = a.num_inputs > 2 ? a.inputs[2] : nullptr;
  ParallelFor(ctx, static_cast<int64_t>(s.batches) * s.out_h, [&](int64_t begin, int64_t end) {
    reference::DepthwiseConvFloat(s, p.depth_multiplier, a.inputs[0]->Data<float>(), a.inputs[1]->Data<float>(),
                                  bias ? bias->Data<float>() : nullptr, p.float_act_min, p.float_act_max,
                                  a.outputs[0]->Data<float>(), static_cast<int>(begin), static_cast<int>(end));
  });
  return LITEQ_OK;
}

// The per-channel multipliers after the params struct (the shifts follow them: multipliers + num_channels).
const int32_t* Multipliers(const OpArgs& a) {
  return reinterpret_cast<const int32_t*>(static_cast<const uint8_t*>(a.params) + sizeof(DepthwiseConvParams));
}

template <typename T>
int RunReference(const OpContext& ctx, const OpArgs& a) {
  const DepthwiseConvParams& p = *ParamsAs<DepthwiseConvParams>(a);
  const reference::ConvShape s = ShapeOf(a, p);
  const Tensor* bias = a.num_inputs > 2 ? a.inputs[2] : nullptr;
  const int32_t* multipliers = Multipliers(a);
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
    reference::DepthwiseConvQuantized<T>(s, p.depth_multiplier, q, a.inputs[0]->Data<T>(), a.inputs[1]->Data<T>(),
                                         bias ? bias->Data<int32_t>() : nullptr, a.outputs[0]->Data<T>(),
                                         static_cast<int>(begin), static_cast<int>(end));
  });
  return LITEQ_OK;
}

// ---- Quantized fast path (arithmetic and packing layout in dwconv/q8_dwconv.h) ----

constexpr size_t kAlign = 64;
size_t AlignUp(size_t v) { return (v + kAlign - 1) / kAlign * kAlign; }

struct FastLayout {
  size_t weights, arrays, weights32, arrays32, weights64, arrays64, flags, zero_row, total;  // byte offsets into the scratch
};

FastLayout LayoutOf(const reference::ConvShape& s, size_t elem_size) {
  const int taps = s.filter_h * s.filter_w, pairs = (taps + 1) / 2;
  FastLayout l;
  l.weights = 0;
  l.arrays = AlignUp(static_cast<size_t>(pairs) * s.out_c * 2 * sizeof(int16_t));
  const size_t c32 = static_cast<size_t>(s.out_c / 32) * 32;  // channels in whole 32-blocks
  l.weights32 = l.arrays + AlignUp(7 * static_cast<size_t>(s.out_c) * sizeof(int32_t));
  l.arrays32 = l.weights32 + AlignUp(static_cast<size_t>(pairs) * c32 * 2 * sizeof(int16_t));
  l.weights64 = l.arrays32 + AlignUp(static_cast<size_t>(s.out_c / 32) * dwconv::kArrays32Ints * sizeof(int32_t));
  const size_t blocks64 = static_cast<size_t>(s.out_c == 32 ? 1 : s.out_c / 64), quads = static_cast<size_t>(taps + 3) / 4;
  l.arrays64 = l.weights64 + AlignUp(blocks64 * quads * 256);
  l.flags = l.arrays64 + AlignUp(blocks64 * dwconv::kArrays64Ints * sizeof(int32_t));
  l.zero_row = l.flags + kAlign;  // flags: int32 blocks64 in use (0: the quads layout does not apply), two_pixels
  l.total = l.zero_row + AlignUp(static_cast<size_t>(s.in_w) * s.in_c * elem_size);
  return l;
}

template <typename T>
bool FastPathCovers(const DepthwiseConvParams& p, const reference::ConvShape& s, const int32_t* multipliers,
                    const int32_t* shifts) {
  const int32_t zero_in = -p.input_offset;
  if (p.depth_multiplier != 1 || s.filter_h * s.filter_w > dwconv::kMaxTaps || s.filter_h * s.filter_w < 1) return false;
  if (zero_in < std::numeric_limits<T>::min() || zero_in > std::numeric_limits<T>::max()) return false;
  if (p.filter_offset < -255 || p.filter_offset > 255) return false;
  if (p.act_min < std::numeric_limits<T>::min() || p.act_max > std::numeric_limits<T>::max()) return false;
  for (int c = 0; c < p.num_channels; ++c) {
    if (multipliers[c] == std::numeric_limits<int32_t>::min() || shifts[c] < -31 || shifts[c] > 30) return false;
  }
  return true;
}

// Writes the packed weights, folded bias, per-channel requantization arrays and the zero row at base
// (l's layout): once at plan creation (PrepareQ) when filter and bias are constants, else per run.
template <typename T>
void Fill(const DepthwiseConvParams& p, const reference::ConvShape& s, const T* filter, const int32_t* bias,
          const int32_t* multipliers, const int32_t* shifts, uint8_t* base, const FastLayout& l) {
  const int C = s.out_c, taps = s.filter_h * s.filter_w, pairs = (taps + 1) / 2;
  int16_t* w = reinterpret_cast<int16_t*>(base + l.weights);
  int32_t* arrays = reinterpret_cast<int32_t*>(base + l.arrays);
  int32_t *b = arrays, *mult = arrays + C, *shift = arrays + 2 * C, *lshift = arrays + 3 * C, *lmult = arrays + 4 * C,
          *rshift = arrays + 5 * C, *mask = arrays + 6 * C;
  // w' of tap t, channel c; 0 for the zero-weight partners past the last tap.
  const auto wprime = [&](int t, int c) {
    return t < taps ? static_cast<int32_t>(filter[static_cast<size_t>(t) * C + c]) + p.filter_offset : 0;
  };
  for (int c = 0; c < C; ++c) {
    uint32_t sum = 0;
    for (int t = 0; t < 2 * pairs; ++t) {
      const int32_t v = wprime(t, c);
      w[(static_cast<size_t>(t >> 1) * C + c) * 2 + (t & 1)] = static_cast<int16_t>(v);
      sum += static_cast<uint32_t>(v);
    }
    b[c] = static_cast<int32_t>((bias ? static_cast<uint32_t>(bias[c]) : 0u) + static_cast<uint32_t>(p.input_offset) * sum);
    const int ch = p.num_channels > 1 ? c : 0;
    mult[c] = multipliers[ch];
    shift[c] = shifts[ch];
    lshift[c] = shifts[ch] > 0 ? shifts[ch] : 0;
    lmult[c] = static_cast<int32_t>(uint32_t{1} << lshift[c]);
    rshift[c] = shifts[ch] > 0 ? 0 : -shifts[ch];
    mask[c] = static_cast<int32_t>((int64_t{1} << rshift[c]) - 1);
  }
  // The same values in the AVX-512 layout (q8_dwconv.h), block by block.
  const bool one_step = dwconv::OneStepFits(rshift, C, p.rounding);
  int16_t* w32 = reinterpret_cast<int16_t*>(base + l.weights32);
  int32_t* a32 = reinterpret_cast<int32_t*>(base + l.arrays32);
  for (int blk = 0; blk < C / 32; ++blk) {
    for (int j = 0; j < 32; ++j) {
      const int c = blk * 32 + dwconv::Avx512LaneChannel(j);
      for (int k = 0; k < pairs; ++k) {
        int16_t* dst = w32 + ((static_cast<size_t>(blk) * pairs + k) * 32 + j) * 2;
        dst[0] = w[(static_cast<size_t>(k) * C + c) * 2];
        dst[1] = w[(static_cast<size_t>(k) * C + c) * 2 + 1];
      }
      int32_t* arr = a32 + static_cast<size_t>(blk) * dwconv::kArrays32Ints;
      arr[j] = b[c];
      arr[32 + j] = mult[c];
      arr[64 + j] = lshift[c];
      if (one_step) {  // the one-step output constants (kernels/one_step.h), count over right_shift and mask
        const OneStepConstants k = OneStepFor(rshift[c], p.output_offset, p.rounding != 1);
        const int lane = dwconv::OneStepLane(j);
        reinterpret_cast<int64_t*>(arr + 96)[lane] = k.count;
        reinterpret_cast<int64_t*>(arr + 160)[lane] = k.round;
      } else {
        arr[96 + j] = rshift[c];
        arr[128 + j] = mask[c];
      }
    }
  }
  // The quads layout (q8_dwconv.h) where it applies: every w' of the 64-blocks' channels in [-128, 127].
  const bool two_pixels = C == 32;
  const int blocks64 = two_pixels ? 1 : C / 64, quads = (taps + 3) / 4;
  bool fits = one_step && blocks64 > 0;
  for (int c = 0; fits && c < std::min(C, blocks64 * 64); ++c) {
    for (int t = 0; t < taps; ++t) {
      const int32_t v = wprime(t, c);
      if (v < -128 || v > 127) fits = false;
    }
  }
  reinterpret_cast<int32_t*>(base + l.flags)[0] = fits ? blocks64 : 0;
  reinterpret_cast<int32_t*>(base + l.flags)[1] = fits && two_pixels ? 1 : 0;
  if (fits) {
    int8_t* w64 = reinterpret_cast<int8_t*>(base + l.weights64);
    int32_t* a64 = reinterpret_cast<int32_t*>(base + l.arrays64);
    const bool flip = std::is_same<T, int8_t>::value;  // int8 inputs are read as in + 128
    for (int blk = 0; blk < blocks64; ++blk) {
      for (int a = 0; a < 4; ++a) {
        int32_t* arr = a64 + (static_cast<size_t>(blk) * 4 + a) * dwconv::kQuadAccInts;
        for (int k = 0; k < 16; ++k) {
          const int c = two_pixels ? dwconv::QuadChannel(a, k) % 32 : blk * 64 + dwconv::QuadChannel(a, k);
          uint32_t sum = 0;
          for (int q = 0; q < quads; ++q) {
            for (int t = 0; t < 4; ++t) {
              const int32_t v = wprime(4 * q + t, c);
              w64[(((static_cast<size_t>(blk) * quads + q) * 4 + a) * 16 + k) * 4 + t] = static_cast<int8_t>(v);
              sum += static_cast<uint32_t>(v);
            }
          }
          arr[k] = static_cast<int32_t>(static_cast<uint32_t>(b[c]) - (flip ? 128u * sum : 0u));
          arr[16 + k] = mult[c];
          arr[32 + k] = lshift[c];
          const OneStepConstants oc = OneStepFor(rshift[c], p.output_offset, p.rounding != 1);
          const int lane = (k % 2) * 8 + k / 2;
          reinterpret_cast<int64_t*>(arr + 48)[lane] = oc.round;
          reinterpret_cast<int64_t*>(arr + 80)[lane] = oc.count;
        }
      }
    }
  }
  T* zero = reinterpret_cast<T*>(base + l.zero_row);
  std::fill(zero, zero + static_cast<size_t>(s.in_w) * s.in_c, static_cast<T>(-p.input_offset));
}

// Fill from the op's own filter, bias and params.
template <typename T>
void FillFromOp(const OpArgs& a, const DepthwiseConvParams& p, const reference::ConvShape& s, uint8_t* base, const FastLayout& l) {
  const Tensor* bias = a.num_inputs > 2 ? a.inputs[2] : nullptr;
  const int32_t* multipliers = Multipliers(a);
  Fill<T>(p, s, a.inputs[1]->Data<T>(), bias ? bias->Data<int32_t>() : nullptr, multipliers, multipliers + p.num_channels, base, l);
}

// The micro-kernels' view of what Fill wrote at base.
dwconv::Packed View(const DepthwiseConvParams& p, const reference::ConvShape& s, const uint8_t* base, const FastLayout& l) {
  const int C = s.out_c, taps = s.filter_h * s.filter_w;
  const int32_t* arrays = reinterpret_cast<const int32_t*>(base + l.arrays);
  dwconv::Packed pk;
  pk.channels = C;
  pk.pairs = (taps + 1) / 2;
  pk.weights = reinterpret_cast<const int16_t*>(base + l.weights);
  pk.bias = arrays;
  pk.multiplier = arrays + C;
  pk.shift = arrays + 2 * C;
  pk.left_shift = arrays + 3 * C;
  pk.left_mult = arrays + 4 * C;
  pk.right_shift = arrays + 5 * C;
  pk.mask = arrays + 6 * C;
  pk.uniform_shift = p.num_channels == 1;
  pk.output_offset = p.output_offset;
  pk.act_min = p.act_min;
  pk.act_max = p.act_max;
  pk.rounding = p.rounding;
  pk.blocks32 = C / 32;
  pk.weights32 = reinterpret_cast<const int16_t*>(base + l.weights32);
  pk.arrays32 = reinterpret_cast<const int32_t*>(base + l.arrays32);
  pk.one_step = dwconv::OneStepFits(pk.right_shift, C, p.rounding);
  pk.blocks64 = reinterpret_cast<const int32_t*>(base + l.flags)[0];
  pk.two_pixels = reinterpret_cast<const int32_t*>(base + l.flags)[1] != 0;
  pk.quads = (taps + 3) / 4;
  pk.weights64 = reinterpret_cast<const int8_t*>(base + l.weights64);
  pk.arrays64 = reinterpret_cast<const int32_t*>(base + l.arrays64);
  return pk;
}

// Output rows [begin, end): per row one input row pointer per ky (the zero row when outside), then per
// pixel one pointer per tap. Interior pixels (every tap inside the row) go to the micro-kernel as one
// run whose pointers advance by stride_w * C; the few border pixels go one at a time.
template <typename T, typename Ukernel>
void FastRows(const reference::ConvShape& s, const dwconv::Packed& pk, Ukernel ukernel, const T* input, const T* zero,
              T* output, int64_t begin, int64_t end) {
  const int C = s.in_c, taps = s.filter_h * s.filter_w;
  const int ox_lo = std::min(s.out_w, (s.pad_left + s.stride_w - 1) / s.stride_w);
  const int hi_num = s.in_w - 1 + s.pad_left - (s.filter_w - 1) * s.dilation_w;
  const int ox_hi = std::max(ox_lo, std::min(s.out_w, hi_num < 0 ? 0 : hi_num / s.stride_w + 1));
  const T* rows[dwconv::kMaxTaps];
  const T* ptrs[dwconv::kMaxTaps + 3];
  for (int64_t row = begin; row < end; ++row) {
    const int b = static_cast<int>(row / s.out_h), oy = static_cast<int>(row % s.out_h);
    for (int ky = 0; ky < s.filter_h; ++ky) {
      const int iy = oy * s.stride_h - s.pad_top + ky * s.dilation_h;
      rows[ky] = iy >= 0 && iy < s.in_h ? input + (static_cast<int64_t>(b) * s.in_h + iy) * s.in_w * C : zero;
    }
    T* out_row = output + row * s.out_w * C;
    auto point = [&](int ox) {
      for (int ky = 0; ky < s.filter_h; ++ky) {
        for (int kx = 0; kx < s.filter_w; ++kx) {
          const int ix = ox * s.stride_w - s.pad_left + kx * s.dilation_w;
          ptrs[ky * s.filter_w + kx] = static_cast<unsigned>(ix) < static_cast<unsigned>(s.in_w)
                                           ? rows[ky] + static_cast<int64_t>(ix) * C
                                           : zero;
        }
      }
      // Zero-weight partners of the last tap: to a whole pair (int16 layouts) and a whole quad (quads).
      for (int t = taps; t < (taps + 3) / 4 * 4; ++t) ptrs[t] = ptrs[taps - 1];
    };
    for (int ox = 0; ox < ox_lo; ++ox) {
      point(ox);
      ukernel(pk, ptrs, 1, 0, out_row + static_cast<int64_t>(ox) * C);
    }
    if (ox_lo < ox_hi) {
      point(ox_lo);
      ukernel(pk, ptrs, static_cast<size_t>(ox_hi - ox_lo), static_cast<size_t>(s.stride_w) * C,
              out_row + static_cast<int64_t>(ox_lo) * C);
    }
    for (int ox = ox_hi; ox < s.out_w; ++ox) {
      point(ox);
      ukernel(pk, ptrs, 1, 0, out_row + static_cast<int64_t>(ox) * C);
    }
  }
}

template <typename T>
size_t FastScratchBytes(const OpArgs& a) {
  const DepthwiseConvParams* p = ParamsAs<DepthwiseConvParams>(a);
  if (!p) return 0;
  return LayoutOf(ShapeOf(a, *p), sizeof(T)).total;
}

size_t ScratchQ(const OpArgs& a, int /*num_threads*/) { return FastScratchBytes<uint8_t>(a); }

// Packs constant filter and bias (with the requantization arrays and the zero row) once, at plan
// creation, when the fast path covers the op; RunFast then uses it instead of packing per run.
template <typename T>
size_t PrepareQ(const OpArgs& a, uint8_t* dst) {
  const DepthwiseConvParams& p = *ParamsAs<DepthwiseConvParams>(a);
  const reference::ConvShape s = ShapeOf(a, p);
  const Tensor* bias = a.num_inputs > 2 ? a.inputs[2] : nullptr;
  const int32_t* multipliers = Multipliers(a);
  if (!a.inputs[1]->is_constant || (bias && !bias->is_constant) || !FastPathCovers<T>(p, s, multipliers, multipliers + p.num_channels)) {
    return 0;
  }
  const FastLayout l = LayoutOf(s, sizeof(T));
  if (dst) FillFromOp<T>(a, p, s, dst, l);
  return l.total;
}

template <typename T, typename Ukernel>
int RunFast(const OpContext& ctx, const OpArgs& a, Ukernel ukernel) {
  const DepthwiseConvParams& p = *ParamsAs<DepthwiseConvParams>(a);
  const reference::ConvShape s = ShapeOf(a, p);
  const int32_t* multipliers = Multipliers(a);
  if (!FastPathCovers<T>(p, s, multipliers, multipliers + p.num_channels)) return RunReference<T>(ctx, a);
  const FastLayout l = LayoutOf(s, sizeof(T));
  std::vector<uint8_t> local;
  const uint8_t* base = ctx.prepared && ctx.prepared_bytes == l.total ? ctx.prepared : nullptr;
  if (!base) {
    uint8_t* scratch = ctx.scratch;
    if (scratch == nullptr || ctx.scratch_bytes < l.total) {  // e.g. a kernel run outside a plan
      local.resize(l.total);
      scratch = local.data();
    }
    FillFromOp<T>(a, p, s, scratch, l);
    base = scratch;
  }
  const dwconv::Packed pk = View(p, s, base, l);
  const T* input = a.inputs[0]->Data<T>();
  const T* zero = reinterpret_cast<const T*>(base + l.zero_row);
  T* output = a.outputs[0]->Data<T>();
  ParallelFor(ctx, static_cast<int64_t>(s.batches) * s.out_h, [&](int64_t begin, int64_t end) {
    FastRows<T>(s, pk, ukernel, input, zero, output, begin, end);
  });
  return LITEQ_OK;
}

// Float: per row the input rows inside the input; per pixel only the taps inside the input, in the
// reference's (ky, kx) order. Interior pixels of a row share their tap list (pointers advance by
// stride_w * C) and go to the micro-kernel in one call.
int RunFastF32(const OpContext& ctx, const OpArgs& a, dwconv::F32Ukernel ukernel) {
  const DepthwiseConvParams& p = *ParamsAs<DepthwiseConvParams>(a);
  const reference::ConvShape s = ShapeOf(a, p);
  if (p.depth_multiplier != 1 || s.filter_h * s.filter_w > dwconv::kMaxTaps) return RunReferenceF32(ctx, a);
  const Tensor* bias = a.num_inputs > 2 ? a.inputs[2] : nullptr;
  const dwconv::F32Params fp{s.out_c, bias ? bias->Data<float>() : nullptr, p.float_act_min, p.float_act_max};
  const float* input = a.inputs[0]->Data<float>();
  const float* filter = a.inputs[1]->Data<float>();
  float* output = a.outputs[0]->Data<float>();
  const int C = s.in_c;
  const int ox_lo = std::min(s.out_w, (s.pad_left + s.stride_w - 1) / s.stride_w);
  const int hi_num = s.in_w - 1 + s.pad_left - (s.filter_w - 1) * s.dilation_w;
  const int ox_hi = std::max(ox_lo, std::min(s.out_w, hi_num < 0 ? 0 : hi_num / s.stride_w + 1));
  ParallelFor(ctx, static_cast<int64_t>(s.batches) * s.out_h, [&](int64_t begin, int64_t end) {
    const float* taps[dwconv::kMaxTaps];
    const float* weights[dwconv::kMaxTaps];
    for (int64_t row = begin; row < end; ++row) {
      const int b = static_cast<int>(row / s.out_h), oy = static_cast<int>(row % s.out_h);
      float* out_row = output + row * s.out_w * C;
      auto point = [&](int ox) {
        int n = 0;
        for (int ky = 0; ky < s.filter_h; ++ky) {
          const int iy = oy * s.stride_h - s.pad_top + ky * s.dilation_h;
          if (iy < 0 || iy >= s.in_h) continue;
          for (int kx = 0; kx < s.filter_w; ++kx) {
            const int ix = ox * s.stride_w - s.pad_left + kx * s.dilation_w;
            if (ix < 0 || ix >= s.in_w) continue;
            taps[n] = input + ((static_cast<int64_t>(b) * s.in_h + iy) * s.in_w + ix) * C;
            weights[n++] = filter + static_cast<int64_t>(ky * s.filter_w + kx) * C;
          }
        }
        return n;
      };
      for (int ox = 0; ox < ox_lo; ++ox) {
        const int n = point(ox);
        ukernel(fp, taps, weights, n, 1, 0, out_row + static_cast<int64_t>(ox) * C);
      }
      if (ox_lo < ox_hi) {
        const int n = point(ox_lo);
        ukernel(fp, taps, weights, n, static_cast<size_t>(ox_hi - ox_lo), static_cast<size_t>(s.stride_w) * C,
                out_row + static_cast<int64_t>(ox_lo) * C);
      }
      for (int ox = ox_hi; ox < s.out_w; ++ox) {
        const int n = point(ox);
        ukernel(fp, taps, weights, n, 1, 0, out_row + static_cast<int64_t>(ox) * C);
      }
    }
  });
  return LITEQ_OK;
}

int RunF32(const OpContext& ctx, const OpArgs& a) { return dwconv::RunDepthwiseF32(ctx, a, dwconv::ActiveIsa()); }

int RunU8(const OpContext& ctx, const OpArgs& a) { return dwconv::RunDepthwiseU8(ctx, a, dwconv::ActiveIsa()); }
int RunI8(const OpContext& ctx, const OpArgs& a) { return dwconv::RunDepthwiseS8(ctx, a, dwconv::ActiveIsa()); }

}  // namespace

namespace dwconv {

int RunDepthwiseU8(const OpContext& ctx, const OpArgs& a, Isa isa) {
  switch (isa) {
    case Isa::kWasmSimd128: return RunFast<uint8_t>(ctx, a, QU8DwconvWasmSimd);
    case Isa::kAvx512Vnni: return RunFast<uint8_t>(ctx, a, QU8DwconvAvx512Vnni);
    case Isa::kAvx512:  // no AVX-512BW-only depthwise kernel: the AVX2 one
    case Isa::kAvx2: return RunFast<uint8_t>(ctx, a, QU8DwconvAvx2);
    case Isa::kSse41: return RunFast<uint8_t>(ctx, a, QU8DwconvSse41);
    default: return RunReference<uint8_t>(ctx, a);
  }
}

int RunDepthwiseF32(const OpContext& ctx, const OpArgs& a, Isa isa) {
  switch (isa) {
    case Isa::kAvx512Vnni:
    case Isa::kAvx512:
    case Isa::kAvx2: return RunFastF32(ctx, a, F32DwconvAvx2);
    case Isa::kSse41: return RunFastF32(ctx, a, F32DwconvSse41);
    default: return RunReferenceF32(ctx, a);
  }
}

int RunDepthwiseS8(const OpContext& ctx, const OpArgs& a, Isa isa) {
  switch (isa) {
    case Isa::kWasmSimd128: return RunFast<int8_t>(ctx, a, QS8DwconvWasmSimd);
    case Isa::kAvx512Vnni: return RunFast<int8_t>(ctx, a, QS8DwconvAvx512Vnni);
    case Isa::kAvx512:
    case Isa::kAvx2: return RunFast<int8_t>(ctx, a, QS8DwconvAvx2);
    case Isa::kSse41: return RunFast<int8_t>(ctx, a, QS8DwconvSse41);
    default: return RunReference<int8_t>(ctx, a);
  }
}

}  // namespace dwconv

const KernelInfo kDepthwiseConvKernels[] = {
    {"depthwise_conv_2d_f32", RunF32, CheckF32, nullptr},
    {"depthwise_conv_2d_u8", RunU8, CheckU8, ScratchQ, PrepareQ<uint8_t>},
    {"depthwise_conv_2d_i8", RunI8, CheckI8, ScratchQ, PrepareQ<int8_t>},
};
const size_t kDepthwiseConvKernelCount = sizeof(kDepthwiseConvKernels) / sizeof(kDepthwiseConvKernels[0]);

}  // namespace liteq
