// Synthetic large float models with real structure, for the large-model tests and benches: a CONV_2D
// (3x3, RELU) on a small RGB image (so image calibration works), RESHAPE, then a stack of FULLY_CONNECTED layers (RELU between) sized so
// the file reaches the requested bytes. Weights are drawn like trained ones: roughly normal with
// standard deviation 1/sqrt(fan_in), each output channel scaled by its own factor in [0.25, 2] (so
// per-channel quantization matters), a few large outliers; biases small. Deterministic for a seed.
//
//   node test/bench/large-model.mjs 300M|1G|2.5G|4.5G OUT.tflite [--seed N]
import { pathToFileURL } from 'node:url';

/** A small fast generator (mulberry32). */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** [out, in] weights: triangular noise (two uniforms) × 1/sqrt(fan_in) × a per-channel factor, 1e-4 outliers. */
function weights(out, inp, next) {
  const w = new Float32Array(out * inp);
  const std = 1 / Math.sqrt(inp);
  for (let o = 0; o < out; o++) {
    const f = std * (0.25 + 1.75 * next()) * 2.45; // triangular on [-1, 1] has std 1/sqrt(6)
    const row = w.subarray(o * inp, (o + 1) * inp);
    for (let i = 0; i < inp; i++) row[i] = (next() + next() - 1) * f;
    if (next() < 0.3) row[Math.floor(next() * inp)] = 8 * f * (next() < 0.5 ? -1 : 1);
  }
  return w;
}

const floats = (n, lo, hi, next) => Float32Array.from({ length: n }, () => lo + (hi - lo) * next());
const bytesOf = (a) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/**
 * The layer widths for about `target` bytes of FC weights: 16384 inputs, square hidden layers of
 * `width`, a last layer to 10 units.
 */
export function plan(target) {
  const width = target >= 2 ** 31 ? 16384 : target >= 2 ** 29 ? 8192 : 4096;
  const sizes = [16384];
  let bytes = 0;
  while (bytes < target) {
    const out = bytes + sizes.at(-1) * width * 4 > target * 1.05 ? Math.max(64, Math.floor((target - bytes) / (4 * sizes.at(-1)) / 64) * 64) : width;
    sizes.push(out);
    bytes += sizes.at(-2) * out * 4;
  }
  sizes.push(10);
  return sizes;
}

/** The IR of a synthetic float model of about `target` bytes (a Model for @liteq/core's writeTflite). */
export function makeLargeFloatModel(target, seed = 1) {
  const next = rng(seed);
  const tensors = [];
  const ops = [];
  const add = (t) => (tensors.push({ isVariable: false, hasRank: true, ...t }), tensors.length - 1);
  const builtin = (opcode, version, type, options) => ({ kind: 'builtin', opcode, version, options: { type, ...options } });
  const x = add({ name: 'image', shape: [1, 16, 16, 3], dtype: 'float32' });
  // CONV_2D 3x3, 3 → 64, SAME, RELU: [1,16,16,64] = 16384 values.
  const cw = add({ name: 'conv/weights', shape: [64, 3, 3, 3], dtype: 'float32', data: bytesOf(weights(64, 27, next)) });
  const cb = add({ name: 'conv/bias', shape: [64], dtype: 'float32', data: bytesOf(floats(64, -0.1, 0.1, next)) });
  const c = add({ name: 'conv/Relu', shape: [1, 16, 16, 64], dtype: 'float32' });
  ops.push({ op: builtin('CONV_2D', 1, 'Conv2DOptions', { padding: 'SAME', strideW: 1, strideH: 1, fusedActivationFunction: 'RELU', dilationWFactor: 1, dilationHFactor: 1 }), inputs: [x, cw, cb], outputs: [c] });
  const shape = add({ name: 'flatten/shape', shape: [2], dtype: 'int32', data: bytesOf(Int32Array.from([1, 16384])) });
  let h = add({ name: 'flatten', shape: [1, 16384], dtype: 'float32' });
  ops.push({ op: builtin('RESHAPE', 1, 'ReshapeOptions', { newShape: [1, 16384] }), inputs: [c, shape], outputs: [h] });
  const sizes = plan(target);
  for (let l = 1; l < sizes.length; l++) {
    const last = l === sizes.length - 1;
    const w = add({ name: `fc${l}/weights`, shape: [sizes[l], sizes[l - 1]], dtype: 'float32', data: bytesOf(weights(sizes[l], sizes[l - 1], next)) });
    const b = add({ name: `fc${l}/bias`, shape: [sizes[l]], dtype: 'float32', data: bytesOf(floats(sizes[l], -0.05, 0.05, next)) });
    const y = add({ name: last ? 'logits' : `fc${l}/Relu`, shape: [1, sizes[l]], dtype: 'float32' });
    ops.push({ op: builtin('FULLY_CONNECTED', 1, 'FullyConnectedOptions', { fusedActivationFunction: last ? 'NONE' : 'RELU', weightsFormat: 'DEFAULT', keepNumDims: false, asymmetricQuantizeInputs: false }), inputs: [h, w, b], outputs: [y] });
    h = y;
  }
  return {
    version: 3,
    description: `liteq synthetic large float model (${sizes.join('→')}, seed ${seed})`,
    subgraphs: [{ name: 'main', tensors, operators: ops.map((o) => ({ ...o, intermediates: [], mutatingVariableInputs: [] })), inputs: [x], outputs: [h] }],
    metadata: [],
    signatureDefs: [],
  };
}

const parseSize = (s) => {
  const m = /^(\d+(?:\.\d+)?)([KMG]?)$/i.exec(s);
  if (!m) throw new Error(`size ${s}: expected e.g. 300M, 1G, 2.5G`);
  return Math.round(Number(m[1]) * 1024 ** ' KMG'.indexOf((m[2] || ' ').toUpperCase()));
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [size, out] = process.argv.slice(2);
  const seedAt = process.argv.indexOf('--seed');
  if (!size || !out) {
    process.stderr.write('usage: node test/bench/large-model.mjs 300M|1G|2.5G|4.5G OUT.tflite [--seed N]\n');
    process.exit(2);
  }
  const { writeModelFile } = await import('@liteq/core');
  const model = makeLargeFloatModel(parseSize(size), seedAt > 0 ? Number(process.argv[seedAt + 1]) : 1);
  // Past 2 GB: tensor data after the flatbuffer (Buffer.offset/size), written tensor by tensor (any size).
  const bytes = await writeModelFile(out, model);
  process.stdout.write(`wrote ${out}: ${bytes} bytes, ${model.description}\n`);
}
