import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ByteBuffer } from 'flatbuffers';
import { describe, expect, it } from 'vitest';
import type { Model, Tensor } from '../../ir/types.js';
import { Model as FbModel } from './generated/tflite/model.js';
import { assembleLayout as assemble } from './arena-writer.js';
import { Arena, layoutTfliteInArena, readTflite, verifyTflite, writeTflite } from './index.js';

const SHARED = process.env['LITEQ_SHARED'] ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../../../../../shared');
const TFLITE_DIR = join(SHARED, 'models/tflite');
const MODELS = [
  ...readdirSync(TFLITE_DIR).filter((f) => f.endsWith('.tflite')).map((f) => join(TFLITE_DIR, f)),
  join(SHARED, 'models/graphdef/ssd_mobilenet_v2_coco_float.tflite'),
];
const name = (p: string): string => p.split('/').pop()!;

/** vitest's deep equality walks typed arrays element by element (minutes on 24 MB): hash them instead. */
function normalize(v: unknown): unknown {
  if (v instanceof Uint8Array) return `bytes:${v.byteLength}:${createHash('sha1').update(v).digest('hex')}`;
  if (Array.isArray(v)) return v.map(normalize);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, normalize(x)]));
  return v;
}

/** Byte offset of each Buffer's data / offset field, read back with the generated accessors. */
function bufferPlacements(bytes: Uint8Array): { start: number; length: number; external: boolean }[] {
  const root = FbModel.getRootAsModel(new ByteBuffer(bytes));
  return Array.from({ length: root.buffersLength() }, (_, i) => {
    const b = root.buffers(i)!;
    if (b.offset() > 1n) return { start: Number(b.offset()), length: Number(b.size()), external: true };
    const d = b.dataArray();
    return { start: d ? d.byteOffset - bytes.byteOffset : 0, length: d?.byteLength ?? 0, external: false };
  });
}

describe.each(MODELS.map((p) => [name(p), p]))('%s', (_n, path) => {
  const bytes = new Uint8Array(readFileSync(path));
  const model = readTflite(bytes, path);

  it('round-trips read → write → read to an equal IR', () => {
    const out = writeTflite(model);
    expect(normalize(readTflite(out))).toEqual(normalize(model));
  });

  it.each(['never', 'always'] as const)('laid out around an arena (external buffers: %s), reads back equal and verifies', (externalBuffers) => {
    // Half the constants already sit in the arena (as the quantizer leaves them), the rest are pieces written from where they are.
    const arena = new Arena(new Uint8Array(bytes.byteLength * 2 + 4096));
    const sg = model.subgraphs[0]!;
    const placed = {
      ...model,
      subgraphs: [{ ...sg, tensors: sg.tensors.map((t, i) => {
        if (!t.data || i % 2) return t;
        const m = arena.alloc(t.data.byteLength)!;
        m.set(t.data);
        return { ...t, data: m };
      }) }, ...model.subgraphs.slice(1)],
    };
    const layout = layoutTfliteInArena(placed, arena, { externalBuffers });
    expect(layout.pieces.length).toBeGreaterThan(0);
    expect(layout.base % 16).toBe(0);
    const file = assemble(layout, arena);
    expect(layout.external).toBe(externalBuffers === 'always');
    for (const p of bufferPlacements(file)) if (p.length) expect(p.start % 16).toBe(0);
    if (externalBuffers === 'never') verifyTflite(file);
    expect(normalize(readTflite(file))).toEqual(normalize(model));
  });

  it('with no arena, the pieces make writeTflite\'s offset-buffer file byte for byte (files too large for one array are written so)', () => {
    const layout = layoutTfliteInArena(model, undefined, { externalBuffers: 'always' });
    expect(layout.external).toBe(true);
    expect(Buffer.from(assemble(layout)).equals(Buffer.from(writeTflite(model, { externalBuffers: 'always' })))).toBe(true);
    const inline = layoutTfliteInArena(model);
    expect(inline.external).toBe(false);
    expect(normalize(readTflite(assemble(inline)))).toEqual(normalize(model));
  });

  it('round-trips with offset/size buffers after the flatbuffer', () => {
    const out = writeTflite(model, { externalBuffers: 'always' });
    const placements = bufferPlacements(out);
    const external = placements.filter((p) => p.external);
    expect(external.length).toBeGreaterThan(0);
    const fbEnd = Math.min(...external.map((p) => p.start));
    for (const p of external) {
      expect(p.start % 16).toBe(0);
      expect(p.start).toBeGreaterThanOrEqual(fbEnd);
      expect(p.start + p.length).toBeLessThanOrEqual(out.byteLength);
    }
    expect(normalize(readTflite(out))).toEqual(normalize(model));
  });

  it('writes buffer 0 empty, every buffer 16-byte aligned, deduplicated opcodes with deprecated code = min(code, 127)', () => {
    const out = writeTflite(model);
    const placements = bufferPlacements(out);
    expect(placements[0]).toEqual({ start: 0, length: 0, external: false });
    for (const p of placements.slice(1)) {
      expect(p.length).toBeGreaterThan(0);
      expect(p.start % 16).toBe(0);
    }
    const root = FbModel.getRootAsModel(new ByteBuffer(out));
    const keys = new Set<string>();
    for (let i = 0; i < root.operatorCodesLength(); i++) {
      const oc = root.operatorCodes(i)!;
      expect(oc.deprecatedBuiltinCode()).toBe(Math.min(oc.builtinCode(), 127));
      keys.add(`${oc.builtinCode()}:${oc.customCode() ?? ''}:${oc.version()}`);
    }
    expect(keys.size).toBe(root.operatorCodesLength());
    expect(String.fromCharCode(...out.subarray(4, 8))).toBe('TFL3');
  });

  it('keeps constant data as zero-copy views into the file', () => {
    const constants = model.subgraphs.flatMap((sg) => sg.tensors).filter((t): t is Tensor & { data: Uint8Array } => !!t.data);
    expect(constants.length).toBeGreaterThan(0);
    for (const t of constants) expect(t.data.buffer).toBe(bytes.buffer);
  });
});

const WITH_SUMMARY = MODELS.map((p) => [name(p), p, p.replace(/\.tflite$/, '.summary.json')]).filter(([, , s]) => existsSync(s!));

it('has a summary for every model in models/tflite', () => {
  expect(WITH_SUMMARY.length).toBe(MODELS.length - 1);
});

it.each(WITH_SUMMARY)('%s matches its .summary.json', (_n, path, summary) => {
  checkSummary(readTflite(readFileSync(path!), path), JSON.parse(readFileSync(summary!, 'utf8')));
});

interface SummaryTensor {
  index: number;
  name: string;
  shape: number[];
  type: string;
  quant: null | { scale: number; zero_point: number; min?: number; max?: number };
}

function checkTensor(model: Model, st: SummaryTensor): void {
  const t = model.subgraphs[0]!.tensors[st.index]!;
  expect(t.name).toBe(st.name);
  expect(t.shape).toEqual(st.shape);
  expect(t.dtype).toBe(st.type.toLowerCase());
  if (st.quant === null) {
    expect(t.quantization?.scale ?? []).toEqual([]);
    return;
  }
  const q = t.quantization!;
  expect(q.scale[0]).toBeCloseTo(st.quant.scale, 12);
  expect(q.zeroPoint[0]).toBe(BigInt(st.quant.zero_point));
  if (st.quant.min !== undefined) expect(q.min[0]).toBeCloseTo(st.quant.min, 5);
  if (st.quant.max !== undefined) expect(q.max[0]).toBeCloseTo(st.quant.max, 5);
}

function checkSummary(model: Model, s: any): void {
  expect(model.version).toBe(s.schema_version);
  expect(model.description).toBe(s.description);
  expect(model.metadata.map((m) => m.name)).toEqual(s.metadata);
  expect(model.subgraphs.length).toBe(s.subgraphs.length);
  const sg = model.subgraphs[0]!;
  const ss = s.subgraphs[0];
  if (ss.name !== undefined) expect(sg.name).toBe(ss.name);
  expect(sg.tensors.length).toBe(ss.num_tensors);
  expect(sg.operators.length).toBe(ss.num_operators);
  expect(sg.inputs).toEqual(ss.inputs.map((t: SummaryTensor) => t.index));
  expect(sg.outputs).toEqual(ss.outputs.map((t: SummaryTensor) => t.index));
  for (const t of [...ss.inputs, ...ss.outputs]) checkTensor(model, t);
  const hist: Record<string, number> = {};
  for (const op of sg.operators) {
    const k = op.op.kind === 'builtin' ? op.op.opcode : `CUSTOM:${op.op.customCode}`;
    hist[k] = (hist[k] ?? 0) + 1;
  }
  expect(hist).toEqual(ss.operator_histogram);
  const types: Record<string, number> = {};
  for (const t of sg.tensors) types[t.dtype.toUpperCase()] = (types[t.dtype.toUpperCase()] ?? 0) + 1;
  expect(types).toEqual(ss.tensor_type_histogram);
  const customs = sg.operators.filter((o) => o.op.kind === 'custom');
  expect(customs.length).toBe(ss.custom_ops.length);
  customs.forEach((o, i) => {
    const sc = ss.custom_ops[i];
    if (o.op.kind !== 'custom') throw new Error('unreachable');
    expect(o.op.customCode).toBe(sc.custom);
    expect(o.inputs).toEqual(sc.inputs.map((t: SummaryTensor) => t.index));
    expect(o.outputs).toEqual(sc.outputs.map((t: SummaryTensor) => t.index));
    for (const t of [...sc.inputs, ...sc.outputs]) checkTensor(model, t);
    expect({ ...o.op.customOptionsMap }).toEqual(sc.options);
  });
}
