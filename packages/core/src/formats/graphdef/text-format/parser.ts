// Protobuf text format → plain message objects, driven by protobufjs reflection of the generated
// descriptor. The objects use the static classes' property names (camelCase) and value types
// (numbers for enums and 32-bit ints, bigint for 64-bit ints, Uint8Array for bytes), so
// graphFromProto() treats them exactly like decoded binary messages.
// Semantics follow protobuf's C++ TextFormat::Parser (what TF uses): ':' optional before messages,
// '{}' or '<>', '[a, b]' lists for repeated fields, ',' or ';' separators, singular fields and oneof
// members at most once, enums by name or number, adjacent strings concatenated.
import type protobuf from 'protobufjs/light.js';
import { ModelFormatError, type ModelFormat } from '../../../errors.js';
import descriptor from '../generated/descriptor.js';
import { protoModules } from '../proto.js';
import { lineColumn, TextFormatError, Tokenizer, type Token } from './tokenizer.js';

type Obj = Record<string, unknown>;

/** The protobuf runtime (loaded on first use in Node's bundle: graphdef/proto.ts). */
const pb = (): typeof protobuf => protoModules().protobuf;

let root: protobuf.Root | undefined;
function getRoot(): protobuf.Root {
  if (!root) {
    root = pb().Root.fromJSON(descriptor);
    root.resolveAll();
  }
  return root;
}

interface FieldInfo {
  field: protobuf.Field;
  /** Property name in the produced object (as the static classes name it). */
  key: string;
}
const fieldTables = new WeakMap<protobuf.Type, Map<string, FieldInfo>>();
function fieldsOf(t: protobuf.Type): Map<string, FieldInfo> {
  let m = fieldTables.get(t);
  if (!m) {
    m = new Map(t.fieldsArray.map((f) => [f.name, { field: f, key: pb().util.camelCase(f.name) }]));
    fieldTables.set(t, m);
  }
  return m;
}

const INT_RANGES: Record<string, [bigint, bigint]> = {
  int32: [-(2n ** 31n), 2n ** 31n - 1n], sint32: [-(2n ** 31n), 2n ** 31n - 1n], sfixed32: [-(2n ** 31n), 2n ** 31n - 1n],
  uint32: [0n, 2n ** 32n - 1n], fixed32: [0n, 2n ** 32n - 1n],
  int64: [-(2n ** 63n), 2n ** 63n - 1n], sint64: [-(2n ** 63n), 2n ** 63n - 1n], sfixed64: [-(2n ** 63n), 2n ** 63n - 1n],
  uint64: [0n, 2n ** 64n - 1n], fixed64: [0n, 2n ** 64n - 1n],
};
const MAX_DEPTH = 100; // protobuf's default recursion limit
const utf8 = new TextDecoder('utf-8', { fatal: true });

class Parser {
  private readonly tok: Tokenizer;
  constructor(private readonly b: Uint8Array) {
    this.tok = new Tokenizer(b);
  }

  private err(at: Token | number, reason: string): never {
    throw new TextFormatError(typeof at === 'number' ? at : at.start, reason);
  }

  private isSym(t: Token, s: string): boolean {
    return t.type === 'symbol' && t.text === s;
  }

  private expectSym(s: string): Token {
    const t = this.tok.next();
    if (!this.isSym(t, s)) this.err(t, `expected '${s}', found ${describe(t)}`);
    return t;
  }

  parseTop(type: protobuf.Type): Obj {
    return this.message(type, undefined, 0);
  }

  /** Fields until `close` (or EOF at the top level). */
  private message(type: protobuf.Type, close: string | undefined, depth: number): Obj {
    if (depth > MAX_DEPTH) this.err(this.tok.peek(), `messages nested deeper than ${MAX_DEPTH}`);
    const out: Obj = {};
    const table = fieldsOf(type);
    const oneofSet = new Map<string, string>();
    for (;;) {
      const t = this.tok.next();
      if (t.type === 'eof') {
        if (close) this.err(t, `expected '${close}' before end of file`);
        return out;
      }
      if (close && this.isSym(t, close)) return out;
      if (this.isSym(t, '[')) this.err(t, 'extension and Any expansions ([type.googleapis.com/...]) are not supported in GraphDef text');
      if (t.type !== 'ident') this.err(t, `expected a field name, found ${describe(t)}`);
      const info = table.get(t.text);
      if (!info) this.err(t, `no field named '${t.text}' in ${type.fullName.slice(1)}`);
      const { field, key } = info;
      if (!field.repeated && !field.map && Object.prototype.hasOwnProperty.call(out, key)) {
        this.err(t, `non-repeated field '${field.name}' is specified multiple times`);
      }
      if (field.partOf) {
        const other = oneofSet.get(field.partOf.name);
        if (other && other !== field.name) this.err(t, `field '${field.name}' is specified along with '${other}', another member of oneof '${field.partOf.name}'`);
        oneofSet.set(field.partOf.name, field.name);
      }
      this.fieldValue(out, field, key, t, depth);
      const sep = this.tok.peek();
      if (this.isSym(sep, ',') || this.isSym(sep, ';')) this.tok.next();
    }
  }

  private fieldValue(out: Obj, field: protobuf.Field, key: string, nameTok: Token, depth: number): void {
    const isMsg = field.map || field.resolvedType instanceof pb().Type;
    let t = this.tok.peek();
    if (this.isSym(t, ':')) {
      this.tok.next();
      t = this.tok.peek();
    } else if (!isMsg) {
      this.err(t, `expected ':' after '${field.name}', found ${describe(t)}`);
    }
    const one = () => (isMsg ? this.messageValue(field, depth) : this.scalar(field));
    const store = (v: unknown) => {
      if (field.map) {
        const m = (out[key] ??= Object.create(null)) as Obj;
        const [k, val] = v as [string, unknown];
        m[k] = val; // later entries win, as in C++ map parsing
      } else if (field.repeated) {
        ((out[key] ??= []) as unknown[]).push(v);
      } else {
        out[key] = v;
      }
    };
    if (this.isSym(t, '[')) {
      if (!field.repeated && !field.map) this.err(nameTok, `'${field.name}' is not repeated; a [list] is not allowed`);
      this.tok.next();
      if (this.isSym(this.tok.peek(), ']')) {
        this.tok.next();
        // An empty list still marks a repeated field present (matters for oneof-free presence only).
        if (!field.map) out[key] ??= [];
        return;
      }
      for (;;) {
        store(one());
        const s = this.tok.next();
        if (this.isSym(s, ']')) break;
        if (!this.isSym(s, ',')) this.err(s, `expected ',' or ']' in list, found ${describe(s)}`);
      }
      return;
    }
    store(one());
  }

  private messageValue(field: protobuf.Field, depth: number): unknown {
    const open = this.tok.next();
    let close: string;
    if (this.isSym(open, '{')) close = '}';
    else if (this.isSym(open, '<')) close = '>';
    else this.err(open, `expected '{' or '<' to open '${field.name}', found ${describe(open)}`);
    if (field.map) return this.mapEntry(field as unknown as protobuf.MapField, close, depth);
    return this.message(field.resolvedType as protobuf.Type, close, depth + 1);
  }

  /** A map entry is written as a message with `key` and `value` fields. */
  private mapEntry(field: protobuf.MapField, close: string, depth: number): [string, unknown] {
    if (field.keyType !== 'string') this.err(this.tok.peek(), `map key type ${field.keyType} is not supported`);
    const keyField = new (pb().Field)('key', 1, 'string');
    let k: string | undefined;
    let v: unknown;
    for (;;) {
      const t = this.tok.next();
      if (this.isSym(t, close)) break;
      if (t.type !== 'ident' || (t.text !== 'key' && t.text !== 'value')) this.err(t, `expected 'key' or 'value' in map entry '${field.name}', found ${describe(t)}`);
      if ((t.text === 'key' ? k : v) !== undefined) this.err(t, `'${t.text}' is specified twice in a map entry`);
      if (t.text === 'key') {
        this.expectSym(':');
        k = this.scalar(keyField) as string;
      } else {
        if (this.isSym(this.tok.peek(), ':')) this.tok.next();
        const open = this.tok.next();
        const vclose = this.isSym(open, '{') ? '}' : this.isSym(open, '<') ? '>' : this.err(open, `expected '{' to open map value, found ${describe(open)}`);
        v = this.message(field.resolvedType as protobuf.Type, vclose, depth + 1);
      }
      const sep = this.tok.peek();
      if (this.isSym(sep, ',') || this.isSym(sep, ';')) this.tok.next();
    }
    return [k ?? '', v ?? {}];
  }

  private scalar(field: protobuf.Field): unknown {
    const type = field.type;
    if (type === 'string' || type === 'bytes') {
      let t = this.tok.next();
      if (t.type !== 'string') this.err(t, `expected a string for '${field.name}', found ${describe(t)}`);
      const parts: Uint8Array[] = [t.bytes!];
      while (this.tok.peek().type === 'string') parts.push(this.tok.next().bytes!);
      const bytes = parts.length === 1 ? parts[0]! : concat(parts);
      if (type === 'bytes') return bytes;
      try {
        return utf8.decode(bytes);
      } catch {
        this.err(t, `string field '${field.name}' is not valid UTF-8 (use a bytes field for binary data)`);
      }
    }
    const neg = this.isSym(this.tok.peek(), '-');
    const signTok = neg ? this.tok.next() : undefined;
    const t = this.tok.next();
    const at = signTok ?? t;
    if (type === 'bool') {
      if (!neg && t.type === 'ident' && ['true', 'True', 't'].includes(t.text)) return true;
      if (!neg && t.type === 'ident' && ['false', 'False', 'f'].includes(t.text)) return false;
      if (!neg && t.type === 'int' && (t.text === '0' || t.text === '1')) return t.text === '1';
      this.err(at, `expected a bool for '${field.name}', found ${describe(t)}`);
    }
    if (type === 'float' || type === 'double') {
      let v: number;
      if (t.type === 'float') v = Number(t.text.replace(/[fF]$/, ''));
      else if (t.type === 'int') v = Number(parseIntToken(t.text));
      else if (t.type === 'ident' && /^(inf|infinity)$/i.test(t.text)) v = Infinity;
      else if (t.type === 'ident' && /^nan$/i.test(t.text)) v = NaN;
      else this.err(at, `expected a number for '${field.name}', found ${describe(t)}`);
      if (neg) v = -v;
      return type === 'float' ? Math.fround(v) : v;
    }
    const range = INT_RANGES[type];
    if (range) {
      if (t.type !== 'int') this.err(at, `expected an integer for '${field.name}', found ${describe(t)}`);
      let v = parseIntToken(t.text);
      if (neg) v = -v;
      if (v < range[0] || v > range[1]) this.err(at, `${v} is out of range for ${type} field '${field.name}'`);
      return field.long ? v : Number(v);
    }
    if (field.resolvedType instanceof pb().Enum) {
      const en = field.resolvedType;
      if (t.type === 'ident' && !neg) {
        const v = en.values[t.text];
        if (v === undefined) this.err(t, `unknown value '${t.text}' for enum ${en.fullName.slice(1)}`);
        return v;
      }
      if (t.type === 'int') {
        // proto3 enums are open: unknown numbers are kept, as C++ does.
        const v = (neg ? -1n : 1n) * parseIntToken(t.text);
        if (v < INT_RANGES['int32']![0] || v > INT_RANGES['int32']![1]) this.err(at, `enum value ${v} is out of int32 range`);
        return Number(v);
      }
      this.err(at, `expected an enum name or number for '${field.name}', found ${describe(t)}`);
    }
    this.err(at, `field '${field.name}' has unsupported type ${type}`);
  }
}

function parseIntToken(text: string): bigint {
  if (/^0[xX]/.test(text)) return BigInt(text);
  if (text.length > 1 && text[0] === '0') return BigInt(`0o${text.slice(1)}`);
  return BigInt(text);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

function describe(t: Token): string {
  if (t.type === 'eof') return 'end of file';
  if (t.type === 'string') return 'a string';
  return `'${t.text}'`;
}

/**
 * Parses text-format bytes as message `typeName` (e.g. 'tensorflow.GraphDef'). Errors are
 * ModelFormatErrors whose `field` is 'line L:column C' and whose offset is the byte offset.
 */
export function parseTextProto(bytes: Uint8Array, typeName: string, file: string, format: ModelFormat = 'pbtxt'): Obj {
  const type = getRoot().lookupType(typeName);
  try {
    return new Parser(bytes).parseTop(type);
  } catch (e) {
    if (!(e instanceof TextFormatError)) throw e;
    const { line, column } = lineColumn(bytes, e.offset);
    throw new ModelFormatError({ file, format, field: `line ${line}:${column}`, offset: e.offset, reason: e.message }, { cause: e });
  }
}
