// One entry point for TF graph files: read the bytes, decide the format by content, dispatch.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { ModelFormatError } from '../errors.js';
import { describeBytes, detectFormat } from './detect.js';
import type { TfGraph } from './graphdef/graph.js';
import { readGraphDef } from './graphdef/pb-reader.js';
import { readPbtxt } from './graphdef/pbtxt-reader.js';
import { readTfjsModel } from './tfjs/reader.js';

const ACCEPTED = 'accepted: binary GraphDef (.pb), text GraphDef (.pbtxt), TF.js graph model (model.json + shards)';

/**
 * Loads a GraphDef, a text GraphDef, or a TF.js graph model (model.json, or its directory). `bytes`:
 * the file's content when the caller already read it (not for a directory).
 */
export async function loadGraphFile(file: string, bytes?: Uint8Array): Promise<TfGraph> {
  let p = file;
  if (!bytes && (await stat(p)).isDirectory()) {
    p = path.join(p, 'model.json');
    try {
      await stat(p);
    } catch {
      throw new ModelFormatError({ file, format: 'unknown', reason: `a directory without model.json; ${ACCEPTED}` });
    }
  }
  bytes ??= await readFile(p);
  const format = detectFormat(bytes);
  switch (format) {
    case 'graphdef':
      return readGraphDef(bytes, p);
    case 'pbtxt':
      return readPbtxt(bytes, p);
    case 'tfjs':
      return (await readTfjsModel(p, bytes)).graph;
    case 'tflite':
      throw new ModelFormatError({ file: p, format: 'tflite', reason: `a TFLite flatbuffer is not a TF graph; ${ACCEPTED}` });
    default:
      throw new ModelFormatError({ file: p, format: 'unknown', reason: `unrecognised content (${describeBytes(bytes)}); ${ACCEPTED}` });
  }
}
