// What every post-training scheme is given: the scheme, calibrated ranges, the input normalization and
// the model I/O type.
import { UnsupportedError } from '../../errors.js';
import type { WeightBackend } from '../numerics/weights.js';
import type { MinMax } from '../numerics/ranges.js';

export type QuantScheme = 'uint8' | 'int8' | 'dynamic' | 'float16';
export type IoType = 'uint8' | 'int8' | 'float';

export interface QuantizeModelOptions {
  scheme: QuantScheme;
  /** Float ranges of activations by tensor index (from calibrate()); needed for uint8 and int8. */
  ranges?: Map<number, MinMax>;
  /** Input normalization the model was trained with: x_float = (pixel - mean) / std. */
  mean?: number;
  std?: number;
  /** Model input/output type for uint8/int8 (default: the scheme's type). */
  io?: IoType;
  backend?: WeightBackend;
  /** `scheme=dynamic`: TFLite's hybrid format (default) or every int8 weight behind DEQUANTIZE. */
  dynamicForm?: 'hybrid' | 'dequantize';
  onWarning?: (message: string) => void;
  description?: string;
}

export function requireRanges(o: QuantizeModelOptions): Map<number, MinMax> {
  if (!o.ranges) throw new UnsupportedError(`\`scheme=${o.scheme}\` needs activation ranges (\`ranges\`): calibrate on images first`);
  return o.ranges;
}
