import type { Command } from 'commander';
import { inspectModelFile, type ModelSummary, type TensorSummary } from '@liteq/core';
import { formatBytes, formatCount, table } from '../table.js';

export function registerInspect(program: Command): void {
  program
    .command('inspect')
    .description('summarize a model: inputs/outputs with quantization, op histogram, custom options, params, MACs')
    .argument('<model>', '.tflite, GraphDef .pb/.pbtxt, or TF.js model.json (or its directory); detected by content')
    .option('--json', 'print JSON (stable keys: format, inputs, outputs, operators, custom_options, params, bytes_by_dtype, macs, file_bytes)')
    .action(async (model: string, opts: { json?: boolean }) => {
      const summary = await inspectModelFile(model);
      process.stdout.write(opts.json ? `${JSON.stringify(summary, null, 2)}\n` : `${renderSummary(model, summary)}\n`);
    });
}

function quantText(t: TensorSummary): string {
  const q = t.quantization;
  if (!q) return '';
  if (q.scale.length === 1) return `scale ${Number(q.scale[0]!.toPrecision(6))} zp ${q.zero_point[0]}`;
  return `per-channel (${q.scale.length}) on dim ${q.quantized_dimension}`;
}

function tensorRows(ts: TensorSummary[]): string[][] {
  return ts.map((t) => [t.name, `[${t.shape.join(',')}]`, t.dtype, quantText(t)]);
}

export function renderSummary(file: string, s: ModelSummary): string {
  const lines: string[] = [];
  lines.push(`${file}`);
  lines.push(`  format: ${s.format}   size: ${formatBytes(s.file_bytes)}`);
  if (s.format === 'tflite') {
    lines.push(`  description: ${s.description || '(none)'}   schema version: ${s.version}   subgraphs: ${s.subgraphs}   tensors: ${s.tensors}`);
    if (s.metadata.length) lines.push(`  metadata: ${s.metadata.join(', ')}`);
    if (s.signatures.length) lines.push(`  signatures: ${s.signatures.join(', ')}`);
  } else {
    lines.push(`  nodes: ${formatCount(s.node_count)}   FakeQuant nodes: ${s.fake_quant_count}`);
  }
  lines.push('', 'Inputs', table(['name', 'shape', 'dtype', 'quantization'], tensorRows(s.inputs)));
  lines.push('', s.format === 'tflite' ? 'Outputs' : 'Outputs (sink nodes)', table(['name', 'shape', 'dtype', 'quantization'], tensorRows(s.outputs)));
  const ops = Object.entries(s.operators).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  lines.push('', 'Operators', table(['op', 'count'], ops.map(([k, v]) => [k, String(v)]), ['l', 'r']));
  for (const [code, opts] of Object.entries(s.custom_options)) {
    lines.push('', `Custom options of ${code}`);
    if (opts && typeof opts === 'object') {
      const rows = Object.entries(opts as Record<string, unknown>).map(([k, v]) => [k, JSON.stringify(v)]);
      lines.push(table(['option', 'value'], rows));
    } else {
      lines.push('  (not a flexbuffer map)');
    }
  }
  const bytes = Object.entries(s.bytes_by_dtype).map(([k, v]) => `${k} ${formatBytes(v)}`);
  lines.push('');
  lines.push(`Params: ${formatCount(s.params)}   weights: ${bytes.join(', ') || 'none'}`);
  if (s.macs !== null) lines.push(`MACs: ${formatCount(s.macs)} (conv, depthwise, fully connected)`);
  return lines.join('\n');
}
