// Format detection by content, never by file name (a renamed or extension-less file must still
// load, and a wrong extension must not mislead). Each check is a cheap signature, in the order
// of how unambiguous it is: the TFLite file identifier, a JSON object with modelTopology, a text
// proto whose first field is a GraphDef field, then the protobuf wire structure of a GraphDef.
import { readField, WIRE_LEN, WIRE_VARINT } from './graphdef/wire.js';
import { isTflite } from './tflite/reader.js';

export type DetectedFormat = 'tflite' | 'graphdef' | 'pbtxt' | 'tfjs' | 'unknown';

const GRAPHDEF_TEXT_FIELDS = new Set(['node', 'library', 'versions', 'version']);

/** Index of the first byte that is not JSON/text whitespace (skipping a UTF-8 BOM). */
function firstNonSpace(b: Uint8Array, from = 0): number {
  let i = from;
  if (i === 0 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) i = 3;
  while (i < b.length && (b[i] === 0x20 || b[i] === 0x0a || b[i] === 0x0d || b[i] === 0x09)) i++;
  return i;
}

const MODEL_TOPOLOGY = new TextEncoder().encode('"modelTopology"');

/** First index of `needle` in `hay`, or -1 (a plain byte search; no Node Buffer in the browser entry). */
function indexOf(hay: Uint8Array, needle: Uint8Array): number {
  const first = needle[0]!;
  const last = hay.length - needle.length;
  for (let i = hay.indexOf(first); i >= 0 && i <= last; i = hay.indexOf(first, i + 1)) {
    let k = 1;
    while (k < needle.length && hay[i + k] === needle[k]) k++;
    if (k === needle.length) return i;
  }
  return -1;
}

function isTfjs(b: Uint8Array): boolean {
  const i = firstNonSpace(b);
  if (b[i] !== 0x7b) return false; // '{'
  // The key is near the top in converter output; search the whole buffer anyway (model.json is small).
  return indexOf(b, MODEL_TOPOLOGY) >= 0;
}

function looksLikeText(b: Uint8Array): boolean {
  const n = Math.min(b.length, 4096);
  if (n === 0) return false;
  for (let i = 0; i < n; i++) {
    const c = b[i]!;
    // Control characters other than whitespace never appear in text protos (bytes are escaped).
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0b && c !== 0x0c) return false;
  }
  return true;
}

function isPbtxt(b: Uint8Array): boolean {
  if (!looksLikeText(b)) return false;
  const head = new TextDecoder('utf-8').decode(b.subarray(0, Math.min(b.length, 4096)));
  // Skip comments and blank lines, then expect `node {`, `node:` `versions <` ... as the first field.
  const stripped = head.replace(/^\uFEFF/, '').replace(/^(\s*#[^\n]*\n|\s+)*/, '');
  const m = /^([A-Za-z_][A-Za-z0-9_]*)\s*([{<:])/.exec(stripped);
  return m !== null && GRAPHDEF_TEXT_FIELDS.has(m[1]!);
}

function isGraphdef(b: Uint8Array): boolean {
  // Walk up to 8 top-level fields: each must be a GraphDef field with the right wire type and fit
  // in the file. The first node must start with NodeDef.name (field 1, length-delimited), which
  // every serializer writes first.
  let pos = 0;
  let seen = 0;
  try {
    while (pos < b.length && seen < 8) {
      const f = readField(b, pos, b.length);
      if (f.field === 1 || f.field === 2 || f.field === 4) {
        if (f.wire !== WIRE_LEN) return false;
        if (f.field === 1 && seen === 0) {
          if (f.end === f.dataStart) return false;
          const name = readField(b, f.dataStart, f.end);
          if (name.field !== 1 || name.wire !== WIRE_LEN || name.end === name.dataStart) return false;
        }
      } else if (f.field === 3) {
        if (f.wire !== WIRE_VARINT) return false;
      } else {
        return false;
      }
      pos = f.end;
      seen++;
    }
  } catch {
    return false;
  }
  return seen > 0;
}

/** Which model format `bytes` hold, judged by content alone. */
export function detectFormat(bytes: Uint8Array): DetectedFormat {
  if (isTflite(bytes)) return 'tflite';
  if (isTfjs(bytes)) return 'tfjs';
  if (isPbtxt(bytes)) return 'pbtxt';
  if (isGraphdef(bytes)) return 'graphdef';
  return 'unknown';
}

/** A short description of what the bytes look like, for "unknown format" errors. */
export function describeBytes(bytes: Uint8Array): string {
  if (bytes.length === 0) return 'an empty file';
  const head = Array.from(bytes.subarray(0, 8), (x) => x.toString(16).padStart(2, '0')).join(' ');
  if (looksLikeText(bytes)) {
    const t = new TextDecoder('utf-8').decode(bytes.subarray(0, 40)).replace(/\s+/g, ' ').trim();
    return `${bytes.length} bytes of text starting ${JSON.stringify(t)}`;
  }
  return `${bytes.length} bytes of binary data starting ${head}`;
}
