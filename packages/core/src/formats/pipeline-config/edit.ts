// Edits on a pipeline.config as text splices: each change replaces or inserts only the bytes it must,
// in the file's own indentation and newline style, and the result is parsed again (so an edit can
// never produce a config liteq cannot read). Everything not touched stays byte for byte.
import { findField, readPipelineConfig, type ConfigField, type PipelineConfig } from './syntax.js';

export interface QuantizationOptions {
  /** Training steps before fake quantization starts (graph_rewriter.quantization.delay). */
  delay: number;
  weightBits: number;
  activationBits: number;
}

interface Splice {
  at: number;
  /** Bytes removed at `at`. */
  remove: number;
  insert: string;
}

interface Style {
  /** One indentation level. */
  unit: string;
  newline: string;
}

/** Indentation unit (first indented field line) and newline convention of the file. */
function styleOf(cfg: PipelineConfig): Style {
  const newline = cfg.text.includes('\r\n') ? '\r\n' : '\n';
  let unit = '  ';
  const firstChild = cfg.fields.find((f) => f.kind === 'block' && f.children.length)?.children[0];
  if (firstChild) {
    const indent = leadingSpace(cfg.bytes, firstChild.start);
    const parentIndent = leadingSpace(cfg.bytes, cfg.fields.find((f) => f.children[0] === firstChild)!.start);
    if (indent !== null && parentIndent !== null && indent.startsWith(parentIndent) && indent.length > parentIndent.length) {
      unit = indent.slice(parentIndent.length);
    }
  }
  return { unit, newline };
}

/** The whitespace before `offset` on its line, or null if something else precedes it there. */
function leadingSpace(b: Uint8Array, offset: number): string | null {
  let p = offset;
  while (p > 0 && (b[p - 1] === 32 || b[p - 1] === 9)) p--;
  if (p > 0 && b[p - 1] !== 10) return null;
  return String.fromCharCode(...b.subarray(p, offset));
}

function sameLine(b: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (b[i] === 10) return false;
  return true;
}

/** Indentation of a block's children: as its existing children are indented, else one unit deeper than the block. */
function childIndent(cfg: PipelineConfig, block: ConfigField, style: Style): string {
  const first = block.children[0];
  const existing = first ? leadingSpace(cfg.bytes, first.start) : null;
  if (existing !== null) return existing;
  return (leadingSpace(cfg.bytes, block.start) ?? '') + style.unit;
}

/**
 * Splices that add `lines` (each one field, possibly a multi-line block already indented relative to
 * the block's children) as the last fields of `block`.
 */
function appendToBlock(cfg: PipelineConfig, block: ConfigField, texts: string[], style: Style): Splice {
  const last = block.children[block.children.length - 1];
  const after = last ? last.end + separatorLength(cfg.bytes, last.end) : block.open + 1;
  if (sameLine(cfg.bytes, block.open, block.close)) {
    // Written on one line (`quantization { delay: 1 }`): stay on that line.
    return { at: after, remove: 0, insert: texts.map((t) => ` ${t}`).join('') };
  }
  const indent = childIndent(cfg, block, style);
  const body = texts.map((t) => style.newline + indent + t.split('\n').join(style.newline + indent)).join('');
  return { at: after, remove: 0, insert: body };
}

/** Length of a ',' or ';' written right after a field (kept attached to it). */
function separatorLength(b: Uint8Array, end: number): number {
  let p = end;
  while (b[p] === 32 || b[p] === 9) p++;
  return b[p] === 44 || b[p] === 59 ? p + 1 - end : 0;
}

function applySplices(cfg: PipelineConfig, splices: Splice[]): PipelineConfig {
  if (!splices.length) return cfg;
  const enc = new TextEncoder();
  const parts: Uint8Array[] = [];
  let pos = 0;
  for (const s of [...splices].sort((a, b) => a.at - b.at)) {
    parts.push(cfg.bytes.subarray(pos, s.at), enc.encode(s.insert));
    pos = s.at + s.remove;
  }
  parts.push(cfg.bytes.subarray(pos));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return readPipelineConfig(out, cfg.file);
}

function checkInt(name: string, v: number, min: number, max: number): void {
  if (!Number.isInteger(v) || v < min || v > max) throw new RangeError(`${name} must be an integer from ${min} to ${max}, got ${v}`);
}

/**
 * Adds or updates `graph_rewriter { quantization { delay weight_bits activation_bits } }` at top
 * level (quantization-aware training for the TFLite uint8 export). Values already equal are left as
 * written, so applying it twice gives the same text. Returns a new config; `cfg` is unchanged.
 */
export function setQuantization(cfg: PipelineConfig, opts: QuantizationOptions): PipelineConfig {
  checkInt('delay', opts.delay, 0, 2 ** 31 - 1);
  checkInt('weight bits', opts.weightBits, 2, 16);
  checkInt('activation bits', opts.activationBits, 2, 16);
  const style = styleOf(cfg);
  const wanted: [string, number][] = [
    ['delay', opts.delay],
    ['weight_bits', opts.weightBits],
    ['activation_bits', opts.activationBits],
  ];
  const fieldsText = (indent: string) => wanted.map(([k, v]) => `${indent}${k}: ${v}`);
  const quantBlock = () => ['quantization {', ...fieldsText(style.unit), '}'].join('\n');

  const rewriter = findField(cfg.fields, 'graph_rewriter');
  if (!rewriter) {
    // New top-level block at the end, after a blank line, keeping whether the file ends with a newline.
    const text = ['graph_rewriter {', ...quantBlock().split('\n').map((l) => style.unit + l), '}'].join(style.newline);
    const trimmedEnd = cfg.text.replace(/[ \t\r\n]+$/, '').length;
    const endsWithNewline = /\n$/.test(cfg.text);
    const endOffset = new TextEncoder().encode(cfg.text.slice(0, trimmedEnd)).length;
    const lead = trimmedEnd === 0 ? '' : style.newline + style.newline;
    return applySplices(cfg, [{ at: endOffset, remove: cfg.bytes.length - endOffset, insert: lead + text + (endsWithNewline || trimmedEnd === 0 ? style.newline : '') }]);
  }
  const quant = findField(rewriter.children, 'quantization');
  if (!quant || quant.kind !== 'block') {
    return applySplices(cfg, [appendToBlock(cfg, rewriter, [quantBlock()], style)]);
  }
  const splices: Splice[] = [];
  const missing: string[] = [];
  for (const [name, value] of wanted) {
    const f = findField(quant.children, name);
    if (!f || f.kind !== 'scalar' || !f.values.length) {
      missing.push(`${name}: ${value}`);
    } else if (f.values.length !== 1 || f.values[0]!.value !== value) {
      // A list form `delay: [1]` becomes a plain value.
      splices.push({ at: f.valueStart, remove: f.valueEnd - f.valueStart, insert: String(value) });
    }
  }
  if (missing.length) splices.push(appendToBlock(cfg, quant, missing, style));
  return applySplices(cfg, splices);
}
