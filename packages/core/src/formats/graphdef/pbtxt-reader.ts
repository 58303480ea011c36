// Text GraphDef (.pbtxt) → TfGraph: the text-format parser builds the same message objects the
// binary decoder does, and the shared conversion validates them.
import { graphFromProto, tensorLimitFor } from './from-proto.js';
import type { TfGraph } from './graph.js';
import { parseTextProto } from './text-format/parser.js';

export function readPbtxt(bytes: Uint8Array, file: string): TfGraph {
  const def = parseTextProto(bytes, 'tensorflow.GraphDef', file, 'pbtxt');
  // The text is ~3x the binary size, so the broadcast limit derived from it is generous enough.
  return graphFromProto(def, { file, format: 'pbtxt', maxTensorBytes: tensorLimitFor(bytes.length) });
}
