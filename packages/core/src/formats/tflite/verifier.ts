// Bounds-checking flatbuffer verifier for TFLite models, driven by the schema layout.
//
// The JS flatbuffers runtime trusts every offset (out-of-range reads quietly return 0/undefined), so
// the whole buffer is walked once before any field is read: root offset, each table's vtable, every
// non-deprecated field of every reachable table (all builtin-options union members included),
// strings (terminated, in bounds) and vectors (length * element size in bounds). Depth and total
// table visits are capped, like flatbuffers' C++ Verifier (64 / 1,000,000), so shared or cyclic
// offsets in a hostile file cannot explode the walk.
import { ModelFormatError } from '../../errors.js';
import { SCALAR_SIZE, tableLayout, unionMembers, type FieldLayout } from './schema-layout.js';

export interface VerifyOptions {
  file?: string;
  maxDepth?: number;
  maxTables?: number;
}

const DEFAULT_MAX_DEPTH = 64;
const DEFAULT_MAX_TABLES = 1_000_000;

class Verifier {
  private tables = 0;
  private readonly view: DataView;
  private readonly len: number;

  constructor(
    bytes: Uint8Array,
    private readonly file: string,
    private readonly maxDepth: number,
    private readonly maxTables: number,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.len = bytes.byteLength;
  }

  fail(field: string, offset: number, reason: string): never {
    throw new ModelFormatError({ file: this.file, format: 'tflite', field: field || '<root>', offset, reason });
  }

  /** `size` bytes at `pos` lie inside the buffer and `pos` is aligned to `align`. */
  check(pos: number, size: number, align: number, field: string, what: string): void {
    if (pos < 0 || pos + size > this.len) this.fail(field, pos, `${what} (${size} bytes) is outside the ${this.len}-byte file`);
    if (align > 1 && pos % align !== 0) this.fail(field, pos, `${what} is not ${align}-byte aligned`);
  }

  /** Follows the uoffset stored at `pos`; returns the absolute target. */
  deref(pos: number, field: string): number {
    this.check(pos, 4, 4, field, 'offset');
    const target = pos + this.view.getUint32(pos, true);
    if (target >= this.len) this.fail(field, pos, `offset points to ${target}, past the end of the ${this.len}-byte file`);
    return target;
  }

  table(pos: number, name: string, field: string, depth: number): void {
    if (depth > this.maxDepth) this.fail(field, pos, `tables nested deeper than ${this.maxDepth}`);
    if (++this.tables > this.maxTables) this.fail(field, pos, `more than ${this.maxTables} tables`);
    this.check(pos, 4, 4, field, `table ${name}`);
    const vt = pos - this.view.getInt32(pos, true);
    this.check(vt, 4, 2, field, `vtable of ${name}`);
    const vtSize = this.view.getUint16(vt, true);
    const objSize = this.view.getUint16(vt + 2, true);
    if (vtSize < 4 || vtSize % 2 !== 0) this.fail(field, vt, `vtable of ${name} has invalid size ${vtSize}`);
    this.check(vt, vtSize, 2, field, `vtable of ${name}`);
    this.check(pos, objSize, 1, field, `table ${name}`);
    const slots = (vtSize - 4) / 2;
    const slot = (id: number): number => (id < slots ? this.view.getUint16(vt + 4 + 2 * id, true) : 0);
    for (const f of tableLayout(name)) {
      if (f.deprecated) continue;
      const fo = slot(f.id);
      if (fo === 0) continue;
      if (fo >= objSize) this.fail(join(field, f.name), pos + fo, `field lies outside its table (${fo} >= ${objSize})`);
      this.field(f, pos + fo, join(field, f.name), depth, f.kind === 'union' ? slot(f.id - 1) : 0, pos);
    }
  }

  field(f: FieldLayout, at: number, path: string, depth: number, unionTypeSlot: number, tablePos: number): void {
    if (f.vector) {
      const v = this.deref(at, path);
      this.check(v, 4, 4, path, 'vector length');
      const n = this.view.getUint32(v, true);
      const elem = f.kind === 'scalar' || f.kind === 'enum' ? SCALAR_SIZE[f.scalar!] : 4;
      // Checked in floating point: n * elem cannot overflow, and a declared length larger than the
      // file is rejected here, before anyone allocates or views it.
      this.check(v + 4, n * elem, 1, path, `vector of ${n} elements`);
      if (f.kind === 'string') for (let i = 0; i < n; i++) this.string(this.deref(v + 4 + 4 * i, `${path}[${i}]`), `${path}[${i}]`);
      else if (f.kind === 'table') for (let i = 0; i < n; i++) this.table(this.deref(v + 4 + 4 * i, `${path}[${i}]`), f.ref!, `${path}[${i}]`, depth + 1);
      else if (f.kind === 'union') this.fail(path, at, 'vectors of unions are not supported');
      return;
    }
    switch (f.kind) {
      case 'scalar':
      case 'enum': {
        const size = SCALAR_SIZE[f.scalar!];
        this.check(at, size, size, path, 'scalar');
        return;
      }
      case 'string':
        this.string(this.deref(at, path), path);
        return;
      case 'table':
        this.table(this.deref(at, path), f.ref!, path, depth + 1);
        return;
      case 'union': {
        if (unionTypeSlot === 0) this.fail(path, at, 'union value without its type field');
        const typePos = tablePos + unionTypeSlot;
        this.check(typePos, 1, 1, `${path}_type`, 'union type');
        const members = unionMembers(f.ref!);
        const type = this.view.getUint8(typePos);
        if (type === 0) return;
        if (type >= members.length) this.fail(`${path}_type`, typePos, `unknown ${f.ref} type ${type}`);
        this.table(this.deref(at, path), members[type]!, path, depth + 1);
        return;
      }
    }
  }

  string(pos: number, path: string): void {
    this.check(pos, 4, 4, path, 'string length');
    const n = this.view.getUint32(pos, true);
    this.check(pos + 4, n + 1, 1, path, `string of ${n} bytes`);
    if (this.view.getUint8(pos + 4 + n) !== 0) this.fail(path, pos + 4 + n, 'string is not NUL-terminated');
  }
}

const join = (path: string, name: string): string => (path ? `${path}.${name}` : name);

/**
 * Verifies a TFLite flatbuffer (root table `Model`) in full before any field is read.
 * Throws ModelFormatError naming the field path (`subgraphs[0].tensors[12].shape`) and byte offset.
 */
export function verifyTflite(bytes: Uint8Array, opts: VerifyOptions = {}): void {
  const v = new Verifier(bytes, opts.file ?? '<memory>', opts.maxDepth ?? DEFAULT_MAX_DEPTH, opts.maxTables ?? DEFAULT_MAX_TABLES);
  if (bytes.byteLength < 8) v.fail('', 0, `file is ${bytes.byteLength} bytes, too short for a flatbuffer`);
  v.table(v.deref(0, ''), 'Model', '', 0);
}
