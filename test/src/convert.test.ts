// `liteq convert` against tflite_convert (TOCO) and the real TFLite 2.9 runtime: the shared QAT
// tflite_graph.pb (and its .pbtxt twin) converted with the seed's exact flags must give the shared
// Coral uint8 SSD MobileNet v2 — same ops, names, params, weights — and its reference outputs
// byte for byte; the FLOAT conversion must find the same objects.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { convert, decodeFlexbuffer, flexTypesOf, loadGraphFile, readTflite, resolveBackend, writeTflite, type Model, type Subgraph } from '@liteq/core';
import { runTflite } from './tflite-runtime.js';

const run = promisify(execFile);
const HERE = dirname(fileURLToPath(import.meta.url));
const SHARED = process.env['LITEQ_SHARED'] ?? resolve(HERE, '../../../shared');
const CLI = resolve(HERE, '../../packages/cli/bin/liteq.js');
const PB = join(SHARED, 'models/graphdef/tflite_graph.pb');
const PBTXT = join(SHARED, 'models/graphdef/tflite_graph.pbtxt');
const TOCO_MODEL = join(SHARED, 'models/tflite/ssd_mobilenet_v2_coco_quant_postprocess.tflite');
const REF = join(SHARED, 'reference/ssd_mobilenet_v2_coco_quant_postprocess');
const OUTPUTS = ['TFLite_Detection_PostProcess', 'TFLite_Detection_PostProcess:1', 'TFLite_Detection_PostProcess:2', 'TFLite_Detection_PostProcess:3'];

/** The seed's tflite_convert command line, verbatim. */
const SEED_FLAGS = [
  '--input_arrays=normalized_input_image_tensor',
  `--output_arrays=${OUTPUTS.join(',')}`,
  '--input_shape=1,300,300,3',
  '--allow_custom_ops',
  '--inference_type=QUANTIZED_UINT8',
  '--mean_values=128',
  '--std_dev_values=128',
];
const SEED_OPTIONS = {
  inputArrays: ['normalized_input_image_tensor'],
  outputArrays: OUTPUTS,
  inputShapes: [[1, 300, 300, 3]],
  allowCustomOps: true,
  meanValues: [128],
  stdDevValues: [128],
};

const opName = (o: Subgraph['operators'][number]) => (o.op.kind === 'builtin' ? o.op.opcode : o.op.customCode);
const inputs = readdirSync(REF).sort();

/** Every difference that matters between a converted model and the TOCO one (empty = parity). */
function parityDiffs(got: Model, want: Model): string[] {
  const d: string[] = [];
  const a = got.subgraphs[0]!;
  const b = want.subgraphs[0]!;
  if (a.operators.map(opName).join() !== b.operators.map(opName).join()) d.push('operator sequence');
  if (a.tensors.length !== b.tensors.length) d.push(`tensor count ${a.tensors.length} vs ${b.tensors.length}`);
  b.tensors.forEach((tb, i) => {
    const ta = a.tensors[i];
    if (!ta || ta.name !== tb.name) return void d.push(`tensor ${i}: ${ta?.name} vs ${tb.name}`);
    if (ta.dtype !== tb.dtype || ta.shape.join() !== tb.shape.join()) d.push(`${tb.name}: ${ta.dtype}[${ta.shape}] vs ${tb.dtype}[${tb.shape}]`);
    const qa = ta.quantization?.scale.length ? ta.quantization : undefined;
    const qb = tb.quantization?.scale.length ? tb.quantization : undefined;
    if (!!qa !== !!qb) d.push(`${tb.name}: quantization presence`);
    if (qa && qb) {
      if (qa.zeroPoint[0] !== qb.zeroPoint[0]) d.push(`${tb.name}: zero point ${qa.zeroPoint[0]} vs ${qb.zeroPoint[0]}`);
      if (Math.abs(qa.scale[0]! - qb.scale[0]!) > 1e-6 * qb.scale[0]!) d.push(`${tb.name}: scale ${qa.scale[0]} vs ${qb.scale[0]}`);
    }
    if (!!ta.data !== !!tb.data) d.push(`${tb.name}: constant vs not`);
    else if (ta.data && Buffer.compare(ta.data, tb.data!) !== 0) d.push(`${tb.name}: data differs`);
  });
  b.operators.forEach((ob, i) => {
    const oa = a.operators[i];
    if (!oa) return;
    if (oa.inputs.join() !== ob.inputs.join() || oa.outputs.join() !== ob.outputs.join()) d.push(`op ${i} ${opName(ob)}: tensors`);
    const ser = (x: unknown) => JSON.stringify(x, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v));
    if (ob.op.kind === 'builtin' && ser(oa.op.kind === 'builtin' ? oa.op.options : undefined) !== ser(ob.op.options)) d.push(`op ${i} ${opName(ob)}: options`);
    if (ob.op.kind === 'custom') {
      if (oa.op.kind !== 'custom') return;
      const ma = decodeFlexbuffer(oa.op.customOptions!);
      const mb = decodeFlexbuffer(ob.op.customOptions!);
      if (ser(ma) !== ser(mb) || ser(flexTypesOf(ma as object)) !== ser(flexTypesOf(mb as object))) d.push(`op ${i}: custom options ${ser(ma)} vs ${ser(mb)}`);
    }
  });
  if (a.inputs.join() !== b.inputs.join() || a.outputs.join() !== b.outputs.join()) d.push('subgraph inputs/outputs');
  return d;
}

async function expectReferenceOutputs(bytes: Uint8Array): Promise<void> {
  for (const input of inputs) {
    const idx = JSON.parse(readFileSync(join(REF, input, 'index.json'), 'utf8')) as { input: string; outputs: { file: string }[] };
    const outs = await runTflite(bytes, [new Uint8Array(readFileSync(join(SHARED, 'data/raw_300x300', idx.input)))]);
    outs.forEach((o, i) => expect(Buffer.compare(o.bytes, readFileSync(join(REF, input, idx.outputs[i]!.file))), `${input} output ${i}`).toBe(0));
  }
}

interface Det {
  box: number[];
  cls: number;
  score: number;
}
function detections(outs: { bytes: Uint8Array }[]): Det[] {
  const f = (i: number) => new Float32Array(outs[i]!.bytes.slice().buffer);
  const [boxes, classes, scores, count] = [f(0), f(1), f(2), f(3)];
  return Array.from({ length: count[0]! }, (_, k) => ({ box: Array.from(boxes.subarray(4 * k, 4 * k + 4)), cls: classes[k]!, score: scores[k]! }));
}
function iou(a: number[], b: number[]): number {
  const ih = Math.max(0, Math.min(a[2]!, b[2]!) - Math.max(a[0]!, b[0]!));
  const iw = Math.max(0, Math.min(a[3]!, b[3]!) - Math.max(a[1]!, b[1]!));
  const inter = ih * iw;
  const area = (x: number[]) => (x[2]! - x[0]!) * (x[3]! - x[1]!);
  return inter / (area(a) + area(b) - inter);
}

describe('liteq convert: tflite_graph.pb → TOCO parity and TFLite 2.9 outputs', () => {
  let toco: Model;
  let dir: string;
  beforeAll(() => {
    toco = readTflite(new Uint8Array(readFileSync(TOCO_MODEL)));
    dir = mkdtempSync(join(tmpdir(), 'liteq-convert-'));
  });

  it('the CLI with the seed\'s exact flags writes the TOCO model (ops, names, params, weights, biases, custom options), and TFLite 2.9 gives the reference outputs exactly', async () => {
    const out = join(dir, 'cli.tflite');
    const { stdout } = await run(process.execPath, [CLI, 'convert', `--graph_def_file=${PB}`, `--output_file=${out}`, ...SEED_FLAGS]);
    expect(stdout).toMatch(/99 ops, 261 tensors, QUANTIZED_UINT8/);
    const bytes = new Uint8Array(readFileSync(out));
    expect(parityDiffs(readTflite(bytes), toco)).toEqual([]);
    await expectReferenceOutputs(bytes);
  });

  it('kebab-case and `--flag value` spellings give the same file', async () => {
    const a = join(dir, 'snake.tflite');
    const b = join(dir, 'kebab.tflite');
    await run(process.execPath, [CLI, 'convert', `--graph_def_file=${PB}`, `--output_file=${a}`, ...SEED_FLAGS, '-q']);
    const kebab = SEED_FLAGS.flatMap((f) => {
      const [k, v] = f.split('=');
      return v === undefined ? [k!.replace(/_/g, '-')] : [k!.replace(/_/g, '-'), v];
    });
    await run(process.execPath, [CLI, 'convert', '--graph-def-file', PB, '--output-file', b, ...kebab, '-q']);
    expect(Buffer.compare(readFileSync(a), readFileSync(b))).toBe(0);
  });

  it('convert() on the .pbtxt twin gives the same bytes as the CLI on the .pb', async () => {
    const model = convert(await loadGraphFile(PBTXT), { ...SEED_OPTIONS, inferenceType: 'QUANTIZED_UINT8', backend: await resolveBackend() });
    const bytes = writeTflite(model);
    expect(parityDiffs(readTflite(bytes), toco)).toEqual([]);
    const cli = join(dir, 'cli-again.tflite');
    await run(process.execPath, [CLI, 'convert', `--graph_def_file=${PB}`, `--output_file=${cli}`, ...SEED_FLAGS, '-q']);
    expect(Buffer.compare(bytes, readFileSync(cli))).toBe(0);
  });

  it('native and TS weight quantization give identical models', async () => {
    const graph = await loadGraphFile(PB);
    const native = writeTflite(convert(graph, { ...SEED_OPTIONS, inferenceType: 'QUANTIZED_UINT8', backend: await resolveBackend('native') }));
    const ts = writeTflite(convert(graph, { ...SEED_OPTIONS, inferenceType: 'QUANTIZED_UINT8' }));
    expect(Buffer.compare(native, ts)).toBe(0);
  });

  it('--inference_type=FLOAT runs in TFLite 2.9 and finds every uint8 detection (score ≥ 0.5) with the same class at IoU ≥ 0.7', async () => {
    const model = convert(await loadGraphFile(PB), { ...SEED_OPTIONS, inferenceType: 'FLOAT' });
    const sg = model.subgraphs[0]!;
    expect(sg.operators.map(opName)).toEqual(toco.subgraphs[0]!.operators.map(opName));
    expect(sg.tensors[sg.inputs[0]!]!.dtype).toBe('float32');
    const bytes = writeTflite(model);
    let matched = 0;
    for (const input of inputs) {
      const raw = readFileSync(join(SHARED, 'data/raw_300x300', `${input}.rgb`));
      const x = Float32Array.from(raw, (v) => Math.fround(Math.fround(v - 128) / 128));
      const floatDets = detections(await runTflite(bytes, [new Uint8Array(x.buffer)]));
      const idx = JSON.parse(readFileSync(join(REF, input, 'index.json'), 'utf8')) as { outputs: { file: string }[] };
      const refDets = detections(idx.outputs.map((o) => ({ bytes: new Uint8Array(readFileSync(join(REF, input, o.file))) })));
      for (const r of refDets.filter((d) => d.score >= 0.5)) {
        const best = Math.max(0, ...floatDets.filter((f) => f.cls === r.cls).map((f) => iou(f.box, r.box)));
        expect(best, `${input}: class ${r.cls} score ${r.score}`).toBeGreaterThanOrEqual(0.7);
        matched++;
      }
    }
    expect(matched).toBeGreaterThan(0);
  });
});

describe('liteq convert: bad input', () => {
  it('refuses --output_file equal to --graph_def_file and leaves it untouched', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'liteq-convert-bad-'));
    const pb = join(dir, 'g.pbtxt');
    writeFileSync(pb, 'node { name: "x" op: "Placeholder" attr { key: "dtype" value { type: DT_FLOAT } } }\n');
    const before = readFileSync(pb);
    const r = await run(process.execPath, [CLI, 'convert', `--graph_def_file=${pb}`, `--output_file=${pb}`, '--input_arrays=x', '--output_arrays=x']).catch((e: { code: number; stderr: string }) => e);
    expect((r as { code: number }).code).toBe(2);
    expect((r as { stderr: string }).stderr).toMatch(/refusing to write .*inputs are never overwritten/);
    expect(Buffer.compare(readFileSync(pb), before)).toBe(0);
    expect(readdirSync(dir)).toEqual(['g.pbtxt']);
  });

  it('without --allow_custom_ops: exit 2, the unmapped op named with its node and what to do, no output file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'liteq-convert-bad-'));
    const out = join(dir, 'm.tflite');
    const flags = SEED_FLAGS.filter((f) => f !== '--allow_custom_ops');
    const r = (await run(process.execPath, [CLI, 'convert', `--graph_def_file=${PB}`, `--output_file=${out}`, ...flags]).catch((e: unknown) => e)) as { code: number; stderr: string };
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/TFLite_Detection_PostProcess \(1\): TFLite_Detection_PostProcess/);
    expect(r.stderr).toMatch(/--allow_custom_ops/);
    expect(existsSync(out)).toBe(false);
    expect(statSync(dir).isDirectory()).toBe(true);
  });

  it('QUANTIZED_UINT8 without --mean_values/--std_dev_values is refused with the fix', async () => {
    const flags = SEED_FLAGS.filter((f) => !f.startsWith('--mean') && !f.startsWith('--std'));
    const r = (await run(process.execPath, [CLI, 'convert', `--graph_def_file=${PB}`, '--output_file=/tmp/never-written.tflite', ...flags]).catch((e: unknown) => e)) as { code: number; stderr: string };
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--mean_values and --std_dev_values/);
  });
});
