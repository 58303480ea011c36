// What a pipeline.config says about the model, read by field path with the .proto defaults applied
// (object_detection/protos/*.proto), so every value is the one the TF Object Detection API would use.
// Keys are snake_case, like the proto fields, and stable: `liteq config show --json` prints this object.
import { UnsupportedError } from '../../errors.js';
import { findField, findFields, type ConfigField, type PipelineConfig } from './syntax.js';

export interface ImageResizerSummary {
  /** The oneof member: 'fixed_shape_resizer', 'keep_aspect_ratio_resizer', … */
  type: string;
  height?: number;
  width?: number;
  min_dimension?: number;
  max_dimension?: number;
  pad_to_max_dimension?: boolean;
  resize_method?: string;
}

export interface SsdAnchorGeneratorSummary {
  type: 'ssd_anchor_generator';
  num_layers: number;
  min_scale: number;
  max_scale: number;
  /** Explicit scales (when given, min_scale/max_scale are not used). */
  scales: number[];
  aspect_ratios: number[];
  interpolated_scale_aspect_ratio: number;
  reduce_boxes_in_lowest_layer: boolean;
  base_anchor_height: number;
  base_anchor_width: number;
  height_stride: number[];
  width_stride: number[];
  height_offset: number[];
  width_offset: number[];
}

export interface MultiscaleAnchorGeneratorSummary {
  type: 'multiscale_anchor_generator';
  min_level: number;
  max_level: number;
  anchor_scale: number;
  aspect_ratios: number[];
  scales_per_octave: number;
  normalize_coordinates: boolean;
}

export type AnchorGeneratorSummary = SsdAnchorGeneratorSummary | MultiscaleAnchorGeneratorSummary | { type: string };

export interface PipelineConfigSummary {
  /** The model oneof: 'ssd', 'faster_rcnn', 'center_net', … (null: no model block). */
  meta_architecture: string | null;
  num_classes: number | null;
  image_resizer: ImageResizerSummary | null;
  feature_extractor: { type: string | null; depth_multiplier: number | null; min_depth: number | null } | null;
  anchor_generator: AnchorGeneratorSummary | null;
  box_coder: { type: string; y_scale?: number; x_scale?: number; height_scale?: number; width_scale?: number } | null;
  post_processing: {
    score_threshold: number;
    iou_threshold: number;
    max_detections_per_class: number;
    max_total_detections: number;
    use_static_shapes: boolean;
    score_converter: string;
    logit_scale: number;
  } | null;
  preprocessing: {
    /** The input transform as a formula, e.g. '(2/255)*x - 1'; null when liteq does not know the extractor. */
    normalization: string | null;
    /** x_float = (pixel - mean) / std, per channel (RGB) or one value for all. */
    mean: number[] | null;
    std: number[] | null;
    /** Where the values come from (the feature extractor's preprocess()). */
    source: string | null;
    /** train_config.data_augmentation_options, by name (train time only). */
    train_augmentations: string[];
  };
  graph_rewriter: { quantization: { delay: number; weight_bits: number; activation_bits: number; symmetric: boolean } | null } | null;
}

const num = (f: ConfigField | undefined, dflt: number): number => {
  const v = f?.values[f.values.length - 1]?.value;
  return typeof v === 'number' ? v : dflt;
};
const numOrNull = (f: ConfigField | undefined): number | null => (f ? num(f, NaN) : null);
const nums = (fs: ConfigField[]): number[] => fs.flatMap((f) => f.values.map((v) => (typeof v.value === 'number' ? v.value : NaN)));
const str = (f: ConfigField | undefined, dflt: string): string => {
  const v = f?.values[f.values.length - 1]?.value;
  return v === undefined ? dflt : String(v);
};
const bool = (f: ConfigField | undefined, dflt: boolean): boolean => {
  const v = f?.values[f.values.length - 1];
  if (!v) return dflt;
  return v.value === 'true' || v.value === 't' || v.value === 'True' || v.value === 1;
};
/** The member set in a oneof block (its first block child). */
const oneofMember = (f: ConfigField | undefined): ConfigField | undefined => f?.children.find((c) => c.kind === 'block');

/** Input normalization implied by a feature extractor type, from its preprocess() in models/research/object_detection/models/. */
function normalizationFor(type: string | null): Pick<PipelineConfigSummary['preprocessing'], 'normalization' | 'mean' | 'std' | 'source'> {
  const unknown = { normalization: null, mean: null, std: null, source: null };
  if (!type) return unknown;
  const file = `models/research/object_detection/models/${type}_feature_extractor.py preprocess()`;
  const vggMeans = [123.68, 116.779, 103.939];
  // ResNet extractors (SSD FPN and Faster R-CNN) subtract the ImageNet channel means and do not scale.
  if (/resnet/.test(type) && !/inception_resnet/.test(type)) return { normalization: 'x - [123.68, 116.779, 103.939]', mean: vggMeans, std: [1, 1, 1], source: file };
  // MobileNet, Inception, Inception-ResNet, NASNet, PNASNet, MobileDet: (2/255)*x - 1, i.e. (x - 127.5)/127.5.
  if (/mobilenet|mobiledet|inception|nas|efficientnet|spaghettinet/.test(type)) {
    return { normalization: '(2/255)*x - 1', mean: [127.5, 127.5, 127.5], std: [127.5, 127.5, 127.5], source: file };
  }
  return unknown;
}

/** A typed summary of the config (proto defaults filled in). */
export function describePipelineConfig(cfg: PipelineConfig): PipelineConfigSummary {
  const model = findField(cfg.fields, 'model');
  const arch = oneofMember(model);
  const at = (path: string) => (arch ? findField(arch.children, path) : undefined);
  const numClasses = numOrNull(at('num_classes'));

  const resizerBlock = oneofMember(at('image_resizer'));
  let imageResizer: ImageResizerSummary | null = null;
  if (resizerBlock) {
    const r = (p: string) => findField(resizerBlock.children, p);
    if (resizerBlock.name === 'fixed_shape_resizer') {
      imageResizer = { type: resizerBlock.name, height: num(r('height'), 300), width: num(r('width'), 300), resize_method: str(r('resize_method'), 'BILINEAR') };
    } else if (resizerBlock.name === 'keep_aspect_ratio_resizer') {
      imageResizer = {
        type: resizerBlock.name,
        min_dimension: num(r('min_dimension'), 600),
        max_dimension: num(r('max_dimension'), 1024),
        pad_to_max_dimension: bool(r('pad_to_max_dimension'), false),
        resize_method: str(r('resize_method'), 'BILINEAR'),
      };
    } else {
      imageResizer = { type: resizerBlock.name };
    }
  }

  const fe = at('feature_extractor');
  const feType = fe ? str(findField(fe.children, 'type'), '') || null : null;
  const featureExtractor = fe
    ? {
        type: feType,
        // depth_multiplier/min_depth exist on SSD extractors (defaults 1.0 and 0); Faster R-CNN has neither.
        depth_multiplier: arch?.name === 'ssd' ? num(findField(fe.children, 'depth_multiplier'), 1) : numOrNull(findField(fe.children, 'depth_multiplier')),
        min_depth: arch?.name === 'ssd' ? num(findField(fe.children, 'min_depth'), 0) : numOrNull(findField(fe.children, 'min_depth')),
      }
    : null;

  const anchorBlock = oneofMember(at(arch?.name === 'faster_rcnn' ? 'first_stage_anchor_generator' : 'anchor_generator'));
  let anchorGenerator: AnchorGeneratorSummary | null = null;
  if (anchorBlock) {
    const a = (p: string) => findField(anchorBlock.children, p);
    const as = (p: string) => nums(findFields(anchorBlock.children, p));
    if (anchorBlock.name === 'ssd_anchor_generator') {
      anchorGenerator = {
        type: 'ssd_anchor_generator',
        num_layers: num(a('num_layers'), 6),
        min_scale: num(a('min_scale'), 0.2),
        max_scale: num(a('max_scale'), 0.95),
        scales: as('scales'),
        aspect_ratios: as('aspect_ratios'),
        interpolated_scale_aspect_ratio: num(a('interpolated_scale_aspect_ratio'), 1),
        reduce_boxes_in_lowest_layer: bool(a('reduce_boxes_in_lowest_layer'), true),
        base_anchor_height: num(a('base_anchor_height'), 1),
        base_anchor_width: num(a('base_anchor_width'), 1),
        height_stride: as('height_stride'),
        width_stride: as('width_stride'),
        height_offset: as('height_offset'),
        width_offset: as('width_offset'),
      };
    } else if (anchorBlock.name === 'multiscale_anchor_generator') {
      anchorGenerator = {
        type: 'multiscale_anchor_generator',
        min_level: num(a('min_level'), 3),
        max_level: num(a('max_level'), 7),
        anchor_scale: num(a('anchor_scale'), 4),
        aspect_ratios: as('aspect_ratios'),
        scales_per_octave: num(a('scales_per_octave'), 2),
        normalize_coordinates: bool(a('normalize_coordinates'), true),
      };
    } else {
      anchorGenerator = { type: anchorBlock.name };
    }
  }

  const coder = oneofMember(at('box_coder'));
  let boxCoder: PipelineConfigSummary['box_coder'] = null;
  if (coder) {
    const c = (p: string) => findField(coder.children, p);
    boxCoder =
      coder.name === 'faster_rcnn_box_coder'
        ? { type: coder.name, y_scale: num(c('y_scale'), 10), x_scale: num(c('x_scale'), 10), height_scale: num(c('height_scale'), 5), width_scale: num(c('width_scale'), 5) }
        : { type: coder.name };
  } else if (arch?.name === 'faster_rcnn') {
    // Faster R-CNN has no box_coder field: it always uses FasterRcnnBoxCoder with the default scales.
    boxCoder = { type: 'faster_rcnn_box_coder', y_scale: 10, x_scale: 10, height_scale: 5, width_scale: 5 };
  }

  const pp = at(arch?.name === 'faster_rcnn' ? 'second_stage_post_processing' : 'post_processing');
  let postProcessing: PipelineConfigSummary['post_processing'] = null;
  if (pp) {
    const nms = findField(pp.children, 'batch_non_max_suppression');
    const n = (p: string) => (nms ? findField(nms.children, p) : undefined);
    postProcessing = {
      score_threshold: num(n('score_threshold'), 0),
      iou_threshold: num(n('iou_threshold'), 0.6),
      max_detections_per_class: num(n('max_detections_per_class'), 100),
      max_total_detections: num(n('max_total_detections'), 100),
      use_static_shapes: bool(n('use_static_shapes'), false),
      score_converter: str(findField(pp.children, 'score_converter'), 'IDENTITY'),
      logit_scale: num(findField(pp.children, 'logit_scale'), 1),
    };
  }

  const augmentations = findFields(cfg.fields, 'train_config.data_augmentation_options').flatMap((f) => f.children.filter((c) => c.kind === 'block').map((c) => c.name));

  const rewriter = findField(cfg.fields, 'graph_rewriter');
  let graphRewriter: PipelineConfigSummary['graph_rewriter'] = null;
  if (rewriter) {
    const q = findField(rewriter.children, 'quantization');
    const qv = (p: string) => (q ? findField(q.children, p) : undefined);
    graphRewriter = {
      quantization: q
        ? { delay: num(qv('delay'), 500000), weight_bits: num(qv('weight_bits'), 8), activation_bits: num(qv('activation_bits'), 8), symmetric: bool(qv('symmetric'), false) }
        : null,
    };
  }

  return {
    meta_architecture: arch?.name ?? null,
    num_classes: numClasses,
    image_resizer: imageResizer,
    feature_extractor: featureExtractor,
    anchor_generator: anchorGenerator,
    box_coder: boxCoder,
    post_processing: postProcessing,
    preprocessing: { ...normalizationFor(feType), train_augmentations: augmentations },
    graph_rewriter: graphRewriter,
  };
}

/** Throws UnsupportedError unless the config is an SSD (what `purpose` needs), naming what it found. */
export function assertSsd(s: PipelineConfigSummary, purpose: string): void {
  if (s.meta_architecture !== 'ssd') {
    throw new UnsupportedError(`${purpose} needs an SSD config (model { ssd { … } }); this config's model is ${s.meta_architecture ?? 'missing'}`);
  }
}
