// Tokenizer for the protobuf text format, over bytes (the 70 MB pbtxt is mostly escaped
// tensor_content, so strings are decoded straight into Uint8Arrays without a JS string in between).
// Token classes follow protobuf's io::Tokenizer: identifiers, integers, floats, strings, symbols.

export type TokenType = 'ident' | 'int' | 'float' | 'string' | 'symbol' | 'eof';

export interface Token {
  type: TokenType;
  /** Byte offset of the first character. */
  start: number;
  /** ident/int/float/symbol: the source text; string: unused (see bytes). */
  text: string;
  /** string tokens: the unescaped bytes. */
  bytes?: Uint8Array;
}

export class TextFormatError extends Error {
  constructor(
    readonly offset: number,
    reason: string,
  ) {
    super(reason);
  }
}

const enum C {
  TAB = 9, LF = 10, VT = 11, FF = 12, CR = 13, SPACE = 32, HASH = 35, DQUOTE = 34, SQUOTE = 39,
  MINUS = 45, DOT = 46, ZERO = 48, NINE = 57, BACKSLASH = 92, UNDERSCORE = 95,
}

const isDigit = (c: number) => c >= C.ZERO && c <= C.NINE;
const isAlpha = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === C.UNDERSCORE;
const isHex = (c: number) => isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
const hexVal = (c: number) => (isDigit(c) ? c - 48 : (c | 0x20) - 87);
const SYMBOLS = new Set('{}<>[]:,;-/'.split('').map((s) => s.charCodeAt(0)));

const ascii = (b: Uint8Array, s: number, e: number) => String.fromCharCode(...b.subarray(s, e));

export class Tokenizer {
  private pos = 0;
  private peeked: Token | undefined;

  constructor(private readonly b: Uint8Array) {}

  peek(): Token {
    return (this.peeked ??= this.scan());
  }

  next(): Token {
    const t = this.peek();
    this.peeked = undefined;
    return t;
  }

  private skipSpaceAndComments(): void {
    const b = this.b;
    while (this.pos < b.length) {
      const c = b[this.pos]!;
      if (c === C.SPACE || c === C.LF || c === C.TAB || c === C.CR || c === C.VT || c === C.FF) this.pos++;
      else if (c === C.HASH) {
        while (this.pos < b.length && b[this.pos] !== C.LF) this.pos++;
      } else break;
    }
  }

  private scan(): Token {
    this.skipSpaceAndComments();
    const b = this.b;
    const start = this.pos;
    if (start >= b.length) return { type: 'eof', start, text: '' };
    const c = b[start]!;
    if (isAlpha(c)) {
      let p = start + 1;
      while (p < b.length && (isAlpha(b[p]!) || isDigit(b[p]!))) p++;
      this.pos = p;
      return { type: 'ident', start, text: ascii(b, start, p) };
    }
    if (isDigit(c) || (c === C.DOT && start + 1 < b.length && isDigit(b[start + 1]!))) return this.number(start);
    if (c === C.DQUOTE || c === C.SQUOTE) return { type: 'string', start, text: '', bytes: this.string(start) };
    if (SYMBOLS.has(c)) {
      this.pos++;
      return { type: 'symbol', start, text: String.fromCharCode(c) };
    }
    throw new TextFormatError(start, `unexpected character ${c < 32 || c > 126 ? `0x${c.toString(16)}` : `'${String.fromCharCode(c)}'`}`);
  }

  private number(start: number): Token {
    const b = this.b;
    let p = start;
    // Greedy over number-ish characters; a sign is part of the number only right after an exponent.
    while (p < b.length) {
      const c = b[p]!;
      if (isDigit(c) || isAlpha(c) || c === C.DOT) p++;
      else if ((c === 43 || c === C.MINUS) && (b[p - 1] === 101 || b[p - 1] === 69) && !/^0[xX]/.test(ascii(b, start, p))) p++;
      else break;
    }
    this.pos = p;
    const text = ascii(b, start, p);
    if (/^(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/.test(text)) return { type: 'int', start, text };
    if (/^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?[fF]?$/.test(text) && /[.eEfF]/.test(text)) return { type: 'float', start, text };
    throw new TextFormatError(start, `invalid number '${text}'`);
  }

  /** Unescapes one quoted literal (C escapes as protobuf's CUnescape, plus \u and \U). */
  private string(start: number): Uint8Array {
    const b = this.b;
    const quote = b[start]!;
    // Find the end first so the output can be allocated once (unescaping only shrinks).
    let end = start + 1;
    while (end < b.length && b[end] !== quote) {
      if (b[end] === C.LF) throw new TextFormatError(end, 'newline inside a string literal');
      end += b[end] === C.BACKSLASH ? 2 : 1;
    }
    if (end >= b.length) throw new TextFormatError(start, 'unterminated string literal');
    const out = new Uint8Array(end - start);
    let n = 0;
    let p = start + 1;
    while (p < end) {
      const c = b[p++]!;
      if (c !== C.BACKSLASH) {
        out[n++] = c;
        continue;
      }
      const e = b[p++]!;
      switch (e) {
        case 110: out[n++] = 10; break; // \n
        case 116: out[n++] = 9; break; // \t
        case 114: out[n++] = 13; break; // \r
        case 97: out[n++] = 7; break; // \a
        case 98: out[n++] = 8; break; // \b
        case 102: out[n++] = 12; break; // \f
        case 118: out[n++] = 11; break; // \v
        case 92: case 39: case 34: case 63: out[n++] = e; break; // \\ \' \" \?
        case 120: case 88: { // \xH or \xHH
          if (!(p < end && isHex(b[p]!))) throw new TextFormatError(p - 2, '\\x with no hex digits');
          let v = hexVal(b[p++]!);
          if (p < end && isHex(b[p]!)) v = v * 16 + hexVal(b[p++]!);
          out[n++] = v;
          break;
        }
        case 117: case 85: { // \uXXXX, \UXXXXXXXX → UTF-8
          const len = e === 117 ? 4 : 8;
          const hex = ascii(b, p, Math.min(p + len, end));
          if (hex.length !== len || !/^[0-9a-fA-F]+$/.test(hex)) throw new TextFormatError(p - 2, `\\${String.fromCharCode(e)} needs ${len} hex digits`);
          const cp = parseInt(hex, 16);
          if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) throw new TextFormatError(p - 2, `invalid code point U+${hex}`);
          p += len;
          const enc = new TextEncoder().encode(String.fromCodePoint(cp));
          out.set(enc, n);
          n += enc.length;
          break;
        }
        default: {
          if (e >= 48 && e <= 55) { // \o, \oo, \ooo
            let v = e - 48;
            for (let k = 0; k < 2 && p < end && b[p]! >= 48 && b[p]! <= 55; k++) v = v * 8 + (b[p++]! - 48);
            if (v > 255) throw new TextFormatError(p - 4, `octal escape \\${v.toString(8)} is above \\377`);
            out[n++] = v;
          } else {
            throw new TextFormatError(p - 2, `invalid escape '\\${String.fromCharCode(e)}'`);
          }
        }
      }
    }
    this.pos = end + 1;
    // Escapes shrink the text up to 4x: copy out so the oversized scratch buffer is not kept alive.
    return n === out.length ? out : out.slice(0, n);
  }
}

/** 1-based line and column (in bytes) of `offset`, for error messages. */
export function lineColumn(b: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < b.length; i++) {
    if (b[i] === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
