// `npm run bench` item: conversion time of the shared QAT tflite_graph.pb to uint8 with the seed's
// tflite_convert flags — the whole CLI process (node start-up, read, convert, write) and in-process
// convert() alone (graph already loaded). Prints medians; run `node bench/convert.mjs [runs]`.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { convert, loadGraphFile, resolveBackend, writeTflite } from '@liteq/core';

const here = dirname(fileURLToPath(import.meta.url));
const SHARED = process.env.LITEQ_SHARED ?? resolve(here, '../../../shared');
const PB = join(SHARED, 'models/graphdef/tflite_graph.pb');
const CLI = resolve(here, '../../packages/cli/bin/liteq.js');
const RUNS = Number(process.argv[2] ?? 5);
const OUTPUTS = ['TFLite_Detection_PostProcess', 'TFLite_Detection_PostProcess:1', 'TFLite_Detection_PostProcess:2', 'TFLite_Detection_PostProcess:3'];

if (!existsSync(PB)) {
  console.log(`convert bench: skipped (${PB} not found)`);
  process.exit(0);
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(0)} ms`;
const dir = mkdtempSync(join(tmpdir(), 'liteq-bench-convert-'));
try {
  const cli = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    execFileSync(process.execPath, [CLI, 'convert', `--graph_def_file=${PB}`, `--output_file=${join(dir, 'm.tflite')}`, '--input_arrays=normalized_input_image_tensor',
      `--output_arrays=${OUTPUTS.join(',')}`, '--input_shape=1,300,300,3', '--allow_custom_ops', '--inference_type=QUANTIZED_UINT8', '--mean_values=128', '--std_dev_values=128', '-q']);
    cli.push(performance.now() - t);
  }
  const graph = await loadGraphFile(PB);
  const backend = await resolveBackend().catch(() => undefined);
  const options = { inputArrays: ['normalized_input_image_tensor'], outputArrays: OUTPUTS, inputShapes: [[1, 300, 300, 3]], allowCustomOps: true, inferenceType: 'QUANTIZED_UINT8', meanValues: [128], stdDevValues: [128] };
  const timeIt = (opts) => {
    const xs = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      writeTflite(convert(graph, opts));
      xs.push(performance.now() - t);
    }
    return median(xs);
  };
  const native = backend ? timeIt({ ...options, backend }) : undefined;
  const ts = timeIt(options);
  const float = timeIt({ ...options, inferenceType: 'FLOAT' });
  console.log(`convert tflite_graph.pb (24.4 MB, 970 nodes) → uint8 .tflite, median of ${RUNS}:`);
  console.log(`  CLI process (start-up + read + convert + write): ${ms(median(cli))}`);
  console.log(`  in-process convert()+writeTflite, uint8, native weight quantization: ${native === undefined ? 'n/a (no backend)' : ms(native)}`);
  console.log(`  in-process convert()+writeTflite, uint8, TS weight quantization:     ${ms(ts)}`);
  console.log(`  in-process convert()+writeTflite, FLOAT:                             ${ms(float)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
