// Helpers for the conv/pool/mean/pad kernel tests: build tensors over test-owned vectors, pack a
// params struct (+ trailing int32 arrays) and run a registered kernel by name through its check.
#ifndef LITEQ_TEST_HEAVY_OP_UTIL_H_
#define LITEQ_TEST_HEAVY_OP_UTIL_H_

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <initializer_list>
#include <memory>
#include <string>
#include <vector>

#include "kernels/params.h"
#include "liteq/liteq.h"
#include "runtime/op.h"
#include "runtime/thread_pool.h"
#include "runtime/tensor.h"

namespace liteq_test {

template <typename T>
liteq::Tensor MakeTensor(liteq::DType dtype, std::initializer_list<int> dims, std::vector<T>& data) {
  liteq::Tensor t;
  t.dtype = dtype;
  t.rank = static_cast<int32_t>(dims.size());
  int i = 0;
  for (int d : dims) t.dims[i++] = d;
  t.data = reinterpret_cast<uint8_t*>(data.data());
  t.bytes = data.size() * sizeof(T);
  return t;
}

// A params blob: a kernel's params struct (kernels/params.h, checked at compile time against the one
// declaration in packages/core/src/plan/params.ts), then its tail arrays. i()/f() append raw 4-byte
// fields, for blobs that are deliberately malformed.
struct Blob {
  std::vector<uint8_t> bytes;
  template <typename P>
  static Blob Of(const P& params) {
    Blob b;
    const uint8_t* p = reinterpret_cast<const uint8_t*>(&params);
    b.bytes.assign(p, p + sizeof(P));
    return b;
  }
  Blob& ints(const std::vector<int32_t>& vs) {
    for (int32_t v : vs) i(v);
    return *this;
  }
  Blob& i(int32_t v) {
    const uint8_t* p = reinterpret_cast<const uint8_t*>(&v);
    bytes.insert(bytes.end(), p, p + 4);
    return *this;
  }
  Blob& f(float v) {
    const uint8_t* p = reinterpret_cast<const uint8_t*>(&v);
    bytes.insert(bytes.end(), p, p + 4);
    return *this;
  }
};

// Stride, dilation and padding of a conv-like params struct (ConvParams, DepthwiseConvParams).
template <typename P>
P ConvGeometry(int stride_h, int stride_w, int dilation_h, int dilation_w, int pad_top, int pad_left) {
  P p{};
  p.stride_h = stride_h;
  p.stride_w = stride_w;
  p.dilation_h = dilation_h;
  p.dilation_w = dilation_w;
  p.pad_top = pad_top;
  p.pad_left = pad_left;
  return p;
}

// The quantization fields every conv-like params struct shares (offsets are -Z_in, -Z_w, +Z_out).
template <typename P>
void SetConvQuant(P& p, int input_offset, int filter_offset, int output_offset, int act_min, int act_max, int rounding,
                  int num_channels) {
  p.input_offset = input_offset;
  p.filter_offset = filter_offset;
  p.output_offset = output_offset;
  p.act_min = act_min;
  p.act_max = act_max;
  p.rounding = rounding;
  p.num_channels = num_channels;
}

// Runs check then run; returns the first non-OK status.
inline int RunKernel(const std::string& name, const Blob& params, std::vector<const liteq::Tensor*> inputs,
                     liteq::Tensor* output) {
  const liteq::KernelInfo* k = liteq::FindKernel(name);
  if (!k) return -1000;
  liteq::Tensor* outs[1] = {output};
  liteq::OpArgs args{params.bytes.data(), params.bytes.size(), inputs.data(), static_cast<int>(inputs.size()), outs, 1};
  if (k->check) {
    const int st = k->check(args);
    if (st != LITEQ_OK) return st;
  }
  liteq::OpContext ctx;
  return k->run(ctx, args);
}

// Runs kernel `name` like Plan::Run: check, scratch sized by the kernel for `threads`, a pool.
inline int RunLikePlan(const std::string& name, const Blob& params, std::vector<const liteq::Tensor*> inputs,
                liteq::Tensor* output, int threads) {
  const liteq::KernelInfo* k = liteq::FindKernel(name);
  if (!k) return -1000;
  liteq::Tensor* outs[1] = {output};
  liteq::OpArgs args{params.bytes.data(), params.bytes.size(), inputs.data(), static_cast<int>(inputs.size()), outs, 1};
  if (k->check) {
    const int st = k->check(args);
    if (st != LITEQ_OK) return st;
  }
  const size_t scratch_bytes = k->scratch ? k->scratch(args, threads) : 0;
  // Prepared data (packed constant weights) as the plan builds it; 0 bytes when weights are not constant.
  const size_t prepared_bytes = k->prepare ? k->prepare(args, nullptr) : 0;
  std::unique_ptr<uint8_t, decltype(&std::free)> prepared(
      static_cast<uint8_t*>(std::aligned_alloc(64, (prepared_bytes + 63) / 64 * 64 + 64)), &std::free);
  if (prepared_bytes) k->prepare(args, prepared.get());
  // A guard past the scratch the kernel asked for: a kernel writing beyond it (into the next op's
  // memory in a plan) fails the test instead of passing on allocator slack.
  constexpr size_t kGuard = 256;
  std::unique_ptr<uint8_t, decltype(&std::free)> scratch(
      static_cast<uint8_t*>(std::aligned_alloc(64, (scratch_bytes + kGuard + 63) / 64 * 64)), &std::free);
  std::memset(scratch.get(), 0xA5, scratch_bytes);  // stale scratch must not matter
  std::memset(scratch.get() + scratch_bytes, 0x5A, kGuard);
  liteq::ThreadPool pool(threads);
  liteq::OpContext ctx;
  ctx.pool = &pool;
  ctx.num_threads = pool.num_threads();
  ctx.scratch = scratch.get();
  ctx.scratch_bytes = scratch_bytes;
  ctx.prepared = prepared_bytes ? prepared.get() : nullptr;
  ctx.prepared_bytes = prepared_bytes;
  const int status = k->run(ctx, args);
  for (size_t i = 0; i < kGuard; ++i) {
    if (scratch.get()[scratch_bytes + i] != 0x5A) {
      std::fprintf(stderr, "  %s wrote %zu bytes past its %zu bytes of scratch\n", name.c_str(), i + 1, scratch_bytes);
      return -2000;
    }
  }
  return status;
}

}  // namespace liteq_test

#endif  // LITEQ_TEST_HEAVY_OP_UTIL_H_
