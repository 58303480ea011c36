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

type Tagged = { [FLEX_TYPES]?: FlexTypes };

/** Attaches storage types to a map or vector for encodeFlexbuffer (non-enumerable; returns `value`). */
export function withFlexTypes<T extends object>(value: T, tags: Record<string, FlexTag>, typedVector?: FlexTypes['typedVector']): T {
  Object.defineProperty(value, FLEX_TYPES, { value: { tags, ...(typedVector ? { typedVector } : {}) }, enumerable: false, configurable: true, writable: true });
  return value;
}

export function flexTypesOf(value: object): FlexTypes | undefined {
  return (value as Tagged)[FLEX_TYPES];
}

// Wire types (flexbuffers.h `enum Type`).
const T = {
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
const widthCode = (w: number): number => (w === 1 ? 0 : w === 2 ? 1 : w === 4 ? 2 : 3);

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

// ---- encode ----

/** A value on the way out: inline scalar, or an offset to data already written. */
interface Out {
  type: number;
  /** Inline scalars: the value; others: absolute position of the pointed-to data. */
  value: number | bigint;
  /** Minimum bit width (as a byte width 1/2/4/8) of the value itself or of the pointed-to data. */
  width: number;
  inline: boolean;
}

const uintWidth = (v: number | bigint): number => {
  const b = BigInt(v);
  return b < 0x100n ? 1 : b < 0x10000n ? 2 : b < 0x100000000n ? 4 : 8;
};
const intWidth = (v: number | bigint): number => {
  const b = BigInt(v);
  const u = b < 0n ? -b - 1n : b;
  return u < 0x80n ? 1 : u < 0x8000n ? 2 : u < 0x80000000n ? 4 : 8;
};

class Encoder {
  private buf = new Uint8Array(256);
  private size = 0;
  private readonly utf8 = new TextEncoder();

  private reserve(n: number): void {
    if (this.size + n <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.size + n));
    next.set(this.buf.subarray(0, this.size));
    this.buf = next;
  }

  private align(w: number): void {
    const pad = (w - (this.size % w)) % w;
    this.reserve(pad);
    this.buf.fill(0, this.size, this.size + pad);
    this.size += pad;
  }

  private pushBytes(b: Uint8Array): void {
    this.reserve(b.length);
    this.buf.set(b, this.size);
    this.size += b.length;
  }

  private writeUint(v: number | bigint, w: number): void {
    this.reserve(w);
    const dv = new DataView(this.buf.buffer, this.size, w);
    if (w === 1) dv.setUint8(0, Number(v));
    else if (w === 2) dv.setUint16(0, Number(v), true);
    else if (w === 4) dv.setUint32(0, Number(v), true);
    else dv.setBigUint64(0, BigInt.asUintN(64, BigInt(v)), true);
    this.size += w;
  }

  private writeScalar(o: Out, w: number): void {
    if (!o.inline) return this.writeUint(this.size - Number(o.value), w);
    if (o.type === T.FLOAT) {
      this.reserve(w);
      const dv = new DataView(this.buf.buffer, this.size, w);
      if (w === 4) dv.setFloat32(0, Number(o.value), true);
      else dv.setFloat64(0, Number(o.value), true);
      this.size += w;
      return;
    }
    // Two's complement at width w is the same bytes for int and uint.
    this.writeUint(BigInt.asUintN(w * 8, BigInt(o.value)), w);
  }

  /** Byte width a slot at element `index` of a vector starting after `prefix` slots needs for `o`. */
  private slotWidth(o: Out, index: number): number {
    if (o.inline) return o.width;
    for (const w of [1, 2, 4, 8]) {
      const slot = this.size + ((w - (this.size % w)) % w) + index * w;
      if (uintWidth(slot - Number(o.value)) <= w) return w;
    }
    return 8;
  }

  private packed(o: Out, parentWidth: number): number {
    const w = o.inline ? Math.max(o.width, parentWidth) : o.width;
    return (o.type << 2) | widthCode(w);
  }

  private blob(bytes: Uint8Array, type: number, trailingZero: boolean): Out {
    const w = uintWidth(bytes.length);
    this.align(w);
    this.writeUint(bytes.length, w);
    const at = this.size;
    this.pushBytes(bytes);
    if (trailingZero) this.pushBytes(new Uint8Array(1));
    return { type, value: at, width: w, inline: false };
  }

  private keyOut(k: string): Out {
    const at = this.size;
    this.pushBytes(this.utf8.encode(k));
    this.pushBytes(new Uint8Array(1));
    return { type: T.KEY, value: at, width: 1, inline: false };
  }

  private vectorOut(elems: Out[], opts: { typed?: number; keys?: Out }): Out {
    const prefix = opts.keys ? 3 : 1;
    let w = uintWidth(elems.length);
    if (opts.keys) w = Math.max(w, this.slotWidth(opts.keys, 0));
    elems.forEach((e, i) => (w = Math.max(w, this.slotWidth(e, i + prefix))));
    this.align(w);
    if (opts.keys) {
      this.writeUint(this.size - Number(opts.keys.value), w);
      this.writeUint(opts.keys.width, w);
    }
    this.writeUint(elems.length, w);
    const at = this.size;
    for (const e of elems) this.writeScalar(e, w);
    if (opts.typed === undefined) for (const e of elems) this.pushBytes(Uint8Array.of(this.packed(e, w)));
    const type = opts.keys ? T.MAP : opts.typed !== undefined ? opts.typed : T.VECTOR;
    return { type, value: at, width: w, inline: false };
  }

  scalar(v: FlexValue, tag: FlexTag | undefined, path: string): Out | undefined {
    if (v === null) return { type: T.NULL, value: 0, width: 1, inline: true };
    if (typeof v === 'boolean') return { type: T.BOOL, value: v ? 1 : 0, width: 1, inline: true };
    if (typeof v === 'number' || typeof v === 'bigint') {
      const asFloat = tag === 'float' || (tag === undefined && typeof v === 'number' && !Number.isSafeInteger(v));
      if (asFloat) return { type: T.FLOAT, value: Number(v), width: Math.fround(Number(v)) === Number(v) || Number.isNaN(Number(v)) ? 4 : 8, inline: true };
      if (typeof v === 'number' && !Number.isInteger(v)) throw new TypeError(`flexbuffer encode: ${path}: ${v} is not an integer`);
      if (tag === 'bool') return { type: T.BOOL, value: v ? 1 : 0, width: 1, inline: true };
      const unsigned = tag === 'uint' || (tag === undefined && BigInt(v) > 0x7fffffffffffffffn);
      return unsigned ? { type: T.UINT, value: v, width: uintWidth(v), inline: true } : { type: T.INT, value: v, width: intWidth(v), inline: true };
    }
    return undefined;
  }

  any(v: FlexValue, tag: FlexTag | undefined, path: string): Out {
    const s = this.scalar(v, tag, path);
    if (s) return s;
    if (typeof v === 'string') return tag === 'key' ? this.keyOut(v) : this.blob(this.utf8.encode(v), T.STRING, true);
    if (v instanceof Uint8Array) return this.blob(v, T.BLOB, false);
    if (Array.isArray(v)) return this.array(v, path);
    if (typeof v === 'object' && v !== null) return this.mapOut(v as { [key: string]: FlexValue }, path);
    throw new TypeError(`flexbuffer encode: ${path}: cannot encode ${typeof v}`);
  }

  array(v: FlexValue[], path: string): Out {
    const info = flexTypesOf(v);
    // Typed string vectors are deprecated in the format (their size width is ambiguous): write untyped.
    const typed = info?.typedVector === 'string' ? undefined : info?.typedVector;
    if (typed) {
      const elemTag: FlexTag = typed;
      const elems = v.map((x, i) => this.any(x, elemTag, `${path}[${i}]`));
      const elemType = { int: T.INT, uint: T.UINT, float: T.FLOAT, bool: T.BOOL, key: T.KEY }[typed];
      if (elems.every((e) => e.type === elemType)) {
        const vt = typed === 'bool' ? T.VECTOR_BOOL : elemType - T.INT + T.VECTOR_INT;
        return this.vectorOut(elems, { typed: vt });
      }
      return this.vectorOut(elems, {});
    }
    return this.vectorOut(v.map((x, i) => this.any(x, info?.tags[i], `${path}[${i}]`)), {});
  }

  mapOut(m: { [key: string]: FlexValue }, path: string): Out {
    const info = flexTypesOf(m);
    // The runtime finds keys by binary search with strcmp: sort by UTF-8 bytes.
    const keys = Object.keys(m).sort((a, b) => compareBytes(this.utf8.encode(a), this.utf8.encode(b)));
    const keyOuts = keys.map((k) => this.keyOut(k));
    const keyVec = this.vectorOut(keyOuts, { typed: T.VECTOR_KEY });
    const values = keys.map((k) => this.any(m[k]!, info?.tags[k], `${path}.${k}`));
    return this.vectorOut(values, { keys: keyVec });
  }

  finish(root: Out): Uint8Array {
    const w = this.slotWidth(root, 0);
    this.align(w);
    this.writeScalar(root, w);
    this.pushBytes(Uint8Array.of(this.packed(root, 1), w));
    return this.buf.slice(0, this.size);
  }
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/** Encodes a FlexValue (see the typing rules at the top of this file). */
export function encodeFlexbuffer(value: FlexValue): Uint8Array {
  const e = new Encoder();
  return e.finish(e.any(value, undefined, '$'));
}
