// `liteq inspect --json` on every shared model, checked against the model's .summary.json (written by
// an independent tool when the model was added to ../shared) and against facts in the issue.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));
const bin = path.resolve(here, '../bin/liteq.js');
const shared = path.resolve(here, '../../../../shared');
const tfliteDir = path.join(shared, 'models/tflite');

function liteq(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function inspectJson(file: string) {
  const r = liteq('inspect', '--json', file);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

interface SummaryTensor {
  name: string;
  shape: number[];
  type: string;
  quant: { scale: number; zero_point: number } | null;
}

const models = readdirSync(tfliteDir).filter((f) => f.endsWith('.tflite'));

describe('liteq inspect --json on the shared TFLite models', () => {
  it('covers every shared model', () => {
    expect(models.length).toBeGreaterThanOrEqual(7);
  });

  for (const file of models) {
    it(`${file} matches its .summary.json`, () => {
      const p = path.join(tfliteDir, file);
      const want = JSON.parse(readFileSync(p.replace(/\.tflite$/, '.summary.json'), 'utf8'));
      const got = inspectJson(p);
      const sg = want.subgraphs[0];
      expect(got.format).toBe('tflite');
      expect(got.file_bytes).toBe(want.size);
      expect(got.description).toBe(want.description);
      expect(got.metadata).toEqual(want.metadata);
      const checkTensors = (gotT: any[], wantT: SummaryTensor[]) => {
        expect(gotT.map((t) => t.name)).toEqual(wantT.map((t) => t.name));
        gotT.forEach((t, i) => {
          const w = wantT[i]!;
          expect(t.shape).toEqual(w.shape);
          expect(t.dtype).toBe(w.type.toLowerCase());
          if (w.quant) {
            expect(t.quantization.scale[0]).toBeCloseTo(w.quant.scale, 12);
            expect(t.quantization.zero_point[0]).toBe(w.quant.zero_point);
          } else {
            expect(t.quantization).toBeNull();
          }
        });
      };
      checkTensors(got.inputs, sg.inputs);
      checkTensors(got.outputs, sg.outputs);
      const wantOps = Object.fromEntries(Object.entries(sg.operator_histogram).map(([k, v]) => [k.replace(/^CUSTOM:/, ''), v]));
      expect(got.operators).toEqual(wantOps);
      for (const c of sg.custom_ops) expect(got.custom_options[c.custom]).toEqual(c.options);
      expect(got.tensors).toBe(sg.num_tensors);
      expect(got.params).toBeGreaterThan(0);
      expect(got.macs).toBeGreaterThan(0);
      const weightBytes = Object.values(got.bytes_by_dtype as Record<string, number>).reduce((a, b) => a + b, 0);
      expect(weightBytes).toBeLessThanOrEqual(got.file_bytes);
    });
  }

  it('reports the SSD v2 uint8 model as the issue states', () => {
    const got = inspectJson(path.join(tfliteDir, 'ssd_mobilenet_v2_coco_quant_postprocess.tflite'));
    expect(got.operators).toEqual({
      CONV_2D: 55,
      DEPTHWISE_CONV_2D: 17,
      ADD: 10,
      RESHAPE: 13,
      CONCATENATION: 2,
      LOGISTIC: 1,
      TFLite_Detection_PostProcess: 1,
    });
    expect(got.macs).toBe(772779056);
    expect(Object.keys(got.custom_options.TFLite_Detection_PostProcess).length).toBeGreaterThanOrEqual(11);
    expect(got.inputs[0].quantization).toEqual({ scale: [0.0078125], zero_point: [128], quantized_dimension: 0 });
  });

  it('prints a readable table without --json', () => {
    const r = liteq('inspect', path.join(tfliteDir, 'ssd_mobilenet_v2_coco_quant_postprocess.tflite'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/CONV_2D\s+55/);
    expect(r.stdout).toMatch(/MACs: 772,779,056/);
    expect(r.stdout).toMatch(/normalized_input_image_tensor\s+\[1,300,300,3\]\s+uint8\s+scale 0\.0078125 zp 128/);
  });
});

describe('liteq inspect on GraphDef and TF.js inputs', () => {
  it('summarizes the QAT tflite_graph.pb and its .pbtxt twin identically (but for encoding and size)', () => {
    const pb = inspectJson(path.join(shared, 'models/graphdef/tflite_graph.pb'));
    const txt = inspectJson(path.join(shared, 'models/graphdef/tflite_graph.pbtxt'));
    expect(pb.format).toBe('graphdef');
    expect(pb.encoding).toBe('binary');
    expect(txt.encoding).toBe('text');
    const strip = ({ encoding, file_bytes, ...rest }: any) => rest;
    expect(strip(txt)).toEqual(strip(pb));
    expect(pb.placeholders).toEqual(['normalized_input_image_tensor']);
    expect(pb.operators.TFLite_Detection_PostProcess).toBe(1);
    expect(pb.fake_quant_count).toBeGreaterThan(100);
    expect(pb.fake_quant_count).toBe(pb.operators.FakeQuantWithMinMaxVars ?? 0);
    expect(pb.sinks).toContain('TFLite_Detection_PostProcess');
  });

  it('summarizes the TF.js SSDLite graph model from its directory or model.json', () => {
    const dir = path.join(shared, 'models/tfjs/ssdlite_mobilenet_v2_coco');
    const a = inspectJson(dir);
    const b = inspectJson(path.join(dir, 'model.json'));
    expect(a).toEqual(b);
    expect(a.format).toBe('tfjs');
    expect(a.node_count).toBe(641);
    expect(a.placeholders).toEqual(['image_tensor']);
    expect(a.sinks).toEqual(expect.arrayContaining(['Postprocessor/Slice', 'Postprocessor/ExpandDims_1']));
    const shards = readdirSync(dir).filter((f) => f.startsWith('group1-shard'));
    const total = [...shards, 'model.json'].reduce((s, f) => s + readFileSync(path.join(dir, f)).byteLength, 0);
    expect(a.file_bytes).toBe(total);
  });

  it('detects formats by content, not extension', () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'liteq-inspect-'));
    const disguised = path.join(tmp, 'model.pb');
    copyFileSync(path.join(tfliteDir, 'mobilenet_v1_0.25_224_quant.tflite'), disguised);
    expect(inspectJson(disguised).format).toBe('tflite');
  });
});

describe('liteq inspect on bad input', () => {
  it('a truncated model gives exit 2 and a message naming the file and the format, not a stack', () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'liteq-inspect-'));
    const cut = path.join(tmp, 'cut.tflite');
    writeFileSync(cut, readFileSync(path.join(tfliteDir, 'ssd_mobilenet_v2_coco_quant_postprocess.tflite')).subarray(0, 5000));
    const r = liteq('inspect', cut);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(cut);
    expect(r.stderr).toMatch(/tflite/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a missing file or unknown content gives exit 2 with a clear message', () => {
    const missing = liteq('inspect', '/nonexistent/model.tflite');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('/nonexistent/model.tflite');
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'liteq-inspect-'));
    const junk = path.join(tmp, 'junk.bin');
    writeFileSync(junk, Buffer.from('just some text, not a model\n'));
    const r = liteq('inspect', junk);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(junk);
  });

  it('unknown options are usage errors (exit 2)', () => {
    expect(liteq('inspect', '--frobnicate', 'x').code).toBe(2);
  });
});
