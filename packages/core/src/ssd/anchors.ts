// SSD anchors as the TF Object Detection API builds them (ssd_anchor_generator in a pipeline.config):
// models/research/object_detection/anchor_generators/multiple_grid_anchor_generator.py
// (create_ssd_anchors + MultipleGridAnchorGenerator._generate) and grid_anchor_generator.py
// (tile_anchors), then stored (yc, xc, h, w) by export_tflite_ssd_graph_lib.py.
//
// Exactness: the scale list and the interpolated scales are Python floats (float64) computed from the
// proto's float32 fields; everything after that runs as TF float32 ops (sqrt, divide, multiply, add,
// subtract). Each of those is one correctly rounded float32 operation, so Math.fround after every step
// reproduces TF's values bit for bit: all 7668 corner values of the TF.js SSDLite v2 graph match
// (anchors.test.ts), where computing in float64 and rounding once matches only 4448 of them (1 ulp off).
import { UnsupportedError } from '../errors.js';
import type { PipelineConfigSummary, SsdAnchorGeneratorSummary } from '../formats/pipeline-config/describe.js';

export type SsdAnchorParams = Omit<SsdAnchorGeneratorSummary, 'type'>;

export interface GenerateSsdAnchorsOptions {
  /** [height, width] of each feature map, finest first. Default: derived for MobileNet SSDs (see defaultFeatureMapShapes). */
  featureMapShapes?: [number, number][];
  /** Model input [height, width]; default: the config's fixed_shape_resizer, else 300x300. */
  imageSize?: [number, number];
}

export interface SsdAnchorLayer {
  featureMap: [number, number];
  /** (scale, aspect ratio) of each box at a cell, in TF's order. */
  boxSpecs: { scale: number; aspectRatio: number }[];
  /** Index of this layer's first anchor. */
  offset: number;
  count: number;
}

export interface SsdAnchors {
  count: number;
  /** [count, 4] (ycenter, xcenter, height, width), as TFLite_Detection_PostProcess takes them. */
  centerSize: Float32Array;
  /** [count, 4] (ymin, xmin, ymax, xmax), as the TF graph's BoxList holds them. */
  corners: Float32Array;
  layers: SsdAnchorLayer[];
}

const f32 = Math.fround;

/** Proto defaults of SsdAnchorGenerator (object_detection/protos/ssd_anchor_generator.proto). */
const DEFAULTS: SsdAnchorParams = {
  num_layers: 6,
  min_scale: 0.2,
  max_scale: 0.95,
  scales: [],
  aspect_ratios: [],
  interpolated_scale_aspect_ratio: 1,
  reduce_boxes_in_lowest_layer: true,
  base_anchor_height: 1,
  base_anchor_width: 1,
  height_stride: [],
  width_stride: [],
  height_offset: [],
  width_offset: [],
};

/**
 * Feature map sizes of the MobileNet v1/v2 SSD feature extractors: the first map is stride 16, then
 * each extra layer halves with SAME padding (ceil). 300x300 → 19, 10, 5, 3, 2, 1.
 */
export function defaultFeatureMapShapes(imageSize: [number, number], numLayers: number): [number, number][] {
  const out: [number, number][] = [];
  let [h, w] = [Math.ceil(imageSize[0] / 16), Math.ceil(imageSize[1] / 16)];
  for (let i = 0; i < numLayers; i++) {
    out.push([h, w]);
    [h, w] = [Math.ceil(h / 2), Math.ceil(w / 2)];
  }
  return out;
}

function isSummary(s: PipelineConfigSummary | Partial<SsdAnchorParams>): s is PipelineConfigSummary {
  return 'meta_architecture' in s;
}

/** Box specs per layer (create_ssd_anchors), scales in float64 from float32 proto values. */
function boxSpecs(p: SsdAnchorParams): { scale: number; aspectRatio: number }[][] {
  const n = p.num_layers;
  let scales: number[];
  if (p.scales.length) {
    scales = [...p.scales.map(f32), 1];
  } else {
    const min = f32(p.min_scale);
    const max = f32(p.max_scale);
    scales = [];
    for (let i = 0; i < n; i++) scales.push(min + ((max - min) * i) / (n - 1));
    scales.push(1);
  }
  if (scales.length < n + 1) throw new UnsupportedError(`ssd_anchor_generator has ${p.scales.length} scales for ${n} layers`);
  const specs: { scale: number; aspectRatio: number }[][] = [];
  for (let layer = 0; layer < n; layer++) {
    const scale = scales[layer]!;
    const next = scales[layer + 1]!;
    if (layer === 0 && p.reduce_boxes_in_lowest_layer) {
      specs.push([
        { scale: 0.1, aspectRatio: 1 },
        { scale, aspectRatio: 2 },
        { scale, aspectRatio: 0.5 },
      ]);
      continue;
    }
    const layerSpecs = p.aspect_ratios.map((a) => ({ scale, aspectRatio: f32(a) }));
    const interp = f32(p.interpolated_scale_aspect_ratio);
    if (interp > 0) layerSpecs.push({ scale: Math.sqrt(scale * next), aspectRatio: interp });
    specs.push(layerSpecs);
  }
  return specs;
}

/**
 * Generates the anchors of an SSD whose config uses ssd_anchor_generator. Accepts the config summary
 * (describePipelineConfig) or the generator's parameters directly.
 */
export function generateSsdAnchors(source: PipelineConfigSummary | Partial<SsdAnchorParams>, opts: GenerateSsdAnchorsOptions = {}): SsdAnchors {
  let params: SsdAnchorParams;
  let imageSize = opts.imageSize;
  let extractor: string | null = null;
  if (isSummary(source)) {
    if (source.meta_architecture !== 'ssd') {
      throw new UnsupportedError(`SSD anchors need an ssd model config; this config's model is ${source.meta_architecture ?? 'missing'}`);
    }
    const g = source.anchor_generator;
    if (!g || g.type !== 'ssd_anchor_generator') {
      throw new UnsupportedError(`SSD anchors need anchor_generator { ssd_anchor_generator }; this config has ${g ? g.type : 'no anchor_generator'}`);
    }
    const { type: _type, ...rest } = g as SsdAnchorGeneratorSummary;
    params = rest;
    const r = source.image_resizer;
    if (!imageSize && r?.type === 'fixed_shape_resizer') imageSize = [r.height!, r.width!];
    extractor = source.feature_extractor?.type ?? null;
  } else {
    params = { ...DEFAULTS, ...source };
  }
  imageSize ??= [300, 300];
  let shapes = opts.featureMapShapes;
  if (!shapes) {
    if (extractor !== null && !/^ssd(lite)?_mobilenet_v[12]$/.test(extractor)) {
      throw new UnsupportedError(`feature map sizes of '${extractor}' are not known to liteq: pass featureMapShapes`);
    }
    shapes = defaultFeatureMapShapes(imageSize, params.num_layers);
  }
  const specs = boxSpecs(params);
  if (shapes.length !== specs.length) throw new UnsupportedError(`${shapes.length} feature maps for ${specs.length} anchor layers`);
  const strided = params.height_stride.length > 0;
  const offsetGiven = params.height_offset.length > 0;
  for (const [name, list] of [['height_stride', params.height_stride], ['width_stride', params.width_stride], ['height_offset', params.height_offset], ['width_offset', params.width_offset]] as const) {
    if (list.length && list.length !== specs.length) throw new UnsupportedError(`${name} has ${list.length} values for ${specs.length} layers`);
  }

  // _generate: image size and base anchor size in float32.
  const imH = f32(imageSize[0]);
  const imW = f32(imageSize[1]);
  const minIm = Math.min(imH, imW);
  const baseH = f32(f32(minIm / imH) * f32(params.base_anchor_height));
  const baseW = f32(f32(minIm / imW) * f32(params.base_anchor_width));

  const count = shapes.reduce((n, [h, w], i) => n + h * w * specs[i]!.length, 0);
  const corners = new Float32Array(count * 4);
  const centerSize = new Float32Array(count * 4);
  const layers: SsdAnchorLayer[] = [];
  let k = 0;
  shapes.forEach(([gh, gw], li) => {
    const strideY = strided ? f32(f32(params.height_stride[li]!) / imH) : f32(1 / f32(gh));
    const strideX = strided ? f32(f32(params.width_stride[li]!) / imW) : f32(1 / f32(gw));
    const offsetY = offsetGiven ? f32(f32(params.height_offset[li]!) / imH) : f32(0.5 * strideY);
    const offsetX = offsetGiven ? f32(f32(params.width_offset[li]!) / imW) : f32(0.5 * strideX);
    // tile_anchors: heights = scales / sqrt(ar) * base_h, widths = scales * sqrt(ar) * base_w.
    const boxes = specs[li]!.map(({ scale, aspectRatio }) => {
      const s = f32(scale);
      const r = f32(Math.sqrt(f32(aspectRatio)));
      return { h: f32(f32(s / r) * baseH), w: f32(f32(s * r) * baseW) };
    });
    layers.push({ featureMap: [gh, gw], boxSpecs: specs[li]!.map((s) => ({ scale: f32(s.scale), aspectRatio: f32(s.aspectRatio) })), offset: k, count: gh * gw * boxes.length });
    // meshgrid order: row (y) outermost, then column (x), then the box specs of the cell.
    for (let y = 0; y < gh; y++) {
      const yc = f32(f32(f32(y) * strideY) + offsetY);
      for (let x = 0; x < gw; x++) {
        const xc = f32(f32(f32(x) * strideX) + offsetX);
        for (const { h, w } of boxes) {
          const hh = f32(0.5 * h);
          const hw = f32(0.5 * w);
          const ymin = f32(yc - hh);
          const xmin = f32(xc - hw);
          const ymax = f32(yc + hh);
          const xmax = f32(xc + hw);
          corners.set([ymin, xmin, ymax, xmax], k * 4);
          // BoxList.get_center_coordinates_and_sizes, as the TFLite exporter calls it.
          const height = f32(ymax - ymin);
          const width = f32(xmax - xmin);
          centerSize.set([f32(ymin + f32(height / 2)), f32(xmin + f32(width / 2)), height, width], k * 4);
          k++;
        }
      }
    }
  });
  return { count, centerSize, corners, layers };
}
