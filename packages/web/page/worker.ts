// Conversion and quantization off the page's main thread, the same steps and options as
//   liteq convert --ssd --graph_def_file MODEL [--pipeline-config CONFIG] --output_file float.tflite
//   liteq quantize float.tflite --scheme S [--calibration IMAGES] -o quant.tflite
// so the bytes equal the CLI's for the same inputs (calibration images decoded losslessly, e.g. PNG).
import {
  calibrateImages,
  convert,
  describePipelineConfig,
  impliedPreprocessing,
  parseCalibrationMethod,
  quantizeModel,
  readGraphBytes,
  readPipelineConfig,
  readTflite,
  resolveBackend,
  ssdSurgery,
  writeTflite,
  type QuantScheme,
  type RgbImage,
} from '@liteq/core';
import { setupBrowser } from './browser.js';

export interface ConvertRequest {
  /** The graph file (model.json, .pb or .pbtxt) and, for TF.js, its shards by manifest path. */
  graph: { name: string; bytes: Uint8Array };
  shards: Record<string, Uint8Array>;
  config?: { name: string; text: string };
  scheme: QuantScheme;
  images: RgbImage[];
  wasmUrl: string;
}

export type ConvertMessage =
  | { kind: 'progress'; text: string; done?: number; total?: number }
  | { kind: 'done'; float: Uint8Array; quantized: Uint8Array; notes: string[] }
  | { kind: 'error'; message: string };

const post = (m: ConvertMessage, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(m, transfer);

self.onmessage = async (ev: MessageEvent<ConvertRequest>) => {
  const r = ev.data;
  try {
    setupBrowser(new URL(r.wasmUrl));
    post({ kind: 'progress', text: `reading ${r.graph.name}` });
    const graph = await readGraphBytes(r.graph.bytes, r.graph.name, async (p) => {
      const s = r.shards[p];
      if (!s) throw Object.assign(new Error(`shard ${p} was not dropped with model.json`), { shard: p });
      return s;
    });
    const config = r.config ? describePipelineConfig(readPipelineConfig(new TextEncoder().encode(r.config.text), r.config.name)) : undefined;
    post({ kind: 'progress', text: 'SSD surgery and conversion' });
    const s = ssdSurgery(graph, { ...(config ? { config } : {}), postProcess: {} });
    const floatModel = convert(s.graph, {
      inputArrays: s.inputArrays,
      outputArrays: s.outputArrays,
      inputShapes: s.inputShapes,
      inferenceType: 'FLOAT',
      allowCustomOps: true,
      changeConcatInputRanges: false,
    });
    const float = writeTflite(floatModel);
    // As `liteq quantize` does: the float model as read back from its file.
    const ir = readTflite(float, 'float.tflite');
    const implied = impliedPreprocessing(ir);
    const mean = implied?.mean ?? 127.5;
    const std = implied?.std ?? 127.5;
    const backend = await resolveBackend('wasm');
    let ranges: Map<number, { min: number; max: number }> | undefined;
    if (r.scheme === 'uint8' || r.scheme === 'int8') {
      if (r.images.length === 0) throw new Error(`scheme ${r.scheme} needs calibration images: drop some`);
      ranges = await calibrateImages(ir, r.images.slice(0, 100).map((img, i) => ({ name: `image ${i + 1}`, load: async () => img })), {
        method: parseCalibrationMethod('minmax'),
        mean,
        std,
        backend: 'wasm',
        onProgress: (done, total) => post({ kind: 'progress', text: `calibrating: ${done}/${total} images`, done, total }),
      });
    }
    post({ kind: 'progress', text: `quantizing (${r.scheme})` });
    const q = quantizeModel(ir, { scheme: r.scheme, mean, std, backend, ...(ranges ? { ranges } : {}) });
    const quantized = writeTflite(q);
    post({ kind: 'done', float, quantized, notes: s.notes }, [float.buffer, quantized.buffer]);
  } catch (e) {
    post({ kind: 'error', message: (e as Error).message });
  }
};
