// The @liteq/core model API users program against: loadModel / run / runSync / detect / dispose, and
// its typed errors.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createModel, InvalidInputError, loadModel, readTflite, UnsupportedError, type Model } from '@liteq/core';

const SHARED = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared');
const SSD = join(SHARED, 'models/tflite/ssd_mobilenet_v2_coco_quant_postprocess.tflite');
const KITE = new Uint8Array(readFileSync(join(SHARED, 'data/raw_300x300/kite_and_cold.rgb')));
const REF = join(SHARED, 'reference/ssd_mobilenet_v2_coco_quant_postprocess/kite_and_cold');

describe('loadModel', () => {
  it('describes inputs and outputs, and runs by position or by name, async or sync, with any thread count', async () => {
    const model = await loadModel(SSD, { threads: 2 });
    try {
      expect(model.inputs).toEqual([{ name: 'normalized_input_image_tensor', shape: [1, 300, 300, 3], dtype: 'uint8', scale: 0.0078125, zeroPoint: 128 }]);
      expect(model.outputs.map((o) => [o.name, o.shape])).toEqual([
        ['TFLite_Detection_PostProcess', [1, 20, 4]],
        ['TFLite_Detection_PostProcess:1', [1, 20]],
        ['TFLite_Detection_PostProcess:2', [1, 20]],
        ['TFLite_Detection_PostProcess:3', [1]],
      ]);
      const expected = [0, 1, 2, 3].map((i) => readFileSync(join(REF, `output_${i}.bin`)));
      const same = (outs: { data: ArrayBufferView }[]) =>
        outs.every((o, i) => Buffer.from(o.data.buffer, o.data.byteOffset, o.data.byteLength).equals(expected[i]!));
      expect(same(await model.run([KITE]))).toBe(true);
      expect(same(await model.run({ normalized_input_image_tensor: KITE }))).toBe(true);
      expect(same(model.runSync([KITE]))).toBe(true);
      // A Node Buffer (fs.readFileSync) is a Uint8Array and is accepted as one.
      expect(same(await model.run([readFileSync(join(SHARED, 'data/raw_300x300/kite_and_cold.rgb'))]))).toBe(true);
      // Concurrent runs on one model are serialized, never mixed.
      const many = await Promise.all([1, 2, 3, 4].map(() => model.run([KITE])));
      expect(many.every(same)).toBe(true);
    } finally {
      model.dispose();
    }
    const one = await loadModel(SSD, { threads: 1 });
    const outs = await one.run([KITE]);
    one.dispose();
    expect(Buffer.from(outs[0]!.data.buffer).equals(readFileSync(join(REF, 'output_0.bin')))).toBe(true);
  });

  it('rejects inputs of the wrong dtype, size or count with InvalidInputError naming the input', async () => {
    const model = await loadModel(SSD);
    try {
      await expect(model.run([new Float32Array(270000)])).rejects.toThrow(InvalidInputError);
      await expect(model.run([new Uint8Array(100)])).rejects.toThrow(/normalized_input_image_tensor.*expected 270000 elements, got 100/);
      await expect(model.run([])).rejects.toThrow(/expected 1 input/);
      await expect(model.run({ wrong_name: KITE })).rejects.toThrow(/missing input "normalized_input_image_tensor"/);
    } finally {
      model.dispose();
    }
    await expect(model.run([KITE])).rejects.toThrow(/disposed/);
  });

  it('lists every unsupported op in one error before anything runs', async () => {
    const ir = readTflite(new Uint8Array(readFileSync(SSD)));
    const sg = ir.subgraphs[0]!;
    const patched: Model = {
      ...ir,
      subgraphs: [
        {
          ...sg,
          operators: sg.operators.map((op, i) =>
            i === 3 ? { ...op, op: { kind: 'custom' as const, customCode: 'MyCustomOp', version: 1 } } : i === 5 ? { ...op, op: { kind: 'builtin' as const, opcode: 'CUMSUM', version: 1 } } : op,
          ),
        },
      ],
    };
    const err = await createModel(patched, { file: 'patched.tflite' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnsupportedError);
    expect((err as Error).message).toMatch(/patched\.tflite: unsupported ops: (MyCustomOp \(1\), CUMSUM \(1\)|CUMSUM \(1\), MyCustomOp \(1\))/);
  });

  it('reports its arena size, computed when the plan is made, smaller than keeping every tensor', async () => {
    const lean = await loadModel(SSD);
    const full = await loadModel(SSD, { preserveIntermediates: true });
    try {
      expect(lean.memory().arenaBytes).toBeGreaterThan(300 * 300 * 3);
      expect(lean.memory().arenaBytes).toBeLessThan(full.memory().arenaBytes / 2);
    } finally {
      lean.dispose();
      full.dispose();
    }
  });
});

describe('memory limit (`maxMemory`, --max-memory)', () => {
  for (const backend of ['native', 'wasm']) {
    it(`${backend}: refuses a model over the limit with a typed error naming it and the amounts, then loads it within the limit`, async () => {
      const { MemoryLimitError } = await import('@liteq/core');
      // Below arena + constants: refused before the backend is asked.
      const early = await loadModel(SSD, { backend, maxMemory: 4 << 20 }).then(() => null, (e: unknown) => e);
      expect(early).toBeInstanceOf(MemoryLimitError);
      expect((early as Error).message).toMatch(/ssd_mobilenet_v2_coco_quant_postprocess\.tflite: needs at least 8822720 bytes .*over the limit of 4194304 bytes .*`maxMemory`/);
      // Above arena + constants but below the total with scratch and packed weights: the C++ core refuses.
      const late = await loadModel(SSD, { backend, maxMemory: 8822720 }).then(() => null, (e: unknown) => e);
      expect(late).toBeInstanceOf(MemoryLimitError);
      expect((late as Error).message).toMatch(/ssd_mobilenet_v2_coco_quant_postprocess\.tflite: memory limit: the plan needs arena 2700032 \+ constants 6122688 \+ kernel scratch \d+ \+ packed weights \d+ = (\d+) bytes, over the limit of 8822720 bytes/);
      const need = Number(/= (\d+) bytes/.exec((late as Error).message)![1]);
      // Exactly the amount it named is enough, and the model then runs as TFLite 2.9 does.
      const model = await loadModel(SSD, { backend, maxMemory: need });
      try {
        const outs = await model.run([KITE]);
        expect(Buffer.from(outs[0]!.data.buffer, outs[0]!.data.byteOffset, outs[0]!.data.byteLength).equals(readFileSync(join(REF, 'output_0.bin')))).toBe(true);
      } finally {
        model.dispose();
      }
      await expect(loadModel(SSD, { backend, maxMemory: -1 })).rejects.toThrow(InvalidInputError);
    });
  }
});
