// BATCH_MATMUL → batch_matmul_f32 (native/src/kernels/batch_matmul.cc): float operands (constant or
// not). adj_x/adj_y swap an operand's last two dimensions; ranks 2 to 5 (TFLite 2.9 takes up to 4);
// batch dimensions broadcast (a 1 takes the other side's size); the output has the larger rank. The
// hybrid form (int8 constant RHS) is refused: see docs/SEMANTICS.md for why it is not run.
import { UnsupportedError } from '../../errors.js';
import { encodeParams } from '../params.js';
import type { LoweredOp, OpLowering } from '../types.js';
import { options, requireInput } from './quant-helpers.js';

/** The output shape of lhs × rhs, or an UnsupportedError saying which dimensions disagree. */
export function batchMatMulShape(lhs: number[], rhs: number[], adjX: boolean, adjY: boolean): number[] {
  const rank = Math.max(lhs.length, rhs.length);
  if (lhs.length < 2 || rhs.length < 2 || rank > 5) throw new UnsupportedError(`BATCH_MATMUL: operands [${lhs}] and [${rhs}] need rank 2 to 5`);
  const batch: number[] = [];
  for (let i = 0; i < rank - 2; i++) {
    const l = lhs[i - (rank - lhs.length)] ?? 1, r = rhs[i - (rank - rhs.length)] ?? 1;
    if (l !== r && l !== 1 && r !== 1) throw new UnsupportedError(`BATCH_MATMUL: batch dimensions of [${lhs}] and [${rhs}] do not broadcast`);
    batch.push(l === 1 ? r : l);
  }
  const [l0, l1] = lhs.slice(-2) as [number, number];
  const [r0, r1] = rhs.slice(-2) as [number, number];
  const [m, k] = adjX ? [l1, l0] : [l0, l1];
  const [rk, n] = adjY ? [r1, r0] : [r0, r1];
  if (k !== rk) throw new UnsupportedError(`BATCH_MATMUL: [${lhs}]${adjX ? 'ᵀ' : ''} × [${rhs}]${adjY ? 'ᵀ' : ''}: inner dimensions ${k} and ${rk} differ`);
  return [...batch, m, n];
}

export const batchMatMulLowering: OpLowering = {
  ops: ['BATCH_MATMUL'],
  lower(op, ctx): LoweredOp {
    const lhs = requireInput(op, ctx, 0, 'lhs');
    const rhs = requireInput(op, ctx, 1, 'rhs');
    const out = ctx.tensor(op.outputs[0]!);
    const o = options(op);
    const adjX = o['adjX'] === true, adjY = o['adjY'] === true;
    const outShape = batchMatMulShape(ctx.shape(op.inputs[0]!), ctx.shape(op.inputs[1]!), adjX, adjY);
    if (lhs.dtype !== 'float32' || rhs.dtype !== 'float32' || out.dtype !== 'float32') {
      throw new UnsupportedError(`BATCH_MATMUL: ${lhs.dtype} × ${rhs.dtype} → ${out.dtype} (float operands are supported; not the hybrid int8-RHS form)`);
    }
    const params = encodeParams('BatchMatMulParams', { adj_x: adjX ? 1 : 0, adj_y: adjY ? 1 : 0 }).finish();
    return { kernel: 'batch_matmul_f32', params, outputShapes: [outShape] };
  },
};
