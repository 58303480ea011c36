// Issue 15, kill-safe writes: a conversion and a quantization are interrupted (SIGINT, then SIGKILL)
// at points spread over their run, writing over an existing output. Afterwards the output holds the
// previous file or the complete new one — never a part — no temporary file is left after SIGINT, and
// the inputs are untouched.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SHARED = path.resolve(ROOT, '..', 'shared');
const CLI = path.join(ROOT, 'packages/cli/bin/liteq.js');
const PBTXT = path.join(SHARED, 'models/graphdef/tflite_graph.pbtxt');
const FLOAT = path.join(SHARED, 'models/graphdef/ssd_mobilenet_v2_coco_float.tflite');
const CAL = path.join(SHARED, 'data/coco/val2017');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'liteq-kill-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');
const PREVIOUS = Buffer.from('the previous output, which an interrupted write must leave intact\n');

const JOBS: { name: string; inputs: string[]; args: (out: string) => string[] }[] = [
  {
    name: 'convert (QUANTIZED_UINT8 from the text GraphDef)',
    inputs: [PBTXT],
    args: (out) => [
      'convert', `--graph_def_file=${PBTXT}`, `--output_file=${out}`, '--input_arrays=normalized_input_image_tensor',
      '--output_arrays=TFLite_Detection_PostProcess,TFLite_Detection_PostProcess:1,TFLite_Detection_PostProcess:2,TFLite_Detection_PostProcess:3',
      '--input_shape=1,300,300,3', '--allow_custom_ops', '--inference_type=QUANTIZED_UINT8', '--mean_values=128', '--std_dev_values=128', '-q',
    ],
  },
  {
    name: 'quantize (uint8, calibration on 4 images)',
    inputs: [FLOAT],
    args: (out) => ['quantize', FLOAT, '--scheme', 'uint8', '--calibration', CAL, '--samples', '4', '-o', out, '-q'],
  },
  {
    // The streamed path: the output's temporary file is mapped and written in place while quantizing.
    name: 'quantize (dynamic, streamed into the mapped output)',
    inputs: [FLOAT],
    args: (out) => ['quantize', FLOAT, '--scheme', 'dynamic', '-o', out, '-q'],
  },
];

function runFor(args: string[], signal: NodeJS.Signals, afterMs: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: 'ignore' });
    const timer = setTimeout(() => child.kill(signal), afterMs);
    child.on('exit', (code, sig) => {
      clearTimeout(timer);
      resolve({ code, signal: sig });
    });
  });
}

describe.each(JOBS)('an interrupted $name', (job) => {
  it('leaves the previous output or the complete new one, no temporary file after SIGINT, and its inputs untouched', async () => {
    const dir = mkdtempSync(path.join(tmp, 'job-'));
    const out = path.join(dir, 'out.tflite');
    const before = job.inputs.map(sha);
    // The complete output, and how long making it takes.
    const t0 = performance.now();
    const full = spawnSync(process.execPath, [CLI, ...job.args(out)], { encoding: 'utf8' });
    const ms = performance.now() - t0;
    expect(full.stderr).toBe('');
    expect(full.status).toBe(0);
    const complete = sha(out);
    writeFileSync(path.join(dir, 'previous'), PREVIOUS);
    const previous = sha(path.join(dir, 'previous'));
    let interrupted = 0;
    for (const signal of ['SIGINT', 'SIGKILL'] as const) {
      for (const fraction of [0.15, 0.35, 0.55, 0.7, 0.8, 0.9, 0.97]) {
        writeFileSync(out, PREVIOUS);
        const r = await runFor(job.args(out), signal, Math.round(ms * fraction));
        if (r.code !== 0) interrupted++;
        // Before its handler is installed (while modules load) SIGINT ends the process as a signal;
        // afterwards the CLI removes its temporary files and exits with 130.
        if (signal === 'SIGINT' && r.code !== 0) expect(r.code === 130 || r.signal === 'SIGINT').toBe(true);
        const now = sha(out);
        expect([previous, complete]).toContain(now);
        if (signal === 'SIGINT') expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
        for (const f of readdirSync(dir).filter((f) => f.endsWith('.tmp'))) rmSync(path.join(dir, f));
      }
    }
    expect(interrupted).toBeGreaterThan(4);
    expect(job.inputs.map(sha)).toEqual(before);
  }, 600_000);
});
