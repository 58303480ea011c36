// FlexBuffers decode/encode for TFLite custom options (e.g. TFLite_Detection_PostProcess).
//
// Why not flatbuffers' own `flexbuffers` module: it does no bounds checks (hostile bytes throw
// RangeErrors or read garbage) and its encoder picks int vs float from the JS number, which loses
// `y_scale: 10.0` (a float the runtime reads with AsFloat) as an int. Format: flatbuffers'
// docs/source/internals.md "FlexBuffers" and include/flatbuffers/flexbuffers.h (read, not copied).
//
// Typing: JS numbers do not say int or float. Decoded maps and vectors carry a non-enumerable
// `FLEX_TYPES` record (key or index → 'int' | 'uint' | 'float' | 'bool' | ...), and typed vectors
// remember their element type, so encode(decode(bytes)) keeps every scalar's type. For values built
// by hand, tag them with `withFlexTypes(obj, { y_scale: 'float' })`; untagged numbers encode as int
// when Number.isSafeInteger, else float; bigint as int (uint above 2^63-1); boolean as bool;
// Uint8Array as blob. The record does not survive `{...spread}` or JSON; re-tag after copying.
import { ModelFormatError } from '../../errors.js';
import type { FlexValue } from '../../ir/types.js';

/** Scalar/leaf types a FlexValue can be stored as. */
export type FlexTag = 'null' | 'int' | 'uint' | 'float' | 'bool' | 'key' | 'string' | 'blob';

export interface FlexTypes {
  /** Element tags by map key or vector index (only where the JS value is ambiguous or unusual). */
  tags: Record<string, FlexTag>;
  /** Set when the vector was a typed vector of this element type. */
  typedVector?: 'int' | 'uint' | 'float' | 'bool' | 'key' | 'string';
}

export const FLEX_TYPES: unique symbol = Symbol.for('liteq.flexbuffers.types');

export type Tagged = { [FLEX_TYPES]?: FlexTypes };

/** Attaches storage types to a map or vector for encodeFlexbuffer (non-enumerable; returns `value`). */
export function withFlexTypes<T extends object>(value: T, tags: Record<string, FlexTag>, typedVector?: FlexTypes['typedVector']): T {
  Object.defineProperty(value, FLEX_TYPES, { value: { tags, ...(typedVector ? { typedVector } : {}) }, enumerable: false, configurable: true, writable: true });
  return value;
}

export function flexTypesOf(value: object): FlexTypes | undefined {
  return (value as Tagged)[FLEX_TYPES];
}

// Wire types (flexbuffers.h `enum Type`).
export const T = {
  NULL: 0, INT: 1, UINT: 2, FLOAT: 3, KEY: 4, STRING: 5, INDIRECT_INT: 6, INDIRECT_UINT: 7, INDIRECT_FLOAT: 8,
  MAP: 9, VECTOR: 10, VECTOR_INT: 11, VECTOR_UINT: 12, VECTOR_FLOAT: 13, VECTOR_KEY: 14, VECTOR_STRING_DEPRECATED: 15,
  VECTOR_INT2: 16, VECTOR_FLOAT4: 24, BLOB: 25, BOOL: 26, VECTOR_BOOL: 36,
} as const;

const MAX_DEPTH = 64;
const MAX_NODES = 1_000_000;

export interface FlexDecodeOptions {
  file?: string;
  field?: string;
}

class Decoder {
  private nodes = 0;
  private readonly view: DataView;
  private readonly text = new TextDecoder('utf-8');

  constructor(private readonly bytes: Uint8Array, private readonly opts: FlexDecodeOptions) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  fail(offset: number, reason: string): never {
    throw new ModelFormatError({ file: this.opts.file ?? '<memory>', format: 'tflite', field: this.opts.field ?? 'flexbuffer', offset, reason: `flexbuffer: ${reason}` });
  }

  need(pos: number, size: number): void {
    if (pos < 0 || size < 0 || pos + size > this.bytes.byteLength) this.fail(pos, `${size} bytes at ${pos} are outside the ${this.bytes.byteLength}-byte buffer`);
  }

  uint(pos: number, w: number): number {
    this.need(pos, w);
    switch (w) {
      case 1: return this.view.getUint8(pos);
      case 2: return this.view.getUint16(pos, true);
      case 4: return this.view.getUint32(pos, true);
      case 8: {
        const v = this.view.getBigUint64(pos, true);
        // Lengths and offsets beyond 2^53 cannot be inside any real buffer.
        return v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(v);
      }
    }
    return this.fail(pos, `invalid byte width ${w}`);
  }

  int(pos: number, w: number): number | bigint {
    this.need(pos, w);
    switch (w) {
      case 1: return this.view.getInt8(pos);
      case 2: return this.view.getInt16(pos, true);
      case 4: return this.view.getInt32(pos, true);
      case 8: return safe(this.view.getBigInt64(pos, true));
    }
    return this.fail(pos, `invalid byte width ${w}`);
  }

  uintValue(pos: number, w: number): number | bigint {
    if (w === 8) {
      this.need(pos, 8);
      return safe(this.view.getBigUint64(pos, true));
    }
    return this.uint(pos, w);
  }

  float(pos: number, w: number): number {
    this.need(pos, w);
    if (w === 4) return this.view.getFloat32(pos, true);
    if (w === 8) return this.view.getFloat64(pos, true);
    return this.fail(pos, `float of byte width ${w}`);
  }

  /** Offsets point strictly backwards, so walks terminate; shared targets are bounded by MAX_NODES. */
  indirect(pos: number, w: number): number {
    const target = pos - this.uint(pos, w);
    if (target < 0 || target >= pos) this.fail(pos, `offset points outside the buffer (to ${target})`);
    return target;
  }

  key(pos: number): string {
    const end = this.bytes.indexOf(0, pos);
    if (end < 0) this.fail(pos, 'key is not NUL-terminated');
    return this.text.decode(this.bytes.subarray(pos, end));
  }

  sized(pos: number, w: number): Uint8Array {
    const n = this.uint(pos - w, w);
    this.need(pos, n);
    return this.bytes.subarray(pos, pos + n);
  }

  /** Decodes the value stored at `pos` in a slot of width `parentWidth`, with packed type `packed`. */
  value(pos: number, parentWidth: number, packed: number, depth: number): { v: FlexValue; tag: FlexTag | undefined } {
    if (depth > MAX_DEPTH) this.fail(pos, `nested deeper than ${MAX_DEPTH}`);
    if (++this.nodes > MAX_NODES) this.fail(pos, `more than ${MAX_NODES} values`);
    const type = packed >> 2;
    const w = 1 << (packed & 3);
    switch (type) {
      case T.NULL: return { v: null, tag: 'null' };
      case T.INT: return { v: this.int(pos, parentWidth), tag: 'int' };
      case T.UINT: return { v: this.uintValue(pos, parentWidth), tag: 'uint' };
      case T.FLOAT: return { v: this.float(pos, parentWidth), tag: 'float' };
      case T.BOOL: return { v: this.uint(pos, parentWidth) !== 0, tag: 'bool' };
      case T.INDIRECT_INT: return { v: this.int(this.indirect(pos, parentWidth), w), tag: 'int' };
      case T.INDIRECT_UINT: return { v: this.uintValue(this.indirect(pos, parentWidth), w), tag: 'uint' };
      case T.INDIRECT_FLOAT: return { v: this.float(this.indirect(pos, parentWidth), w), tag: 'float' };
      case T.KEY: return { v: this.key(this.indirect(pos, parentWidth)), tag: 'key' };
      case T.STRING: return { v: this.text.decode(this.sized(this.indirect(pos, parentWidth), w)), tag: 'string' };
      case T.BLOB: return { v: this.sized(this.indirect(pos, parentWidth), w).slice(), tag: 'blob' };
      case T.MAP: return { v: this.map(this.indirect(pos, parentWidth), w, depth), tag: undefined };
      case T.VECTOR: return { v: this.vector(this.indirect(pos, parentWidth), w, depth), tag: undefined };
      default:
        if ((type >= T.VECTOR_INT && type <= T.VECTOR_FLOAT4) || type === T.VECTOR_BOOL) {
          return { v: this.typedVector(this.indirect(pos, parentWidth), w, type, depth), tag: undefined };
        }
        return this.fail(pos, `unknown value type ${type}`);
    }
  }

  vector(pos: number, w: number, depth: number): FlexValue[] {
    const n = this.uint(pos - w, w);
    this.need(pos, n * w + n); // elements, then one packed type byte each
    const out: FlexValue[] = [];
    const tags: Record<string, FlexTag> = {};
    for (let i = 0; i < n; i++) {
      const { v, tag } = this.value(pos + i * w, w, this.bytes[pos + n * w + i]!, depth + 1);
      out.push(v);
      if (tag) tags[i] = tag;
    }
    return withFlexTypes(out, tags);
  }

  typedVector(pos: number, w: number, type: number, depth: number): FlexValue[] {
    let elemType: number;
    let n: number;
    if (type === T.VECTOR_BOOL) [elemType, n] = [T.BOOL, this.uint(pos - w, w)];
    else if (type <= T.VECTOR_STRING_DEPRECATED) [elemType, n] = [type - T.VECTOR_INT + T.INT, this.uint(pos - w, w)];
    else {
      // VECTOR_INT2..VECTOR_FLOAT4: fixed length 2-4, no size prefix.
      const k = type - T.VECTOR_INT2;
      [elemType, n] = [(k % 3) + T.INT, Math.floor(k / 3) + 2];
    }
    this.need(pos, n * w);
    // Elements are stored at the vector's width; their own width code is 0 (as flexbuffers.h reads them).
    const packed = elemType << 2;
    const out: FlexValue[] = [];
    for (let i = 0; i < n; i++) out.push(this.value(pos + i * w, w, packed, depth + 1).v);
    const kinds: Record<number, FlexTypes['typedVector']> = { [T.INT]: 'int', [T.UINT]: 'uint', [T.FLOAT]: 'float', [T.BOOL]: 'bool', [T.KEY]: 'key', [T.STRING]: 'string' };
    return withFlexTypes(out, {}, kinds[elemType]);
  }

  map(pos: number, w: number, depth: number): { [key: string]: FlexValue } {
    const n = this.uint(pos - w, w);
    const keysPos = this.indirect(pos - 3 * w, w);
    const keysWidth = this.uint(pos - 2 * w, w);
    if (![1, 2, 4, 8].includes(keysWidth)) this.fail(pos - 2 * w, `invalid key width ${keysWidth}`);
    if (this.uint(keysPos - keysWidth, keysWidth) !== n) this.fail(keysPos, 'map keys and values differ in count');
    this.need(keysPos, n * keysWidth);
    this.need(pos, n * w + n);
    const out: { [key: string]: FlexValue } = {};
    const tags: Record<string, FlexTag> = {};
    for (let i = 0; i < n; i++) {
      const k = this.key(this.indirect(keysPos + i * keysWidth, keysWidth));
      const { v, tag } = this.value(pos + i * w, w, this.bytes[pos + n * w + i]!, depth + 1);
      // defineProperty: a "__proto__" key must become data, not change the prototype.
      Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
      if (tag) tags[k] = tag;
    }
    return withFlexTypes(out, tags);
  }
}

const safe = (v: bigint): number | bigint => (v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v);
export const widthCode = (w: number): number => (w === 1 ? 0 : w === 2 ? 1 : w === 4 ? 2 : 3);

/** Decodes a flexbuffer. Malformed input throws ModelFormatError (never anything else). */
export function decodeFlexbuffer(bytes: Uint8Array, opts: FlexDecodeOptions = {}): FlexValue {
  const d = new Decoder(bytes, opts);
  const n = bytes.byteLength;
  if (n < 3) d.fail(0, `${n} bytes is too short`);
  const rootWidth = bytes[n - 1]!;
  if (![1, 2, 4, 8].includes(rootWidth)) d.fail(n - 1, `invalid root byte width ${rootWidth}`);
  const rootPos = n - 2 - rootWidth;
  if (rootPos < 0) d.fail(0, 'root value outside the buffer');
  return d.value(rootPos, rootWidth, bytes[n - 2]!, 0).v;
}

