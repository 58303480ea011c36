// Generic, layout-driven decode/encode of schema tables into plain objects. Used for the ~170
// builtin-options tables, sparsity parameters and quantization details, so each round-trips without
// per-table code. Only call decodeTable on a buffer verifyTflite has accepted.
//
// Representation (documented in index.ts): fields are camelCase; scalars are numbers, except 64-bit
// integers (bigint) and bools (boolean); enums are their schema member names (a number when the value
// is not in the schema); absent strings/vectors/tables are omitted; [ubyte] vectors are Uint8Array
// copies; nested unions are `{ type: <member table name>, value: {...} }`. Scalars always appear
// (defaults filled in), so "absent" and "present with the default" read the same.
import { Builder, type ByteBuffer } from 'flatbuffers';
import { SCALAR_SIZE, enumLayout, tableLayout, unionMembers, type FieldLayout, type ScalarType } from './schema-layout.js';

export type TableObject = Record<string, unknown>;

function readScalar(bb: ByteBuffer, pos: number, t: ScalarType): number | bigint | boolean {
  switch (t) {
    case 'bool': return bb.readUint8(pos) !== 0;
    case 'int8': return bb.readInt8(pos);
    case 'uint8': return bb.readUint8(pos);
    case 'int16': return bb.readInt16(pos);
    case 'uint16': return bb.readUint16(pos);
    case 'int32': return bb.readInt32(pos);
    case 'uint32': return bb.readUint32(pos);
    case 'int64': return bb.readInt64(pos);
    case 'uint64': return bb.readUint64(pos);
    case 'float32': return bb.readFloat32(pos);
    case 'float64': return bb.readFloat64(pos);
  }
}

function scalarDefault(f: FieldLayout): number | bigint | boolean {
  const d = f.default ?? 0;
  if (f.scalar === 'bool') return d === true;
  if (f.scalar === 'int64' || f.scalar === 'uint64') return BigInt(d as number);
  return d as number;
}

function enumOut(ref: string, v: number): string | number {
  return enumLayout(ref).byValue.get(v) ?? v;
}

function decodeValue(bb: ByteBuffer, f: FieldLayout, at: number): unknown {
  if (f.kind === 'scalar') return readScalar(bb, at, f.scalar!);
  if (f.kind === 'enum') return enumOut(f.ref!, readScalar(bb, at, f.scalar!) as number);
  if (f.kind === 'string') return bb.__string(at) as string; // __string takes the offset's position
  return decodeTable(bb, at + bb.readUint32(at), f.ref!);
}

function decodeVector(bb: ByteBuffer, f: FieldLayout, at: number): unknown {
  const v = at + bb.readUint32(at);
  const n = bb.readUint32(v);
  const start = v + 4;
  if (f.kind === 'scalar' && f.scalar === 'uint8') return bb.bytes().slice(start, start + n);
  const step = f.kind === 'scalar' || f.kind === 'enum' ? SCALAR_SIZE[f.scalar!] : 4;
  const out: unknown[] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = decodeValue(bb, f, start + i * step);
  return out;
}

/** Decodes the table at `pos` (absolute) as schema table `name`. */
export function decodeTable(bb: ByteBuffer, pos: number, name: string): TableObject {
  const out: TableObject = {};
  for (const f of tableLayout(name)) {
    if (f.deprecated) continue;
    const fo = bb.__offset(pos, 4 + 2 * f.id);
    if (f.kind === 'union') {
      const type = fo ? bb.readUint8(pos + bb.__offset(pos, 2 + 2 * f.id)) : 0;
      if (type !== 0) out[f.key] = { type: unionMembers(f.ref!)[type]!, value: decodeTable(bb, pos + fo + bb.readUint32(pos + fo), unionMembers(f.ref!)[type]!) };
      continue;
    }
    if (!fo) {
      if (!f.vector && (f.kind === 'scalar' || f.kind === 'enum')) out[f.key] = f.kind === 'enum' ? enumOut(f.ref!, f.default as number) : scalarDefault(f);
      continue;
    }
    out[f.key] = f.vector ? decodeVector(bb, f, pos + fo) : decodeValue(bb, f, pos + fo);
  }
  return out;
}

/**
 * Decodes a union member (e.g. builtin options) into `{ type, ...fields }`. A schema field itself
 * named `type` (only LSHProjectionOptions.type) is renamed `type_` so it cannot clash with the tag.
 */
export function decodeUnionFlat(bb: ByteBuffer, pos: number, type: string): { type: string } & TableObject {
  const fields = decodeTable(bb, pos, type);
  if ('type' in fields) {
    fields['type_'] = fields['type'];
    delete fields['type'];
  }
  return { type, ...fields };
}

// ---- encode ----

function encodeError(path: string, reason: string): never {
  throw new TypeError(`tflite writer: ${path}: ${reason}`);
}

function enumIn(ref: string, v: unknown, path: string): number {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  const n = typeof v === 'string' ? enumLayout(ref).byName.get(v) : undefined;
  if (n === undefined) encodeError(path, `${String(v)} is not a ${ref}`);
  return n;
}

function toNumber(v: unknown, f: FieldLayout, path: string): number | bigint {
  if (f.kind === 'enum') return enumIn(f.ref!, v, path);
  if (f.scalar === 'bool') return v ? 1 : 0;
  if (f.scalar === 'int64' || f.scalar === 'uint64') {
    if (typeof v === 'bigint') return v;
    if (typeof v === 'number' && Number.isInteger(v)) return BigInt(v);
    encodeError(path, `expected an integer, got ${String(v)}`);
  }
  if (typeof v !== 'number') encodeError(path, `expected a number, got ${typeof v}`);
  return v;
}

function addScalar(b: Builder, t: ScalarType, v: number | bigint): void {
  switch (t) {
    case 'bool': case 'int8': case 'uint8': b.addInt8(Number(v)); return;
    case 'int16': case 'uint16': b.addInt16(Number(v)); return;
    case 'int32': case 'uint32': b.addInt32(Number(v)); return;
    case 'int64': case 'uint64': b.addInt64(BigInt.asIntN(64, v as bigint)); return;
    case 'float32': b.addFloat32(Number(v)); return;
    case 'float64': b.addFloat64(Number(v)); return;
  }
}

function addScalarField(b: Builder, id: number, t: ScalarType, v: number | bigint, d: number | bigint): void {
  switch (t) {
    case 'bool': case 'int8': case 'uint8': b.addFieldInt8(id, Number(v), Number(d)); return;
    case 'int16': case 'uint16': b.addFieldInt16(id, Number(v), Number(d)); return;
    case 'int32': case 'uint32': b.addFieldInt32(id, Number(v), Number(d)); return;
    case 'int64': case 'uint64': b.addFieldInt64(id, BigInt.asIntN(64, v as bigint), BigInt.asIntN(64, d as bigint)); return;
    case 'float32': b.addFieldFloat32(id, Number(v), Number(d)); return;
    case 'float64': b.addFieldFloat64(id, Number(v), Number(d)); return;
  }
}

function encodeOffsetValue(b: Builder, f: FieldLayout, v: unknown, path: string): number {
  if (f.kind === 'string') {
    if (typeof v !== 'string') encodeError(path, 'expected a string');
    return b.createString(v);
  }
  if (f.kind === 'table') return encodeTable(b, f.ref!, v as TableObject, path);
  return encodeError(path, 'unsupported field kind');
}

function encodeVector(b: Builder, f: FieldLayout, v: unknown, path: string): number {
  if (!(Array.isArray(v) || v instanceof Uint8Array)) encodeError(path, 'expected an array');
  const items = v as ArrayLike<unknown>;
  if (f.kind === 'scalar' || f.kind === 'enum') {
    const size = SCALAR_SIZE[f.scalar!];
    b.startVector(size, items.length, Math.max(size, f.align));
    for (let i = items.length - 1; i >= 0; i--) addScalar(b, f.scalar!, toNumber(items[i], f, `${path}[${i}]`));
    return b.endVector();
  }
  const offsets: number[] = [];
  for (let i = 0; i < items.length; i++) offsets.push(encodeOffsetValue(b, f, items[i], `${path}[${i}]`));
  b.startVector(4, offsets.length, 4);
  for (let i = offsets.length - 1; i >= 0; i--) b.addOffset(offsets[i]!);
  return b.endVector();
}

/** Encodes `obj` (as decodeTable returns it; missing fields take schema defaults) as schema table `name`. */
export function encodeTable(b: Builder, name: string, obj: TableObject, path = name): number {
  if (typeof obj !== 'object' || obj === null) encodeError(path, 'expected an object');
  const layout = tableLayout(name);
  // Offsets (strings, vectors, sub-tables) must be built before the table is started.
  const offsets = new Map<FieldLayout, { off: number; type?: number }>();
  for (const f of layout) {
    const v = obj[f.key];
    if (f.deprecated || v === undefined || v === null) continue;
    const p = `${path}.${f.name}`;
    if (f.kind === 'union') {
      const u = v as { type: string; value: TableObject };
      const type = unionMembers(f.ref!).indexOf(u.type);
      if (type <= 0) encodeError(p, `${String(u.type)} is not a ${f.ref} member`);
      offsets.set(f, { off: encodeTable(b, u.type, u.value, p), type });
    } else if (f.vector) offsets.set(f, { off: encodeVector(b, f, v, p) });
    else if (f.kind === 'string' || f.kind === 'table') offsets.set(f, { off: encodeOffsetValue(b, f, v, p) });
  }
  const slots = layout.reduce((m, f) => Math.max(m, f.id + 1), 0);
  b.startObject(slots);
  for (const f of layout) {
    if (f.deprecated) continue;
    const o = offsets.get(f);
    if (o) {
      b.addFieldOffset(f.id, o.off, 0);
      if (o.type !== undefined) b.addFieldInt8(f.id - 1, o.type, 0);
    } else if (!f.vector && (f.kind === 'scalar' || f.kind === 'enum') && obj[f.key] !== undefined) {
      const def = f.kind === 'enum' ? (f.default as number) : scalarDefault(f);
      addScalarField(b, f.id, f.scalar!, toNumber(obj[f.key], f, `${path}.${f.name}`), typeof def === 'boolean' ? Number(def) : def);
    }
  }
  return b.endObject();
}

/** Encodes union-member options given as `{ type, ...fields }`; returns the union type value and offset. */
export function encodeUnionFlat(b: Builder, union: string, options: { type: string } & TableObject, path: string): { type: number; offset: number } {
  const type = unionMembers(union).indexOf(options.type);
  if (type <= 0) encodeError(path, `${String(options.type)} is not a ${union} member`);
  const { type: _tag, ...fields } = options;
  if ('type_' in fields) {
    fields['type'] = fields['type_'];
    delete fields['type_'];
  }
  return { type, offset: encodeTable(b, options.type, fields, path) };
}
