// SSD surgery: what models/research/object_detection/export_tflite_ssd_graph_lib.py does, without
// TensorFlow or a checkpoint, as a TfGraph → TfGraph transform that feeds `convert`.
//
// From a frozen inference graph (frozen_inference_graph.pb / .pbtxt / TF.js model.json):
// - the Preprocessor (Cast, TensorArray while-loop with ResizeBilinear, (2/255)x − 1) is replaced by a
//   fixed-size float Placeholder `normalized_input_image_tensor` [1,H,W,3], the value the feature
//   extractor sees;
// - the graph is cut at the box predictor outputs: the raw box encodings [1,N,4] (the `Squeeze` of
//   `concat`) and the class predictions [1,N,C+1] (`concat_1`), found by structure and name, or named
//   with `boxEncodings` / `classPredictions`;
// - the score converter (`convert_scores`: Sigmoid, Softmax or identity, after 1/logit_scale) and a
//   TFLite_Detection_PostProcess node with the anchors (`anchors`, (yc,xc,h,w)) and the NMS / box
//   coder parameters are appended. Its outputs are TFLite_Detection_PostProcess, :1, :2, :3.
import { InvalidInputError, UnsupportedError } from '../errors.js';
import { getAttr, parseInput, type TfGraph, type TfNode } from '../formats/graphdef/graph.js';
import type { PipelineConfigSummary } from '../formats/pipeline-config/describe.js';
import { constFromTf } from '../graph/const-value.js';
import { generateSsdAnchors } from './anchors.js';
import { bAttr, fAttr, floatConst, GraphIndex, iAttr, inScope, key, node, tType } from './graph-index.js';
import { locateHeads, locatePreprocessedInput, type LocatedHeads } from './locate.js';

export const SSD_INPUT_NAME = 'normalized_input_image_tensor';
export const SSD_POSTPROCESS_NAME = 'TFLite_Detection_PostProcess';
export const SSD_OUTPUT_ARRAYS = [SSD_POSTPROCESS_NAME, `${SSD_POSTPROCESS_NAME}:1`, `${SSD_POSTPROCESS_NAME}:2`, `${SSD_POSTPROCESS_NAME}:3`];

export interface SsdPostProcessParams {
  maxDetections: number;
  maxClassesPerDetection: number;
  detectionsPerClass: number;
  useRegularNms: boolean;
  nmsScoreThreshold: number;
  nmsIouThreshold: number;
  numClasses: number;
  yScale: number;
  xScale: number;
  hScale: number;
  wScale: number;
}

export interface SsdSurgeryOptions {
  /** The model's pipeline.config (describePipelineConfig): input size, anchors, box coder, NMS, score converter. */
  config?: PipelineConfigSummary;
  /** [1,H,W,3]; default: the config's fixed_shape_resizer, else the graph's own resize size. */
  inputShape?: number[];
  /** Node (or node:k) holding the raw box encodings, [1,N,4] or [1,N,1,4]. */
  boxEncodings?: string;
  /** Node (or node:k) holding the raw class predictions [1,N,C+1] (logits, background first). */
  classPredictions?: string;
  /** Node (or node:k) holding the preprocessed image (what the feature extractor reads). */
  preprocessedInput?: string;
  /** Where the anchors come from: the graph's constant (default when it has one) or the config. */
  anchors?: 'graph' | 'config';
  /** Overrides of the custom op's options (defaults from the config, see SsdPostProcessParams). */
  postProcess?: Partial<SsdPostProcessParams>;
  /** 'postprocess' (default): ends in TFLite_Detection_PostProcess. 'raw': ends at the box encodings and converted scores. */
  outputs?: 'postprocess' | 'raw';
}

export interface SsdSurgeryResult {
  graph: TfGraph;
  /** For convert(): [normalized_input_image_tensor]. */
  inputArrays: string[];
  inputShapes: number[][];
  /** For convert(): the four TFLite_Detection_PostProcess outputs, or [box encodings, scores] with outputs 'raw'. */
  outputArrays: string[];
  /** [N,4] (ycenter, xcenter, height, width). */
  anchors: Float32Array;
  params: SsdPostProcessParams;
  /** What was found where (for messages and tests). */
  located: { preprocessed: string; boxEncodings: string; classPredictions: string; anchors: string; scoreConverter: string };
  notes: string[];
}

const f32 = Math.fround;

/** Corner anchors (ymin,xmin,ymax,xmax) → (yc,xc,h,w) in float32, as BoxList.get_center_coordinates_and_sizes (and the graph's Decode) computes them. */
export function anchorsCornersToCenterSize(corners: Float32Array): Float32Array {
  const out = new Float32Array(corners.length);
  for (let i = 0; i < corners.length; i += 4) {
    const [ymin, xmin, ymax, xmax] = [corners[i]!, corners[i + 1]!, corners[i + 2]!, corners[i + 3]!];
    const h = f32(ymax - ymin);
    const w = f32(xmax - xmin);
    out[i] = f32(ymin + f32(h * 0.5));
    out[i + 1] = f32(xmin + f32(w * 0.5));
    out[i + 2] = h;
    out[i + 3] = w;
  }
  return out;
}

function numberOr(...vs: (number | undefined | null)[]): number | undefined {
  for (const v of vs) if (typeof v === 'number' && Number.isFinite(v)) return v;
  return undefined;
}

/** Step 3: the input shape: given, else the config's fixed_shape_resizer, else the graph's own resize. */
function resolveInputShape(graph: TfGraph, ix: GraphIndex, options: SsdSurgeryOptions, notes: string[]): number[] {
  const cfg = options.config;
  let inputShape = options.inputShape;
  if (!inputShape) {
    const r = cfg?.image_resizer;
    if (r?.type === 'fixed_shape_resizer' && r.height && r.width) inputShape = [1, r.height, r.width, 3];
  }
  if (!inputShape) {
    const resize = graph.nodes.find((n) => n.op === 'ResizeBilinear' && inScope(n.name, 'Preprocessor'));
    const size = resize ? ix.intValues(resize.inputs[1] ?? '') : undefined;
    if (size?.length === 2 && size.every((d) => d > 0)) {
      inputShape = [1, size[0]!, size[1]!, 3];
      notes.push(`input size ${size[0]}x${size[1]} from the graph's ${resize!.name}`);
    }
  }
  if (!inputShape) throw new InvalidInputError('SSD surgery needs the input size: give `inputShape` ([1,H,W,3]) or a `config` with a fixed_shape_resizer');
  if (inputShape.length !== 4 || inputShape[0] !== 1 || inputShape.some((d) => !Number.isInteger(d) || d < 1)) {
    throw new InvalidInputError(`SSD input shape [${inputShape.join(',')}] must be [1,H,W,C]`);
  }

  return inputShape;
}

/** Step 4: anchors: the graph's constant (corner form, decoded by the Postprocessor) or the config's generator. */
function resolveAnchors(graph: TfGraph, heads: LocatedHeads, inputShape: number[], options: SsdSurgeryOptions): { anchors: Float32Array; anchorsFrom: string } {
  const cfg = options.config;
  const n = heads.boxHead?.count ?? -1;
  let anchors: Float32Array | undefined;
  let anchorsFrom = '';
  const graphAnchors = (): { name: string; data: Float32Array } | undefined => {
    const cands = graph.nodes.filter((c) => {
      if (c.op !== 'Const' || !inScope(c.name, 'Postprocessor')) return false;
      const t = getAttr(c, 'value', 'tensor')?.value;
      if (!t || t.dtype !== 'DT_FLOAT') return false;
      const s = t.shape;
      const ok = (s.length === 2 && s[1] === 4) || (s.length === 3 && s[0] === 1 && s[2] === 4);
      return ok && (n < 0 || s[s.length - 2] === n);
    });
    if (cands.length !== 1) return undefined;
    const c = cands[0]!;
    return { name: c.name, data: constFromTf(c.name, getAttr(c, 'value', 'tensor')!.value).data as Float32Array };
  };
  if (options.anchors !== 'config') {
    const g = graphAnchors();
    if (g) {
      anchors = anchorsCornersToCenterSize(g.data);
      anchorsFrom = `graph constant ${g.name} (corners → yc,xc,h,w)`;
    } else if (options.anchors === 'graph') {
      throw new UnsupportedError('the graph has no anchor constant under Postprocessor/ ([N,4] or [1,N,4] float); use the pipeline.config anchors');
    }
  }
  if (!anchors) {
    if (!cfg) throw new UnsupportedError('the graph has no anchor constant under Postprocessor/; give a `config` so that liteq generates the anchors');
    const a = generateSsdAnchors(cfg, { imageSize: [inputShape[1]!, inputShape[2]!] });
    anchors = a.centerSize;
    anchorsFrom = `pipeline.config ssd_anchor_generator (${a.count} anchors)`;
  }
  const count = anchors.length / 4;
  if (n >= 0 && n !== count) throw new InvalidInputError(`the box predictor yields ${n} boxes but there are ${count} anchors (${anchorsFrom}); check \`inputShape\``);

  return { anchors, anchorsFrom };
}

/** Step 5: post-processing parameters: options, then config, then the exporter's / proto defaults. */
function postProcessParams(heads: LocatedHeads, options: SsdSurgeryOptions): SsdPostProcessParams {
  const cfg = options.config;
  const pp = cfg?.post_processing;
  const coder = cfg?.box_coder;
  const o = options.postProcess ?? {};
  const depth = heads.classHead?.depth ?? -1;
  const numClasses = numberOr(o.numClasses, cfg?.num_classes, depth > 1 ? depth - 1 : undefined);
  if (numClasses === undefined) throw new InvalidInputError('the number of classes is not known from the graph: give `postProcess.numClasses` or a `config`');
  if (depth > 1 && depth !== numClasses + 1) throw new InvalidInputError(`the class predictions have ${depth} columns but num_classes is ${numClasses} (expected ${numClasses}+1 with background)`);
  if (coder && coder.type !== 'faster_rcnn_box_coder') throw new UnsupportedError(`TFLite_Detection_PostProcess decodes faster_rcnn_box_coder boxes; this config uses ${coder.type}`);
  const params: SsdPostProcessParams = {
    maxDetections: numberOr(o.maxDetections, pp?.max_total_detections) ?? 100,
    maxClassesPerDetection: numberOr(o.maxClassesPerDetection) ?? 1,
    detectionsPerClass: numberOr(o.detectionsPerClass) ?? 100,
    useRegularNms: o.useRegularNms ?? false,
    nmsScoreThreshold: numberOr(o.nmsScoreThreshold, pp?.score_threshold) ?? 1e-8,
    nmsIouThreshold: numberOr(o.nmsIouThreshold, pp?.iou_threshold) ?? 0.6,
    numClasses,
    yScale: numberOr(o.yScale, coder?.y_scale) ?? 10,
    xScale: numberOr(o.xScale, coder?.x_scale) ?? 10,
    hScale: numberOr(o.hScale, coder?.height_scale) ?? 5,
    wScale: numberOr(o.wScale, coder?.width_scale) ?? 5,
  };

  return params;
}

/** Step 6: the new graph: the placeholder in place of the preprocessed image, score converter, anchors and the post-process node. */
function rewire(graph: TfGraph, ix: GraphIndex, heads: LocatedHeads, preprocessed: string, inputShape: number[], anchors: Float32Array, params: SsdPostProcessParams, options: SsdSurgeryOptions) {
  const { boxName, boxHead, className } = heads;
  const pp = options.config?.post_processing;
  const prepKey = key(preprocessed);
  const count = anchors.length / 4;
  // 6. Build the new graph.
  const taken = new Set(graph.nodes.map((x) => x.name));
  const fresh = (base: string): string => {
    let name = base;
    for (let k = 1; taken.has(name); k++) name = `${base}_${k}`;
    taken.add(name);
    return name;
  };
  if (taken.has(SSD_INPUT_NAME) && ix.byName.get(SSD_INPUT_NAME)?.name !== parseInput(preprocessed).node) {
    throw new UnsupportedError(`the graph already has a node named ${SSD_INPUT_NAME} that is not the preprocessed image`);
  }
  taken.add(SSD_INPUT_NAME);
  const placeholder = node(SSD_INPUT_NAME, 'Placeholder', [], { dtype: tType('DT_FLOAT'), shape: { kind: 'shape', value: { dims: [...inputShape] } } });
  const rewired = graph.nodes
    .filter((x) => x.name !== SSD_INPUT_NAME)
    .map((x) => (x.inputs.some((i) => !i.startsWith('^') && key(i) === prepKey) ? { ...x, inputs: x.inputs.map((i) => (!i.startsWith('^') && key(i) === prepKey ? SSD_INPUT_NAME : i)) } : x));

  const added: TfNode[] = [placeholder];
  let boxOut = boxName;
  if (boxHead && parseInput(boxName).node === boxHead.concat.name && ix.intValues(ix.through(boxHead.concat.inputs[0]!)!.inputs[1] ?? '')?.length === 4) {
    // A [1,N,1,4] concat without its Squeeze: add one.
    boxOut = fresh('Squeeze');
    added.push(node(boxOut, 'Squeeze', [boxName], { T: tType('DT_FLOAT'), squeeze_dims: { kind: 'list(i)', value: [2n] } }));
  }
  const converter = pp?.score_converter ?? 'SIGMOID';
  const logitScale = pp?.logit_scale ?? 1;
  let scores = className;
  if (logitScale !== 1 && converter !== 'IDENTITY') {
    const c = fresh('convert_scores/scale');
    added.push(floatConst(c, [], Float32Array.of(1 / logitScale)));
    scores = fresh('convert_scores/mul');
    added.push(node(scores, 'Mul', [className, c], { T: tType('DT_FLOAT') }));
  }
  if (converter === 'SIGMOID' || converter === 'SOFTMAX') {
    const name = fresh('convert_scores');
    added.push(node(name, converter === 'SIGMOID' ? 'Sigmoid' : 'Softmax', [scores], { T: tType('DT_FLOAT') }));
    scores = name;
  } else if (converter !== 'IDENTITY') {
    throw new UnsupportedError(`score_converter ${converter} is not supported (SIGMOID, SOFTMAX or IDENTITY)`);
  }
  const anchorsName = fresh('anchors');
  added.push(floatConst(anchorsName, [count, 4], anchors));
  added.push(
    node(SSD_POSTPROCESS_NAME, SSD_POSTPROCESS_NAME, [boxOut, scores, anchorsName], {
      _output_quantized: bAttr(true),
      _output_types: { kind: 'list(type)', value: ['DT_FLOAT', 'DT_FLOAT', 'DT_FLOAT', 'DT_FLOAT'] },
      _support_output_type_float_in_quantized_op: bAttr(true),
      detections_per_class: iAttr(params.detectionsPerClass),
      h_scale: fAttr(params.hScale),
      max_classes_per_detection: iAttr(params.maxClassesPerDetection),
      max_detections: iAttr(params.maxDetections),
      nms_iou_threshold: fAttr(params.nmsIouThreshold),
      nms_score_threshold: fAttr(params.nmsScoreThreshold),
      num_classes: iAttr(params.numClasses),
      use_regular_nms: bAttr(params.useRegularNms),
      w_scale: fAttr(params.wScale),
      x_scale: fAttr(params.xScale),
      y_scale: fAttr(params.yScale),
    }),
  );
  taken.add(SSD_POSTPROCESS_NAME);

  const outputArrays = options.outputs === 'raw' ? [boxOut, scores] : [...SSD_OUTPUT_ARRAYS];
  const all = [...rewired, ...added];
  const keep = new GraphIndex(all).ancestors(outputArrays, (x) => x.name === SSD_INPUT_NAME);
  const nodes = all.filter((x) => keep.has(x.name));
  const leftover = nodes.filter((x) => inScope(x.name, 'Preprocessor') && x.op !== 'Const');
  if (leftover.length) {
    throw new UnsupportedError(`after cutting at ${preprocessed}, the box predictor still reads the Preprocessor (${leftover.slice(0, 5).map((x) => x.name).join(', ')}); name the image tensor with \`preprocessedInput\``);
  }
  return { nodes, outputArrays, boxOut, scores, converter };
}

/** Replaces the Preprocessor and the Postprocessor of an SSD frozen graph as export_tflite_ssd_graph.py does. */
export function ssdSurgery(graph: TfGraph, options: SsdSurgeryOptions = {}): SsdSurgeryResult {
  const cfg = options.config;
  if (cfg && cfg.meta_architecture !== 'ssd') {
    throw new UnsupportedError(`SSD surgery (\`ssd\`) needs an SSD pipeline.config (model { ssd { … } }); this config's model is ${cfg.meta_architecture ?? 'missing'}`);
  }
  const ix = new GraphIndex(graph.nodes);
  const notes: string[] = [];
  if (ix.byName.has(SSD_POSTPROCESS_NAME) || graph.nodes.some((n) => n.op === SSD_POSTPROCESS_NAME)) {
    throw new UnsupportedError(`the graph already ends in ${SSD_POSTPROCESS_NAME} (export_tflite_ssd_graph.py output); convert it without SSD surgery (\`inputArrays=${SSD_INPUT_NAME}\`, \`allowCustomOps\`)`);
  }
  for (const [option, name] of [['boxEncodings', options.boxEncodings], ['classPredictions', options.classPredictions], ['preprocessedInput', options.preprocessedInput]] as const) {
    if (name !== undefined && !ix.get(name)) throw new InvalidInputError(`\`${option}\` ${name}: no such node in the graph`);
  }
  const heads = locateHeads(ix, options);
  const preprocessed = locatePreprocessedInput(ix, heads, options);
  const inputShape = resolveInputShape(graph, ix, options, notes);
  const { anchors, anchorsFrom } = resolveAnchors(graph, heads, inputShape, options);
  const params = postProcessParams(heads, options);
  const { nodes, outputArrays, boxOut, scores, converter } = rewire(graph, ix, heads, preprocessed, inputShape, anchors, params, options);
  notes.unshift(`input ${SSD_INPUT_NAME} [${inputShape.join(',')}] replaces ${preprocessed}; box encodings ${boxOut}, class predictions ${heads.className} → ${scores}; anchors from ${anchorsFrom}`);
  return {
    graph: { ...graph, nodes },
    inputArrays: [SSD_INPUT_NAME],
    inputShapes: [[...inputShape]],
    outputArrays,
    anchors,
    params,
    located: { preprocessed, boxEncodings: boxOut, classPredictions: heads.className, anchors: anchorsFrom, scoreConverter: converter },
    notes,
  };
}
