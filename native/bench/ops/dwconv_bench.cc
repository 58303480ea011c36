// Micro-benchmark of the quantized DEPTHWISE_CONV_2D kernels on SSD MobileNet v2's 3x3 layers, per ISA
// level (reference loops = "scalar", SSE4.1, AVX2) and thread count, run the way a plan runs them
// (check, scratch from the kernel's scratch fn, a thread pool). Also the same-shape add_u8.
// Build with -DLITEQ_BUILD_BENCH=ON; usage: liteq_dwconv_bench [name filter]
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "kernels/params.h"
#include "kernels/dwconv/q8_dwconv.h"
#include "liteq/liteq.h"
#include "runtime/op.h"
#include "runtime/tensor.h"
#include "runtime/thread_pool.h"

namespace {

struct Buffer {
  std::vector<uint8_t> bytes;
  liteq::Tensor tensor;
  Buffer(liteq::DType dtype, std::vector<int> dims, size_t elem, std::mt19937& rng) {
    tensor.dtype = dtype;
    tensor.rank = static_cast<int32_t>(dims.size());
    size_t n = 1;
    for (size_t i = 0; i < dims.size(); ++i) tensor.dims[i] = dims[i], n *= dims[i];
    bytes.resize(n * elem);
    for (auto& v : bytes) v = static_cast<uint8_t>(rng());
    if (dtype == liteq::DType::kInt32) {  // small biases
      for (size_t i = 3; i < bytes.size(); i += 4) bytes[i] = 0;
    }
    tensor.data = bytes.data();
    tensor.bytes = bytes.size();
  }
};

// A params blob: the kernel's params struct (kernels/params.h), then its int32 tail arrays.
struct Blob {
  std::vector<uint8_t> bytes;
  template <typename P>
  explicit Blob(const P& p, std::initializer_list<int32_t> tail = {}) {
    const uint8_t* b = reinterpret_cast<const uint8_t*>(&p);
    bytes.assign(b, b + sizeof(P));
    for (int32_t v : tail) bytes.insert(bytes.end(), reinterpret_cast<const uint8_t*>(&v), reinterpret_cast<const uint8_t*>(&v) + 4);
  }
};

double MedianNs(const std::function<void()>& fn) {
  std::vector<double> ns;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(300);
  for (int i = 0; i < 300 && (i < 5 || std::chrono::steady_clock::now() < deadline); ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    fn();
    ns.push_back(std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - t0).count());
  }
  std::sort(ns.begin(), ns.end());
  return ns[ns.size() / 2];
}

struct DwCase {
  int h, w, c, stride;
};

}  // namespace

int main(int argc, char** argv) {
  const std::string filter = argc > 1 ? argv[1] : "";
  std::mt19937 rng(1);
  const DwCase cases[] = {{150, 150, 32, 1}, {150, 150, 96, 2}, {75, 75, 144, 1}, {75, 75, 144, 2}, {38, 38, 192, 1},
                          {38, 38, 192, 2},  {19, 19, 384, 1},  {19, 19, 576, 1}, {19, 19, 576, 2}, {10, 10, 960, 1}};
  const uint32_t features = liteq_cpu_features();
  const liteq::x86::Isa isas[] = {liteq::x86::Isa::kScalar, liteq::x86::Isa::kSse41, liteq::x86::Isa::kAvx2};
  const char* isa_names[] = {"scalar", "sse41", "avx2"};
  std::printf("%-36s %-7s %3s %12s %8s\n", "case", "isa", "thr", "median_us", "GMAC/s");
  for (const DwCase& c : cases) {
    char name[64];
    std::snprintf(name, sizeof(name), "dwconv_u8 3x3s%d %dx%dx%d", c.stride, c.h, c.w, c.c);
    if (std::string(name).find(filter) == std::string::npos) continue;
    const int oh = (c.h + c.stride - 1) / c.stride, ow = (c.w + c.stride - 1) / c.stride;
    const int pad = std::max(0, ((oh - 1) * c.stride + 3 - c.h) / 2);
    Buffer in(liteq::DType::kUInt8, {1, c.h, c.w, c.c}, 1, rng), f(liteq::DType::kUInt8, {1, 3, 3, c.c}, 1, rng);
    Buffer bias(liteq::DType::kInt32, {c.c}, 4, rng), out(liteq::DType::kUInt8, {1, oh, ow, c.c}, 1, rng);
    liteq::DepthwiseConvParams dp{};
    dp.stride_h = dp.stride_w = c.stride;
    dp.dilation_h = dp.dilation_w = 1;
    dp.pad_top = dp.pad_left = pad;
    dp.depth_multiplier = 1;
    dp.input_offset = -128;
    dp.filter_offset = -120;
    dp.output_offset = 3;
    dp.act_max = 255;
    dp.num_channels = 1;
    const Blob p(dp, {1 << 30, -8});
    const liteq::Tensor* ins[3] = {&in.tensor, &f.tensor, &bias.tensor};
    liteq::Tensor* outs[1] = {&out.tensor};
    const liteq::OpArgs args{p.bytes.data(), p.bytes.size(), ins, 3, outs, 1};
    const liteq::KernelInfo* k = liteq::FindKernel("depthwise_conv_2d_u8");
    if (k->check(args) != LITEQ_OK) return 1;
    const double macs = 9.0 * oh * ow * c.c;
    for (int isa = 0; isa < 3; ++isa) {
      if (isa == 1 && !(features & LITEQ_CPU_SSE41)) continue;
      if (isa == 2 && !(features & LITEQ_CPU_AVX2)) continue;
      for (int threads : {1, 2}) {
        if (isa == 0 && threads == 2) continue;
        std::vector<uint8_t> scratch(k->scratch(args, threads));
        liteq::ThreadPool pool(threads);
        liteq::OpContext ctx;
        ctx.pool = &pool;
        ctx.num_threads = threads;
        ctx.scratch = scratch.data();
        ctx.scratch_bytes = scratch.size();
        const double ns = MedianNs([&] { liteq::dwconv::RunDepthwiseU8(ctx, args, isas[isa]); });
        std::printf("%-36s %-7s %3d %12.1f %8.2f\n", name, isa_names[isa], threads, ns / 1e3, macs / ns);
      }
    }
  }
  if (std::string("add_u8 19x19x96").find(filter) != std::string::npos) {
    Buffer x(liteq::DType::kUInt8, {1, 19, 19, 96}, 1, rng), y(liteq::DType::kUInt8, {1, 19, 19, 96}, 1, rng);
    Buffer out(liteq::DType::kUInt8, {1, 19, 19, 96}, 1, rng);
    liteq::ElementwiseParams ep{};
    ep.input1_offset = -128;
    ep.input2_offset = -130;
    ep.output_offset = 127;
    ep.left_shift = 20;
    ep.input1_multiplier = 1 << 30;
    ep.input1_shift = -1;
    ep.input2_multiplier = 1500000000;
    ep.input2_shift = -1;
    ep.output_multiplier = 1200000000;
    ep.output_shift = -19;
    ep.activation_max = 255;
    const Blob p(ep);
    const liteq::Tensor* ins[2] = {&x.tensor, &y.tensor};
    liteq::Tensor* outs[1] = {&out.tensor};
    const liteq::OpArgs args{p.bytes.data(), p.bytes.size(), ins, 2, outs, 1};
    const liteq::KernelInfo* k = liteq::FindKernel("add_u8");
    for (int threads : {1, 2}) {
      liteq::ThreadPool pool(threads);
      liteq::OpContext ctx;
      ctx.pool = &pool;
      ctx.num_threads = threads;
      const double ns = MedianNs([&] { k->run(ctx, args); });
      std::printf("%-36s %-7s %3d %12.1f %8s\n", "add_u8 19x19x96", "active", threads, ns / 1e3, "-");
    }
  }
  if (std::string("detection_postprocess_u8 1917x91").find(filter) != std::string::npos) {
    // SSD's configuration: fast NMS, 1 class per detection, 10 detections, score threshold 1e-8.
    Buffer boxes(liteq::DType::kUInt8, {1, 1917, 4}, 1, rng), scores(liteq::DType::kUInt8, {1, 1917, 91}, 1, rng);
    Buffer anchors(liteq::DType::kUInt8, {1917, 4}, 1, rng);
    for (auto& v : scores.bytes) v = static_cast<uint8_t>(v % 64);  // mostly low scores, like a real image
    boxes.tensor.scale = 0.05f, boxes.tensor.zero_point = 128;
    scores.tensor.scale = 1.0f / 256, scores.tensor.zero_point = 0;
    anchors.tensor.scale = 1.0f / 256, anchors.tensor.zero_point = 0;
    std::vector<Buffer> outs_b;
    outs_b.emplace_back(liteq::DType::kFloat32, std::vector<int>{1, 10, 4}, 4, rng);
    outs_b.emplace_back(liteq::DType::kFloat32, std::vector<int>{1, 10}, 4, rng);
    outs_b.emplace_back(liteq::DType::kFloat32, std::vector<int>{1, 10}, 4, rng);
    outs_b.emplace_back(liteq::DType::kFloat32, std::vector<int>{1}, 4, rng);
    liteq::DetectionPostProcessParams pp{};
    pp.max_detections = 10;
    pp.max_classes_per_detection = 1;
    pp.detections_per_class = 100;
    pp.nms_score_threshold = 1e-8f;
    pp.nms_iou_threshold = 0.6f;
    pp.num_classes = 90;
    pp.y_scale = pp.x_scale = 10;
    pp.h_scale = pp.w_scale = 5;
    const Blob p(pp);
    const liteq::Tensor* ins[3] = {&boxes.tensor, &scores.tensor, &anchors.tensor};
    liteq::Tensor* outs[4] = {&outs_b[0].tensor, &outs_b[1].tensor, &outs_b[2].tensor, &outs_b[3].tensor};
    const liteq::OpArgs args{p.bytes.data(), p.bytes.size(), ins, 3, outs, 4};
    const liteq::KernelInfo* k = liteq::FindKernel("tflite_detection_postprocess_u8");
    if (k->check(args) != LITEQ_OK) {
      std::fprintf(stderr, "postprocess check failed: %s\n", liteq_last_error());
      return 1;
    }
    liteq::ThreadPool pool(1);
    liteq::OpContext ctx;
    ctx.pool = &pool;
    const double ns = MedianNs([&] { k->run(ctx, args); });
    std::printf("%-36s %-7s %3d %12.1f %8s\n", "detection_postprocess_u8 1917x91", "active", 1, ns / 1e3, "-");
  }
  return 0;
}
