// What every pass, lowering and summary asks of an op first: its name and its builtin options.
import type { BuiltinOptions, Operator } from './types.js';

/** A builtin op's schema name ("CONV_2D") or a custom op's code ("TFLite_Detection_PostProcess"). */
export function opName(op: Operator): string {
  return op.op.kind === 'builtin' ? op.op.opcode : op.op.customCode;
}

/** A builtin op's options ({} for custom ops and builtins without options). */
export function builtinOptions(op: Operator): Partial<BuiltinOptions> & Record<string, unknown> {
  return (op.op.kind === 'builtin' ? op.op.options : undefined) ?? {};
}
