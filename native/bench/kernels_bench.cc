// Micro-benchmarks of the hot kernels, run through the registry the way the plan runs them (check,
// scratch from the kernel's scratch fn, a thread pool). Prints the median time and GMAC/s per ISA
// level (LITEQ_ISA-style caps) and thread count. Usage: liteq_native_bench [name filter]
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "kernels/params.h"
#include "kernels/gemm/q8_gemm.h"
#include "liteq/liteq.h"
#include "runtime/op.h"
#include "runtime/tensor.h"
#include "runtime/thread_pool.h"

namespace {

struct Buffer {
  std::vector<uint8_t> bytes;
  liteq::Tensor tensor;
};

Buffer MakeBuffer(liteq::DType dtype, std::vector<int> dims, size_t elem_size, std::mt19937& rng) {
  Buffer b;
  b.tensor.dtype = dtype;
  b.tensor.rank = static_cast<int32_t>(dims.size());
  size_t n = 1;
  for (size_t i = 0; i < dims.size(); ++i) b.tensor.dims[i] = dims[i], n *= dims[i];
  b.bytes.resize(n * elem_size);
  for (auto& v : b.bytes) v = static_cast<uint8_t>(rng() & 0x3F);  // small values: bias etc. stay sane
  return b;
}

// A params blob: the kernel's params struct (kernels/params.h), then its int32 tail arrays.
struct Params {
  std::vector<uint8_t> bytes;
  template <typename P>
  explicit Params(const P& p, std::initializer_list<int32_t> tail = {}) {
    const uint8_t* b = reinterpret_cast<const uint8_t*>(&p);
    bytes.assign(b, b + sizeof(P));
    for (int32_t v : tail) bytes.insert(bytes.end(), reinterpret_cast<const uint8_t*>(&v), reinterpret_cast<const uint8_t*>(&v) + 4);
  }
};

double TimeKernel(const char* kernel, const Params& params, std::vector<Buffer*> ins, Buffer* out, int threads) {
  const liteq::KernelInfo* k = liteq::FindKernel(kernel);
  std::vector<const liteq::Tensor*> inputs;
  for (Buffer* b : ins) {
    b->tensor.data = b->bytes.data();
    b->tensor.bytes = b->bytes.size();
    b->tensor.is_constant = inputs.size() > 0;  // weights and bias are plan constants, as in models
    inputs.push_back(&b->tensor);
  }
  out->tensor.data = out->bytes.data();
  out->tensor.bytes = out->bytes.size();
  liteq::Tensor* outs[1] = {&out->tensor};
  liteq::OpArgs args{params.bytes.data(), params.bytes.size(), inputs.data(), static_cast<int>(inputs.size()), outs, 1};
  if (k->check && k->check(args) != LITEQ_OK) {
    std::fprintf(stderr, "%s: check failed: %s\n", kernel, liteq_last_error());
    std::exit(1);
  }
  const size_t scratch_bytes = k->scratch ? k->scratch(args, threads) : 0;
  const size_t prepared_bytes = k->prepare ? k->prepare(args, nullptr) : 0;
  std::unique_ptr<uint8_t, decltype(&std::free)> prepared(
      static_cast<uint8_t*>(std::aligned_alloc(64, (prepared_bytes + 63) / 64 * 64 + 64)), &std::free);
  if (prepared_bytes) k->prepare(args, prepared.get());
  std::unique_ptr<uint8_t, decltype(&std::free)> scratch(
      static_cast<uint8_t*>(std::aligned_alloc(64, (scratch_bytes + 63) / 64 * 64 + 64)), &std::free);
  liteq::ThreadPool pool(threads);
  liteq::OpContext ctx;
  ctx.pool = &pool;
  ctx.num_threads = threads;
  ctx.scratch = scratch.get();
  ctx.scratch_bytes = scratch_bytes;
  ctx.prepared = prepared_bytes ? prepared.get() : nullptr;
  ctx.prepared_bytes = prepared_bytes;
  std::vector<double> ns;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(300);
  for (int i = 0; i < 200 && (i < 5 || std::chrono::steady_clock::now() < deadline); ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    k->run(ctx, args);
    ns.push_back(std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - t0).count());
  }
  std::sort(ns.begin(), ns.end());
  return ns[ns.size() / 2];
}

struct ConvCase {
  const char* name;
  int h, w, cin, cout, kh, kw, stride, pad;
};

}  // namespace

int main(int argc, char** argv) {
  const std::string filter = argc > 1 ? argv[1] : "";
  std::mt19937 rng(1);
  // SSD MobileNet v2 (300x300) CONV_2D layers, uint8.
  const ConvCase convs[] = {
      {"conv_u8 first 3x3s2 300x300x3->32", 300, 300, 3, 32, 3, 3, 2, 1},
      {"conv_u8 1x1 150x150 32->16", 150, 150, 32, 16, 1, 1, 1, 0},
      {"conv_u8 1x1 150x150 16->96", 150, 150, 16, 96, 1, 1, 1, 0},
      {"conv_u8 1x1 75x75 144->24", 75, 75, 144, 24, 1, 1, 1, 0},
      {"conv_u8 1x1 19x19 96->576", 19, 19, 96, 576, 1, 1, 1, 0},
      {"conv_u8 1x1 10x10 320->1280", 10, 10, 320, 1280, 1, 1, 1, 0},
      {"conv_u8 3x3s2 10x10 256->512", 10, 10, 256, 512, 3, 3, 2, 1},
      {"conv_u8 1x1 10x10 1280->546", 10, 10, 1280, 546, 1, 1, 1, 0},
  };
  const liteq::q8_gemm::Isa isas[] = {liteq::q8_gemm::Isa::kScalar, liteq::q8_gemm::Isa::kSse41, liteq::q8_gemm::Isa::kAvx2};
  const char* isa_names[] = {"scalar", "sse41", "avx2"};
  const int num_isas = 3;
  std::printf("%-40s %-7s %3s %12s %8s\n", "case", "isa", "thr", "median_us", "GMAC/s");
  for (const ConvCase& c : convs) {
    if (std::string(c.name).find(filter) == std::string::npos) continue;
    const int oh = (c.h + c.stride - 1) / c.stride, ow = (c.w + c.stride - 1) / c.stride;
    Buffer in = MakeBuffer(liteq::DType::kUInt8, {1, c.h, c.w, c.cin}, 1, rng);
    Buffer f = MakeBuffer(liteq::DType::kUInt8, {c.cout, c.kh, c.kw, c.cin}, 1, rng);
    Buffer bias = MakeBuffer(liteq::DType::kInt32, {c.cout}, 4, rng);
    Buffer out = MakeBuffer(liteq::DType::kUInt8, {1, oh, ow, c.cout}, 1, rng);
    const int pad = c.pad ? std::max(0, ((oh - 1) * c.stride + c.kh - c.h) / 2) : 0;
    liteq::ConvParams cp{};
    cp.stride_h = cp.stride_w = c.stride;
    cp.dilation_h = cp.dilation_w = 1;
    cp.pad_top = cp.pad_left = pad;
    cp.input_offset = -128;
    cp.filter_offset = -120;
    cp.output_offset = 3;
    cp.act_max = 255;
    cp.rounding = 1;
    cp.num_channels = 1;
    const Params p(cp, {1 << 30, -8});
    const double macs = static_cast<double>(oh) * ow * c.cout * c.kh * c.kw * c.cin;
    for (int isa = 0; isa < num_isas; ++isa) {
      liteq::q8_gemm::SetIsaCapForTesting(isas[isa]);
      for (int threads : {1, 2}) {
        if (isa < num_isas - 1 && threads == 2) continue;
        const double ns = TimeKernel("conv_2d_u8", p, {&in, &f, &bias}, &out, threads);
        std::printf("%-40s %-7s %3d %12.1f %8.2f\n", c.name, isa_names[isa], threads, ns / 1e3, macs / ns);
      }
    }
  }
  if (std::string("fc_u8 1x1280->1001").find(filter) != std::string::npos) {
    Buffer in = MakeBuffer(liteq::DType::kUInt8, {1, 1280}, 1, rng);
    Buffer w = MakeBuffer(liteq::DType::kUInt8, {1001, 1280}, 1, rng);
    Buffer bias = MakeBuffer(liteq::DType::kInt32, {1001}, 4, rng);
    Buffer out = MakeBuffer(liteq::DType::kUInt8, {1, 1001}, 1, rng);
    liteq::FullyConnectedParams fp{};
    fp.input_offset = -128;
    fp.filter_offset = -120;
    fp.output_offset = 3;
    fp.multiplier = 1 << 30;
    fp.shift = -8;
    fp.act_max = 255;
    fp.rounding = 1;
    const Params p(fp);
    for (int isa = 0; isa < num_isas; ++isa) {
      liteq::q8_gemm::SetIsaCapForTesting(isas[isa]);
      for (int threads : {1, 2}) {
        if (isa < num_isas - 1 && threads == 2) continue;
        const double ns = TimeKernel("fully_connected_u8", p, {&in, &w, &bias}, &out, threads);
        std::printf("%-40s %-7s %3d %12.1f %8.2f\n", "fc_u8 1x1280->1001", isa_names[isa], threads, ns / 1e3,
                    1280.0 * 1001 / ns);
      }
    }
  }
  if (std::string("conv_f32 1x1 19x19 96->576").find(filter) != std::string::npos) {
    Buffer in = MakeBuffer(liteq::DType::kFloat32, {1, 19, 19, 96}, 4, rng);
    Buffer f = MakeBuffer(liteq::DType::kFloat32, {576, 1, 1, 96}, 4, rng);
    for (Buffer* b : {&in, &f}) {
      float* v = reinterpret_cast<float*>(b->bytes.data());
      for (size_t i = 0; i < b->bytes.size() / 4; ++i) v[i] = static_cast<float>(rng() % 200) / 100.0f - 1.0f;
    }
    Buffer bias = MakeBuffer(liteq::DType::kFloat32, {576}, 4, rng);
    std::fill(bias.bytes.begin(), bias.bytes.end(), 0);
    Buffer out = MakeBuffer(liteq::DType::kFloat32, {1, 19, 19, 576}, 4, rng);
    liteq::ConvParams cp{};
    cp.stride_h = cp.stride_w = cp.dilation_h = cp.dilation_w = 1;
    cp.float_act_min = -1e30f;
    cp.float_act_max = 1e30f;
    const Params p(cp);
    for (int isa : {0, num_isas - 1}) {
      liteq::q8_gemm::SetIsaCapForTesting(isas[isa]);
      for (int threads : {1, 2}) {
        if (isa < num_isas - 1 && threads == 2) continue;
        const double ns = TimeKernel("conv_2d_f32", p, {&in, &f, &bias}, &out, threads);
        std::printf("%-40s %-7s %3d %12.1f %8.2f\n", "conv_f32 1x1 19x19 96->576", isa_names[isa], threads, ns / 1e3,
                    19.0 * 19 * 96 * 576 / ns);
      }
    }
  }
  return 0;
}
