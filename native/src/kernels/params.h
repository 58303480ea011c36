// The params blocks of every kernel: what a lowering (packages/core/src/plan/ops/*.ts) writes and the
// kernel reads. Plain data, little-endian, 4-byte fields; variable-length arrays (per-channel
// multipliers and shifts, per-input params) follow the struct in the same blob. The field names, types
// and order are declared once in packages/core/src/plan/params.ts; params_layout.generated.h (made from
// that declaration) checks every struct here against it at compile time.
#ifndef LITEQ_KERNELS_PARAMS_H_
#define LITEQ_KERNELS_PARAMS_H_

#include <cstdint>

#include "kernels/reference/activations.h"

namespace liteq {

// conv.cc
// The params blob: this struct, then int32 multipliers[num_channels], int32 shifts[num_channels].
struct ConvParams {
  int32_t stride_h, stride_w;
  int32_t dilation_h, dilation_w;
  int32_t pad_top, pad_left;
  int32_t input_offset;   // -Z_in
  int32_t filter_offset;  // -Z_w
  int32_t output_offset;  // Z_out
  int32_t act_min, act_max;
  float float_act_min, float_act_max;
  int32_t rounding;      // reference::Rounding
  int32_t num_channels;  // 1 (one multiplier for every channel) or Cout; 0 for float
};

// hybrid.cc (FULLY_CONNECTED, CONV_2D and DEPTHWISE_CONV_2D with float activations and int8 weights)
// The params blob: this struct, then float weight_scales[num_channels].
struct HybridParams {
  int32_t stride_h, stride_w;  // CONV_2D only (FULLY_CONNECTED: 1)
  int32_t dilation_h, dilation_w;
  int32_t pad_top, pad_left;
  int32_t depth_multiplier;  // DEPTHWISE_CONV_2D only (others: 1)
  int32_t asymmetric;        // FULLY_CONNECTED: asymmetric_quantize_inputs, 2 = as TensorFlow 2.21 (range in float; CONV_2D decides by its scales)
  float float_act_min, float_act_max;
  int32_t num_channels;  // 1 or Cout
};

// gather_select.cc
struct GatherParams {
  int32_t axis;  // GatherOptions.axis, made non-negative; batch_dims is 0 (the lowering refuses others)
};

// slice.cc
struct SliceParams {
  int32_t rank;
  int32_t begin[6];  // the box's first index per dimension (non-negative)
  int32_t size[6];   // its extent per dimension (the output's elements, whatever the output's shape)
};

struct SplitParams {
  int32_t axis;   // outputs side by side along it, each as wide as its elements say
  int32_t input;  // which input holds the data: 1 for SPLIT (axis first), 0 for SPLIT_V
};

struct ReverseParams {
  int32_t axis;
};

// batch_matmul.cc
struct BatchMatMulParams {
  int32_t adj_x, adj_y;  // BatchMatMulOptions: transpose LHS / RHS (the last two dimensions)
};

// depthwise_conv.cc
// The params blob: this struct, then int32 multipliers[num_channels], int32 shifts[num_channels].
struct DepthwiseConvParams {
  int32_t stride_h, stride_w;
  int32_t dilation_h, dilation_w;
  int32_t pad_top, pad_left;
  int32_t depth_multiplier;
  int32_t input_offset;   // -Z_in
  int32_t filter_offset;  // -Z_w
  int32_t output_offset;  // Z_out
  int32_t act_min, act_max;
  float float_act_min, float_act_max;
  int32_t rounding;      // reference::Rounding
  int32_t num_channels;  // 1 or Cout; 0 for float
};

// fully_connected.cc
struct FullyConnectedParams {
  int32_t input_offset;   // -Z_in
  int32_t filter_offset;  // -Z_w
  int32_t output_offset;  // Z_out
  int32_t multiplier, shift;
  int32_t act_min, act_max;
  float float_act_min, float_act_max;
  int32_t rounding;  // reference::Rounding
};

// pooling.cc
struct PoolParams {
  int32_t stride_h, stride_w;
  int32_t filter_h, filter_w;
  int32_t pad_top, pad_left;
  int32_t act_min, act_max;  // quantized clamp
  float float_act_min, float_act_max;
};

// mean.cc
struct MeanParams {
  int32_t mode;         // reference::MeanMode
  int32_t reduce_mask;  // bit i: input axis i is reduced
  int32_t multiplier, shift, bias;  // kQuantHW; kQuantHWInt8 (bias unused)
  float scale, float_bias;          // kQuantFloat
  int32_t input_zero_point;         // kQuantHWInt8
  int32_t output_zero_point;        // kQuantFloat, kQuantHWInt8
};

// pad.cc
struct PadParams {
  int32_t rank;
  int32_t before[6];
  int32_t after[6];
  int32_t pad_value;  // raw integer for u8/i8/i32; float32 bits for f32
};

// elementwise.cc
struct ElementwiseParams {
  int32_t input1_offset;  // -Z1 (quantized)
  int32_t input2_offset;  // -Z2
  int32_t output_offset;  // Z_out
  int32_t left_shift;     // ADD/SUB: 20; MUL: unused
  int32_t input1_multiplier;
  int32_t input1_shift;
  int32_t input2_multiplier;
  int32_t input2_shift;
  int32_t output_multiplier;
  int32_t output_shift;
  int32_t activation_min;  // quantized / int32 clamp
  int32_t activation_max;
  float float_activation_min;
  float float_activation_max;
};

// concatenation.cc
// Followed by num_inputs ConcatInputParams.
struct ConcatParams {
  int32_t axis;  // 0 <= axis < rank
  int32_t num_inputs;
  int32_t output_zero_point;
  float output_scale;
};

struct ConcatInputParams {
  int32_t zero_point;
  float scale;
};

// activations.cc
// LOGISTIC / TANH: the tensors' quantization, from which the kernel builds TFLite's lookup table.
struct LutParams {
  float input_scale;
  int32_t input_zero_point;
  float output_scale;
  int32_t output_zero_point;
};

struct SoftmaxParams {
  float beta;
  float input_scale;
  float output_scale;
  int32_t output_zero_point;
};

// RELU / RELU6 / RELU_N1_TO_1.
struct ReluParams {
  int32_t input_zero_point;
  int32_t output_zero_point;
  int32_t output_multiplier;  // s_in / s_out
  int32_t output_shift;
  int32_t activation_min;  // quantized clamp
  int32_t activation_max;
  float float_activation_min;
  float float_activation_max;
};

struct LeakyReluParams {
  int32_t input_zero_point;
  int32_t output_zero_point;
  int32_t identity_multiplier;  // s_in / s_out
  int32_t identity_shift;
  int32_t alpha_multiplier;  // alpha s_in / s_out
  int32_t alpha_shift;
  float alpha;
};

// quantize.cc
struct QuantizeParams {
  int32_t input_zero_point;   // requantize only
  int32_t output_zero_point;
  int32_t output_multiplier;  // requantize: s_in / s_out
  int32_t output_shift;
  float output_scale;         // float input only
};

struct DequantizeParams {
  int32_t zero_point;
  float scale;
};

// detection_postprocess.cc
struct DetectionPostProcessParams {
  int32_t max_detections;
  int32_t max_classes_per_detection;
  int32_t detections_per_class;
  int32_t use_regular_nms;  // 0 / 1
  float nms_score_threshold;
  float nms_iou_threshold;
  int32_t num_classes;
  float y_scale;
  float x_scale;
  float h_scale;
  float w_scale;
};

// reference/activations.h's spec is HARD_SWISH's params block as it is.
using HardSwishParams = reference::HardSwishSpec;

}  // namespace liteq

#include "kernels/params_layout.generated.h"

#endif  // LITEQ_KERNELS_PARAMS_H_
