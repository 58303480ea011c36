// The liteq page: drop models and images, see what the model finds (boxes, labels, scores), its
// summary and latency; with two models, both side by side and the per-layer SQNR; convert a TF.js or
// GraphDef SSD and quantize it in a worker. Scriptable: /?model=URL&image=URL[&compare=URL][&threshold=T]
// runs at once and leaves {backend, detections, latency_ms} as JSON in #result.
import {
  compareModels,
  decodeDetections,
  decodeImageInBrowser,
  detectFormat,
  host,
  imageToInput,
  loadModel,
  readGraphBytes,
  readTflite,
  summarizeGraph,
  summarizeTflite,
  svgChart,
  type Detection,
  type LiteqModel,
  type QuantScheme,
  type RgbImage,
} from '@liteq/core';
import { setupBrowser } from './browser.js';
import type { ConvertMessage, ConvertRequest } from './worker.js';

const WASM_URL = new URL('./liteq.wasm', document.baseURI);
setupBrowser(WASM_URL);

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const status = (text: string, error = false) => {
  const p = document.createElement('p');
  p.textContent = text;
  if (error) p.className = 'error';
  $('status').replaceChildren(p);
};

interface Dropped {
  models: { name: string; bytes: Uint8Array }[];
  graph?: { name: string; bytes: Uint8Array };
  shards: Record<string, Uint8Array>;
  config?: { name: string; text: string };
  images: { name: string; rgb: RgbImage }[];
}

let dropped: Dropped = { models: [], shards: {}, images: [] };

const IMAGE = /\.(jpe?g|png|webp|gif|bmp|avif)$/i;

async function classify(files: File[]): Promise<Dropped> {
  const d: Dropped = { models: [], shards: {}, images: [] };
  for (const f of [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const bytes = new Uint8Array(await f.arrayBuffer());
    if (IMAGE.test(f.name) || f.type.startsWith('image/')) {
      d.images.push({ name: f.name, rgb: await decodeImageInBrowser(bytes, f.name) });
      continue;
    }
    const format = detectFormat(bytes);
    if (format === 'tflite') d.models.push({ name: f.name, bytes });
    else if (format === 'tfjs' || format === 'graphdef' || format === 'pbtxt') d.graph = { name: f.name, bytes };
    else if (/pipeline|\.config$/i.test(f.name)) d.config = { name: f.name, text: new TextDecoder().decode(bytes) };
    else d.shards[f.name] = bytes; // TF.js weight shards, matched by manifest path (file name)
  }
  return d;
}

function drawDetections(image: RgbImage, detections: Detection[], caption: string): HTMLElement {
  const canvas = document.createElement('canvas');
  canvas.width = image.width;
  canvas.height = image.height;
  const ctx = canvas.getContext('2d')!;
  const rgba = new Uint8ClampedArray(image.width * image.height * 4);
  for (let i = 0, j = 0; i < image.data.length; i += 3, j += 4) {
    rgba[j] = image.data[i]!;
    rgba[j + 1] = image.data[i + 1]!;
    rgba[j + 2] = image.data[i + 2]!;
    rgba[j + 3] = 255;
  }
  ctx.putImageData(new ImageData(rgba, image.width, image.height), 0, 0);
  const palette = ['#e6194b', '#3cb44b', '#4363d8', '#f58231', '#911eb4', '#42d4f4', '#f032e6', '#bfef45'];
  const stroke = Math.max(2, Math.round(Math.min(image.width, image.height) / 200));
  const font = Math.max(12, Math.round(Math.min(image.width, image.height) / 40));
  ctx.font = `bold ${font}px sans-serif`;
  for (const d of detections) {
    const color = palette[d.class % palette.length]!;
    const { xmin, ymin, xmax, ymax } = d.box;
    ctx.strokeStyle = color;
    ctx.lineWidth = stroke;
    ctx.strokeRect(xmin, ymin, Math.max(1, xmax - xmin), Math.max(1, ymax - ymin));
    ctx.fillStyle = color;
    ctx.fillText(`${d.label} ${(d.score * 100).toFixed(0)}%`, xmin + 2, ymin > font + 4 ? ymin - 4 : ymin + font + 2);
  }
  const fig = document.createElement('figure');
  const cap = document.createElement('figcaption');
  cap.textContent = caption;
  fig.append(canvas, cap);
  return fig;
}

/** One inference: detections in pixels of the image and the time of the run itself. */
async function detectOnce(model: LiteqModel, image: RgbImage, threshold: number): Promise<{ detections: Detection[]; latency_ms: number }> {
  const input = imageToInput(model, image);
  const t0 = performance.now();
  const out = await model.run([input]);
  const latency_ms = performance.now() - t0;
  return { detections: decodeDetections(model, out, image, [], threshold), latency_ms };
}

async function showModels(models: { name: string; bytes: Uint8Array }[], images: { name: string; rgb: RgbImage }[], threshold: number) {
  const views = $('views');
  views.replaceChildren();
  const loaded: LiteqModel[] = [];
  try {
    for (const m of models.slice(0, 2)) loaded.push(await loadModel(m.bytes, { file: m.name, preserveIntermediates: models.length > 1 }));
    $('summary').textContent = models.map((m) => `${m.name}\n${JSON.stringify(summarizeTflite(readTflite(m.bytes, m.name), m.bytes.byteLength), null, 1)}`).join('\n\n');
    const results: { backend: string; detections: Detection[]; latency_ms: number }[] = [];
    for (const img of images.slice(0, 8)) {
      for (const [k, model] of loaded.entries()) {
        const r = await detectOnce(model, img.rgb, threshold);
        results.push({ backend: model.backend, ...r });
        views.append(drawDetections(img.rgb, r.detections, `${models[k]!.name} on ${img.name}: ${r.detections.length} detections, ${r.latency_ms.toFixed(1)} ms (${model.backend})`));
      }
    }
    if (loaded.length === 2 && images.length > 0) {
      const c = await compareModels(loaded[0]!, loaded[1]!, [images[0]!.rgb]);
      const names = c.tensors.map((t) => t.name);
      $('chart').innerHTML = svgChart({
        title: `per-layer SQNR of ${models[1]!.name} against ${models[0]!.name} (dB, higher is closer)`,
        yLabel: 'SQNR dB',
        names,
        series: [{ label: 'SQNR dB', values: c.tensors.map((t) => t.sqnr), color: '#4363d8' }],
      });
    }
    status(`${loaded.length} model(s) on the ${loaded[0]?.backend ?? 'wasm'} backend`);
    return results;
  } finally {
    for (const m of loaded) m.dispose();
  }
}

async function runFromUrl(params: URLSearchParams) {
  const threshold = Number(params.get('threshold') ?? 0.5);
  const modelUrl = params.get('model')!;
  const imageUrl = params.get('image')!;
  const compareUrl = params.get('compare');
  status(`loading ${modelUrl}`);
  const models = [{ name: modelUrl, bytes: await host().readFile(modelUrl) }];
  if (compareUrl) models.push({ name: compareUrl, bytes: await host().readFile(compareUrl) });
  const image = { name: imageUrl, rgb: await host().decodeImage(imageUrl, imageUrl) };
  const results = await showModels(models, [image], threshold);
  const json: Record<string, unknown> = { ...results[0]! };
  if (results[1]) json['compare'] = results[1];
  const out = $('result');
  out.textContent = JSON.stringify(json);
  out.hidden = false;
}

function runConvert() {
  if (!dropped.graph) return;
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  const req: ConvertRequest = {
    graph: dropped.graph,
    shards: dropped.shards,
    ...(dropped.config ? { config: dropped.config } : {}),
    scheme: ($('scheme') as HTMLSelectElement).value as QuantScheme,
    images: dropped.images.map((i) => i.rgb),
    wasmUrl: WASM_URL.href,
  };
  ($('convert') as HTMLButtonElement).disabled = true;
  worker.onmessage = async (ev: MessageEvent<ConvertMessage>) => {
    const m = ev.data;
    if (m.kind === 'progress') {
      $('progress').textContent = m.text;
      return;
    }
    worker.terminate();
    ($('convert') as HTMLButtonElement).disabled = false;
    if (m.kind === 'error') return status(m.message, true);
    $('progress').textContent = 'done';
    // Each file with its SHA-256, to check against `sha256sum` of what the CLI writes.
    const link = async (bytes: Uint8Array, name: string) => {
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
      const sha256 = Array.from(digest, (x) => x.toString(16).padStart(2, '0')).join('');
      const a = document.createElement('a');
      a.href = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>]));
      a.download = name;
      a.textContent = `download ${name} (${bytes.byteLength} bytes, sha256 ${sha256.slice(0, 12)}…)`;
      a.className = 'download';
      a.dataset['sha256'] = sha256;
      return a;
    };
    const scheme = req.scheme;
    $('progress').replaceChildren(await link(m.float, 'float.tflite'), document.createTextNode(' · '), await link(m.quantized, `${scheme}.tflite`));
    dropped.models = [
      { name: 'float.tflite', bytes: m.float },
      { name: `${scheme}.tflite`, bytes: m.quantized },
    ];
    if (dropped.images.length) await showModels(dropped.models, dropped.images, Number(($('threshold') as HTMLInputElement).value));
  };
  worker.postMessage(req);
}

async function onFiles(files: File[]) {
  try {
    dropped = await classify(files);
    ($('convert') as HTMLButtonElement).disabled = !dropped.graph;
    if (dropped.graph && !dropped.models.length) {
      const g = await readGraphBytes(dropped.graph.bytes, dropped.graph.name, async (p) => dropped.shards[p] ?? Promise.reject(new Error(`missing shard ${p}`)));
      $('summary').textContent = JSON.stringify(summarizeGraph(g, dropped.graph.bytes.byteLength), null, 1);
      status(`${dropped.graph.name}: a TF graph; ${dropped.images.length} image(s). Convert and quantize it with the button.`);
    }
    if (dropped.models.length) await showModels(dropped.models, dropped.images, Number(($('threshold') as HTMLInputElement).value));
  } catch (e) {
    status((e as Error).message, true);
  }
}

const drop = $('drop');
drop.addEventListener('dragover', (e) => {
  e.preventDefault();
  drop.classList.add('over');
});
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', (e) => {
  e.preventDefault();
  drop.classList.remove('over');
  void onFiles([...(e.dataTransfer?.files ?? [])]);
});
for (const id of ['files', 'folder']) $(id).addEventListener('change', (e) => void onFiles([...((e.target as HTMLInputElement).files ?? [])]));
$('convert').addEventListener('click', runConvert);

const params = new URLSearchParams(location.search);
if (params.get('model') && params.get('image')) {
  runFromUrl(params).catch((e: Error) => {
    status(e.message, true);
    const out = $('result');
    out.textContent = JSON.stringify({ error: e.message });
    out.hidden = false;
  });
}
