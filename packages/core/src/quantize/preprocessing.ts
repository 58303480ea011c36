// The input normalization a float model implies, and a check of user-given --mean/--std against it.
// From a pipeline.config (describePipelineConfig's `preprocessing`) when given, else from the model's
// description when it states "(x-M)/S", else from the model's family recognised by its tensor names: TF Object Detection API SSD MobileNets (input
// "normalized_input_image_tensor" feeding TFLite_Detection_PostProcess) and slim MobileNet/Inception
// classifiers (inception preprocessing) are trained on (2/255)x - 1, i.e. mean = std = 127.5.
import type { Model } from '../ir/types.js';
import type { PipelineConfigSummary } from '../formats/pipeline-config/index.js';

export interface ImpliedPreprocessing {
  mean: number;
  std: number;
  /** Where it comes from (the config's extractor source, or the model family). */
  source: string;
}

export function impliedPreprocessing(model: Model, config?: PipelineConfigSummary): ImpliedPreprocessing | undefined {
  const p = config?.preprocessing;
  if (p?.mean && p.std) {
    const mean = p.mean.reduce((a, b) => a + b, 0) / p.mean.length;
    const std = p.std.reduce((a, b) => a + b, 0) / p.std.length;
    return { mean, std, source: `pipeline.config (${p.normalization ?? 'normalization'}; ${p.source ?? 'feature extractor'})` };
  }
  // A description that states it, e.g. "... (input: (x-128)/128)".
  const stated = /\(\s*x\s*-\s*(\d+(?:\.\d+)?)\s*\)\s*\/\s*(\d+(?:\.\d+)?)/.exec(model.description ?? '');
  if (stated) return { mean: Number(stated[1]), std: Number(stated[2]), source: `the model's description ("${stated[0]}")` };
  const sg = model.subgraphs[0];
  if (!sg) return undefined;
  const names = sg.tensors.map((t) => t.name);
  const ssd = sg.operators.some((o) => o.op.kind === 'custom' && o.op.customCode === 'TFLite_Detection_PostProcess');
  const input = sg.tensors[sg.inputs[0] ?? -1]?.name ?? '';
  if (ssd && (input === 'normalized_input_image_tensor' || names.some((n) => /FeatureExtractor\/Mobilenet/i.test(n)))) {
    return { mean: 127.5, std: 127.5, source: 'SSD MobileNet (TF Object Detection API): (2/255)*x - 1' };
  }
  if (names.some((n) => /^(MobilenetV[123]|InceptionV[1-4])\//.test(n))) {
    return { mean: 127.5, std: 127.5, source: 'slim MobileNet/Inception classifier (inception preprocessing): (2/255)*x - 1' };
  }
  return undefined;
}

/**
 * A warning when (mean, std) maps pixels [0, 255] to a range that differs from the implied one by
 * more than `tolerance` of its width (default 1%: 128/128 against 127.5/127.5 passes).
 */
export function checkMeanStd(mean: number, std: number, implied: ImpliedPreprocessing | undefined, tolerance = 0.01): string | undefined {
  if (!implied) return undefined;
  const lo = (0 - mean) / std;
  const hi = (255 - mean) / std;
  const elo = (0 - implied.mean) / implied.std;
  const ehi = (255 - implied.mean) / implied.std;
  const width = ehi - elo;
  if (Math.abs(lo - elo) <= tolerance * width && Math.abs(hi - ehi) <= tolerance * width) return undefined;
  return (
    `\`mean=${mean}\` \`std=${std}\` maps pixels to [${lo.toFixed(4)}, ${hi.toFixed(4)}], but the model expects ` +
    `[${elo.toFixed(4)}, ${ehi.toFixed(4)}] (mean ${implied.mean}, std ${implied.std}; ${implied.source}); calibration and the quantized input will be off`
  );
}
