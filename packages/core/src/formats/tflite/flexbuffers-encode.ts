// FlexBuffers encoding for TFLite custom options: the typing rules are in flexbuffers.ts (a value's
// FLEX_TYPES record, or int/float by Number.isSafeInteger); widths are the smallest that hold each
// value, keys sorted by their bytes as flexbuffers.h's Builder does.
import type { FlexValue } from '../../ir/types.js';
import { FLEX_TYPES, flexTypesOf, T, widthCode, type FlexTag, type FlexTypes, type Tagged } from './flexbuffers.js';

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
