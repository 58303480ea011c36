// `liteq run`: one inference from raw tensor bytes, raw pixels or an image; outputs as a table, JSON,
// or reference-style files — checked against the recorded TFLite 2.9 outputs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));
const bin = path.resolve(here, '../bin/liteq.js');
const shared = path.resolve(here, '../../../../shared');
const QUANT = path.join(shared, 'models/tflite/mobilenet_v1_0.25_224_quant.tflite');
const FLOAT = path.join(shared, 'models/tflite/mobilenet_v1_0.25_224_float.tflite');
const RAW = path.join(shared, 'data/raw_224x224/grace_hopper.rgb');

function liteq(...args: string[]) {
  return spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
}

describe('liteq run', () => {
  it('writes outputs byte-identical to TFLite 2.9 with --out, and the same values with --json', () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'liteq-run-'));
    const r = liteq('run', QUANT, '--input', RAW, '--out', out, '--threads', '2');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/MobilenetV1\/Predictions\/Reshape_1\s+\[1,1001\]\s+uint8/);
    const expected = readFileSync(path.join(shared, 'reference/mobilenet_v1_0.25_224_quant/grace_hopper/output_0.bin'));
    expect(readFileSync(path.join(out, 'output_0.bin')).equals(expected)).toBe(true);
    const index = JSON.parse(readFileSync(path.join(out, 'index.json'), 'utf8'));
    expect(index.outputs[0]).toMatchObject({ name: 'MobilenetV1/Predictions/Reshape_1', dtype: 'uint8', shape: [1, 1001], file: 'output_0.bin' });

    const j = liteq('run', QUANT, '--input', RAW, '--json');
    expect(j.status).toBe(0);
    const json = JSON.parse(j.stdout);
    expect(json.outputs[0].data).toEqual([...expected]);
  });

  it('runs on the WebAssembly backend with --backend wasm / LITEQ_BACKEND=wasm, says so, and gives TFLite 2.9\'s bytes', () => {
    const ssd = path.join(shared, 'models/tflite/ssd_mobilenet_v2_coco_quant_postprocess.tflite');
    const raw = path.join(shared, 'data/raw_300x300/kite_and_cold.rgb');
    const r = spawnSync(process.execPath, [bin, 'run', ssd, '--input', raw, '--backend', 'wasm', '--json'], {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
      env: { ...process.env, LITEQ_BACKEND: 'wasm' },
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as { backend: string; outputs: { data: number[] }[] };
    expect(json.backend).toBe('wasm');
    json.outputs.forEach((o, i) => {
      const ref = readFileSync(path.join(shared, `reference/ssd_mobilenet_v2_coco_quant_postprocess/kite_and_cold/output_${i}.bin`));
      expect(Buffer.from(new Float32Array(o.data).buffer).equals(ref)).toBe(true);
    });
    const native = JSON.parse(liteq('run', ssd, '--input', raw, '--json').stdout) as { backend: string };
    expect(native.backend).toBe('native');
    expect(liteq('run', ssd, '--input', raw, '--backend', 'gpu').status).toBe(2);
  });

  it('turns raw pixels into a float input with (x - 127.5) / 127.5, as the reference did', () => {
    const j = liteq('run', FLOAT, '--input', RAW, '--json');
    expect(j.status).toBe(0);
    const got: number[] = JSON.parse(j.stdout).outputs[0].data;
    const ref = readFileSync(path.join(shared, 'reference/mobilenet_v1_0.25_224_float/grace_hopper/output_0.bin'));
    const want = new Float32Array(ref.buffer, ref.byteOffset, ref.byteLength / 4);
    expect(got.length).toBe(want.length);
    let worst = 0;
    want.forEach((w, i) => (worst = Math.max(worst, Math.abs(w - got[i]!))));
    expect(worst).toBeLessThan(1e-5);
  });

  it('refuses inputs that fit nothing and a wrong input count, with exit 2', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'liteq-run-'));
    const small = path.join(dir, 'small.bin');
    writeFileSync(small, Buffer.alloc(1000));
    const a = liteq('run', QUANT, '--input', small);
    expect(a.status).toBe(2);
    expect(a.stderr).toContain('small.bin');
    const b = liteq('run', QUANT, '--input', RAW, RAW);
    expect(b.status).toBe(2);
    expect(b.stderr).toMatch(/1 input/);
  });
});

describe('--max-memory', () => {
  it('refuses a model over the limit with exit 1 and a message naming the model, the amount and the flag; accepts suffixes', () => {
    const ssd = path.join(shared, 'models/tflite/ssd_mobilenet_v2_coco_quant_postprocess.tflite');
    const raw = path.join(shared, 'data/raw_300x300/kite_and_cold.rgb');
    const r = liteq('run', ssd, '--input', raw, '--max-memory', '4M');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/ssd_mobilenet_v2_coco_quant_postprocess\.tflite: needs at least 8822720 bytes .*over the limit of 4194304 bytes .*--max-memory/);
    expect(r.stdout).toBe('');
    const ok = liteq('run', ssd, '--input', raw, '--max-memory', '1G', '--json');
    expect(ok.status).toBe(0);
    const bad = liteq('run', ssd, '--input', raw, '--max-memory', '2X');
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/--max-memory <bytes>.*invalid/);
  });
});
