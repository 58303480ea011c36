// Minimal protobuf wire-format walking: enough to split a GraphDef into its top-level fields with
// bounds checks (so each NodeDef can be decoded on its own and errors can name node[i] and an
// offset) and to sniff content in detect.ts. No allocation beyond small numbers.

export const WIRE_VARINT = 0;
export const WIRE_I64 = 1;
export const WIRE_LEN = 2;
export const WIRE_I32 = 5;

export interface WireField {
  field: number;
  wire: number;
  /** Offset of the tag. */
  start: number;
  /** For WIRE_LEN: payload start/end. For the others: the value's bytes. */
  dataStart: number;
  end: number;
  /** Decoded value for varints (may lose precision above 2^53, only used for small fields). */
  value: number;
}

export class WireError extends Error {
  constructor(
    readonly offset: number,
    reason: string,
  ) {
    super(reason);
  }
}

/** Reads a varint at `pos`; returns [value, next]. At most 10 bytes, as the encoding allows. */
export function readVarint(b: Uint8Array, pos: number, end: number): [number, number] {
  let value = 0;
  let mul = 1;
  for (let i = 0; i < 10; i++) {
    if (pos >= end) throw new WireError(pos, 'truncated varint');
    const byte = b[pos++]!;
    value += (byte & 0x7f) * mul;
    mul *= 128;
    if (byte < 0x80) return [value, pos];
  }
  throw new WireError(pos, 'varint longer than 10 bytes');
}

/** Reads one field starting at `pos` (which must be < end) and checks that it fits before `end`. */
export function readField(b: Uint8Array, pos: number, end: number): WireField {
  const start = pos;
  const [tag, p1] = readVarint(b, pos, end);
  const field = Math.floor(tag / 8);
  const wire = tag % 8;
  if (field === 0 || field > 0x1fffffff) throw new WireError(start, `invalid field number ${field}`);
  switch (wire) {
    case WIRE_VARINT: {
      const [value, p2] = readVarint(b, p1, end);
      return { field, wire, start, dataStart: p1, end: p2, value };
    }
    case WIRE_I64:
    case WIRE_I32: {
      const n = wire === WIRE_I64 ? 8 : 4;
      if (p1 + n > end) throw new WireError(p1, `fixed${n * 8} field ${field} runs past the end`);
      return { field, wire, start, dataStart: p1, end: p1 + n, value: 0 };
    }
    case WIRE_LEN: {
      const [len, p2] = readVarint(b, p1, end);
      if (len > end - p2) throw new WireError(p1, `field ${field} declares ${len} bytes but only ${end - p2} remain`);
      return { field, wire, start, dataStart: p2, end: p2 + len, value: len };
    }
    default:
      throw new WireError(start, `invalid wire type ${wire} for field ${field}`);
  }
}
