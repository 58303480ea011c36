// Anchors generated from the shared pipeline.config against the anchors stored in two shipped models:
// the uint8 Coral SSD v2 (TFLite_Detection_PostProcess input 2, (yc,xc,h,w) uint8) and the float
// TF.js SSDLite v2 (Const 'Postprocessor/ExpandDims', [1,1917,4] corners folded by grappler).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { UnsupportedError } from '../errors.js';
import { getAttr } from '../formats/graphdef/graph.js';
import { tensorFloat32 } from '../formats/graphdef/tensor.js';
import { describePipelineConfig, readPipelineConfig } from '../formats/pipeline-config/index.js';
import { readTfjsModel } from '../node/load.js';
import { readTflite } from '../formats/tflite/index.js';
import { defaultFeatureMapShapes, generateSsdAnchors, type SsdAnchors } from './anchors.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const shared = path.resolve(here, '../../../../../shared');
const configFile = path.join(shared, 'configs/ssd_mobilenet_v2_quantized_300x300_coco.config');

let anchors: SsdAnchors;
beforeAll(() => {
  anchors = generateSsdAnchors(describePipelineConfig(readPipelineConfig(readFileSync(configFile, 'utf8'), configFile)));
});

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

describe('generateSsdAnchors', () => {
  it('lays out 1917 anchors over 19,10,5,3,2,1 feature maps for 300x300', () => {
    expect(defaultFeatureMapShapes([300, 300], 6).map(([h]) => h)).toEqual([19, 10, 5, 3, 2, 1]);
    expect(anchors.count).toBe(1917);
    expect(anchors.layers.map((l) => l.boxSpecs.length)).toEqual([3, 6, 6, 6, 6, 6]);
    expect(anchors.layers.map((l) => l.count)).toEqual([1083, 600, 150, 54, 24, 6]);
    // Lowest layer: (0.1, 1.0), (min_scale, 2.0), (min_scale, 0.5).
    expect(anchors.layers[0]!.boxSpecs).toEqual([
      { scale: Math.fround(0.1), aspectRatio: 1 },
      { scale: Math.fround(0.2), aspectRatio: 2 },
      { scale: Math.fround(0.2), aspectRatio: 0.5 },
    ]);
    // Interpolated scale of the last layer: sqrt(0.95 * 1.0).
    expect(anchors.layers[5]!.boxSpecs[5]!.scale).toBeCloseTo(Math.sqrt(0.95), 6);
    // First anchor: cell (0,0) of the 19x19 map, 0.1 x 0.1 centred at 1/38.
    expect(Array.from(anchors.centerSize.subarray(0, 4))).toEqual([1 / 38, 1 / 38, 0.1, 0.1].map(Math.fround));
    // Box spec varies fastest, then x, then y: anchor 3 is cell (0,1).
    expect(anchors.centerSize[3 * 4 + 1]).toBeCloseTo(3 / 38, 6);
    expect(anchors.centerSize[3 * 4]).toBeCloseTo(1 / 38, 6);
  });

  it('quantized with the uint8 Coral SSD MobileNet v2\'s own params, gives exactly its stored anchor bytes', () => {
    const file = path.join(shared, 'models/tflite/ssd_mobilenet_v2_coco_quant_postprocess.tflite');
    const model = readTflite(new Uint8Array(readFileSync(file)), file);
    const sg = model.subgraphs[0]!;
    const pp = sg.operators.find((o) => o.op.kind === 'custom' && o.op.customCode === 'TFLite_Detection_PostProcess')!;
    const t = sg.tensors[pp.inputs[2]!]!;
    expect(t.shape).toEqual([1917, 4]);
    expect(t.dtype).toBe('uint8');
    const scale = t.quantization!.scale[0]!;
    const zp = Number(t.quantization!.zeroPoint[0]!);
    const deq = Array.from(t.data!, (q) => (q - zp) * scale);
    const err = maxAbsDiff(anchors.centerSize, deq);
    // Re-quantizing ours gives exactly the stored bytes when the float anchors are the same.
    const requant = Array.from(anchors.centerSize, (v) => Math.min(255, Math.max(0, Math.round(v / scale) + zp)));
    const mismatched = requant.filter((q, i) => q !== t.data![i]).length;
    console.log(`uint8 SSD v2 anchors: scale ${scale} zp ${zp}, max |ours - dequantized| = ${err} (half step ${scale / 2}), re-quantized mismatches ${mismatched}/${requant.length}`);
    expect(mismatched).toBe(0);
    expect(err).toBeLessThanOrEqual(scale / 2);
  });

  it('equals the float anchors folded into the TF.js SSDLite MobileNet v2 graph bit for bit', async () => {
    const { graph } = await readTfjsModel(path.join(shared, 'models/tfjs/ssdlite_mobilenet_v2_coco/model.json'));
    const node = graph.nodes.find((n) => n.name === 'Postprocessor/ExpandDims')!;
    const t = getAttr(node, 'value', 'tensor')!.value;
    expect(t.shape).toEqual([1, 1917, 4]);
    const stored = tensorFloat32(t); // (ymin, xmin, ymax, xmax): the graph computes centre/size at run time
    const errCorners = maxAbsDiff(anchors.corners, stored);
    let bitExact = 0;
    for (let i = 0; i < stored.length; i++) if (stored[i] === anchors.corners[i]) bitExact++;
    // The graph's own centre/size (Decode/get_center_coordinates_and_sizes: height = ymax - ymin,
    // ycenter = ymin + height * 0.5) from the stored corners, vs ours.
    const f = Math.fround;
    const cs = new Float32Array(stored.length);
    for (let i = 0; i < stored.length; i += 4) {
      const h = f(stored[i + 2]! - stored[i]!);
      const w = f(stored[i + 3]! - stored[i + 1]!);
      cs.set([f(stored[i]! + f(h * 0.5)), f(stored[i + 1]! + f(w * 0.5)), h, w], i);
    }
    const errCenter = maxAbsDiff(anchors.centerSize, cs);
    console.log(`TF.js SSDLite v2 anchors: corners max |diff| = ${errCorners}, bit-exact ${bitExact}/${stored.length}; centre/size max |diff| = ${errCenter}`);
    expect(bitExact).toBe(stored.length);
    expect(errCorners).toBe(0);
    expect(errCenter).toBe(0);
  });

  it('refuses configs that are not SSD with ssd_anchor_generator', () => {
    const frcnn = readPipelineConfig('model { faster_rcnn { num_classes: 3 first_stage_anchor_generator { grid_anchor_generator { } } } }', 'frcnn.config');
    expect(() => generateSsdAnchors(describePipelineConfig(frcnn))).toThrow(UnsupportedError);
    expect(() => generateSsdAnchors(describePipelineConfig(frcnn))).toThrow(/model is faster_rcnn/);
    const ms = readPipelineConfig('model { ssd { anchor_generator { multiscale_anchor_generator { min_level: 3 } } } }', 'ms.config');
    expect(() => generateSsdAnchors(describePipelineConfig(ms))).toThrow(/has multiscale_anchor_generator/);
  });

  it('takes parameters directly, with proto defaults and explicit feature maps', () => {
    const a = generateSsdAnchors({ aspect_ratios: [1], interpolated_scale_aspect_ratio: 0, reduce_boxes_in_lowest_layer: false, num_layers: 2 }, { featureMapShapes: [[2, 2], [1, 1]] });
    expect(a.count).toBe(5);
    // Scales linspace(0.2, 0.95, 2): the 1x1 layer's single box is 0.95 wide, centred.
    // (Height and width come back from the float32 corners, so they are 0.95 to within one float32 ulp.)
    const last = Array.from(a.centerSize.subarray(16, 20));
    expect(last.slice(0, 2)).toEqual([0.5, 0.5]);
    for (const v of last.slice(2)) expect(Math.abs(v - 0.95)).toBeLessThan(1.2e-7);
  });
});
