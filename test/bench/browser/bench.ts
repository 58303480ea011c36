// In one Chromium page: liteq's WASM backend and LiteRT.js (WASM, XNNPACK) on the same model and
// input, one thread each, runs interleaved; medians go to #bench as JSON (test/bench/browser.mjs).
import { loadModel, readTflite, registerBackend, summarizeTflite, writeTflite } from '@liteq/core';
import { Tensor, loadAndCompile, loadLiteRt } from '@litertjs/core';
import { WasmBackend } from '../../../packages/web/src/wasm-backend.js';

const params = new URLSearchParams(location.search);
const log = (s: string) => ((document.getElementById('log') as HTMLElement).textContent += `${s}\n`);
const fetchBytes = async (u: string) => new Uint8Array(await (await fetch(u)).arrayBuffer());

/** LiteRT.js wants static post-process output shapes (TOCO's SSD files leave them empty). */
function withStaticDetectionShapes(bytes: Uint8Array): Uint8Array {
  const model = readTflite(bytes, 'model.tflite');
  const sg = model.subgraphs[0]!;
  const pp = sg.operators.find((o) => o.op.kind === 'custom' && o.op.customCode === 'TFLite_Detection_PostProcess');
  if (!pp) return bytes;
  const opts = (summarizeTflite(model, bytes.length).custom_options['TFLite_Detection_PostProcess'] ?? {}) as Record<string, number>;
  const n = (opts['max_detections'] ?? 10) * (opts['max_classes_per_detection'] ?? 1);
  const shapes = [[1, n, 4], [1, n], [1, n], [1]];
  pp.outputs.forEach((ti, i) => {
    const t = sg.tensors[ti]!;
    t.shape = shapes[i]!;
    t.shapeSignature = shapes[i]!;
    t.hasRank = true;
  });
  return writeTflite(model);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const runs = Number(params.get('runs') ?? 15);
  const bytes = await fetchBytes(params.get('model')!);
  const input = await fetchBytes(params.get('input')!);
  registerBackend('wasm', async () => WasmBackend.create({ bytes: await fetchBytes('/liteq.wasm') }), 10);
  const liteq = await loadModel(bytes, { backend: 'wasm', file: 'model.tflite' });
  await loadLiteRt('/litert-wasm/', { threads: false });
  const lrt = await loadAndCompile(withStaticDetectionShapes(bytes), { accelerator: 'wasm', cpuOptions: { numThreads: 1 } });
  const shape = [...lrt.getInputDetails()[0]!.shape];
  const tensor = new Tensor(input.slice(), shape);
  const times: Record<string, number[]> = { 'liteq-wasm': [], 'LiteRT.js': [] };
  for (let i = 0; i < 2; i++) {
    await liteq.run([input]);
    (await lrt.run(tensor)).forEach((o) => o.delete());
  }
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    await liteq.run([input]);
    times['liteq-wasm']!.push(performance.now() - t);
    t = performance.now();
    (await lrt.run(tensor)).forEach((o) => o.delete());
    times['LiteRT.js']!.push(performance.now() - t);
  }
  const result = { userAgent: navigator.userAgent, runs, medianMs: Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)])) };
  log(JSON.stringify(result));
  const out = document.getElementById('bench') as HTMLElement;
  out.textContent = JSON.stringify(result);
  out.hidden = false;
}

main().catch((e: Error) => {
  const out = document.getElementById('bench') as HTMLElement;
  out.textContent = JSON.stringify({ error: e.message });
  out.hidden = false;
});
