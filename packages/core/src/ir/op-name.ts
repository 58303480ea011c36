// What every pass, lowering and summary asks of an op first: its name and its builtin options.
import type { BuiltinOp, BuiltinOptions, CustomOp } from './types.js';

/** An IR operator, or the converter's working-graph op: anything that carries an op code. */
type HasOpCode = { op: BuiltinOp | CustomOp };

/** A builtin op's schema name ("CONV_2D") or a custom op's code ("TFLite_Detection_PostProcess"). */
export function opName(op: HasOpCode): string {
  return op.op.kind === 'builtin' ? op.op.opcode : op.op.customCode;
}

/** A builtin op's options ({} for custom ops and builtins without options). */
export function builtinOptions(op: HasOpCode): Partial<BuiltinOptions> & Record<string, unknown> {
  return (op.op.kind === 'builtin' ? op.op.options : undefined) ?? {};
}

/** A copy of an op code whose options can be edited without touching the original. */
export function copyOpCode(code: BuiltinOp | CustomOp): BuiltinOp | CustomOp {
  return code.kind === 'builtin' ? { ...code, ...(code.options ? { options: { ...code.options } } : {}) } : { ...code };
}
