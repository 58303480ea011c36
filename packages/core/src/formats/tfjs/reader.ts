// TF.js graph model (model.json + weight shards) → TfGraph. modelTopology is a GraphDef in
// protobufjs JSON form (camelCase fields, enums by name or number, int64 as strings, bytes as base64
// or byte arrays); the generated class's fromObject normalises it and the shared GraphDef conversion
// validates it. Const nodes then get their `value` tensors from the weights, matched by node name.
import { ModelFormatError } from '../../errors.js';
import { graphFromProto, tensorLimitFor } from '../graphdef/from-proto.js';
import type { tensorflow } from '../graphdef/generated/graph-pb.js';
import { protoModules } from '../graphdef/proto.js';
import type { TfGraph } from '../graphdef/graph.js';
import { decodeWeight, layoutWeights, type WeightGroup } from './weights.js';

export interface TfjsParts {
  /** model.json, parsed or as text/bytes. */
  modelJson: object | string | Uint8Array;
  /** All shards concatenated in manifest order. */
  weightData: Uint8Array;
}

export interface TfjsModel {
  graph: TfGraph;
  /** The manifest as validated (for tools that re-write shards). */
  weightGroups: WeightGroup[];
}

type Fail = (field: string, reason: string, offset?: number) => never;

function failer(file: string): Fail {
  return (field, reason, offset) => {
    throw new ModelFormatError({ file, format: 'tfjs', field, ...(offset !== undefined ? { offset } : {}), reason });
  };
}

function parseJson(src: object | string | Uint8Array, fail: Fail): Record<string, unknown> {
  let v: unknown = src;
  if (typeof src === 'string' || src instanceof Uint8Array) {
    const text = typeof src === 'string' ? src : new TextDecoder('utf-8').decode(src);
    try {
      v = JSON.parse(text);
    } catch (e) {
      const m = /position (\d+)/.exec((e as Error).message);
      fail('model.json', `not valid JSON: ${(e as Error).message}`, m ? Number(m[1]) : undefined);
    }
  }
  if (v === null || typeof v !== 'object' || Array.isArray(v)) fail('model.json', 'expected a JSON object');
  return v as Record<string, unknown>;
}

/** Reads a TF.js graph model already in memory. `file` names it in errors. */
export function readTfjsFromParts(parts: TfjsParts, file: string): TfjsModel {
  const fail: Fail = failer(file);
  const json = parseJson(parts.modelJson, fail);
  const topo = json['modelTopology'];
  if (topo === null || typeof topo !== 'object' || Array.isArray(topo)) {
    fail('modelTopology', 'missing: this is not a TF.js graph model (a layers model keeps Keras JSON there)');
  }
  if (!Array.isArray((topo as Record<string, unknown>)['node'])) fail('modelTopology.node', 'expected an array of nodes (a graph model)');
  const { groups, layout, totalBytes } = layoutWeights(json['weightsManifest'] ?? [], fail);
  if (parts.weightData.length !== totalBytes) {
    fail('weightsManifest', `weights take ${totalBytes} bytes but the shards hold ${parts.weightData.length}`);
  }

  let def: tensorflow.GraphDef;
  try {
    def = protoModules().tensorflow.GraphDef.fromObject(topo as Record<string, unknown>);
  } catch (e) {
    fail('modelTopology', `not a GraphDef in JSON form: ${(e as Error).message}`);
  }
  const graph = graphFromProto(def, { file, format: 'tfjs', maxTensorBytes: tensorLimitFor(totalBytes) });

  const byName = new Map(graph.nodes.map((n) => [n.name, n]));
  for (const l of layout) {
    const node = byName.get(l.spec.name);
    // tfjs-converter looks weights up by node name and ignores the rest; so do we.
    if (!node) continue;
    if (node.op !== 'Const') fail(`weight '${l.spec.name}'`, `names a ${node.op} node, not a Const`);
    node.attrs['value'] = { kind: 'tensor', value: decodeWeight(l, parts.weightData) };
  }
  return { graph, weightGroups: groups };
}

/** Reads one weight shard by its manifest path (relative to model.json). */
export type ShardReader = (manifestPath: string) => Promise<Uint8Array>;

/**
 * Reads a TF.js graph model from model.json's bytes and a reader for its shards (files beside it in
 * Node, dropped files in a browser). The manifest is validated before any shard is read, and reading
 * stops as soon as the shards hold more than the weights take (a runaway manifest).
 */
export async function readTfjsWithShards(file: string, jsonBytes: Uint8Array, readShard: ShardReader): Promise<TfjsModel> {
  const fail: Fail = failer(file);
  const json = parseJson(jsonBytes, fail);
  const { groups, totalBytes } = layoutWeights(json['weightsManifest'] ?? [], fail);
  const shards: Uint8Array[] = [];
  let have = 0;
  for (const [gi, g] of groups.entries()) {
    for (const [pi, p] of g.paths.entries()) {
      let s: Uint8Array;
      try {
        s = await readShard(p);
      } catch (e) {
        fail(`weightsManifest[${gi}].paths[${pi}]`, `cannot read shard ${(e as { shard?: string }).shard ?? p}: ${(e as { code?: string }).code ?? (e as Error).message}`);
      }
      have += s.length;
      // Stop early on a runaway manifest instead of reading every remaining shard into memory.
      if (have > totalBytes) fail(`weightsManifest[${gi}].paths[${pi}]`, `shards hold more than the ${totalBytes} bytes the weights take`);
      shards.push(s);
    }
  }
  return readTfjsFromParts({ modelJson: json, weightData: concatBytes(shards, have) }, file);
}

function concatBytes(parts: Uint8Array[], total: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
