// Issue 12's acceptance run: a generated float model of a few hundred MB (CONV_2D + FULLY_CONNECTED
// stack, test/bench/large-model.mjs) quantized by the CLI through every scheme. Each output runs in the
// real TFLite 2.9 runtime exactly as in liteq's executor (expectSameAsTflite: integer outputs byte for
// byte). dynamic and float16 take the streaming path on the native backend (mapped input, fused native
// quantization into an output arena, the flatbuffer written around it): their files must decode to the
// very model core's in-memory TS path makes (quantizeModel without a backend + writeTflite). Files live
// in a temporary directory removed afterwards. The README's memory claim for that path is checked
// too: the weights pass through the process a piece at a time (read with pread, written with pwrite),
// so the CLI's peak RSS stays within Node's own baseline plus 64 MiB — below the bound of 1.2×
// the output plus that baseline.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quantizeModel, readTflite, writeTflite, type Model, type QuantScheme } from '@liteq/core';
import { makeLargeFloatModel } from '../bench/large-model.mjs';
import { expectSameAsTflite } from './same-as-tflite.js';

const run = promisify(execFile);
const HERE = dirname(fileURLToPath(import.meta.url));
const CLI = resolve(HERE, '../../packages/cli/bin/liteq.js');
const SHARED = process.env['LITEQ_SHARED'] ?? resolve(HERE, '../../../shared');
const COCO = join(SHARED, 'data/coco/instances_val2017_tiny.json');
const PROBES = ['000000005001.jpg', '000000010764.jpg'].map((f) => join(SHARED, 'data/coco/val2017', f));
const dir = mkdtempSync(join(tmpdir(), 'liteq-large-schemes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Node preloading this prints its peak RSS (kB) on stderr at exit: VmHWM, the high-water mark of this
 * process's own memory (getrusage's maxRSS would be the forking test worker's RSS when that is larger).
 */
const REPORT_MAX_RSS = `--import=data:text/javascript,import{readFileSync}from'node:fs';process.on('exit',()=>process.stderr.write('maxRSS '+/VmHWM:\\s+(\\d+)/.exec(readFileSync('/proc/self/status','utf8'))[1]))`;

/** Peak RSS of a Node process that loads the CLI and does nothing (`liteq --version`). */
async function baselineRss(): Promise<number> {
  const { stderr } = await run(process.execPath, [REPORT_MAX_RSS, CLI, '--version']);
  return Number(/maxRSS (\d+)/.exec(stderr)![1]) * 1024;
}

/** Tensor by tensor: name, dtype, shape, quantization and constant bytes; ops by opcode, version, wiring and options. */
function expectSameModel(a: Model, b: Model): void {
  const sa = a.subgraphs[0]!, sb = b.subgraphs[0]!;
  expect(sb.tensors.length).toBe(sa.tensors.length);
  sa.tensors.forEach((t, i) => {
    const u = sb.tensors[i]!;
    expect([u.name, u.dtype, u.shape, u.quantization ?? null]).toEqual([t.name, t.dtype, t.shape, t.quantization ?? null]);
    if (!t.data) return expect(u.data).toBeUndefined();
    expect(Buffer.compare(Buffer.from(u.data!.buffer, u.data!.byteOffset, u.data!.byteLength), Buffer.from(t.data.buffer, t.data.byteOffset, t.data.byteLength)), `tensor ${i} ${t.name}`).toBe(0);
  });
  expect(sb.operators).toEqual(sa.operators);
  expect([sb.inputs, sb.outputs]).toEqual([sa.inputs, sa.outputs]);
}

describe('a few-hundred-MB float model through every scheme', () => {
  const file = join(dir, 'float.tflite');
  let float: Model;

  beforeAll(async () => {
    await writeFile(file, writeTflite(makeLargeFloatModel(300 * 2 ** 20, 3)));
    float = readTflite(new Uint8Array(await readFile(file)));
  }, 300_000);

  it.each(['uint8', 'int8', 'dynamic', 'float16'] as QuantScheme[])('--scheme %s: TFLite 2.9 runs it exactly as liteq does', async (scheme) => {
    const out = join(dir, `${scheme}.tflite`);
    const calibration = scheme === 'uint8' || scheme === 'int8' ? ['--calibration', COCO, '--samples', '4'] : [];
    const { stderr } = await run(process.execPath, [REPORT_MAX_RSS, CLI, 'quantize', file, '--scheme', scheme, ...calibration, '-o', out, '-q'], { maxBuffer: 1 << 24 });
    const size = statSync(out).size;
    expect(size).toBeLessThan(statSync(file).size * (scheme === 'float16' ? 0.51 : 0.26));
    if (scheme === 'dynamic' || scheme === 'float16') {
      const peak = Number(/maxRSS (\d+)/.exec(stderr)![1]) * 1024;
      const baseline = await baselineRss();
      expect(peak).toBeLessThan(baseline + 64 * 2 ** 20);
      expect(peak).toBeLessThan(1.2 * size + baseline);
    }
    const q = readTflite(new Uint8Array(await readFile(out)));
    if (scheme === 'dynamic' || scheme === 'float16') expectSameModel(quantizeModel(float, { scheme, mean: 127.5, std: 127.5 }), q);
    await expectSameAsTflite(q, PROBES);
  }, 600_000);
});

describe('quantize: bad inputs on the streaming and the in-memory path', () => {
  it.each(['dynamic', 'uint8'])('--scheme %s: a directory, a missing file and a truncated file exit 2 naming the file, nothing written', async (scheme) => {
    const bad = join(dir, `bad-${scheme}`);
    mkdirSync(bad);
    const truncated = join(bad, 'cut.tflite');
    await writeFile(truncated, (await readFile(join(SHARED, 'models/tflite/mobilenet_v1_0.25_224_float.tflite'))).subarray(0, 50_000));
    const cases: [string, RegExp][] = [
      [join(bad, 'subdir'), /is a directory/],
      [join(bad, 'missing.tflite'), /no such file or directory/],
      [truncated, /invalid tflite model/],
    ];
    mkdirSync(join(bad, 'subdir'));
    for (const [input, message] of cases) {
      const out = join(bad, 'out.tflite');
      const extra = scheme === 'uint8' ? ['--calibration', COCO, '--samples', '1'] : [];
      const r = (await run(process.execPath, [CLI, 'quantize', input, '--scheme', scheme, ...extra, '-o', out]).catch((e: unknown) => e)) as { code: number; stderr: string };
      expect(r.code, input).toBe(2);
      expect(r.stderr).toContain(input);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/internal error/);
      expect(readdirSync(bad).sort()).toEqual(['cut.tflite', 'subdir']);
    }
  });
});
