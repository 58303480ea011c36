import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectModelFile, ModelFormatError } from '@liteq/core';
import { inspectBytes } from './index.js';

const shared = path.resolve(__dirname, '../../../../shared/models');
const ssd = path.join(shared, 'tflite/ssd_mobilenet_v2_coco_quant_postprocess.tflite');
const pbtxt = path.join(shared, 'graphdef/tflite_graph.pbtxt');

describe('inspectBytes (browser-side, no file system)', () => {
  it('gives the same summary as the Node file inspector for a .tflite', async () => {
    const fromBytes = inspectBytes(new Uint8Array(readFileSync(ssd)), ssd);
    expect(fromBytes).toEqual(await inspectModelFile(ssd));
    expect(fromBytes.operators['CONV_2D']).toBe(55);
  });

  it('reads text GraphDefs by content', () => {
    const s = inspectBytes(new Uint8Array(readFileSync(pbtxt)), 'dropped-file');
    expect(s.format).toBe('graphdef');
    expect(s.format === 'graphdef' && s.fake_quant_count).toBeGreaterThan(0);
  });

  it('rejects other bytes with a typed error naming the file', () => {
    expect(() => inspectBytes(new TextEncoder().encode('hello'), 'notes.txt')).toThrow(ModelFormatError);
    expect(() => inspectBytes(new TextEncoder().encode('hello'), 'notes.txt')).toThrow(/notes\.txt/);
  });
});
