// Model files from disk: TF graphs (binary/text GraphDef, TF.js model.json or its directory) and TF.js
// shards beside model.json. The parsing itself is the browser-safe formats/ layer.
import { readFile, stat } from 'node:fs/promises';
import { readFileLarge } from './read-large.js';
import path from 'node:path';
import { ModelFormatError } from '../errors.js';
import type { TfGraph } from '../formats/graphdef/graph.js';
import { ACCEPTED_GRAPH_FORMATS, readGraphBytes } from '../formats/read-graph.js';
import { readTfjsWithShards, type ShardReader, type TfjsModel } from '../formats/tfjs/reader.js';

/** Reads shards from the directory of model.json; a failure names the shard's path. */
function shardsBeside(modelJson: string): ShardReader {
  const dir = path.dirname(modelJson);
  return async (p) => {
    const shard = path.join(dir, p);
    try {
      return new Uint8Array(await readFile(shard));
    } catch (e) {
      throw Object.assign(e as Error, { shard });
    }
  };
}

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
      throw new ModelFormatError({ file, format: 'unknown', reason: `a directory without model.json; ${ACCEPTED_GRAPH_FORMATS}` });
    }
  }
  bytes ??= await readFileLarge(p);
  return readGraphBytes(bytes, p, shardsBeside(p));
}

/**
 * Reads model.json (or a directory holding it) and its shards from the same directory.
 * `jsonBytes` skips re-reading model.json when the caller already has it (content sniffing).
 */
export async function readTfjsModel(modelJsonPath: string, jsonBytes?: Uint8Array): Promise<TfjsModel> {
  let file = modelJsonPath;
  if (!jsonBytes && (await stat(file)).isDirectory()) file = path.join(file, 'model.json');
  const bytes = jsonBytes ?? new Uint8Array(await readFile(file));
  return readTfjsWithShards(file, bytes, shardsBeside(file));
}
