// Lossless, schema-less syntax tree for protobuf text format (the TF Object Detection API's
// pipeline.config). There are no object_detection .proto files to drive a typed parse, so fields are
// kept as written — a name with scalar values or a block of fields — and known paths are read by
// name elsewhere (describe.ts). Every node keeps its byte range in the source, and the source itself
// is never re-serialized: edits splice new text into the old (edit.ts), so comments, blank lines,
// separators and odd spacing survive untouched wherever nothing changed.
// Tokens come from the GraphDef text-format tokenizer (same lexical rules: protobuf's io::Tokenizer).
import { ModelFormatError } from '../../errors.js';
import { lineColumn, TextFormatError, Tokenizer, type Token } from '../graphdef/text-format/tokenizer.js';

export interface ConfigScalar {
  kind: 'number' | 'identifier' | 'string';
  /** The value exactly as written (a leading '-' included). */
  raw: string;
  /** number: its value (a double); identifier: the name (enum, true/false, inf/nan); string: unescaped UTF-8. */
  value: number | string;
  /** Byte range in the source. */
  start: number;
  end: number;
}

export interface ConfigField {
  name: string;
  kind: 'scalar' | 'block';
  /** Byte offset of the field name, and just past its value or closing bracket (separator excluded). */
  start: number;
  end: number;
  /** 1-based position of the name, for messages. */
  line: number;
  column: number;
  /** Scalar fields: one value, or several for the list form `name: [a, b]`. Blocks: empty. */
  values: ConfigScalar[];
  /** Block fields: the fields inside, in source order. Scalars: empty. */
  children: ConfigField[];
  /** Block fields: byte offsets of the opening and closing bracket ('{'/'}' or '<'/'>'); scalars: -1. */
  open: number;
  close: number;
  /** Byte range of the whole value: a scalar, a '[…]' list, or a block with its brackets. */
  valueStart: number;
  valueEnd: number;
}

export interface PipelineConfig {
  /** Names the config in errors. */
  file: string;
  /** The source, unchanged. */
  text: string;
  /** The source as UTF-8 (all offsets are byte offsets into this). */
  bytes: Uint8Array;
  /** Top-level fields in source order. */
  fields: ConfigField[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const MAX_DEPTH = 100; // protobuf's default recursion limit

class SyntaxParser {
  private readonly tok: Tokenizer;
  constructor(private readonly b: Uint8Array) {
    this.tok = new Tokenizer(b);
  }

  private fail(at: Token | number, reason: string): never {
    throw new TextFormatError(typeof at === 'number' ? at : at.start, reason);
  }

  private isSym(t: Token, s: string): boolean {
    return t.type === 'symbol' && t.text === s;
  }

  private expectSym(s: string): Token {
    const t = this.tok.next();
    if (!this.isSym(t, s)) this.fail(t, `expected '${s}', found ${describe(t)}`);
    return t;
  }

  /** End offset of a token (strings: past the closing quote, escapes skipped). */
  private tokenEnd(t: Token): number {
    if (t.type !== 'string') return t.start + t.text.length;
    const quote = this.b[t.start]!;
    let p = t.start + 1;
    while (this.b[p] !== quote) p += this.b[p] === 92 ? 2 : 1;
    return p + 1;
  }

  parseFields(depth: number, closer: string | undefined, opener?: { name: string; offset: number }): ConfigField[] {
    if (depth > MAX_DEPTH) this.fail(this.tok.peek(), `nesting deeper than ${MAX_DEPTH}`);
    const out: ConfigField[] = [];
    for (;;) {
      const t = this.tok.peek();
      if (t.type === 'eof') {
        if (closer !== undefined) {
          const at = opener ? lineColumn(this.b, opener.offset) : undefined;
          this.fail(t, `unexpected end of file: missing '${closer}'${opener && at ? ` to close '${opener.name}' (opened at line ${at.line}:${at.column})` : ''}`);
        }
        return out;
      }
      if (closer !== undefined && this.isSym(t, closer)) return out;
      out.push(...this.parseField(depth));
      const sep = this.tok.peek();
      if (this.isSym(sep, ',') || this.isSym(sep, ';')) this.tok.next();
    }
  }

  private parseName(): { name: string; start: number } {
    const t = this.tok.next();
    if (t.type === 'ident') return { name: t.text, start: t.start };
    if (this.isSym(t, '[')) this.fail(t, 'extension and Any fields ([...]) are not supported in pipeline configs');
    if (this.isSym(t, '}') || this.isSym(t, '>')) this.fail(t, `unbalanced '${t.text}': no block is open`);
    return this.fail(t, `expected a field name, found ${describe(t)}`);
  }

  private parseField(depth: number): ConfigField[] {
    const { name, start } = this.parseName();
    const { line, column } = lineColumn(this.b, start);
    const base = { name, start, line, column };
    let hasColon = false;
    if (this.isSym(this.tok.peek(), ':')) {
      this.tok.next();
      hasColon = true;
    }
    const t = this.tok.peek();
    if (this.isSym(t, '{') || this.isSym(t, '<')) return [this.parseBlock(base, depth)];
    if (!hasColon) this.fail(t, `expected ':' or '{' after field '${name}', found ${describe(t)}`);
    if (this.isSym(t, '[')) {
      const listStart = t.start;
      // List form: scalars become one field with several values; messages become one block each.
      this.tok.next();
      const scalars: ConfigScalar[] = [];
      let listEnd = listStart + 1;
      const blocks: ConfigField[] = [];
      if (!this.isSym(this.tok.peek(), ']')) {
        for (;;) {
          const e = this.tok.peek();
          if (this.isSym(e, '{') || this.isSym(e, '<')) blocks.push(this.parseBlock({ ...base, ...lineColumn(this.b, e.start), start: e.start }, depth));
          else scalars.push(this.parseScalar());
          const s = this.tok.next();
          if (this.isSym(s, ']')) {
            listEnd = s.start + 1;
            break;
          }
          if (!this.isSym(s, ',')) this.fail(s, `expected ',' or ']' in the list of '${name}', found ${describe(s)}`);
        }
      } else {
        listEnd = this.tok.next().start + 1;
      }
      if (blocks.length && scalars.length) this.fail(start, `list '${name}' mixes messages and scalars`);
      if (blocks.length) return blocks;
      return [{ ...base, kind: 'scalar', end: listEnd, values: scalars, children: [], open: -1, close: -1, valueStart: listStart, valueEnd: listEnd }];
    }
    const v = this.parseScalar();
    return [{ ...base, kind: 'scalar', end: v.end, values: [v], children: [], open: -1, close: -1, valueStart: v.start, valueEnd: v.end }];
  }

  private parseBlock(base: { name: string; start: number; line: number; column: number }, depth: number): ConfigField {
    const o = this.tok.next();
    const closer = o.text === '{' ? '}' : '>';
    const children = this.parseFields(depth + 1, closer, { name: base.name, offset: o.start });
    const c = this.expectSym(closer);
    return { ...base, kind: 'block', end: c.start + 1, values: [], children, open: o.start, close: c.start, valueStart: o.start, valueEnd: c.start + 1 };
  }

  private parseScalar(): ConfigScalar {
    let t = this.tok.next();
    const start = t.start;
    let negative = false;
    if (this.isSym(t, '-')) {
      negative = true;
      t = this.tok.next();
      if (t.type !== 'int' && t.type !== 'float' && !(t.type === 'ident' && /^(inf|infinity|nan)$/i.test(t.text))) {
        this.fail(t, `expected a number after '-', found ${describe(t)}`);
      }
    }
    if (t.type === 'string') {
      // Adjacent literals concatenate ("a" "b" is "ab").
      const parts = [t.bytes!];
      let end = this.tokenEnd(t);
      while (this.tok.peek().type === 'string') {
        const n = this.tok.next();
        parts.push(n.bytes!);
        end = this.tokenEnd(n);
      }
      const joined = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
      let o = 0;
      for (const p of parts) {
        joined.set(p, o);
        o += p.length;
      }
      let value: string;
      try {
        value = utf8.decode(joined);
      } catch {
        this.fail(start, 'string is not valid UTF-8');
      }
      return { kind: 'string', raw: utf8.decode(this.b.subarray(start, end)), value, start, end };
    }
    const end = this.tokenEnd(t);
    const raw = utf8.decode(this.b.subarray(start, end));
    if (t.type === 'int' || t.type === 'float') {
      return { kind: 'number', raw, value: (negative ? -1 : 1) * parseNumber(t.text), start, end };
    }
    if (t.type === 'ident') {
      if (negative) return { kind: 'number', raw, value: /^nan$/i.test(t.text) ? NaN : -Infinity, start, end };
      return { kind: 'identifier', raw, value: t.text, start, end };
    }
    return this.fail(t, `expected a value, found ${describe(t)}`);
  }
}

function parseNumber(text: string): number {
  if (/^0[xX]/.test(text)) return parseInt(text.slice(2), 16);
  if (/^0[0-7]+$/.test(text)) return parseInt(text, 8);
  return Number(text.replace(/[fF]$/, ''));
}

function describe(t: Token): string {
  if (t.type === 'eof') return 'end of file';
  if (t.type === 'string') return 'a string';
  return `'${t.text}'`;
}

/**
 * Parses a pipeline.config (protobuf text format) into a lossless syntax tree. Throws
 * ModelFormatError (format 'pipeline-config', field 'line L:C', byte offset) on malformed text.
 */
export function readPipelineConfig(text: string | Uint8Array, file: string): PipelineConfig {
  let bytes: Uint8Array;
  let src: string;
  if (typeof text === 'string') {
    src = text;
    bytes = new TextEncoder().encode(text);
  } else {
    bytes = text;
    try {
      src = utf8.decode(text);
    } catch {
      throw new ModelFormatError({ file, format: 'pipeline-config', reason: 'not valid UTF-8 text' });
    }
  }
  try {
    const fields = new SyntaxParser(bytes).parseFields(0, undefined);
    return { file, text: src, bytes, fields };
  } catch (e) {
    if (!(e instanceof TextFormatError)) throw e;
    const { line, column } = lineColumn(bytes, e.offset);
    throw new ModelFormatError({ file, format: 'pipeline-config', field: `line ${line}:${column}`, offset: e.offset, reason: e.message }, { cause: e });
  }
}

/** The config's text: byte for byte the source it was read from (edits return new configs). */
export function toText(cfg: PipelineConfig): string {
  return cfg.text;
}

/** Every field at a dotted path of names ('model.ssd.num_classes'), in source order. */
export function findFields(fields: readonly ConfigField[], path: string): ConfigField[] {
  let level: readonly ConfigField[] = fields;
  const names = path.split('.');
  let found: ConfigField[] = [];
  for (let i = 0; i < names.length; i++) {
    found = level.filter((f) => f.name === names[i]);
    if (i < names.length - 1) level = found.flatMap((f) => f.children);
  }
  return found;
}

/** The last field at `path` (protobuf: the last occurrence of a singular field wins). */
export function findField(fields: readonly ConfigField[], path: string): ConfigField | undefined {
  const all = findFields(fields, path);
  return all[all.length - 1];
}
