// Hybrid (dynamic-range) FULLY_CONNECTED, CONV_2D and DEPTHWISE_CONV_2D: float input and output, int8
// weights (per tensor, or per output channel for the convs), float bias. What TFLite 2.9 computes
// (tensorflow/lite/kernels/fully_connected.cc EvalHybridDense, conv.cc EvalHybrid and
// EvalHybridPerChannel, depthwise_conv.cc EvalHybridPerChannel, optimized_ops HybridConv /
// HybridConvPerChannel, optimized_integer_ops DepthwiseConvHybridGeneral, portable_tensor_utils'
// Symmetric/AsymmetricQuantizeFloats):
//   1. Each batch of the input is quantized to int8 at run time: symmetric (scale = max|x| / 127,
//      q = round(x · (127 / max|x|))) or asymmetric (scale = (max(0,x) − min(0,x)) / 255 in double —
//      for the per-channel FULLY_CONNECTED, as TensorFlow 2.21 computes it, the range subtracted in
//      float first — a nudged zero point, q = round(zp + x · (1 / scale))). FULLY_CONNECTED uses the op's
//      asymmetric_quantize_inputs; CONV_2D is asymmetric when its channel scales differ (TFLite's
//      per-channel hybrid path), else symmetric; DEPTHWISE_CONV_2D always asymmetric, per channel.
//   2. acc = Σ w · (q − zp) in int32 over the taps inside the input (im2col pads with zp).
//   3. out = float(acc) · s + bias with s = s_in · s_w (FULLY_CONNECTED, per-tensor CONV_2D: the input
//      scale times the weight scale, both float), s_in · s_w[c] (per-channel FULLY_CONNECTED, TensorFlow
//      2.21's version 12, which TFLite 2.9 does not load) or s_w[c] · s_in (per-channel CONV_2D);
//      DEPTHWISE_CONV_2D: (float(acc) · s_in) · s_w[c] + bias. Then the fused activation's float clamp.
//      FULLY_CONNECTED returns bias (clamped) when the whole input is 0.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>

#include "kernels/conv_common.h"
#include "kernels/kernel_lists.h"
#include "kernels/params.h"
#include "kernels/x86/hybrid_dot.h"
#include "kernels/x86/isa.h"
#include "liteq/liteq.h"
#include "runtime/error.h"
#include "runtime/op.h"

namespace liteq {
namespace {

const float* Scales(const OpArgs& a) {
  return reinterpret_cast<const float*>(static_cast<const uint8_t*>(a.params) + sizeof(HybridParams));
}

// TfLiteRound on a float: std::round (half away from zero).
inline int32_t RoundToInt(float v) { return static_cast<int32_t>(std::round(v)); }

// PortableSymmetricQuantizeFloats.
void SymmetricQuantize(const float* x, int64_t n, int8_t* q, float* scale) {
  const auto mm = std::minmax_element(x, x + n);
  const float range = std::max(std::abs(*mm.first), std::abs(*mm.second));
  if (range == 0) {
    std::memset(q, 0, static_cast<size_t>(n));
    *scale = 1;
    return;
  }
  *scale = range / 127;
  const float inv = 127 / range;
  for (int64_t i = 0; i < n; ++i) q[i] = static_cast<int8_t>(std::min(127, std::max(-127, RoundToInt(x[i] * inv))));
}

// PortableAsymmetricQuantizeFloats. float_range: the range max(0,x) − min(0,x) subtracted in float
// before the division in double, as TensorFlow 2.21 does (TFLite 2.9 subtracts in double).
void AsymmetricQuantize(const float* x, int64_t n, int8_t* q, float* scale, int32_t* offset, bool float_range = false) {
  const auto mm = std::minmax_element(x, x + n);
  const double rmin = std::fmin(0, *mm.first);
  const double rmax = std::fmax(0, *mm.second);
  if (rmin == rmax) {
    std::memset(q, 0, static_cast<size_t>(n));
    *scale = 1;
    *offset = 0;
    return;
  }
  const double qmin = -128, qmax = 127;
  const double range = float_range ? static_cast<double>(static_cast<float>(rmax) - static_cast<float>(rmin)) : rmax - rmin;
  const double s = range / (qmax - qmin);
  const double zp_from_min = qmin - rmin / s;
  const double zp_from_max = qmax - rmax / s;
  const double err_min = std::abs(qmin) + std::abs(rmin / s);
  const double err_max = std::abs(qmax) + std::abs(rmax / s);
  const double zp = err_min < err_max ? zp_from_min : zp_from_max;
  int32_t nudged;
  if (zp <= qmin) nudged = -128;
  else if (zp >= qmax) nudged = 127;
  else nudged = static_cast<int32_t>(std::round(zp));
  *scale = static_cast<float>(s);
  *offset = nudged;
  const float inv = static_cast<float>(1.0 / *scale);
  for (int64_t i = 0; i < n; ++i) {
    q[i] = static_cast<int8_t>(std::min(127, std::max(-128, RoundToInt(static_cast<float>(*offset) + x[i] * inv))));
  }
}

// Per-channel CONV_2D when the weight scales are not all the same (TFLite's is_hybrid_per_channel).
bool PerChannel(const HybridParams& p, const float* scales) {
  for (int c = 1; c < p.num_channels; ++c) {
    if (scales[c] != scales[0]) return true;
  }
  return false;
}

enum class Kind { kFullyConnected, kConv, kDepthwise };

int CheckHybrid(const OpArgs& a, Kind kind) {
  const char* op = kind == Kind::kConv ? "conv_2d_hybrid" : kind == Kind::kDepthwise ? "depthwise_conv_2d_hybrid" : "fully_connected_hybrid";
  const bool conv = kind != Kind::kFullyConnected;
  const HybridParams* p = CheckedParams<HybridParams>(a, op);
  if (!p) return LastStatus();
  if (a.num_inputs < 2 || a.num_outputs != 1 || !a.inputs[0] || !a.inputs[1]) {
    return Fail(LITEQ_E_INVALID_ARGUMENT, std::string(op) + ": expects input, weights, optional bias and one output");
  }
  const Tensor& in = *a.inputs[0];
  const Tensor& w = *a.inputs[1];
  const Tensor* bias = a.num_inputs > 2 ? a.inputs[2] : nullptr;
  const Tensor& out = *a.outputs[0];
  if (in.dtype != DType::kFloat32 || w.dtype != DType::kInt8 || out.dtype != DType::kFloat32 ||
      (bias && bias->dtype != DType::kFloat32)) {
    return Fail(LITEQ_E_INVALID_ARGUMENT, std::string(op) + ": needs float input, int8 weights, float bias and output");
  }
  const int32_t units = kind == Kind::kDepthwise ? w.dims[w.rank - 1] : w.dims[0];
  if (p->num_channels != 1 && p->num_channels != units) return Fail(LITEQ_E_INVALID_ARGUMENT, std::string(op) + ": bad channel count");
  if (a.params_size < sizeof(HybridParams) + 4u * static_cast<size_t>(p->num_channels)) {
    return Fail(LITEQ_E_INVALID_ARGUMENT, std::string(op) + ": params blob too short");
  }
  if (bias && bias->NumElements() != units) return Fail(LITEQ_E_INVALID_ARGUMENT, std::string(op) + ": bad bias");
  if (kind == Kind::kDepthwise && (p->num_channels != units || !bias || p->depth_multiplier < 1 ||
                                   in.rank != 4 || w.rank != 4 || w.dims[0] != 1 ||
                                   static_cast<int64_t>(in.dims[3]) * p->depth_multiplier != units)) {
    return Fail(LITEQ_E_INVALID_ARGUMENT, "depthwise_conv_2d_hybrid: needs per-channel scales, a bias and matching shapes");
  }
  if (conv) {
    if (in.rank != 4 || w.rank != 4 || out.rank != 4 || (kind == Kind::kConv && w.dims[3] != in.dims[3]) ||
        out.dims[3] != units || out.dims[0] != in.dims[0]) {
      return Fail(LITEQ_E_INVALID_ARGUMENT, std::string(op) + ": shapes do not match");
    }
    if (p->stride_h < 1 || p->stride_w < 1 || p->dilation_h < 1 || p->dilation_w < 1 || p->pad_top < 0 || p->pad_left < 0 ||
        !WindowArithmeticFits(out.dims[1], p->stride_h, w.dims[1], p->dilation_h, p->pad_top) ||
        !WindowArithmeticFits(out.dims[2], p->stride_w, w.dims[2], p->dilation_w, p->pad_left)) {
      return Fail(LITEQ_E_INVALID_ARGUMENT, std::string(op) + ": bad stride, dilation or padding");
    }
  } else {
    if (w.rank != 2 || w.dims[1] <= 0 || in.NumElements() % w.dims[1] != 0 ||
        out.NumElements() != in.NumElements() / w.dims[1] * units) {
      return Fail(LITEQ_E_INVALID_ARGUMENT, "fully_connected_hybrid: shapes do not match");
    }
  }
  return LITEQ_OK;
}

int CheckFullyConnectedHybrid(const OpArgs& a) { return CheckHybrid(a, Kind::kFullyConnected); }
int CheckConvHybrid(const OpArgs& a) { return CheckHybrid(a, Kind::kConv); }
int CheckDepthwiseHybrid(const OpArgs& a) { return CheckHybrid(a, Kind::kDepthwise); }

// The quantized input, then one float scale and one int32 offset per batch, then (FULLY_CONNECTED at
// AVX-512 VNNI) the quantized input plus 128 as unsigned bytes.
size_t ScratchHybrid(const OpArgs& a, int threads) {
  // Batches: numel / depth (FULLY_CONNECTED) or the input's N (the convs), at most this.
  const int64_t n = a.inputs[0]->NumElements();
  const Tensor& w = *a.inputs[1];
  const int64_t batches = std::max<int64_t>(a.inputs[0]->dims[0], n / std::max<int64_t>(1, w.dims[w.rank - 1]));
  int64_t tail = (n + 63) / 64 * 64;  // FULLY_CONNECTED: the unsigned copy of the quantized input
  if (w.rank == 4) {  // CONV_2D: the rows' weight sums, then one im2col row per thread
    const int64_t k = static_cast<int64_t>(w.dims[1]) * w.dims[2] * w.dims[3];
    tail = std::max<int64_t>(tail, (w.dims[0] + 15) / 16 * 64 + std::max(1, threads) * ((k + 63) / 64 * 64));
  }
  return static_cast<size_t>((n + 15) / 16 * 16 + 8 * batches + 64 + tail);
}

// The scratch as RunX uses it: the quantized input, then per-batch scales and zero points, then the
// unsigned copy.
struct QuantizedInput {
  int8_t* q;
  float* scales;
  int32_t* offsets;
  uint8_t* unsigned_q;
};

QuantizedInput ScratchLayout(const OpContext& ctx, int64_t numel, int64_t batches) {
  float* scales = reinterpret_cast<float*>(ctx.scratch + (numel + 15) / 16 * 16);
  uint8_t* after = reinterpret_cast<uint8_t*>(scales + 2 * batches);
  return {reinterpret_cast<int8_t*>(ctx.scratch), scales, reinterpret_cast<int32_t*>(scales + batches), after};
}

// Calls fn(iy, ix, ky, kx) for the taps of output (oy, ox) that fall inside the input.
template <typename Fn>
inline void ForEachTap(const HybridParams& p, int32_t oy, int32_t ox, int32_t kh, int32_t kw, int32_t in_h, int32_t in_w, Fn fn) {
  for (int32_t ky = 0; ky < kh; ++ky) {
    const int32_t iy = oy * p.stride_h - p.pad_top + ky * p.dilation_h;
    if (iy < 0 || iy >= in_h) continue;
    for (int32_t kx = 0; kx < kw; ++kx) {
      const int32_t ix = ox * p.stride_w - p.pad_left + kx * p.dilation_w;
      if (ix >= 0 && ix < in_w) fn(iy, ix, ky, kx);
    }
  }
}

// Calls fn(batch, oy, ox) for every output pixel, output rows split over the threads.
template <typename Fn>
void ForEachOutputPixel(const OpContext& ctx, int32_t batches, int32_t out_h, int32_t out_w, Fn fn) {
  ParallelFor(ctx, static_cast<int64_t>(batches) * out_h, [&](int64_t r0, int64_t r1) {
    for (int64_t row = r0; row < r1; ++row) {
      for (int32_t ox = 0; ox < out_w; ++ox) fn(static_cast<int32_t>(row / out_h), static_cast<int32_t>(row % out_h), ox);
    }
  });
}

inline float Clamp(float v, const HybridParams& p) { return std::max(std::min(v, p.float_act_max), p.float_act_min); }

// The float step of FULLY_CONNECTED and of CONV_2D from the integer sum, shared by the plain loops and
// the VNNI paths (the same operations in the same order, so the same bits).
inline float FullyConnectedValue(int32_t dot, float scale, float init, const HybridParams& p) {
  return Clamp(init + static_cast<float>(dot) * scale, p);
}
inline float ConvValue(int32_t acc, float scale, float bias, const HybridParams& p) {
  return Clamp(static_cast<float>(acc) * scale + bias, p);
}

int RunFullyConnectedHybrid(const OpContext& ctx, const OpArgs& a) {
  const HybridParams& p = *ParamsAs<HybridParams>(a);
  const Tensor& in = *a.inputs[0];
  const Tensor& w = *a.inputs[1];
  const Tensor* bias = a.num_inputs > 2 ? a.inputs[2] : nullptr;
  const int32_t units = w.dims[0], depth = w.dims[1];
  const int64_t total = in.NumElements();
  const int64_t batches = total / depth;
  const float* x = in.Data<float>();
  const int8_t* wd = w.Data<int8_t>();
  const float* b = bias ? bias->Data<float>() : nullptr;
  float* out = a.outputs[0]->Data<float>();
  const QuantizedInput qi = ScratchLayout(ctx, total, batches);
  int8_t* q = qi.q;
  float* scales = qi.scales;
  int32_t* offsets = qi.offsets;
  // Per tensor: the weight scale joins each batch's input scale; per output channel (TensorFlow 2.21's
  // version 12): each row's scale multiplies the batch's input scale, s_in · s_w[r].
  const float* channel_scales = p.num_channels > 1 ? Scales(a) : nullptr;
  const float filter_scale = Scales(a)[0];
  const auto row_scale = [&](int64_t bt, int64_t r) { return channel_scales ? scales[bt] * channel_scales[r] : scales[bt]; };
  bool zero = true;
  for (int64_t i = 0; i < total && zero; ++i) zero = x[i] == 0;
  if (zero) {
    for (int64_t i = 0; i < batches * units; ++i) out[i] = Clamp(b ? b[i % units] : 0.0f, p);
    return LITEQ_OK;
  }
  for (int64_t bt = 0; bt < batches; ++bt) {
    if (p.asymmetric) {
      AsymmetricQuantize(x + bt * depth, depth, q + bt * depth, &scales[bt], &offsets[bt], p.asymmetric == 2);
    } else {
      SymmetricQuantize(x + bt * depth, depth, q + bt * depth, &scales[bt]);
      offsets[bt] = 0;
    }
    if (!channel_scales) scales[bt] *= filter_scale;
  }
#if defined(__x86_64__) || defined(__i386__)
  if (x86::ActiveIsa() >= x86::Isa::kAvx512Vnni) {
    // Σ w·q as Σ w·(q + 128) − 128·Σ w (hybrid_dot.h), four rows per pass over the input bytes.
    uint8_t* vu = qi.unsigned_q;
    for (int64_t i = 0; i < total; ++i) vu[i] = static_cast<uint8_t>(q[i] ^ 0x80);
    ParallelFor(ctx, units, [&](int64_t r0, int64_t r1) {
      for (int64_t r = r0; r < r1; r += 4) {
        const int rows = static_cast<int>(std::min<int64_t>(4, r1 - r));
        int32_t dots[4], sums[4];
        for (int64_t bt = 0; bt < batches; ++bt) {
          x86::HybridDotsVnni(wd + r * depth, static_cast<size_t>(depth), rows, depth, vu + bt * depth, bt == 0, dots, sums);
          for (int j = 0; j < rows; ++j) {
            const uint32_t dot = static_cast<uint32_t>(dots[j]) - 128u * static_cast<uint32_t>(sums[j]) -
                                 static_cast<uint32_t>(sums[j]) * static_cast<uint32_t>(offsets[bt]);
            out[bt * units + r + j] = FullyConnectedValue(static_cast<int32_t>(dot), row_scale(bt, r + j), b ? b[r + j] : 0.0f, p);
          }
        }
      }
    });
    return LITEQ_OK;
  }
#endif
  ParallelFor(ctx, units, [&](int64_t r0, int64_t r1) {
    for (int64_t r = r0; r < r1; ++r) {
      const int8_t* row = wd + r * depth;
      int32_t row_sum = 0;
      for (int32_t k = 0; k < depth; ++k) row_sum += row[k];
      for (int64_t bt = 0; bt < batches; ++bt) {
        const int8_t* v = q + bt * depth;
        int32_t dot = 0;
        for (int32_t k = 0; k < depth; ++k) dot += static_cast<int32_t>(row[k]) * v[k];
        dot -= row_sum * offsets[bt];
        out[bt * units + r] = FullyConnectedValue(dot, row_scale(bt, r), b ? b[r] : 0.0f, p);
      }
    }
  });
  return LITEQ_OK;
}

int RunConvHybrid(const OpContext& ctx, const OpArgs& a) {
  const HybridParams& p = *ParamsAs<HybridParams>(a);
  const Tensor& in = *a.inputs[0];
  const Tensor& w = *a.inputs[1];
  const Tensor* bias = a.num_inputs > 2 ? a.inputs[2] : nullptr;
  const Tensor& out_t = *a.outputs[0];
  const int32_t batches = in.dims[0], in_h = in.dims[1], in_w = in.dims[2], in_c = in.dims[3];
  const int32_t cout = w.dims[0], kh = w.dims[1], kw = w.dims[2];
  const int32_t out_h = out_t.dims[1], out_w = out_t.dims[2];
  const int64_t per_batch = static_cast<int64_t>(in_h) * in_w * in_c;
  const float* x = in.Data<float>();
  const int8_t* wd = w.Data<int8_t>();
  const float* b = bias ? bias->Data<float>() : nullptr;
  float* out = out_t.Data<float>();
  const float* ws = Scales(a);
  const bool per_channel = PerChannel(p, ws);
  const QuantizedInput qi = ScratchLayout(ctx, per_batch * batches, batches);
  int8_t* q = qi.q;
  float* scales = qi.scales;
  int32_t* offsets = qi.offsets;
  for (int32_t bt = 0; bt < batches; ++bt) {
    if (per_channel) {
      AsymmetricQuantize(x + bt * per_batch, per_batch, q + bt * per_batch, &scales[bt], &offsets[bt]);
    } else {
      SymmetricQuantize(x + bt * per_batch, per_batch, q + bt * per_batch, &scales[bt]);
      scales[bt] *= ws[0];
      offsets[bt] = 0;
    }
  }
#if defined(__x86_64__) || defined(__i386__)
  if (x86::ActiveIsa() >= x86::Isa::kAvx512Vnni) {
    // Per output pixel the im2col row of (q + 128) bytes, taps outside the input holding zp + 128 so
    // that w·(q − zp) is 0 there as in the skipped taps, then the weight rows' dot products four at a
    // time (hybrid_dot.h): Σ w·(q − zp) = Σ w·(q + 128) − (128 + zp)·Σ w, modulo 2^32.
    const int32_t K = kh * kw * in_c;
    int32_t* sums = reinterpret_cast<int32_t*>(qi.unsigned_q);
    uint8_t* rows = qi.unsigned_q + static_cast<size_t>(cout + 15) / 16 * 64;
    for (int32_t oc = 0; oc < cout; oc += 4) {
      int32_t dots[4];
      x86::HybridDotsVnni(wd + static_cast<int64_t>(oc) * K, static_cast<size_t>(K), std::min(4, cout - oc), K, rows, true, dots, sums + oc);
    }
    ParallelForTasks(ctx, static_cast<int64_t>(batches) * out_h, [&](int64_t r0, int64_t r1, int task) {
      uint8_t* col = rows + static_cast<size_t>(task) * ((static_cast<size_t>(K) + 63) / 64 * 64);
      for (int64_t row = r0; row < r1; ++row) {
        const int32_t bt = static_cast<int32_t>(row / out_h), oy = static_cast<int32_t>(row % out_h);
        const int8_t* qb = q + bt * per_batch;
        const int32_t zp = offsets[bt];
        for (int32_t ox = 0; ox < out_w; ++ox) {
          std::memset(col, static_cast<uint8_t>(zp + 128), static_cast<size_t>(K));
          ForEachTap(p, oy, ox, kh, kw, in_h, in_w, [&](int32_t iy, int32_t ix, int32_t ky, int32_t kx) {
            const int8_t* xi = qb + (static_cast<int64_t>(iy) * in_w + ix) * in_c;
            uint8_t* d = col + (static_cast<int64_t>(ky) * kw + kx) * in_c;
            for (int32_t c = 0; c < in_c; ++c) d[c] = static_cast<uint8_t>(xi[c] ^ 0x80);
          });
          float* o = out + ((static_cast<int64_t>(bt) * out_h + oy) * out_w + ox) * cout;
          for (int32_t oc = 0; oc < cout; oc += 4) {
            const int n = std::min(4, cout - oc);
            int32_t dots[4];
            x86::HybridDotsVnni(wd + static_cast<int64_t>(oc) * K, static_cast<size_t>(K), n, K, col, false, dots, nullptr);
            for (int j = 0; j < n; ++j) {
              const uint32_t acc = static_cast<uint32_t>(dots[j]) - static_cast<uint32_t>(128 + zp) * static_cast<uint32_t>(sums[oc + j]);
              const float scale = per_channel ? ws[oc + j] * scales[bt] : scales[bt];
              o[oc + j] = ConvValue(static_cast<int32_t>(acc), scale, b ? b[oc + j] : 0.0f, p);
            }
          }
        }
      }
    });
    return LITEQ_OK;
  }
#endif
  ForEachOutputPixel(ctx, batches, out_h, out_w, [&](int32_t bt, int32_t oy, int32_t ox) {
    const int8_t* qb = q + bt * per_batch;
    const int32_t zp = offsets[bt];
    for (int32_t oc = 0; oc < cout; ++oc) {
      int32_t acc = 0;
      ForEachTap(p, oy, ox, kh, kw, in_h, in_w, [&](int32_t iy, int32_t ix, int32_t ky, int32_t kx) {
        const int8_t* xi = qb + (static_cast<int64_t>(iy) * in_w + ix) * in_c;
        const int8_t* wi = wd + ((static_cast<int64_t>(oc) * kh + ky) * kw + kx) * in_c;
        for (int32_t c = 0; c < in_c; ++c) acc += static_cast<int32_t>(wi[c]) * (static_cast<int32_t>(xi[c]) - zp);
      });
      const float scale = per_channel ? ws[oc] * scales[bt] : scales[bt];
      out[((static_cast<int64_t>(bt) * out_h + oy) * out_w + ox) * cout + oc] = ConvValue(acc, scale, b ? b[oc] : 0.0f, p);
    }
  });
  return LITEQ_OK;
}

int RunDepthwiseHybrid(const OpContext& ctx, const OpArgs& a) {
  const HybridParams& p = *ParamsAs<HybridParams>(a);
  const Tensor& in = *a.inputs[0];
  const Tensor& w = *a.inputs[1];
  const float* b = a.inputs[2]->Data<float>();
  const Tensor& out_t = *a.outputs[0];
  const int32_t batches = in.dims[0], in_h = in.dims[1], in_w = in.dims[2], in_c = in.dims[3];
  const int32_t kh = w.dims[1], kw = w.dims[2], cout = w.dims[3];
  const int32_t out_h = out_t.dims[1], out_w = out_t.dims[2];
  const int32_t mult = p.depth_multiplier;
  const int64_t per_batch = static_cast<int64_t>(in_h) * in_w * in_c;
  const float* x = in.Data<float>();
  const int8_t* wd = w.Data<int8_t>();
  float* out = out_t.Data<float>();
  const float* ws = Scales(a);
  const QuantizedInput qi = ScratchLayout(ctx, per_batch * batches, batches);
  int8_t* q = qi.q;
  float* scales = qi.scales;
  int32_t* offsets = qi.offsets;
  for (int32_t bt = 0; bt < batches; ++bt) {
    AsymmetricQuantize(x + bt * per_batch, per_batch, q + bt * per_batch, &scales[bt], &offsets[bt]);
  }
#if defined(__x86_64__) || defined(__i386__)
  constexpr int kMaxTaps = 64;
  if (x86::ActiveIsa() >= x86::Isa::kAvx512 && mult == 1 && kh * kw <= kMaxTaps) {
    ForEachOutputPixel(ctx, batches, out_h, out_w, [&](int32_t bt, int32_t oy, int32_t ox) {
      const int8_t* qb = q + bt * per_batch;
      const int8_t* qt[kMaxTaps];
      const int8_t* wt[kMaxTaps];
      int n = 0;
      ForEachTap(p, oy, ox, kh, kw, in_h, in_w, [&](int32_t iy, int32_t ix, int32_t ky, int32_t kx) {
        qt[n] = qb + (static_cast<int64_t>(iy) * in_w + ix) * in_c;
        wt[n++] = wd + (static_cast<int64_t>(ky) * kw + kx) * cout;
      });
      x86::HybridDepthwisePixelAvx512(qt, wt, n, cout, offsets[bt], scales[bt], ws, b, p.float_act_min, p.float_act_max,
                                      out + ((static_cast<int64_t>(bt) * out_h + oy) * out_w + ox) * cout);
    });
    return LITEQ_OK;
  }
#endif
  ForEachOutputPixel(ctx, batches, out_h, out_w, [&](int32_t bt, int32_t oy, int32_t ox) {
    const int8_t* qb = q + bt * per_batch;
    const int32_t zp = offsets[bt];
    const float s_in = scales[bt];
    for (int32_t oc = 0; oc < cout; ++oc) {
      const int32_t ic = oc / mult;
      int32_t acc = 0;
      ForEachTap(p, oy, ox, kh, kw, in_h, in_w, [&](int32_t iy, int32_t ix, int32_t ky, int32_t kx) {
        const int32_t v = qb[(static_cast<int64_t>(iy) * in_w + ix) * in_c + ic];
        acc += static_cast<int32_t>(wd[(static_cast<int64_t>(ky) * kw + kx) * cout + oc]) * (v - zp);
      });
      float v = static_cast<float>(acc) * s_in * ws[oc];
      v += b[oc];
      out[((static_cast<int64_t>(bt) * out_h + oy) * out_w + ox) * cout + oc] = std::min(std::max(v, p.float_act_min), p.float_act_max);
    }
  });
  return LITEQ_OK;
}

}  // namespace

const KernelInfo kHybridKernels[] = {
    {"depthwise_conv_2d_hybrid", RunDepthwiseHybrid, CheckDepthwiseHybrid, ScratchHybrid, nullptr},
    {"fully_connected_hybrid", RunFullyConnectedHybrid, CheckFullyConnectedHybrid, ScratchHybrid, nullptr},
    {"conv_2d_hybrid", RunConvHybrid, CheckConvHybrid, ScratchHybrid, nullptr},
};
const size_t kHybridKernelCount = sizeof(kHybridKernels) / sizeof(kHybridKernels[0]);

}  // namespace liteq
