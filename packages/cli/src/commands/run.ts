import path from 'node:path';
import type { Command } from 'commander';
import { decodeImage, DTYPE_BYTES, imageToInput, InvalidInputError, loadModel, typedArrayFor, writeFileAtomic, type LiteqModel, type OutputTensor, type TensorData, readFileLarge } from '@liteq/core';
import { BACKEND_FLAG, type BackendName, runtimeOpts, MAX_MEMORY_FLAG, parseThreads } from '../options.js';
import { table } from '../table.js';

/**
 * One input tensor from a file: its exact raw bytes; or, for an image-like [1,H,W,3] input, raw uint8
 * pixels of H*W*3 bytes (converted like the reference tool: float (x-mean)/std, int8 x-128) or an
 * encoded image (decoded and resized with half-pixel bilinear).
 */
async function inputFromFile(model: LiteqModel, index: number, file: string, mean: number, std: number): Promise<TensorData> {
  const info = model.inputs[index]!;
  const bytes = await readFileLarge(file);
  const elements = info.shape.reduce((a, b) => a * b, 1);
  const expectedBytes = elements * DTYPE_BYTES[info.dtype];
  if (bytes.byteLength === expectedBytes) return typedArrayFor(info.dtype, bytes);
  const imageLike = info.shape.length === 4 && info.shape[0] === 1 && info.shape[3] === 3;
  if (imageLike && bytes.byteLength === elements) {
    return imageToInput(model, { data: bytes, width: info.shape[2]!, height: info.shape[1]! }, { mean, std });
  }
  if (imageLike) return imageToInput(model, await decodeImage(bytes, file), { mean, std });
  throw new InvalidInputError(
    `${file}: ${bytes.byteLength} bytes do not fit input ${index} "${info.name}" ${info.dtype} [${info.shape.join(',')}] (${expectedBytes} bytes expected)`,
  );
}

const jsonValue = (v: number | bigint) => (typeof v === 'bigint' ? Number(v) : v);

function preview(o: OutputTensor): string {
  const vals = Array.from(o.data as ArrayLike<number | bigint>, jsonValue);
  const head = vals.slice(0, 6).map((v) => (Number.isInteger(v) ? String(v) : v.toPrecision(5)));
  let min = Infinity;
  let max = -Infinity;
  for (const v of vals) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return `[${head.join(', ')}${vals.length > 6 ? ', …' : ''}]  min ${min} max ${max}`;
}

export function registerRun(program: Command): void {
  program
    .command('run')
    .description('run a .tflite model once with liteq\'s kernels (native, or WebAssembly) and print or write every output')
    .argument('<model>', '.tflite model')
    .requiredOption('-i, --input <files...>', 'one file per model input: raw tensor bytes, raw uint8 RGB pixels, or an image')
    .option('-t, --threads <n>', 'threads for one inference (default: one per core)', parseThreads)
    .option('--mean <m>', 'float inputs from pixels: (x - mean) / std', Number, 127.5)
    .option('--std <s>', 'see --mean', Number, 127.5)
    .option('--out <dir>', 'write output_<i>.bin (little-endian, row-major) and index.json to this directory')
    .option('--json', 'print JSON: {backend, outputs: [{name, shape, dtype, data}]}')
    .option(...BACKEND_FLAG)
    .option(...MAX_MEMORY_FLAG)
    .action(async (modelPath: string, opts: { input: string[]; threads?: number; mean: number; std: number; out?: string; json?: boolean; backend?: BackendName; maxMemory?: number }) => {
      const model = await loadModel(modelPath, { threads: opts.threads ?? 0, ...runtimeOpts(opts) });
      try {
        if (opts.input.length !== model.inputs.length) {
          throw new InvalidInputError(`${modelPath} has ${model.inputs.length} input(s) (${model.inputs.map((i) => i.name).join(', ')}); got ${opts.input.length} --input file(s)`);
        }
        const inputs = await Promise.all(opts.input.map((f, i) => inputFromFile(model, i, f, opts.mean, opts.std)));
        const outputs = await model.run(inputs);
        if (opts.out) {
          const index = {
            runtime: `liteq ${model.backend}`,
            model: path.basename(modelPath),
            inputs: opts.input.map((f) => path.basename(f)),
            outputs: outputs.map((o, i) => ({ index: i, name: o.name, dtype: o.dtype, shape: o.shape, file: `output_${i}.bin` })),
          };
          const protectedFiles = [modelPath, ...opts.input];
          for (const [i, o] of outputs.entries()) {
            await writeFileAtomic(path.join(opts.out, `output_${i}.bin`), new Uint8Array(o.data.buffer, o.data.byteOffset, o.data.byteLength), protectedFiles);
          }
          await writeFileAtomic(path.join(opts.out, 'index.json'), `${JSON.stringify(index, null, 1)}\n`, protectedFiles);
        }
        if (opts.json) {
          const json = { backend: model.backend, outputs: outputs.map((o) => ({ name: o.name, shape: o.shape, dtype: o.dtype, data: Array.from(o.data as ArrayLike<number | bigint>, jsonValue) })) };
          process.stdout.write(`${JSON.stringify(json)}\n`);
        } else {
          process.stdout.write(`${table(['output', 'shape', 'dtype', 'values'], outputs.map((o) => [o.name, `[${o.shape.join(',')}]`, o.dtype, preview(o)]))}\n`);
        }
      } finally {
        model.dispose();
      }
    });
}
