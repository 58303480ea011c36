// `npm run bench:large`: large-model conversion against the machine's memory speed. For a synthetic
// float model (large-model.mjs; default 1G, `-- --size 300M|1G|2.5G|4.5G`), it times the whole CLI process
// of `liteq quantize --scheme dynamic` and `--scheme float16` (wall time, input float bytes per second)
// and its peak RSS (VmHWM, polled), against this machine's single-thread memcpy bandwidth measured in
// the same run and against the output size plus Node's own baseline RSS. A benchmark, not a test:
// nothing is asserted. `-- --json` prints {throughput_gbps, memcpy_gbps, peak_rss_bytes, output_bytes,
// input_bytes, baseline_rss_bytes, startup_seconds, write_output_seconds, seconds, scheme} per scheme.
// Each figure is the median of 3 runs; the generated input is fsynced first. For scale it also times
// writing the output's bytes alone into a new file (the floor any tool producing that file pays).
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, fsyncSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeModelFile } from '@liteq/core';
import { makeLargeFloatModel } from './large-model.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const CLI = path.resolve(HERE, '../../packages/cli/bin/liteq.js');
const args = process.argv.slice(2);
const JSON_OUT = args.includes('--json');
const sizeArg = args[args.indexOf('--size') + 1] ?? '1G';
const size = (() => {
  const m = /^(\d+(?:\.\d+)?)([KMG]?)$/i.exec(args.includes('--size') ? sizeArg : '1G');
  if (!m) throw new Error(`--size ${sizeArg}: expected e.g. 300M, 1G, 2.5G`);
  return Math.round(Number(m[1]) * 1024 ** ' KMG'.indexOf((m[2] || ' ').toUpperCase()));
})();
const log = (s) => !JSON_OUT && process.stdout.write(`${s}\n`);
const RUNS = 3;

/** Single-thread memcpy bandwidth: the median of 5 copies of a 256 MiB buffer (Buffer.copy → memcpy). */
function memcpyGbps() {
  const n = 256 * 2 ** 20;
  const a = Buffer.alloc(n, 1), b = Buffer.alloc(n);
  a.copy(b);
  const t = [];
  for (let i = 0; i < 5; i++) {
    const t0 = process.hrtime.bigint();
    a.copy(b);
    t.push(Number(process.hrtime.bigint() - t0) / 1e9);
  }
  t.sort((x, y) => x - y);
  return n / t[2] / 1e9;
}

/**
 * The machine's floor for the output alone: seconds to write `bytes` into a new file beside the
 * output (1 MiB writes from one warm buffer), then removed and synced away like an output. On a VM
 * whose fresh page-cache pages are slow to get, this is most of a streamed quantize's time.
 */
function writeSeconds(file, bytes) {
  const chunk = Buffer.alloc(2 ** 20, 7);
  const t0 = process.hrtime.bigint();
  const fd = openSync(file, 'w');
  for (let at = 0; at < bytes; at += chunk.length) writeSync(fd, chunk, 0, Math.min(chunk.length, bytes - at), at);
  closeSync(fd);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  rmSync(file);
  spawnSync('sync');
  return seconds;
}

/** Runs node with args; wall seconds and peak RSS (VmHWM from /proc, polled every 10 ms). */
function measure(argv) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(process.execPath, argv, { stdio: ['ignore', 'ignore', 'pipe'] });
    let peak = 0, stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const poll = setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) peak = Math.max(peak, Number(m[1]) * 1024);
      } catch {
        // the process has exited
      }
    }, 10);
    child.on('exit', (code) => {
      clearInterval(poll);
      if (code !== 0) reject(new Error(`${argv.join(' ')} exited ${code}: ${stderr.trim().split('\n').pop()}`));
      else resolve({ seconds: Number(process.hrtime.bigint() - t0) / 1e9, peak });
    });
  });
}

const dir = mkdtempSync(path.join(tmpdir(), 'liteq-bench-large-'));
try {
  const input = path.join(dir, 'float.tflite');
  log(`liteq bench:large — ${new Date().toISOString()}, node ${process.version}`);
  const model = makeLargeFloatModel(size, 1);
  await writeModelFile(input, model);
  // On disk before timing, as a user's model is: otherwise the first runs compete with the kernel
  // writing back a gigabyte of fresh dirty pages (measured: 1.31 s instead of 0.55 s).
  const fd = openSync(input, 'r');
  fsyncSync(fd);
  closeSync(fd);
  const inputBytes = statSync(input).size;
  log(`model: ${model.description}, ${(inputBytes / 2 ** 30).toFixed(2)} GiB`);
  const memcpy = memcpyGbps();
  const baseline = (await measure(['-e', 'setTimeout(() => {}, 200)'])).peak;
  const startups = [];
  for (let i = 0; i < RUNS; i++) startups.push((await measure([CLI, '--version'])).seconds);
  const startup = startups.sort((a, b) => a - b)[RUNS >> 1];
  log(`single-thread memcpy: ${memcpy.toFixed(2)} GB/s; Node's baseline RSS ${(baseline / 2 ** 20).toFixed(0)} MiB; \`liteq --version\` (Node + CLI start-up) ${startup.toFixed(2)} s`);
  const results = [];
  for (const scheme of ['dynamic', 'float16']) {
    const out = path.join(dir, `${scheme}.tflite`);
    // The median of RUNS runs (this VM's disk and CPU speed drift), each output removed (and the page
    // cache synced) before the next.
    const runs = [];
    const floors = [];
    let outputBytes = 0;
    for (let i = 0; i < RUNS; i++) {
      runs.push(await measure([CLI, 'quantize', input, '--scheme', scheme, '-o', out, '-q']));
      outputBytes = statSync(out).size;
      rmSync(out);
      spawnSync('sync'); // the next run starts with no writeback of this one's pages in flight
      floors.push(writeSeconds(path.join(dir, 'floor.bin'), outputBytes));
    }
    runs.sort((a, b) => a.seconds - b.seconds);
    floors.sort((a, b) => a - b);
    const floor = floors[RUNS >> 1];
    const r = { seconds: runs[RUNS >> 1].seconds, peak: Math.max(...runs.map((x) => x.peak)) };
    const res = {
      scheme,
      input_bytes: inputBytes,
      output_bytes: outputBytes,
      seconds: r.seconds,
      throughput_gbps: inputBytes / r.seconds / 1e9,
      memcpy_gbps: memcpy,
      peak_rss_bytes: r.peak,
      baseline_rss_bytes: baseline,
      startup_seconds: startup,
      write_output_seconds: floor,
    };
    results.push(res);
    log(
      `quantize --scheme ${scheme}: ${r.seconds.toFixed(2)} s (median of ${RUNS}; ${runs.map((x) => x.seconds.toFixed(2)).join(', ')}), ${res.throughput_gbps.toFixed(2)} GB/s of float input = ` +
        `${((100 * res.throughput_gbps) / memcpy).toFixed(0)}% of memcpy (target ≥ 50%); peak RSS ${(r.peak / 2 ** 20).toFixed(0)} MiB = ` +
        `${(r.peak / (outputBytes + baseline)).toFixed(2)}× (output ${(outputBytes / 2 ** 20).toFixed(0)} MiB + baseline) (target ≤ 1.2×)`,
    );
    log(
      `  for scale: writing the output's ${(outputBytes / 2 ** 20).toFixed(0)} MiB alone into a new file takes ${floor.toFixed(2)} s here (median; ${floors.map((x) => x.toFixed(2)).join(', ')}); ` +
        `start-up + that = ${(startup + floor).toFixed(2)} s`,
    );
  }
  if (JSON_OUT) process.stdout.write(`${JSON.stringify(results.length === 1 ? results[0] : results)}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
