// npm run bench — liteq against its peers, all measured in this one run, on this machine.
//
// Runtimes (each model is loaded in all of them, then timed in interleaved rounds):
//   liteq 1t / 2t      @liteq/core loadModel() on the native addon (@liteq/native), { threads }
//   TFLite 1t / 2t     TFLite 2.9 C API through tfjs-tflite-node@0.0.2 (its runner: copy in, Invoke, copy out)
//   LiteRT.js 1t / 2t  @litertjs/core (WASM + XNNPACK), accelerator 'wasm', cpuOptions.numThreads
//   TF XNNPACK 1t / 2t TensorFlow 2.21's TFLite interpreter (tf.lite.Interpreter) with XNNPACK, its
//                      default delegate: the native peer a server user would pick (tf_peer.py, a Python
//                      process in a venv under test/bench/.cache/, made on first use with
//                      `pip install --retries 0 --timeout 5 tensorflow-cpu==2.21.0`; if that cannot be
//                      installed the bench says so and prints the other peers)
//   TF builtin 1t / 2t the same interpreter with builtin kernels only (no delegate)
//
// Prints median and p10/p90 wall ms per model × runtime, liteq/peer ratios, MAC/s and % of this CPU's
// compute peak at the ISA liteq dispatches to, the 2-thread speedup, and whether outputs agree with TFLite (liteq must be byte-equal
// on quantized models). Writes everything to bench/results/latest.json. Nothing here is asserted:
// wall times are never a pass/fail criterion.
//
// Options: --models=substr,substr  only models whose file name contains one of these
//          --runtimes=id,id         only these runtimes (liteq-1t, xnnpack-2t, ...; see RUNTIMES)
//          --runs=N                 timed runs per model × runtime (overrides the per-model default)
//          --quick                  a few runs each (smoke test of the harness)
//          --table                  only print the README speed table from results/latest.json
//                                   (a full run prints it at the end too)
//
// Node 20 ships WebAssembly relaxed SIMD behind --experimental-wasm-relaxed-simd; LiteRT.js needs it
// for its default and threaded builds (else it falls back to its "compat" build, single-threaded), and
// Chrome ships it on. So when it is missing this script re-runs itself once with the flag.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { ensureVenv } from '../python-venv.mjs';

const require = createRequire(import.meta.url);
const HERE = path.dirname(fileURLToPath(import.meta.url));

// ---- relaxed SIMD: re-exec once with the V8 flag if this Node lacks it -------------------------------
const RELAXED_SIMD_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 15, 1, 13, 0, 65, 1, 253, 15, 65,
  2, 253, 15, 253, 128, 2, 11,
]);
function hasRelaxedSimd() {
  try {
    return WebAssembly.validate(RELAXED_SIMD_PROBE);
  } catch {
    return false;
  }
}
if (!hasRelaxedSimd() && !process.env.LITEQ_BENCH_REEXEC) {
  const r = spawnSync(process.execPath, ['--experimental-wasm-relaxed-simd', ...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, LITEQ_BENCH_REEXEC: '1' },
  });
  // 9 = Node rejected the flag: carry on here without relaxed SIMD.
  if (r.status !== 9 && r.signal === null) process.exit(r.status ?? 1);
  if (r.signal) process.exit(1);
}

// ---- arguments ----------------------------------------------------------------------------------------
const args = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const m = /^--([^=]+)(?:=(.*))?$/.exec(a);
    return m ? [m[1], m[2] ?? true] : [a, true];
  }),
);
const QUICK = !!args.quick;
const MODEL_FILTER = typeof args.models === 'string' ? args.models.split(',') : null;
const RUNS_OVERRIDE = args.runs ? Number(args.runs) : null;
const RUNTIME_FILTER = typeof args.runtimes === 'string' ? args.runtimes.split(',') : null;

const SHARED = process.env.LITEQ_SHARED ?? path.resolve(HERE, '../../../shared');
const MODELS_DIR = path.join(SHARED, 'models/tflite');
const DATA = path.join(SHARED, 'data');

// runs: timed runs per model × runtime; budgetMs caps them (at least MIN_RUNS) while a runtime is slow.
const MODELS = [
  { file: 'ssd_mobilenet_v2_coco_quant_postprocess.tflite', label: 'SSD MobileNet v2 uint8', runs: 15, budgetMs: 9000 },
  { file: 'ssd_mobilenet_v1_coco_quant_2018_06_29.tflite', label: 'SSD MobileNet v1 uint8', runs: 15, budgetMs: 6000 },
  { file: 'tf2_mobilenet_v2_1.0_224_ptq.tflite', label: 'MobileNet v2 int8 (u8 IO)', runs: 25, budgetMs: 4000 },
  { file: 'mobilenet_v1_0.25_224_quant.tflite', label: 'MobileNet v1 0.25 uint8', runs: 60, budgetMs: 2500 },
  { file: 'mobilenet_v1_0.25_224_float.tflite', label: 'MobileNet v1 0.25 float', runs: 60, budgetMs: 2500 },
  { file: 'person_detect.tflite', label: 'person_detect int8', runs: 200, budgetMs: 1500 },
  { file: 'face_detection_short_range.tflite', label: 'BlazeFace float', runs: 100, budgetMs: 2000 },
];
const WARMUP = QUICK ? 1 : 2;
// Many short turns: this VM's speed drifts in phases of a second or so (the same loop measured 1.3 ms
// and 2.1 ms a few seconds apart, on either core, with nothing else running), so each runtime's runs
// are spread over the whole measurement instead of landing in one phase.
const ROUNDS = QUICK ? 1 : 12;
const MIN_RUNS = QUICK ? 2 : 5;
const SETTLE_MS = 60;
const WARM_MS = QUICK ? 0 : 25;
const PER_TURN_MIN = QUICK ? 1 : 3;

// ---- machine ------------------------------------------------------------------------------------------
function cpuInfo() {
  let text = '';
  try {
    text = fs.readFileSync('/proc/cpuinfo', 'utf8');
  } catch {
    /* not Linux */
  }
  const field = (name) => [...text.matchAll(new RegExp(`^${name}\\s*:\\s*(.*)$`, 'gm'))].map((m) => m[1].trim());
  const mhzList = field('cpu MHz').map(Number).filter((x) => x > 0);
  const flags = new Set((field('flags')[0] ?? '').split(/\s+/));
  const mhz = mhzList.length ? mhzList.reduce((a, b) => a + b, 0) / mhzList.length : (os.cpus()[0]?.speed ?? 0);
  return {
    model: field('model name')[0] ?? os.cpus()[0]?.model ?? 'unknown',
    mhz,
    mhzSource: mhzList.length ? '/proc/cpuinfo "cpu MHz" (mean over cores)' : 'os.cpus()[0].speed',
    cores: os.availableParallelism(),
    avx2: flags.has('avx2'),
    fma: flags.has('fma'),
    avx512vnni: flags.has('avx512_vnni'),
    avxvnni: flags.has('avx_vnni'),
  };
}
const CPU = cpuInfo();
// Compute peak per core per cycle at the ISA liteq dispatches to (set in main() from the backend's
// info().isa). int8: AVX2 — one 256-bit vpmaddubsw-class multiply-add step per cycle = 32 u8×s8 MACs;
// AVX-512 VNNI — one 512-bit vpdpbusd per cycle = 64 MACs. float32: 2 FMA ports × 8 lanes = 16
// MACs/cycle (liteq's float kernels are AVX2 at every level).
const PEAK = { isa: 'avx2', int8MacsPerCycle: 32, f32MacsPerCycle: 16 };
const INT8_MACS_PER_CYCLE = { avx512vnni: 64, avx512: 32, avx2: 32, sse41: 16, scalar: 1 };
const peakMacsPerSec = (threads, isFloat) => threads * CPU.mhz * 1e6 * (isFloat ? PEAK.f32MacsPerCycle : PEAK.int8MacsPerCycle);

// ---- inputs -------------------------------------------------------------------------------------------
const rawCache = new Map();
function rawRgb(size, name) {
  const key = `${size}/${name}`;
  if (!rawCache.has(key)) rawCache.set(key, new Uint8Array(fs.readFileSync(path.join(DATA, `raw_${size}x${size}`, `${name}.rgb`))));
  return rawCache.get(key);
}
/**
 * A deterministic input for shape [1,H,W,C]: the shared raw RGB (kite_and_cold at 300, grace_hopper at
 * 224), nearest-resampled from the 224 image for other sizes, luminance for C=1; then per dtype:
 * uint8 as is, int8 x-128, float32 (x-127.5)/127.5.
 */
function makeInput(shape, dtype) {
  const [, h, w, c] = shape;
  const src = h === 300 && w === 300 ? { px: rawRgb(300, 'kite_and_cold'), size: 300 } : { px: rawRgb(224, 'grace_hopper'), size: 224 };
  const u8 = new Uint8Array(h * w * c);
  for (let y = 0; y < h; y++) {
    const sy = Math.min(src.size - 1, Math.floor(((y + 0.5) * src.size) / h));
    for (let x = 0; x < w; x++) {
      const sx = Math.min(src.size - 1, Math.floor(((x + 0.5) * src.size) / w));
      const s = (sy * src.size + sx) * 3;
      const d = (y * w + x) * c;
      if (c === 1) u8[d] = (77 * src.px[s] + 150 * src.px[s + 1] + 29 * src.px[s + 2]) >> 8;
      else for (let k = 0; k < c; k++) u8[d + k] = src.px[s + (k % 3)];
    }
  }
  switch (dtype) {
    case 'uint8':
      return u8;
    case 'int8':
      return Int8Array.from(u8, (v) => v - 128);
    case 'float32':
      return Float32Array.from(u8, (v) => (v - 127.5) / 127.5);
    default:
      throw new Error(`no input recipe for dtype ${dtype}`);
  }
}

// ---- statistics and formatting ------------------------------------------------------------------------
function quantile(sorted, q) {
  if (!sorted.length) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}
function stats(times) {
  const s = [...times].sort((a, b) => a - b);
  return { n: s.length, medianMs: quantile(s, 0.5), p10Ms: quantile(s, 0.1), p90Ms: quantile(s, 0.9), minMs: s[0], maxMs: s[s.length - 1] };
}
const fmtMs = (ms) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));
const fmtRate = (x) => (x >= 1e9 ? `${(x / 1e9).toFixed(2)} G` : `${(x / 1e6).toFixed(0)} M`);
const errText = (e) => String(e?.message ?? e).split('\n').map((l) => l.trim()).filter((l) => l && !/^at /.test(l))[0]?.slice(0, 130) ?? 'error';

// ---- output agreement ---------------------------------------------------------------------------------
/**
 * Compares outputs with the reference (TFLite 1 thread). Quantized outputs: max difference in LSBs.
 * Float outputs: max absolute difference. exact = every element identical (bytes equal).
 */
function compareOutputs(ref, got, dtypes) {
  if (!ref || !got) return { status: 'n/a', text: '– unchecked: no TFLite output' };
  if (ref.length !== got.length) return { status: 'bad', text: `${got.length} outputs vs ${ref.length}` };
  let exact = true;
  let maxLsb = 0;
  let maxAbs = 0;
  let scale = 0;
  for (let i = 0; i < ref.length; i++) {
    const a = ref[i];
    const b = got[i];
    if (a.length !== b.length) return { status: 'bad', text: `output ${i}: ${b.length} elements vs ${a.length}` };
    const quant = dtypes[i] !== 'float32';
    for (let j = 0; j < a.length; j++) {
      const x = Number(a[j]);
      const y = Number(b[j]);
      if (Object.is(x, y)) continue;
      exact = false;
      const d = Math.abs(x - y);
      if (quant) maxLsb = Math.max(maxLsb, d);
      else {
        maxAbs = Math.max(maxAbs, d);
        scale = Math.max(scale, Math.abs(x));
      }
    }
  }
  if (exact) return { status: 'exact', text: '✓ exact' };
  const parts = [];
  if (maxLsb) parts.push(`±${maxLsb} LSB`);
  if (maxAbs) parts.push(`max|Δ| ${maxAbs.toPrecision(2)}`);
  // Close: quantized within 2 LSB; float within 1e-4 relative to the output's magnitude.
  const close = maxLsb <= 2 && maxAbs <= 1e-4 * Math.max(1, scale);
  return { status: close ? 'close' : 'differs', text: `${close ? '≈' : '✗'} ${parts.join(', ')}`, maxLsb, maxAbs };
}

/** SSD outputs [boxes, classes, scores, count]: do the detections scoring ≥ 0.5 match (class, IoU)? */
function compareDetections(ref, got) {
  const dets = (o) => {
    const n = Math.round(Number(o[3][0]));
    const out = [];
    for (let i = 0; i < n; i++) if (o[2][i] >= 0.5) out.push({ cls: o[1][i], score: o[2][i], box: Array.from(o[0].subarray(4 * i, 4 * i + 4)) });
    return out;
  };
  const iou = (a, b) => {
    const ih = Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0]));
    const iw = Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]));
    const inter = ih * iw;
    const area = (x) => Math.max(0, x[2] - x[0]) * Math.max(0, x[3] - x[1]);
    return inter / (area(a) + area(b) - inter || 1);
  };
  const a = dets(ref);
  const b = dets(got);
  const matched = a.filter((d) => b.some((e) => e.cls === d.cls && iou(d.box, e.box) >= 0.9)).length;
  const same = matched === a.length && a.length === b.length;
  return { same, ref: a.length, got: b.length, matched, text: same ? `same ${a.length} detections ≥0.5` : `detections ≥0.5: ${matched}/${a.length} matched, ${b.length} found` };
}

// ---- runtimes -----------------------------------------------------------------------------------------
async function liteqRuntime(backend = 'native') {
  const core = await import('@liteq/core');
  await import(backend === 'wasm' ? '@liteq/web' : '@liteq/native');
  await core.resolveBackend(backend);
  return {
    core,
    async load(bytes, file, threads) {
      const m = await core.loadModel(bytes, { threads, file, backend });
      let lastInput;
      return {
        run: async (input) => {
          lastInput = input;
          return (await m.run([input])).map((o) => o.data);
        },
        // Timed like the native peer's loop (tf_peer.py `time`): n inferences back to back on this
        // thread, each copy in + run + copy out, each timed. (An awaited run() per inference would
        // also time a hop to libuv's pool and back, which neither native peer pays.)
        timed: async (n, warmMs = 0) => {
          for (const until = performance.now() + warmMs; ; ) {
            m.runSync([lastInput]);
            if (performance.now() >= until) break;
          }
          const ms = [];
          for (let i = 0; i < n; i++) {
            const t = performance.now();
            m.runSync([lastInput]);
            ms.push(performance.now() - t);
          }
          return ms;
        },
        dispose: () => m.dispose(),
      };
    },
  };
}

async function tfliteRuntime() {
  // The CommonJS builds, the ones tfjs-tflite-node itself requires (one tfjs-core instance).
  // Several tfjs-core instances end up loaded (@liteq/core's ESM import, the CJS one, the copy nested in
  // tfjs-tflite-node); each later one warns "Platform node has already been set": harmless, silenced.
  const warn = console.warn;
  console.warn = (...a) => (/Platform node has already been set/.test(a.join(' ')) ? undefined : warn(...a));
  let loadTFLiteModel;
  try {
    require('@tensorflow/tfjs-core');
    require('@tensorflow/tfjs-backend-cpu');
    ({ loadTFLiteModel } = require('tfjs-tflite-node'));
  } finally {
    console.warn = warn;
  }
  return {
    async load(bytes, _file, threads) {
      const model = await loadTFLiteModel(bytes.slice().buffer, { numThreads: threads });
      // The runner under TFLiteModel.predict: input buffers are copied into the interpreter by infer(),
      // outputs copied out after Invoke — the same work liteq's run() does, without tfjs tensors.
      const runner = model.modelRunner;
      const inputs = runner.getInputs();
      const outputs = runner.getOutputs();
      if (inputs.length !== 1) throw new Error(`${inputs.length} inputs`);
      const inBuf = inputs[0].data();
      return {
        run: async (input) => {
          inBuf.set(input);
          if (!runner.infer()) throw new Error('TFLite Invoke failed');
          return outputs.map((o) => o.data().slice());
        },
        dispose: () => runner.cleanUp?.(),
      };
    },
  };
}

/**
 * LiteRT.js in Node. loadLiteRt(dir) picks a build by WASM features and loads its emscripten glue with
 * importScripts() (workers) or a <script> tag (pages) — Node has neither. So, in this process only:
 * `self` = globalThis, and importScripts() evaluates the glue with vm as CommonJS (the glue itself
 * knows Node: it reads the .wasm with fs via locateFile). The threaded build starts pthreads as
 * worker_threads on the glue's own file, which sits in an ESM ("type": "module") package, so the glue is
 * copied to a temp .cjs and handed over as mainScriptUrlOrBlob; it also sizes its pool from
 * navigator.hardwareConcurrency, which Node 20 lacks. Models are passed as bytes (no fetch).
 */
async function litertRuntime() {
  const lrt = await import('@litertjs/core');
  const wasmDir = path.join(path.dirname(require.resolve('@litertjs/core')), '..', 'wasm') + path.sep;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'liteq-bench-litert-'));
  process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
  globalThis.self ??= globalThis;
  globalThis.navigator ??= { hardwareConcurrency: os.availableParallelism() };
  let loadedFile = '';
  // The glue's own stdout/stderr (INFO/WARNING/ERROR lines): kept, and the ERROR lines of a failed
  // call become its reason in the table.
  let logLines = [];
  const keep = (...a) => {
    logLines.push(a.join(' '));
    if (logLines.length > 200) logLines = logLines.slice(-100);
  };
  globalThis.importScripts = (url) => {
    const file = String(url).startsWith('file:') ? fileURLToPath(String(url)) : String(url);
    const code = fs.readFileSync(file, 'utf8');
    const cjs = path.join(tmp, path.basename(file).replace(/\.js$/, '.cjs'));
    fs.writeFileSync(cjs, code);
    globalThis.Module = { locateFile: (p) => path.join(wasmDir, p), mainScriptUrlOrBlob: cjs, print: keep, printErr: keep };
    const fn = vm.runInThisContext(`(function (require, __filename, __dirname) {${code}\n;globalThis.ModuleFactory = ModuleFactory;})`, { filename: file });
    fn(require, cjs, tmp);
    loadedFile = path.basename(file);
  };
  // LiteRT logs INFO/WARNING lines (and a WebGPU-device failure) while loading: keep the table readable.
  const quiet = async (f) => {
    const saved = [console.log, console.info, console.warn, console.error, process.stderr.write];
    const log = [];
    console.log = console.info = console.warn = console.error = (...a) => log.push(a.join(' '));
    process.stderr.write = (chunk, ...rest) => (log.push(String(chunk)), typeof rest.at(-1) === 'function' && rest.at(-1)(), true);
    logLines = [];
    try {
      return await f();
    } catch (e) {
      const reasons = [...log, ...logLines].filter((l) => /error|fail|unsupported|invalid/i.test(l) && !/^INFO/.test(l));
      if (reasons.length) e.message = reasons.slice(-2).join(' / ').replace(/\s+/g, ' ');
      throw e;
    } finally {
      [console.log, console.info, console.warn, console.error, process.stderr.write] = saved;
    }
  };
  let threaded = false;
  try {
    await quiet(() => lrt.loadLiteRt(wasmDir, { threads: true }));
    threaded = true;
  } catch (e) {
    await quiet(() => lrt.loadLiteRt(wasmDir, {})).catch((e2) => {
      throw new Error(`loadLiteRt failed: threaded: ${errText(e)}; single: ${errText(e2)}`);
    });
  }
  const variant = `${loadedFile}${hasRelaxedSimd() ? ' (relaxed SIMD)' : ''}`;
  return {
    variant,
    threaded,
    async load(bytes, _file, threads) {
      if (threads > 1 && !threaded) throw new Error('threaded LiteRT.js build needs relaxed SIMD + wasm threads');
      const m = await quiet(() => lrt.loadAndCompile(bytes, { accelerator: 'wasm', cpuOptions: { numThreads: threads } }));
      const det = m.getInputDetails();
      if (det.length !== 1) throw new Error(`${det.length} inputs`);
      let tensor = null;
      return {
        run: async (input) => {
          let outs;
          if (!tensor) {
            tensor = new lrt.Tensor(input, [...det[0].shape]);
            outs = await quiet(() => m.run(tensor)); // the first run logs
          } else outs = await m.run(tensor);
          const data = outs.map((o) => o.toTypedArray().slice());
          outs.forEach((o) => o.delete());
          return data;
        },
        dispose: () => {
          tensor?.delete();
          m.delete();
        },
      };
    },
  };
}

/** SSD files from TOCO leave the post-process outputs shapeless; LiteRT.js wants static output shapes. */
function withStaticDetectionShapes(core, bytes, file) {
  const model = core.readTflite(bytes, file);
  const sg = model.subgraphs[0];
  const pp = sg.operators.find((o) => o.op.kind === 'custom' && o.op.customCode === 'TFLite_Detection_PostProcess');
  const summary = core.summarizeTflite(model, bytes.length);
  const opts = summary.custom_options?.TFLite_Detection_PostProcess ?? {};
  const n = (opts.max_detections ?? 10) * (opts.max_classes_per_detection ?? 1);
  const shapes = [[1, n, 4], [1, n], [1, n], [1]];
  const outs = pp?.outputs ?? sg.outputs;
  if (outs.length !== 4) throw new Error(`post-process has ${outs.length} outputs`);
  outs.forEach((ti, i) => {
    const t = sg.tensors[ti];
    t.shape = shapes[i];
    t.shapeSignature = shapes[i];
    t.hasRank = true;
  });
  return core.writeTflite(model);
}

/**
 * TensorFlow 2.21's TFLite interpreter in a Python process (tf_peer.py), requests and replies as JSON
 * lines. Its runs are timed inside that process (copy in, invoke, copy out), so the pipe costs nothing.
 */
async function tfPeerRuntime() {
  const venv = process.env.LITEQ_BENCH_TF_VENV ?? path.join(HERE, '.cache', 'tf-venv');
  const python = ensureVenv(venv, 'tensorflow-cpu==2.21.0', 'tensorflow', () =>
    console.log(`Installing the native peer (tensorflow-cpu==2.21.0) into ${path.relative(process.cwd(), venv)} ...`),
  );
  const { spawn } = await import('node:child_process');
  const child = spawn(python, [path.join(HERE, 'tf_peer.py')], { stdio: ['pipe', 'pipe', 'ignore'], env: { ...process.env, TF_CPP_MIN_LOG_LEVEL: '3' } });
  process.on('exit', () => child.kill());
  let buf = '';
  const waiting = [];
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (d) => {
    buf += d;
    let i;
    while ((i = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, i);
      buf = buf.slice(i + 1);
      waiting.shift()?.(JSON.parse(line));
    }
  });
  child.on('exit', (code) => {
    for (const w of waiting.splice(0)) w({ error: `tf_peer.py exited (${code})` });
  });
  const ask = (req) =>
    new Promise((resolve, reject) => {
      waiting.push((r) => (r.error ? reject(new Error(r.error)) : resolve(r)));
      if (req) child.stdin.write(JSON.stringify(req) + '\n');
    });
  const ready = await ask(null);
  const core = await import('@liteq/core');
  return {
    version: ready.tensorflow,
    async load(_bytes, _file, threads, { path: modelPath, mode, dtypes }) {
      const { handle } = await ask({ cmd: 'load', model: modelPath, threads, mode });
      const decode = (b64, i) => {
        const b = Buffer.from(b64, 'base64');
        return core.typedArrayFor(dtypes[i], new Uint8Array(b.buffer, b.byteOffset, b.byteLength));
      };
      return {
        run: async (input) => (await ask({ cmd: 'run', handle, input: Buffer.from(input.buffer, input.byteOffset, input.byteLength).toString('base64') })).outputs.map(decode),
        timed: async (n, warmMs = 0) => (await ask({ cmd: 'time', handle, n, warm_ms: warmMs })).ms,
        dispose: () => void ask({ cmd: 'dispose', handle }).catch(() => {}),
      };
    },
  };
}

// ---- the run ------------------------------------------------------------------------------------------
const RUNTIMES = [
  { id: 'liteq-1t', kind: 'liteq', threads: 1, label: 'liteq 1t' },
  { id: 'liteq-2t', kind: 'liteq', threads: 2, label: 'liteq 2t' },
  { id: 'tflite-1t', kind: 'tflite', threads: 1, label: 'TFLite 2.9 1t' },
  { id: 'tflite-2t', kind: 'tflite', threads: 2, label: 'TFLite 2.9 2t' },
  { id: 'litert-1t', kind: 'litert', threads: 1, label: 'LiteRT.js 1t' },
  { id: 'litert-2t', kind: 'litert', threads: 2, label: 'LiteRT.js 2t' },
  { id: 'liteq-wasm-1t', kind: 'liteqwasm', threads: 1, label: 'liteq-wasm 1t' },
  { id: 'xnnpack-1t', kind: 'tf', mode: 'xnnpack', threads: 1, label: 'TF 2.21 XNNPACK 1t' },
  { id: 'xnnpack-2t', kind: 'tf', mode: 'xnnpack', threads: 2, label: 'TF 2.21 XNNPACK 2t' },
  { id: 'tfbuiltin-1t', kind: 'tf', mode: 'builtin', threads: 1, label: 'TF 2.21 builtin 1t' },
  { id: 'tfbuiltin-2t', kind: 'tf', mode: 'builtin', threads: 2, label: 'TF 2.21 builtin 2t' },
];
const SELECTED_RUNTIMES = RUNTIMES.filter((x) => !RUNTIME_FILTER || RUNTIME_FILTER.includes(x.id));
const PEER_NAME = { tflite: 'TFLite 2.9', litert: 'LiteRT.js', xnnpack: 'XNNPACK', tfbuiltin: 'TF builtin' };

async function main() {
  const t0 = performance.now();
  const loadStart = os.loadavg();
  const backends = {};
  const backendErrors = {};
  const wanted = new Set(['liteq', ...SELECTED_RUNTIMES.map((x) => x.kind)]);
  for (const [kind, make] of [['liteq', liteqRuntime], ['liteqwasm', () => liteqRuntime('wasm')], ['tflite', tfliteRuntime], ['litert', litertRuntime], ['tf', tfPeerRuntime]]) {
    if (!wanted.has(kind)) {
      backendErrors[kind] = 'not selected (--runtimes)';
      continue;
    }
    try {
      backends[kind] = await make();
    } catch (e) {
      backendErrors[kind] = errText(e);
    }
  }
  if (!backends.liteq) {
    console.error(`liteq could not load: ${backendErrors.liteq}\nBuild first: npm run build (or cd packages/core && npm run build; cd packages/native && npm run build)`);
    process.exit(1);
  }
  const core = backends.liteq.core;
  const liteqInfo = (await core.resolveBackend('native')).info();
  PEAK.isa = liteqInfo.isa;
  PEAK.int8MacsPerCycle = INT8_MACS_PER_CYCLE[liteqInfo.isa] ?? 32;

  console.log(`liteq bench — ${new Date().toISOString()}  node ${process.version}`);
  console.log(`CPU: ${CPU.model}, ${CPU.cores} cores, ${CPU.mhz.toFixed(0)} MHz (${CPU.mhzSource}); AVX2 ${CPU.avx2 ? 'yes' : 'no'}, FMA ${CPU.fma ? 'yes' : 'no'}, AVX-512 VNNI ${CPU.avx512vnni ? 'yes' : 'no'}`);
  console.log(`liteq dispatches to ${PEAK.isa} (LITEQ_ISA caps it). Peak assumption at that ISA: int8 ${PEAK.int8MacsPerCycle} MACs/cycle/core (${PEAK.isa === 'avx512vnni' ? 'one 512-bit vpdpbusd' : 'AVX2 vpmaddubsw+vpmaddwd, 256-bit'}), float32 ${PEAK.f32MacsPerCycle} MACs/cycle/core (2×8-lane FMA);`);
  console.log(`  = ${(peakMacsPerSec(1, false) / 1e9).toFixed(1)} G int8 MAC/s per core at the clock above. % peak uses the threads the runtime was given.`);
  console.log(`Native peer: ${backends.tf ? `TensorFlow ${backends.tf.version} tf.lite.Interpreter (XNNPACK; builtin kernels only)` : `unavailable (${backendErrors.tf})`}`);
  console.log(`LiteRT.js: ${backends.litert ? backends.litert.variant : `unavailable (${backendErrors.litert})`}; TFLite: ${backends.tflite ? 'tfjs-tflite-node@0.0.2 (libtensorflowlite_c 2.9)' : `unavailable (${backendErrors.tflite})`}`);
  if (loadStart[0] > CPU.cores * 0.75) console.log(`⚠ load average ${loadStart.map((x) => x.toFixed(2)).join(' ')} on ${CPU.cores} cores: other work is running, absolute times are noisy (ratios within this run are still comparable).`);
  console.log('');

  const results = [];
  const models = MODELS.filter((m) => !MODEL_FILTER || MODEL_FILTER.some((f) => m.file.includes(f)));
  for (const spec of models) {
    const file = path.join(MODELS_DIR, spec.file);
    const entry = { model: spec.file, label: spec.label, runtimes: {} };
    results.push(entry);
    let bytes;
    try {
      bytes = new Uint8Array(fs.readFileSync(file));
    } catch (e) {
      entry.error = errText(e);
      continue;
    }
    const ir = core.readTflite(bytes, spec.file);
    const summary = core.summarizeTflite(ir, bytes.length);
    const inInfo = summary.inputs[0];
    const isFloat = inInfo.dtype === 'float32' && summary.outputs.every((o) => o.dtype === 'float32');
    const outDtypes = summary.outputs.map((o) => o.dtype);
    entry.macs = summary.macs;
    entry.input = { shape: inInfo.shape, dtype: inInfo.dtype };
    entry.float = isFloat;
    const input = makeInput(inInfo.shape, inInfo.dtype);
    const isSsd = 'TFLite_Detection_PostProcess' in (summary.custom_options ?? {});
    let litertBytes = bytes;
    let litertNote = '';

    // Load everything first.
    const live = [];
    for (const rt of SELECTED_RUNTIMES) {
      const r = { id: rt.id, label: rt.label, threads: rt.threads };
      entry.runtimes[rt.id] = r;
      const be = backends[rt.kind];
      if (!be) {
        r.error = `runtime unavailable: ${backendErrors[rt.kind]}`;
        continue;
      }
      try {
        let mb = bytes;
        if (rt.kind === 'litert' && isSsd) {
          if (litertBytes === bytes) {
            litertBytes = withStaticDetectionShapes(core, bytes, spec.file);
            litertNote = 'static post-process output shapes (liteq readTflite → shapes → writeTflite, in memory)';
          }
          mb = litertBytes;
        }
        const h = await be.load(mb, spec.file, rt.threads, { path: file, mode: rt.mode, dtypes: outDtypes });
        if (rt.kind === 'litert' && litertNote) r.note = litertNote;
        // Warm-up; the first run's outputs are the ones checked.
        r.first = await h.run(input);
        for (let i = 1; i < WARMUP; i++) await h.run(input);
        live.push({ rt, r, h, times: [] });
      } catch (e) {
        r.error = errText(e);
        if (process.env.LITEQ_BENCH_DEBUG) console.error(rt.id, e, e.log);
      }
    }

    // Timed runs, interleaved in rounds so drift (other load, clocks) hits every runtime alike.
    const target = RUNS_OVERRIDE ?? (QUICK ? MIN_RUNS : spec.runs);
    for (const l of live) {
      const t = performance.now();
      l.last = await l.h.run(input);
      const once = performance.now() - t;
      l.runs = Math.max(Math.min(target, Math.floor(spec.budgetMs / Math.max(once, 0.01))), Math.min(MIN_RUNS, target));
    }
    // Each turn starts with WARM_MS of untimed inferences (at least one; every runtime alike): on this
    // VM the runs right after an idle pause or another process's turn were often up to 2-3× slower
    // (vCPUs coming back from idle, the previous runtime's threads still spinning), which would
    // otherwise land on whichever runtime had the fewest runs per turn.
    const perTurn = (l) => Math.max(PER_TURN_MIN, Math.ceil(l.runs / ROUNDS));
    while (live.some((l) => !l.failed && l.times.length < l.runs)) {
      for (const l of live) {
        if (l.failed || l.times.length >= l.runs) continue;
        // A pause before each runtime's turn, so the previous one's worker threads (XNNPACK's and
        // liteq's spin a little after a run; LiteRT.js' pthreads) are idle again and do not compete.
        await new Promise((r) => setTimeout(r, QUICK ? 5 : SETTLE_MS));
        const n = Math.min(perTurn(l), l.runs - l.times.length);
        try {
          if (l.h.timed) {
            l.times.push(...(await l.h.timed(n, WARM_MS)));
            continue;
          }
          for (const until = performance.now() + WARM_MS; ; ) {
            l.last = await l.h.run(input);
            if (performance.now() >= until) break;
          }
          for (let i = 0; i < n; i++) {
            const t = performance.now();
            l.last = await l.h.run(input);
            l.times.push(performance.now() - t);
          }
        } catch (e) {
          l.r.error = `run failed: ${errText(e)}`;
          l.failed = true;
        }
      }
    }
    for (const l of live) {
      l.h.dispose();
      if (!l.times.length) continue;
      Object.assign(l.r, stats(l.times));
      l.r.macsPerSec = summary.macs ? summary.macs / (l.r.medianMs / 1e3) : null;
      l.r.pctPeak = l.r.macsPerSec ? (100 * l.r.macsPerSec) / peakMacsPerSec(l.rt.threads, isFloat) : null;
      const det = compareOutputs(l.r.first, l.last, outDtypes);
      l.r.deterministic = det.status === 'exact';
    }

    // Agreement with TFLite 1 thread.
    const ref = entry.runtimes['tflite-1t']?.first;
    for (const r of Object.values(entry.runtimes)) {
      if (!r.first) continue;
      if (r.id === 'tflite-1t') r.agreement = { status: 'ref', text: 'reference' };
      else r.agreement = compareOutputs(ref, r.first, outDtypes);
      if (isSsd && ref && r.id !== 'tflite-1t' && r.agreement.status !== 'exact') r.agreement.detections = compareDetections(ref, r.first);
      if (r.id.startsWith('liteq')) {
        // liteq is bit-exact to TFLite's reference integer semantics: quantized must be byte-equal;
        // float models may differ by float rounding (summation order).
        const ok = r.agreement.status === 'exact' || (isFloat && r.agreement.status === 'close');
        r.agreement.ok = ref ? ok : null;
        const rest = r.agreement.text.replace(/^[✓≈✗] /, '');
        r.agreement.text = !ref ? r.agreement.text : r.agreement.status === 'exact' ? '✓ exact' : ok ? `✓ ≈ ${rest} (float)` : `✗ ${rest}`;
      } else if (r.id !== 'tflite-1t' && ref) {
        // Peers are not held to bit-exactness (XNNPACK requantizes in fp32): informational.
        r.agreement.text = r.agreement.status === 'exact' ? '= exact' : `≠ ${r.agreement.text.replace(/^[✓≈✗] /, '')}`;
      }
      if (r.agreement.detections) r.agreement.text += `; ${r.agreement.detections.text}`;
      delete r.first;
    }

    // Ratios: liteq / peer at the same thread count.
    for (const t of [1, 2]) {
      const lq = entry.runtimes[`liteq-${t}t`];
      for (const peer of ['tflite', 'litert', 'xnnpack', 'tfbuiltin']) {
        const p = entry.runtimes[`${peer}-${t}t`];
        if (lq?.medianMs && p?.medianMs) (lq.ratios ??= {})[peer] = lq.medianMs / p.medianMs;
      }
    }
    const w1 = entry.runtimes['liteq-wasm-1t'];
    const p1 = entry.runtimes['litert-1t'];
    if (w1?.medianMs && p1?.medianMs) (w1.ratios ??= {}).litert = w1.medianMs / p1.medianMs;
    const l1 = entry.runtimes['liteq-1t'];
    const l2 = entry.runtimes['liteq-2t'];
    if (l1?.medianMs && l2?.medianMs) entry.liteqSpeedup2t = l1.medianMs / l2.medianMs;

    printModel(entry);
  }

  // Issue targets (reported, never asserted).
  const targets = [];
  const ratioTarget = (model, t, peer, limit, goal) => {
    const e = results.find((r) => r.model.startsWith(model));
    if (!e) return;
    const x = e.runtimes[`liteq-${t}t`]?.ratios?.[peer];
    const goalText = goal ? `, ${goal}× goal` : '';
    targets.push({
      target: `${e.label}, ${t} thread${t > 1 ? 's' : ''}: liteq ≤ ${limit}× ${PEER_NAME[peer]}${goalText}`,
      value: x ?? null,
      text: x == null ? 'not measured' : `${x.toFixed(2)}× ${PEER_NAME[peer]} — ${goal && x <= goal ? 'meets the goal' : x <= limit ? `meets it${goal ? ', not the goal' : ''}` : 'misses it'}`,
    });
  };
  for (const t of [1, 2]) ratioTarget('ssd_mobilenet_v2', t, 'xnnpack', 0.6, 0.5);
  ratioTarget('ssd_mobilenet_v1', 1, 'xnnpack', 0.8);
  ratioTarget('tf2_mobilenet_v2', 1, 'xnnpack', 0.8);
  ratioTarget('face_detection', 1, 'xnnpack', 0.8);
  const ssd = results.find((r) => r.model.startsWith('ssd_mobilenet_v2'));
  if (ssd) {
    const sp = ssd.liteqSpeedup2t;
    targets.push({
      target: 'SSD v2 uint8: liteq 2 threads ≥ 1.85× faster than 1 thread',
      value: sp ?? null,
      text: sp == null ? 'not measured' : `${sp.toFixed(2)}× — ${sp >= 1.85 ? 'meets it' : 'misses it'}`,
    });
  }
  for (const e of results) {
    const w = e.runtimes?.['liteq-wasm-1t']?.ratios?.litert;
    if (!/^(ssd_mobilenet_v2|mobilenet|tf2_mobilenet)/.test(e.model)) continue;
    targets.push({
      target: `${e.label ?? e.model}, 1 thread: liteq-wasm ≤ 0.8× LiteRT.js`,
      value: w ?? null,
      text: w == null ? 'not measured' : `${w.toFixed(2)}× LiteRT.js — ${w <= 0.8 ? 'meets it' : 'misses it'}`,
    });
  }
  console.log('Targets (from the issue; reported, not asserted):');
  for (const t of targets) console.log(`  ${t.target}: ${t.text}`);
  const loadEnd = os.loadavg();
  const wallS = (performance.now() - t0) / 1e3;
  console.log(`\nBench wall time ${wallS.toFixed(0)} s; load average at end ${loadEnd.map((x) => x.toFixed(2)).join(' ')}.`);

  const out = {
    date: new Date().toISOString(),
    node: process.version,
    cpu: CPU,
    peak: { ...PEAK, note: 'peak MAC/s = threads × MHz × MACs/cycle at the ISA liteq dispatched to (isa)' },
    loadavg: { start: loadStart, end: loadEnd },
    method: { warmup: WARMUP, rounds: ROUNDS, perTurnMin: PER_TURN_MIN, warmMs: WARM_MS, minRuns: MIN_RUNS, quick: QUICK, modelFilter: MODEL_FILTER, runsOverride: RUNS_OVERRIDE, settleMs: SETTLE_MS, note: 'per model × runtime: warm-up, then timed runs interleaved across runtimes in turns (each after a settle pause and WARM_MS of untimed inferences; liteq and the TF peer time back-to-back runs in their own loop); capped by a per-model time budget' },
    runtimes: {
      liteq: 'loadModel(bytes, { threads }) on @liteq/native; run([input]) for the checked outputs, runSync([input]) back to back when timed',
      liteqwasm: 'loadModel(bytes, { threads: 1, backend: "wasm" }) on @liteq/web (native/ as wasm32-wasi + SIMD128, one thread); run([input]) for the checked outputs, runSync([input]) back to back when timed',
      tflite: backends.tflite ? 'tfjs-tflite-node@0.0.2 runner: input.set, infer() (copy in, TfLiteInterpreterInvoke, copy out)' : backendErrors.tflite,
      tf: backends.tf ? `TensorFlow ${backends.tf.version} tf.lite.Interpreter(num_threads), XNNPACK (default delegate) or OpResolverType.BUILTIN_WITHOUT_DEFAULT_DELEGATES; runs timed in the Python process` : backendErrors.tf,
      litert: backends.litert ? `@litertjs/core ${require('@litertjs/core/package.json').version}, ${backends.litert.variant}, accelerator wasm, cpuOptions.numThreads` : backendErrors.litert,
    },
    models: results,
    targets,
    wallSeconds: wallS,
  };
  const dir = path.join(HERE, 'results');
  fs.mkdirSync(dir, { recursive: true });
  const dest = path.join(dir, 'latest.json');
  fs.writeFileSync(`${dest}.tmp`, JSON.stringify(out, null, 2) + '\n');
  fs.renameSync(`${dest}.tmp`, dest);
  console.log(`Results: ${path.relative(process.cwd(), dest)}`);
  console.log(`\nREADME speed table:\n${readmeTable(out)}`);
}

/** The README's speed table from a results object (latest.json): what this run measured. */
function readmeTable(out) {
  const ms = (r) => (r?.medianMs ? `${fmtMs(r.medianMs)} ms` : '—');
  const x = (v) => (v == null ? '—' : `${v.toFixed(2)}×`);
  const lines = [
    `${out.cpu.model}, ${out.cpu.cores} cores, liteq ISA ${out.peak.isa}, ${out.date.slice(0, 10)} (medians; ratios within the run):`,
    '',
    '| model | liteq 1t | liteq 2t | XNNPACK 1t | XNNPACK 2t | liteq / XNNPACK 1t | 2t | TFLite 2.9 1t | TF 2.21 builtin 1t | liteq = TFLite 2.9 |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|:---:|',
  ];
  for (const e of out.models) {
    if (e.error || !e.runtimes) continue;
    const r = (id) => e.runtimes[id];
    const l1 = r('liteq-1t');
    const exact = l1?.agreement?.ok === true ? (e.float ? '≈ (float)' : 'bytes') : l1?.agreement?.ok === false ? '✗' : 'n/a';
    lines.push(
      `| ${e.label} (${Math.round((e.macs ?? 0) / 1e6)} M MACs) | ${ms(l1)} | ${ms(r('liteq-2t'))} | ${ms(r('xnnpack-1t'))} | ${ms(r('xnnpack-2t'))} | ${x(l1?.ratios?.xnnpack)} | ${x(r('liteq-2t')?.ratios?.xnnpack)} | ${ms(r('tflite-1t'))} | ${ms(r('tfbuiltin-1t'))} | ${exact} |`,
    );
  }
  // The README's WASM table: liteq's WebAssembly build against LiteRT.js, one thread each, same run.
  const wasm = out.models.filter((e) => !e.error && e.runtimes?.['liteq-wasm-1t']?.medianMs && e.runtimes?.['litert-1t']?.medianMs);
  if (wasm.length > 0) {
    lines.push('', 'WASM, one thread (same run):', '', '| model | liteq-wasm | LiteRT.js 1 thread | liteq-wasm / LiteRT.js |', '|---|---:|---:|---:|');
    for (const e of wasm) {
      const w = e.runtimes['liteq-wasm-1t'];
      lines.push(`| ${e.label} | ${ms(w)} | ${ms(e.runtimes['litert-1t'])} | ${x(w.ratios?.litert)} |`);
    }
  }
  return lines.join('\n');
}

function printModel(e) {
  const macs = e.macs ? `${(e.macs / 1e6).toFixed(0)} M MACs` : 'MACs n/a';
  console.log(`■ ${e.label} — ${e.model} (${e.input?.shape?.join('x')} ${e.input?.dtype}, ${macs})`);
  if (e.error) {
    console.log(`  ${e.error}\n`);
    return;
  }
  const rows = [['runtime', 'median ms', 'p10–p90 ms', 'n', 'liteq/this', 'MAC/s', `% peak${e.float ? ' f32' : ' int8'}`, 'vs TFLite 1t']];
  const lq = (t) => e.runtimes[`liteq-${t}t`];
  for (const r of Object.values(e.runtimes)) {
    if (r.error) {
      rows.push([r.label, `— ${r.error}`]);
      continue;
    }
    let ratio = '';
    if (r.id.startsWith('liteq')) ratio = r.id === 'liteq-2t' && e.liteqSpeedup2t ? `2t speedup ${e.liteqSpeedup2t.toFixed(2)}×` : '';
    else {
      const mine = lq(r.threads);
      if (mine?.medianMs) ratio = `${(mine.medianMs / r.medianMs).toFixed(2)}×`;
    }
    const agree = r.agreement?.text ?? '';
    rows.push([
      r.label,
      fmtMs(r.medianMs),
      `${fmtMs(r.p10Ms)}–${fmtMs(r.p90Ms)}`,
      String(r.n),
      ratio,
      r.macsPerSec ? fmtRate(r.macsPerSec) : '',
      r.pctPeak != null ? `${r.pctPeak.toFixed(1)}%` : '',
      agree + (r.deterministic === false ? ' (nondeterministic!)' : '') + (r.note ? ' ¹' : ''),
    ]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.filter((r) => i === 0 || r.length > 2).map((r) => (r[i] ?? '').length)));
  for (const row of rows) {
    if (row.length === 2) console.log(`  ${row[0].padEnd(widths[0])}  ${row[1]}`);
    else console.log(`  ${row.map((c, i) => (i === 0 || i === row.length - 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')}`.trimEnd());
  }
  const parts = [];
  for (const t of [1, 2]) {
    const r = lq(t)?.ratios;
    if (r) parts.push(`${t}t: ${Object.entries(r).map(([p, x]) => `${x.toFixed(2)}× ${PEER_NAME[p]}`).join(', ')}`);
  }
  if (parts.length) console.log(`  liteq/peer (lower is faster) — ${parts.join('; ')}`);
  const note = Object.values(e.runtimes).find((r) => r.note)?.note;
  if (note) console.log(`  ¹ LiteRT.js ran a copy of the file with ${note}`);
  console.log('');
}

(args.table ? Promise.resolve(console.log(readmeTable(JSON.parse(fs.readFileSync(path.join(HERE, 'results', 'latest.json'), 'utf8'))))) : main())
  .then(() => process.exit(0)) // LiteRT.js' pthread workers would keep the process alive
  .catch((e) => {
    console.error(e);
    process.exit(1);
  });
