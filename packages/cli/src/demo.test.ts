// `liteq demo` on its embedded default (the SSDLite TF.js model from an npm package): converts,
// quantizes, runs both, and the files it writes are valid models the real TFLite runtime would load
// (checked here by liteq's verifying reader; the SSD path itself is checked against TFLite elsewhere).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readTflite } from '@liteq/core';

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../bin/liteq.js');

describe('liteq demo', () => {
  it('converts the embedded SSDLite to float and float16 .tflite files and compares them', () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'liteq-demo-'));
    const r = spawnSync(process.execPath, [bin, 'demo', '--out', out, '--json'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const s = JSON.parse(r.stdout);
    const float = readTflite(new Uint8Array(readFileSync(s.float.file)), s.float.file);
    const fp16 = readTflite(new Uint8Array(readFileSync(s.quantized.file)), s.quantized.file);
    expect(path.dirname(s.float.file)).toBe(out);
    const ops = (m: typeof float) => m.subgraphs[0]!.operators.map((o) => (o.op.kind === 'builtin' ? o.op.opcode : o.op.customCode));
    expect(ops(float).at(-1)).toBe('TFLite_Detection_PostProcess');
    expect(ops(fp16).filter((o) => o === 'DEQUANTIZE').length).toBeGreaterThan(50);
    expect(s.quantized.bytes).toBeLessThan(0.6 * s.float.bytes);
    expect(s.max_score_change).toBeGreaterThanOrEqual(0);
    expect(s.max_score_change).toBeLessThan(0.1);
  });
});
