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
import { getAttr, parseInput, type TfAttr, type TfGraph, type TfNode } from '../formats/graphdef/graph.js';
import type { PipelineConfigSummary } from '../formats/pipeline-config/describe.js';
import { constFromTf } from '../convert/const-value.js';
import { generateSsdAnchors } from './anchors.js';

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
const PASS = new Set(['Identity', 'FakeQuantWithMinMaxVars', 'FakeQuantWithMinMaxArgs', 'StopGradient', 'Snapshot']);
const FLAGS_HINT = 'name them with --box-encodings NODE --class-predictions NODE (library: boxEncodings / classPredictions)';

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

const key = (input: string): string => {
  const p = parseInput(input);
  return `${p.node}:${p.output}`;
};
const inScope = (name: string, scope: string): boolean => name === scope || name.startsWith(`${scope}/`);

function node(name: string, op: string, inputs: string[], attrs: Record<string, TfAttr>): TfNode {
  return { name, op, inputs, device: '', attrs };
}
const tType = (value: string): TfAttr => ({ kind: 'type', value });
const fAttr = (value: number): TfAttr => ({ kind: 'f', value });
const iAttr = (value: number): TfAttr => ({ kind: 'i', value: BigInt(value) });
const bAttr = (value: boolean): TfAttr => ({ kind: 'b', value });

function floatConst(name: string, shape: number[], values: Float32Array): TfNode {
  const data = new Uint8Array(values.buffer.slice(values.byteOffset, values.byteOffset + values.byteLength));
  return node(name, 'Const', [], { dtype: tType('DT_FLOAT'), value: { kind: 'tensor', value: { dtype: 'DT_FLOAT', shape, data } } });
}

class GraphIndex {
  readonly byName: Map<string, TfNode>;
  constructor(readonly nodes: TfNode[]) {
    this.byName = new Map(nodes.map((n) => [n.name, n]));
  }
  get(name: string): TfNode | undefined {
    return this.byName.get(parseInput(name).node);
  }
  consumers(name: string): TfNode[] {
    return this.nodes.filter((n) => n.inputs.some((i) => !i.startsWith('^') && parseInput(i).node === name));
  }
  /** Follows input 0 through Identity / FakeQuant. */
  through(name: string): TfNode | undefined {
    let n = this.get(name);
    for (let guard = 0; n && PASS.has(n.op) && guard < 16; guard++) n = this.get(n.inputs[0] ?? '');
    return n;
  }
  /** Integer values of a constant, or of a Pack of scalar constants (unknown entries -1). */
  intValues(name: string): number[] | undefined {
    const n = this.through(name);
    if (!n) return undefined;
    if (n.op === 'Const') {
      const v = getAttr(n, 'value', 'tensor')?.value;
      if (!v || v.dtype === 'DT_FLOAT' || v.dtype === 'DT_STRING') return undefined;
      try {
        return Array.from(constFromTf(n.name, v).data);
      } catch {
        return undefined;
      }
    }
    if (n.op === 'Pack') return n.inputs.filter((i) => !i.startsWith('^')).map((i) => this.intValues(i)?.[0] ?? -1);
    return undefined;
  }
  ancestors(outputs: string[], stopAt?: (n: TfNode) => boolean): Set<string> {
    const seen = new Set<string>();
    const stack = outputs.map((o) => parseInput(o).node);
    while (stack.length) {
      const name = stack.pop()!;
      if (seen.has(name)) continue;
      const n = this.byName.get(name);
      if (!n) continue;
      seen.add(name);
      if (stopAt?.(n)) continue;
      for (const i of n.inputs) if (!i.startsWith('^')) stack.push(parseInput(i).node);
    }
    return seen;
  }
}

interface HeadCandidate {
  concat: TfNode;
  kind: 'box' | 'class' | 'unknown';
  /** Last dim of the parts (4 for boxes, C+1 for classes), -1 when not static. */
  depth: number;
  /** Anchors per part summed, -1 when not static. */
  count: number;
}

/** ConcatV2 nodes along axis 1 over box-predictor Reshapes: the SSD heads. */
function findHeads(ix: GraphIndex): HeadCandidate[] {
  const out: HeadCandidate[] = [];
  for (const n of ix.nodes) {
    if (n.op !== 'ConcatV2') continue;
    const data = n.inputs.filter((i) => !i.startsWith('^'));
    const parts = data.slice(0, -1);
    if (!parts.length) continue;
    const axis = ix.intValues(data[data.length - 1]!)?.[0];
    if (axis !== 1) continue;
    const reshapes = parts.map((p) => ix.through(p));
    if (reshapes.some((r) => !r || r.op !== 'Reshape')) continue;
    const chains = reshapes.map((r) => {
      const names: string[] = [r!.name];
      let cur = ix.get(r!.inputs[0] ?? '');
      for (let d = 0; cur && d < 4; d++) {
        names.push(cur.name);
        cur = ix.get(cur.inputs[0] ?? '');
      }
      return names.join(' ');
    });
    if (!chains.every((c) => /BoxPredictor|Predictor/i.test(c))) continue;
    const shapes = reshapes.map((r) => ix.intValues(r!.inputs[1] ?? ''));
    const depths = shapes.map((s) => (s && s.length ? s[s.length - 1]! : -1));
    const depth = depths.every((d) => d === depths[0]) ? depths[0]! : -1;
    const counts = shapes.map((s) => (s && s.length >= 3 ? s[1]! : -1));
    const count = counts.some((c) => c < 0) ? -1 : counts.reduce((a, b) => a + b, 0);
    let kind: HeadCandidate['kind'] = 'unknown';
    if (chains.every((c) => /BoxEncodingPredictor/.test(c))) kind = 'box';
    else if (chains.every((c) => /ClassPredictor/.test(c))) kind = 'class';
    else if (depth === 4 && shapes.every((s) => s?.length === 4)) kind = 'box';
    out.push({ concat: n, kind, depth, count });
  }
  return out;
}

function numberOr(...vs: (number | undefined | null)[]): number | undefined {
  for (const v of vs) if (typeof v === 'number' && Number.isFinite(v)) return v;
  return undefined;
}

/** Replaces the Preprocessor and the Postprocessor of an SSD frozen graph as export_tflite_ssd_graph.py does. */
export function ssdSurgery(graph: TfGraph, options: SsdSurgeryOptions = {}): SsdSurgeryResult {
  const cfg = options.config;
  if (cfg && cfg.meta_architecture !== 'ssd') {
    throw new UnsupportedError(`SSD surgery (--ssd) needs an SSD pipeline.config (model { ssd { … } }); this config's model is ${cfg.meta_architecture ?? 'missing'}`);
  }
  const ix = new GraphIndex(graph.nodes);
  const notes: string[] = [];
  if (ix.byName.has(SSD_POSTPROCESS_NAME) || graph.nodes.some((n) => n.op === SSD_POSTPROCESS_NAME)) {
    throw new UnsupportedError(`the graph already ends in ${SSD_POSTPROCESS_NAME} (export_tflite_ssd_graph.py output); convert it without --ssd (--input_arrays=${SSD_INPUT_NAME} --allow_custom_ops)`);
  }
  for (const [flag, name] of [['--box-encodings', options.boxEncodings], ['--class-predictions', options.classPredictions], ['--preprocessed-input', options.preprocessedInput]] as const) {
    if (name !== undefined && !ix.get(name)) throw new InvalidInputError(`${flag} ${name}: no such node in the graph`);
  }

  // 1. The heads.
  const heads = findHeads(ix);
  const pick = (kind: 'box' | 'class'): HeadCandidate | undefined => {
    const named = kind === 'box' ? options.boxEncodings : options.classPredictions;
    if (named) return heads.find((h) => h.concat.name === parseInput(named).node);
    let c = heads.filter((h) => h.kind === kind);
    if (c.length > 1) {
      const pref = c.filter((h) => h.concat.name === (kind === 'box' ? 'concat' : 'concat_1'));
      if (pref.length === 1) c = pref;
    }
    if (c.length === 1) return c[0];
    const what = kind === 'box' ? 'box encodings [1,N,4] (e.g. `concat` → `Squeeze`)' : 'class predictions [1,N,C+1] (e.g. `concat_1`)';
    const found = heads.length ? `; candidate ConcatV2 nodes: ${heads.map((h) => `${h.concat.name} (${h.kind}, depth ${h.depth})`).join(', ')}` : '';
    throw new UnsupportedError(
      `SSD surgery could not locate the ${what}: looked for a ConcatV2 along axis 1 over BoxPredictor Reshapes ` +
        `(BoxPredictor_*/Reshape from BoxEncodingPredictor, BoxPredictor_*/Reshape_1 from ClassPredictor)${c.length > 1 ? ` and found ${c.length}: ${c.map((h) => h.concat.name).join(', ')}` : found}; ${FLAGS_HINT}`,
    );
  };
  let boxName: string;
  let boxHead: HeadCandidate | undefined;
  if (options.boxEncodings) {
    boxName = options.boxEncodings;
    boxHead = heads.find((h) => h.concat.name === parseInput(boxName).node);
  } else {
    boxHead = pick('box')!;
    boxName = boxHead.concat.name;
    // ssd_meta_arch.predict squeezes [1,N,1,4] → [1,N,4]; the frozen graph has that Squeeze.
    const sq = ix.consumers(boxName).find((n) => n.op === 'Squeeze');
    if (sq) boxName = sq.name;
  }
  let classHead: HeadCandidate | undefined;
  let className: string;
  if (options.classPredictions) {
    className = options.classPredictions;
    classHead = heads.find((h) => h.concat.name === parseInput(className).node);
  } else {
    classHead = pick('class')!;
    className = classHead.concat.name;
  }
  if (parseInput(boxName).node === parseInput(className).node) throw new InvalidInputError(`the box encodings and class predictions are the same node (${boxName}); ${FLAGS_HINT}`);

  // 2. The preprocessed image: the one non-constant tensor the Preprocessor hands to the rest.
  const needed = ix.ancestors([boxName, className]);
  let preprocessed: string;
  if (options.preprocessedInput) {
    preprocessed = options.preprocessedInput;
  } else {
    const edges = new Set<string>();
    for (const name of needed) {
      const n = ix.byName.get(name)!;
      if (inScope(n.name, 'Preprocessor')) continue;
      for (const i of n.inputs) {
        if (i.startsWith('^')) continue;
        const p = ix.get(i);
        if (p && p.op !== 'Const' && inScope(p.name, 'Preprocessor')) edges.add(key(i));
      }
    }
    if (edges.size === 1) {
      preprocessed = [...edges][0]!.replace(/:0$/, '');
    } else if (edges.size === 0) {
      const placeholders = [...needed].map((n) => ix.byName.get(n)!).filter((n) => n.op === 'Placeholder');
      const floats = placeholders.filter((p) => (getAttr(p, 'dtype', 'type')?.value ?? 'DT_FLOAT') === 'DT_FLOAT');
      if (floats.length !== 1 || placeholders.length !== 1) {
        throw new UnsupportedError(
          `SSD surgery could not locate the preprocessed image: no Preprocessor/ scope feeds the box predictor, and ${placeholders.length} placeholder(s) (${placeholders.map((p) => p.name).join(', ') || 'none'}) do; name it with --preprocessed-input NODE`,
        );
      }
      preprocessed = floats[0]!.name;
    } else {
      throw new UnsupportedError(`SSD surgery found ${edges.size} tensors leaving the Preprocessor (${[...edges].join(', ')}); name the image one with --preprocessed-input NODE`);
    }
  }
  const prepKey = key(preprocessed);

  // 3. Input shape.
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
  if (!inputShape) throw new InvalidInputError('SSD surgery needs the input size: pass --input_shape=1,H,W,3 or --pipeline-config with a fixed_shape_resizer');
  if (inputShape.length !== 4 || inputShape[0] !== 1 || inputShape.some((d) => !Number.isInteger(d) || d < 1)) {
    throw new InvalidInputError(`SSD input shape [${inputShape.join(',')}] must be [1,H,W,C]`);
  }

  // 4. Anchors: the graph's constant (corner form, decoded by the Postprocessor) or the config's generator.
  const n = boxHead?.count ?? -1;
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
    if (!cfg) throw new UnsupportedError('the graph has no anchor constant under Postprocessor/; pass --pipeline-config so that liteq generates the anchors');
    const a = generateSsdAnchors(cfg, { imageSize: [inputShape[1]!, inputShape[2]!] });
    anchors = a.centerSize;
    anchorsFrom = `pipeline.config ssd_anchor_generator (${a.count} anchors)`;
  }
  const count = anchors.length / 4;
  if (n >= 0 && n !== count) throw new InvalidInputError(`the box predictor yields ${n} boxes but there are ${count} anchors (${anchorsFrom}); check --input_shape`);

  // 5. Post-processing parameters: flags, then config, then the exporter's / proto defaults.
  const pp = cfg?.post_processing;
  const coder = cfg?.box_coder;
  const o = options.postProcess ?? {};
  const depth = classHead?.depth ?? -1;
  const numClasses = numberOr(o.numClasses, cfg?.num_classes, depth > 1 ? depth - 1 : undefined);
  if (numClasses === undefined) throw new InvalidInputError('the number of classes is not known from the graph: pass --num-classes or --pipeline-config');
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
    throw new UnsupportedError(`after cutting at ${preprocessed}, the box predictor still reads the Preprocessor (${leftover.slice(0, 5).map((x) => x.name).join(', ')}); name the image tensor with --preprocessed-input NODE`);
  }
  notes.unshift(`input ${SSD_INPUT_NAME} [${inputShape.join(',')}] replaces ${preprocessed}; box encodings ${boxOut}, class predictions ${className} → ${scores}; anchors from ${anchorsFrom}`);
  return {
    graph: { ...graph, nodes },
    inputArrays: [SSD_INPUT_NAME],
    inputShapes: [[...inputShape]],
    outputArrays,
    anchors,
    params,
    located: { preprocessed, boxEncodings: boxOut, classPredictions: className, anchors: anchorsFrom, scoreConverter: converter },
    notes,
  };
}
