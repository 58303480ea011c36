// Binary GraphDef (.pb) → TfGraph. The top level is walked by hand so that each NodeDef is decoded
// separately by the generated static class: a failure then names node[i] (and its name when the
// name itself is intact) with a byte offset, instead of protobufjs' bare "index out of range".
// protobufjs slices bytes fields of a Uint8Array (subarray), so tensor_content stays a view of the file.
import { ModelFormatError } from '../../errors.js';
import { graphFromProto, tensorLimitFor } from './from-proto.js';
import type { tensorflow } from './generated/graph-pb.js';
import type { TfGraph } from './graph.js';
import { readField, WireError, WIRE_LEN, WIRE_VARINT } from './wire.js';
import type protobuf from 'protobufjs/minimal.js';
import { protoModules } from './proto.js';

// GraphDef field numbers (graph.proto).
const F_NODE = 1;
const F_LIBRARY = 2;
const F_VERSION = 3;
const F_VERSIONS = 4;

function nodeNameAt(b: Uint8Array, start: number, end: number): string | undefined {
  // NodeDef.name is field 1; serializers write it first. Best effort, only for error messages.
  try {
    const f = readField(b, start, end);
    if (f.field !== 1 || f.wire !== WIRE_LEN || f.end - f.dataStart > 1024) return undefined;
    return new TextDecoder('utf-8', { fatal: true }).decode(b.subarray(f.dataStart, f.end));
  } catch {
    return undefined;
  }
}

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A protobufjs reader whose string() is strict. The stock reader clips a string that claims
 * more bytes than its message holds (silently accepting truncation) and does not check UTF-8; TF's
 * C++ parser rejects both (proto3 strings must be valid UTF-8). Patched on this instance only.
 */
function checkedReader(buf: Uint8Array): protobuf.Reader {
  const reader = protoModules().protobuf.Reader.create(buf);
  reader.string = function (this: protobuf.Reader) {
    const len = this.uint32();
    if (len > this.len - this.pos) throw new RangeError(`string of ${len} bytes runs past its message (${this.len - this.pos} left)`);
    const start = this.pos;
    this.pos += len;
    try {
      return fatalUtf8.decode(buf.subarray(start, start + len));
    } catch {
      throw new RangeError(`invalid UTF-8 in a string field at offset ${start}`);
    }
  };
  return reader;
}

/** Decodes a binary GraphDef. `file` names the source in errors. */
export function readGraphDef(bytes: Uint8Array, file: string): TfGraph {
  const buf = bytes;
  const fail = (field: string | undefined, offset: number | undefined, reason: string, cause?: unknown): never => {
    throw new ModelFormatError({ file, format: 'graphdef', ...(field ? { field } : {}), ...(offset !== undefined ? { offset } : {}), reason }, { cause });
  };
  if (buf.length === 0) fail(undefined, undefined, 'file is empty');

  const reader = checkedReader(buf);
  const tf = protoModules().tensorflow;
  const nodes: tensorflow.NodeDef[] = [];
  const def: { node: tensorflow.NodeDef[]; versions?: tensorflow.VersionDef; library?: tensorflow.FunctionDefLibrary } = { node: nodes };
  let pos = 0;
  while (pos < buf.length) {
    let f;
    try {
      f = readField(buf, pos, buf.length);
    } catch (e) {
      if (e instanceof WireError) fail(`GraphDef field after node[${nodes.length}]`, e.offset, e.message);
      throw e;
    }
    const known = f.field === F_NODE || f.field === F_LIBRARY || f.field === F_VERSIONS;
    if (known && f.wire !== WIRE_LEN) fail('GraphDef', f.start, `field ${f.field} has wire type ${f.wire}, expected length-delimited`);
    if (f.field === F_VERSION && f.wire !== WIRE_VARINT) fail('GraphDef.version', f.start, `wire type ${f.wire}, expected varint`);
    if (known) {
      const where = f.field === F_NODE ? `node[${nodes.length}]` : f.field === F_LIBRARY ? 'library' : 'versions';
      reader.pos = f.dataStart;
      try {
        const len = f.end - f.dataStart;
        if (f.field === F_NODE) nodes.push(tf.NodeDef.decode(reader, len));
        else if (f.field === F_VERSIONS) def.versions = tf.VersionDef.decode(reader, len);
        else def.library = tf.FunctionDefLibrary.decode(reader, len);
      } catch (e) {
        const name = f.field === F_NODE ? nodeNameAt(buf, f.dataStart, f.end) : undefined;
        fail(name ? `${where} '${name}'` : where, reader.pos, `protobuf decode failed: ${(e as Error).message}`, e);
      }
      // protobufjs 7.6 limits nested reads to the message; older versions only to the buffer. Keep the check.
      if (reader.pos !== f.end) fail(where, f.dataStart, `contents run past the declared length (${f.end - f.dataStart} bytes)`);
    }
    // Other fields (the deprecated `version`, unknown ones) are skipped, as protobuf parsers do.
    pos = f.end;
  }
  return graphFromProto(def, { file, format: 'graphdef', maxTensorBytes: tensorLimitFor(buf.length) });
}
