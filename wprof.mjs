import { readFileSync } from 'node:fs';
import { loadModel } from '@liteq/core';
import '@liteq/web';
const m = await loadModel('../shared/models/tflite/ssd_mobilenet_v2_coco_quant_postprocess.tflite', { backend: 'wasm' });
const input = new Uint8Array(readFileSync('../shared/data/raw_300x300/kite_and_cold.rgb'));
for (let i = 0; i < 5; i++) await m.run([input]);
m.dispose();
