// One entry point for TF graph bytes: decide the format by content, dispatch. Browser-safe: files come
// from the caller (node/load.ts reads them from disk; a page from dropped files).
import { ModelFormatError } from '../errors.js';
import { describeBytes, detectFormat } from './detect.js';
import type { TfGraph } from './graphdef/graph.js';
import { readGraphDef } from './graphdef/pb-reader.js';
import { readPbtxt } from './graphdef/pbtxt-reader.js';
import { readTfjsWithShards, type ShardReader } from './tfjs/reader.js';

export const ACCEPTED_GRAPH_FORMATS = 'accepted: binary GraphDef (.pb), text GraphDef (.pbtxt), TF.js graph model (model.json + shards)';

/**
 * A GraphDef, a text GraphDef or a TF.js model.json from its bytes. `readShard` gives a TF.js model's
 * weight shards by manifest path; without it a TF.js model is an error naming what is missing.
 */
export async function readGraphBytes(bytes: Uint8Array, file: string, readShard?: ShardReader): Promise<TfGraph> {
  const format = detectFormat(bytes);
  switch (format) {
    case 'graphdef':
      return readGraphDef(bytes, file);
    case 'pbtxt':
      return readPbtxt(bytes, file);
    case 'tfjs':
      if (!readShard) throw new ModelFormatError({ file, format: 'tfjs', reason: 'a TF.js model.json needs its weight shards' });
      return (await readTfjsWithShards(file, bytes, readShard)).graph;
    case 'tflite':
      throw new ModelFormatError({ file, format: 'tflite', reason: `a TFLite flatbuffer is not a TF graph; ${ACCEPTED_GRAPH_FORMATS}` });
    default:
      throw new ModelFormatError({ file, format: 'unknown', reason: `unrecognised content (${describeBytes(bytes)}); ${ACCEPTED_GRAPH_FORMATS}` });
  }
}
